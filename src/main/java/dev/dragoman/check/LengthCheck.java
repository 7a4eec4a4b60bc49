package dev.dragoman.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The translation is about as long as the source: a reply of a tenth of its length lost most of it, one of five times
 * its length added an explanation or a second version. Short sources are skipped, since "OK" → "Einverstanden" is
 * fine. Scripts written without spaces need far fewer code points for the same words, so the bound in their direction
 * widens: three times as much room below for a Chinese translation of English, above for an English one of Chinese.
 */
public final class LengthCheck implements SegmentCheck {

    private static final int SHORTEST_SOURCE = 20;
    private static final double UNSPACED_FACTOR = 3;

    private final double shortest;
    private final double longest;

    /** Between a fifth and five times the source's length. */
    public LengthCheck() {
        this(0.2, 5.0);
    }

    /** Between {@code shortest} and {@code longest} times the source's length, in code points of prose. */
    public LengthCheck(double shortest, double longest) {
        if (!(shortest > 0 && shortest < longest)) {
            throw new IllegalArgumentException("no length bounds from " + shortest + " to " + longest);
        }
        this.shortest = shortest;
        this.longest = longest;
    }

    @Override
    public String name() {
        return "length";
    }

    @Override
    public Optional<String> problem(String source, String translation, String sourceLang, String targetLang) {
        // no shorter source has as many code points of prose: skip it before taking its placeholders out
        if (source.length() < SHORTEST_SOURCE) {
            return Optional.empty();
        }
        String from = Placeholders.translatableText(source);
        String to = Placeholders.translatableText(translation);
        int length = from.codePointCount(0, from.length());
        if (length < SHORTEST_SOURCE) {
            return Optional.empty();
        }
        double ratio = to.codePointCount(0, to.length()) / (double) length;
        double least = Letters.mostlyUnspaced(to) ? shortest / UNSPACED_FACTOR : shortest;
        double most = Letters.mostlyUnspaced(from) ? longest * UNSPACED_FACTOR : longest;
        if (ratio < least) {
            return Optional.of("length " + format(ratio) + " times the source's (at least " + format(least) + ")");
        }
        if (ratio > most) {
            return Optional.of("length " + format(ratio) + " times the source's (at most " + format(most) + ")");
        }
        return Optional.empty();
    }

    /** Three significant digits, so that a ratio just past a bound never reads as the bound itself. */
    private static String format(double value) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
        return (rounded.scale() < 1 ? rounded.setScale(1) : rounded).toPlainString();
    }
}
