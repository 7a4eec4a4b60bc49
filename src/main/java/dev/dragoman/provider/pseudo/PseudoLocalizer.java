package dev.dragoman.provider.pseudo;

/**
 * Pseudo-localisation: every letter accented, the text about 30% longer and bracketed, always the same for the same
 * input. It shows the whole flow working, and where a layout would break on longer or accented text, with no network.
 */
public final class PseudoLocalizer {

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ACCENTED = "áƀçđéƒĝĥíĵķļɱñóþǫŕšŧúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŦÚṼŴẊÝŽ";
    private static final double GROWTH = 0.3;

    private PseudoLocalizer() {
    }

    public static String localize(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2).append('[');
        text.codePoints().forEach(c -> {
            int at = c < 128 ? PLAIN.indexOf(c) : -1;
            out.appendCodePoint(at < 0 ? c : ACCENTED.codePointAt(ACCENTED.offsetByCodePoints(0, at)));
        });
        int padding = (int) Math.ceil(text.codePointCount(0, text.length()) * GROWTH);
        if (padding > 0) {
            out.append(' ').append("~".repeat(padding));
        }
        return out.append(']').toString();
    }
}
