package dev.dragoman.check;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks a provider instance runs on each translation, chosen by name in its settings. They run cheapest first,
 * the language detection last, and stop at the first problem: one reason is enough to reject a reply.
 */
public final class SegmentChecks {

    private static final List<SegmentCheck> CHECKS = List.of(new MarkersCheck(), new PlaceholdersCheck(),
            new UnchangedCheck(), new ChatterCheck(), new LengthCheck(), new LanguageCheck());

    /** The names of every check, in the order they run. */
    public static final List<String> ALL = CHECKS.stream().map(SegmentCheck::name).toList();

    private static final SegmentChecks NONE = new SegmentChecks(List.of());

    private final List<SegmentCheck> checks;

    private SegmentChecks(List<SegmentCheck> checks) {
        this.checks = checks;
    }

    /**
     * The checks of these names, in any order and case.
     *
     * @throws IllegalArgumentException for a name that is no check, naming those there are
     */
    public static SegmentChecks of(Collection<String> names) {
        Set<String> wanted = names.stream().map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).collect(Collectors.toSet());
        wanted.stream().filter(name -> !ALL.contains(name)).sorted().findFirst().ifPresent(unknown -> {
            throw new IllegalArgumentException(
                    "unknown check '" + unknown + "'; the checks are " + String.join(", ", ALL));
        });
        return new SegmentChecks(CHECKS.stream().filter(check -> wanted.contains(check.name())).toList());
    }

    /** No checks: every reply passes. */
    public static SegmentChecks none() {
        return NONE;
    }

    /** The names of the chosen checks, in the order they run. */
    public List<String> names() {
        return checks.stream().map(SegmentCheck::name).toList();
    }

    /** The first check the translation fails and why; empty when it passes them all. */
    public Optional<CheckFailure> firstProblem(String source, String translation, String sourceLang,
            String targetLang) {
        for (SegmentCheck check : checks) {
            Optional<String> problem = check.problem(source, translation, sourceLang, targetLang);
            if (problem.isPresent()) {
                return Optional.of(new CheckFailure(check.name(), problem.get()));
            }
        }
        return Optional.empty();
    }

    /** A failed check: its name, the metrics label, and the reason, for the log and the retry. */
    public record CheckFailure(String check, String reason) {
    }
}
