package dev.dragoman.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary of {@code bench/run --compare REV}: {@code Compare A-rounds... -- B-rounds...}, each argument the file
 * holding one {@link Bench} run's output (standard output and error). Prints one line per figure, in the order the
 * runs printed them: {@code name <REV median> <working tree median> <ratio new/REV>}. A median keeps as many decimals
 * as the figure's values have; a figure missing on one side, a value that is no number, or a ratio to zero prints
 * {@code -}. The median, not the mean: on a shared 2-core machine one disturbed round is common, and it should not
 * move the figure.
 */
public final class Compare {

    /** A figure line as {@link Bench} prints it; its progress lines start with "[bench]". */
    private static final Pattern FIGURE = Pattern.compile("([a-z][a-z0-9_]*) (\\S+)");

    private Compare() {
    }

    public static void main(String[] args) throws IOException {
        int split = Arrays.asList(args).indexOf("--");
        List<Map<String, String>> old = read(Arrays.copyOfRange(args, 0, split));
        List<Map<String, String>> neu = read(Arrays.copyOfRange(args, split + 1, args.length));
        Set<String> names = new LinkedHashSet<>();
        old.forEach(run -> names.addAll(run.keySet()));
        neu.forEach(run -> names.addAll(run.keySet()));
        for (String name : names) {
            BigDecimal a = median(old, name);
            BigDecimal b = median(neu, name);
            String ratio = a == null || b == null || a.signum() == 0 ? "-"
                    : b.divide(a, 2, RoundingMode.HALF_UP).toPlainString();
            System.out.println(name + " " + (a == null ? "-" : a.toPlainString()) + " "
                    + (b == null ? "-" : b.toPlainString()) + " " + ratio);
        }
    }

    private static List<Map<String, String>> read(String[] files) throws IOException {
        List<Map<String, String>> runs = new ArrayList<>();
        for (String file : files) {
            Map<String, String> figures = new LinkedHashMap<>();
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                Matcher figure = FIGURE.matcher(line);
                if (figure.matches()) {
                    figures.put(figure.group(1), figure.group(2));
                }
            }
            runs.add(figures);
        }
        return runs;
    }

    /** The median of the runs' numeric values of one figure, null when none has one. */
    private static BigDecimal median(List<Map<String, String>> runs, String name) {
        List<BigDecimal> values = new ArrayList<>();
        for (Map<String, String> run : runs) {
            String value = run.get(name);
            if (value != null && value.matches("-?\\d+(\\.\\d+)?")) {
                values.add(new BigDecimal(value));
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        int scale = values.stream().mapToInt(BigDecimal::scale).max().orElse(0);
        int middle = values.size() / 2;
        BigDecimal median = values.size() % 2 == 1 ? values.get(middle)
                : values.get(middle - 1).add(values.get(middle)).divide(BigDecimal.valueOf(2));
        return median.setScale(scale, RoundingMode.HALF_UP);
    }
}
