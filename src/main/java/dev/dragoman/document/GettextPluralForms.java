package dev.dragoman.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;

import net.sf.okapi.common.LocaleId;

/**
 * The {@code Plural-Forms} header of a PO file for one target language, and what each of its forms is for.
 *
 * <p>The expressions come from gettext's own table and CLDR ({@code gettext-plural-forms.properties} says which); a
 * language in neither gets one only when ICU4J's CLDR rules make it obvious (one form, or "one" for 1 or for 0 and 1
 * against "other"). The note of a form names its index, its CLDR category (ICU4J) and the first counts the
 * expression gives it, e.g. "plural form 1 of 3 (msgstr[1], CLDR category "few"), used for counts like 2, 3, 4, 22".
 *
 * @param header   the header value, e.g. {@code nplurals=3; plural=(n==1 ? 0 : …);}
 * @param count    nplurals
 * @param language the target language, for the CLDR categories
 */
record GettextPluralForms(String header, int count, ULocale language) {

    private static final Properties TABLE = table();
    private static final Pattern HEADER = Pattern.compile("\\s*nplurals\\s*=\\s*(\\d+)\\s*;\\s*plural\\s*=(.*?);?\\s*");
    private static final int SAMPLES = 4;
    private static final int SEARCHED = 1_000;

    /** The Plural-Forms of a language, or empty when Dragoman knows none for it. */
    static Optional<GettextPluralForms> of(LocaleId target) {
        ULocale language = ULocale.forLanguageTag(target.toBCP47());
        String region = language.getCountry();
        String header = region.isEmpty() ? null : TABLE.getProperty(language.getLanguage() + "_" + region);
        if (header == null) {
            header = TABLE.getProperty(language.getLanguage());
        }
        if (header == null) {
            header = fromCldr(PluralRules.forLocale(language));
        }
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            throw new IllegalStateException("not a Plural-Forms header: " + header);
        }
        return Optional.of(new GettextPluralForms(header, Integer.parseInt(matcher.group(1)), language));
    }

    /** The form that {@code count} takes. */
    int form(long count) {
        Matcher matcher = HEADER.matcher(header);
        matcher.matches();
        return PluralExpression.evaluate(matcher.group(2), count);
    }

    /** What the model should know about each form, by index. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            notes.add(note(index));
        }
        return notes;
    }

    private String note(int index) {
        List<Long> counts = new ArrayList<>();
        for (long n = 0; n < SEARCHED && counts.size() < SAMPLES; n++) {
            if (form(n) == index) {
                counts.add(n);
            }
        }
        StringBuilder note = new StringBuilder("plural form ").append(index).append(" of ").append(count)
                .append(" (msgstr[").append(index).append("])");
        if (!counts.isEmpty()) {
            PluralRules rules = PluralRules.forLocale(language);
            Set<String> categories = counts.stream().map(rules::select)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            note.append(", CLDR ").append(categories.size() == 1 ? "category " : "categories ")
                    .append(categories.stream().map(category -> '"' + category + '"')
                            .collect(Collectors.joining(", ")))
                    .append(", used for counts like ")
                    .append(counts.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return note.toString();
    }

    private static String fromCldr(PluralRules rules) {
        Collection<String> integerCategories = rules.getKeywords().stream()
                .filter(keyword -> !rules.getSamples(keyword, PluralRules.SampleType.INTEGER).isEmpty())
                .collect(Collectors.toList());
        if (integerCategories.equals(List.of(PluralRules.KEYWORD_OTHER))) {
            return "nplurals=1; plural=0;";
        }
        if (integerCategories.size() != 2 || !integerCategories.contains(PluralRules.KEYWORD_ONE)) {
            return null;
        }
        boolean zeroIsOne = rules.select(0).equals(PluralRules.KEYWORD_ONE);
        boolean oneIsOne = rules.select(1).equals(PluralRules.KEYWORD_ONE);
        for (long n = 2; n < SEARCHED; n++) {
            if (rules.select(n).equals(PluralRules.KEYWORD_ONE)) {
                return null;
            }
        }
        if (oneIsOne && zeroIsOne) {
            return "nplurals=2; plural=(n > 1);";
        }
        return oneIsOne ? "nplurals=2; plural=(n != 1);" : null;
    }

    private static Properties table() {
        Properties table = new Properties();
        try (InputStream in = GettextPluralForms.class.getResourceAsStream("gettext-plural-forms.properties")) {
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
