package dev.dragoman.provider.pseudo;

import dev.dragoman.check.Placeholders;
import dev.dragoman.check.Span;

/**
 * Pseudo-localisation: every letter accented, the text about 30% longer and bracketed, always the same for the same
 * input. It shows the whole flow working, and where a layout would break on longer or accented text, with no network.
 * Markers, placeholders, tags and URLs ({@link Placeholders#protectedSpans}) pass unchanged, as a translator leaves
 * them, so the reply checks and the document writers see a translation they accept.
 */
public final class PseudoLocalizer {

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ACCENTED = "áƀçđéƒĝĥíĵķļɱñóþǫŕšŧúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŦÚṼŴẊÝŽ";
    private static final double GROWTH = 0.3;

    private PseudoLocalizer() {
    }

    public static String localize(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2).append('[');
        int at = 0;
        int prose = 0;
        for (Span span : Placeholders.protectedSpans(text)) {
            prose += accent(text.substring(at, span.start()), out);
            out.append(text, span.start(), span.end());
            at = span.end();
        }
        prose += accent(text.substring(at), out);
        // the padding grows with what a translator writes, not with the codes carried over
        int padding = (int) Math.ceil(prose * GROWTH);
        if (padding > 0) {
            out.append(' ').append("~".repeat(padding));
        }
        return out.append(']').toString();
    }

    /** Appends {@code prose} with its ASCII letters accented; returns its length in code points. */
    private static int accent(String prose, StringBuilder out) {
        prose.codePoints().forEach(c -> {
            int at = c < 128 ? PLAIN.indexOf(c) : -1;
            out.appendCodePoint(at < 0 ? c : ACCENTED.codePointAt(ACCENTED.offsetByCodePoints(0, at)));
        });
        return prose.codePointCount(0, prose.length());
    }
}
