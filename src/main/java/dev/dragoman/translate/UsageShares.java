package dev.dragoman.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the tokens of one call over the segments it translated, so that the segments' usage adds up exactly to what
 * the provider counted for the call: prompt tokens in proportion to each segment's characters, completion tokens in
 * proportion to each translation's characters, each share rounded down and what rounding leaves over given to the
 * last segment. A count the provider did not report stays unreported for every segment.
 */
public final class UsageShares {

    private UsageShares() {
    }

    /**
     * @param promptWeights     each segment's weight in the prompt tokens (its characters)
     * @param completionWeights each segment's weight in the completion tokens (its translation's characters)
     */
    public static List<Usage> split(Usage total, List<Integer> promptWeights, List<Integer> completionWeights) {
        int count = promptWeights.size();
        List<Usage> shares = new ArrayList<>(count);
        if (total == null) {
            for (int i = 0; i < count; i++) {
                shares.add(null);
            }
            return shares;
        }
        Integer[] prompt = shares(total.promptTokens(), promptWeights);
        Integer[] completion = shares(total.completionTokens(), completionWeights);
        for (int i = 0; i < count; i++) {
            shares.add(new Usage(prompt[i], completion[i]));
        }
        return shares;
    }

    /** Both counts added, a count that one side does not report taken as the other's. */
    public static Usage plus(Usage a, Usage b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new Usage(sum(a.promptTokens(), b.promptTokens()), sum(a.completionTokens(), b.completionTokens()));
    }

    private static Integer[] shares(Integer total, List<Integer> weights) {
        Integer[] shares = new Integer[weights.size()];
        if (total == null || shares.length == 0) {
            return shares;
        }
        long sum = weights.stream().mapToLong(Integer::longValue).sum();
        int given = 0;
        for (int i = 0; i < shares.length - 1; i++) {
            // equal shares when nothing has any weight
            shares[i] = (int) (sum == 0 ? total / shares.length : (long) total * weights.get(i) / sum);
            given += shares[i];
        }
        shares[shares.length - 1] = total - given;
        return shares;
    }

    private static Integer sum(Integer a, Integer b) {
        return a == null || b == null ? (a == null ? b : a) : Integer.valueOf(a + b);
    }
}
