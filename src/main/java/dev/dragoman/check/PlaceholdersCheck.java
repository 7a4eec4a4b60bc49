package dev.dragoman.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;

import dev.dragoman.check.Placeholder.Kind;

/**
 * The placeholders of the source come back untranslated, none added: a program fills them in by their exact text, so
 * {@code {{kategória}}} for {@code {{category}}} shows the user a raw placeholder, and a lost {@code %d} throws.
 * Numbered and named placeholders may move; plain printf conversions take their arguments in order, so theirs must
 * stay. An ICU plural keeps its keywords, but may gain the CLDR plural categories the target language has and lose
 * those it lacks (https://cldr.unicode.org/index/cldr-spec/plural-rules): Polish needs {@code few} and {@code many},
 * Japanese only {@code other}.
 */
public final class PlaceholdersCheck implements SegmentCheck {

    @Override
    public String name() {
        return "placeholders";
    }

    @Override
    public Optional<String> problem(String source, String translation, String sourceLang, String targetLang) {
        List<Placeholder> expected = Placeholders.find(source);
        List<Placeholder> found = Placeholders.find(translation);
        if (expected.isEmpty() && found.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        unmatched(expected, found).forEach(text -> problems.add("placeholder " + text + " missing"));
        unmatched(found, expected).forEach(text -> problems.add("placeholder " + text + " added"));
        if (problems.isEmpty()) {
            List<String> conversions = sequence(expected);
            if (!conversions.equals(sequence(found))) {
                problems.add("printf " + String.join(" ", conversions) + " reordered");
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(keywordProblems(keywords(expected), keywords(found), targetLang));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /**
     * The placeholders of {@code from} that {@code in} lacks, in order: each plain conversion as often as it is
     * missing, since each takes an argument; every other placeholder once, since it may be repeated at will, as in
     * every option of a plural.
     */
    private static List<String> unmatched(List<Placeholder> from, List<Placeholder> in) {
        Map<String, Integer> conversions = new HashMap<>();
        Set<String> others = new HashSet<>();
        for (Placeholder placeholder : in) {
            if (placeholder.kind() == Kind.PRINTF) {
                conversions.merge(placeholder.text(), 1, Integer::sum);
            } else {
                others.add(placeholder.text());
            }
        }
        List<String> unmatched = new ArrayList<>();
        for (Placeholder placeholder : from) {
            String text = placeholder.text();
            boolean missing = placeholder.kind() == Kind.PRINTF ? conversions.merge(text, -1, Integer::sum) < 0
                    : !others.contains(text) && !unmatched.contains(text);
            if (missing) {
                unmatched.add(text);
            }
        }
        return unmatched;
    }

    private static List<String> sequence(List<Placeholder> placeholders) {
        return placeholders.stream().filter(p -> p.kind() == Kind.PRINTF).map(Placeholder::text).toList();
    }

    /** The keywords of each plural, selectordinal and select argument, over all the places it is written. */
    private static Map<Placeholder, Set<String>> keywords(List<Placeholder> placeholders) {
        Map<String, Placeholder> first = new LinkedHashMap<>();
        Map<Placeholder, Set<String>> keywords = new LinkedHashMap<>();
        placeholders.stream().filter(p -> !p.keywords().isEmpty()).forEach(p -> keywords
                .computeIfAbsent(first.computeIfAbsent(p.text(), text -> p), key -> new LinkedHashSet<>())
                .addAll(p.keywords()));
        return keywords;
    }

    private static List<String> keywordProblems(Map<Placeholder, Set<String>> expected,
            Map<Placeholder, Set<String>> found, String targetLang) {
        Map<String, Set<String>> foundByText = found.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().text(), Map.Entry::getValue));
        List<String> problems = new ArrayList<>();
        expected.forEach((argument, keywords) -> {
            Set<String> written = foundByText.getOrDefault(argument.text(), Set.of());
            Optional<Set<String>> categories = categories(argument.kind(), targetLang);
            keywords.stream().filter(k -> !written.contains(k))
                    .filter(k -> categories.isEmpty() || k.startsWith("=") || categories.get().contains(k))
                    .forEach(k -> problems.add("keyword " + k + " missing in " + argument.text()));
            written.stream().filter(k -> !keywords.contains(k))
                    .filter(k -> categories.isEmpty() || !categories.get().contains(k))
                    .forEach(k -> problems.add("keyword " + k + " added to " + argument.text()));
        });
        return problems;
    }

    /**
     * The plural categories of the target language for a plural or selectordinal; empty, so the keywords must stay as
     * they are, for a select, whose keywords are the program's, or when the language is unknown.
     */
    private static Optional<Set<String>> categories(Kind kind, String targetLang) {
        PluralRules.PluralType type = switch (kind) {
            case ICU_PLURAL -> PluralRules.PluralType.CARDINAL;
            case ICU_SELECTORDINAL -> PluralRules.PluralType.ORDINAL;
            default -> null;
        };
        if (type == null) {
            return Optional.empty();
        }
        return Languages.tagOf(targetLang)
                .map(tag -> PluralRules.forLocale(ULocale.forLanguageTag(tag), type).getKeywords());
    }
}
