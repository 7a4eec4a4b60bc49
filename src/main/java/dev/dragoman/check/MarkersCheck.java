package dev.dragoman.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inline codes of the source come back once each, none added, pairs in order: a lost or doubled code breaks the
 * document when Okapi writes it back, and a closing code before its opening one cannot be written at all. Paired codes
 * ({@code <g1>}…{@code </g1>}) must also nest; split halves ({@code <b1/>}, {@code <e1/>}) need only keep their order,
 * since Okapi splits a pair exactly when it does not nest with the codes around it.
 */
public final class MarkersCheck implements SegmentCheck {

    @Override
    public String name() {
        return "markers";
    }

    @Override
    public Optional<String> problem(String source, String translation, String sourceLang, String targetLang) {
        List<Marker> expected = Markers.find(source);
        List<Marker> found = Markers.find(translation);
        if (expected.isEmpty() && found.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = countProblems(counts(expected), counts(found));
        if (!problems.isEmpty()) {
            return Optional.of(String.join("; ", problems));
        }
        // a source whose own codes are out of order sets no rule its translation could follow
        return orderProblem(expected).isPresent() ? Optional.empty() : orderProblem(found);
    }

    private static List<String> countProblems(Map<String, Integer> expected, Map<String, Integer> found) {
        List<String> problems = new ArrayList<>();
        expected.forEach((marker, times) -> {
            int got = found.getOrDefault(marker, 0);
            if (got < times) {
                problems.add("marker " + marker + " missing");
            } else if (got > times) {
                problems.add("marker " + marker + (got == 2 ? " twice" : " " + got + " times"));
            }
        });
        found.keySet().stream().filter(marker -> !expected.containsKey(marker))
                .forEach(marker -> problems.add("marker " + marker + " added"));
        return problems;
    }

    private static Optional<String> orderProblem(List<Marker> markers) {
        Set<String> unclosed = new HashSet<>();
        Deque<Marker> nested = new ArrayDeque<>();
        for (Marker marker : markers) {
            if (marker.opens()) {
                unclosed.add(marker.text());
                if (marker.type() == Marker.Type.OPENING) {
                    nested.push(marker);
                }
            } else if (marker.closes()) {
                if (!unclosed.remove(marker.partner())) {
                    return Optional.of("marker " + marker.text() + " before " + marker.partner());
                }
                if (marker.type() == Marker.Type.CLOSING) {
                    Marker innermost = nested.pop();
                    if (!innermost.text().equals(marker.partner())) {
                        return Optional.of("markers " + marker.text() + " and " + innermost.text() + " not nested");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Integer> counts(List<Marker> markers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        markers.forEach(marker -> counts.merge(marker.text(), 1, Integer::sum));
        return counts;
    }
}
