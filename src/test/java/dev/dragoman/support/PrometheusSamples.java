package dev.dragoman.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a scrape in the Prometheus text format
 * (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): each sample line as its metric
 * name, labels and value; comment lines (HELP, TYPE) skipped. A line that is neither fails the parse.
 */
public final class PrometheusSamples {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+-?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusSamples(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusSamples parse(String scrape) {
        List<Sample> samples = new ArrayList<>();
        for (String line : scrape.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("not a sample line: " + line);
            }
            samples.add(new Sample(sample.group(1), labels(sample.group(2), line), value(sample.group(3))));
        }
        return new PrometheusSamples(samples);
    }

    private static Map<String, String> labels(String text, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) {
            return labels;
        }
        Matcher label = LABEL.matcher(text);
        int end = 0;
        while (label.find() && label.start() == end) {
            labels.put(label.group(1), label.group(2).replace("\\n", "\n").replace("\\\"", "\"")
                    .replace("\\\\", "\\"));
            end = label.end();
        }
        if (end != text.length()) {
            throw new IllegalArgumentException("labels do not parse: " + line);
        }
        return labels;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    public List<Sample> all() {
        return samples;
    }

    /** The samples of one metric whose labels include all of {@code labels}. */
    public List<Sample> of(String name, Map<String, String> labels) {
        return samples.stream().filter(sample -> sample.name().equals(name)
                && sample.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The one sample of {@code name} with exactly these labels' values among its own; fails when none or several. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> found = of(name, labels);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + labels + " in the scrape");
        }
        return found.get(0).value();
    }

    /** The sum over the samples of {@code name} whose labels include {@code labels}. */
    public double sum(String name, Map<String, String> labels) {
        return of(name, labels).stream().mapToDouble(Sample::value).sum();
    }
}
