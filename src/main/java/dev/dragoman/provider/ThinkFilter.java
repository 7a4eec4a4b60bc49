package dev.dragoman.provider;

/**
 * Keeps a model's reasoning out of the translation: removes {@code <think>…</think>} blocks, also when a tag is split
 * across stream chunks, and treats a lone {@code </think>} (reasoning models whose template opens the block for
 * them) as the end of reasoning, dropping everything before it.
 */
final class ThinkFilter {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private final StringBuilder visible = new StringBuilder();
    private String pending = "";
    private boolean inThink;

    void accept(String chunk) {
        String text = pending + chunk;
        pending = "";
        int at = 0;
        while (at < text.length()) {
            if (inThink) {
                int close = text.indexOf(CLOSE, at);
                if (close < 0) {
                    pending = partialTagAtEnd(text, at, CLOSE);
                    return;
                }
                inThink = false;
                at = close + CLOSE.length();
                continue;
            }
            int open = text.indexOf(OPEN, at);
            int close = text.indexOf(CLOSE, at);
            if (close >= 0 && (open < 0 || close < open)) {
                visible.setLength(0);
                at = close + CLOSE.length();
            } else if (open >= 0) {
                visible.append(text, at, open);
                inThink = true;
                at = open + OPEN.length();
            } else {
                String tail = longer(partialTagAtEnd(text, at, OPEN), partialTagAtEnd(text, at, CLOSE));
                visible.append(text, at, text.length() - tail.length());
                pending = tail;
                return;
            }
        }
    }

    /** What is visible so far, held-back partial tags excepted. */
    String visible() {
        return visible.toString();
    }

    /** The text so far, without reasoning; a held-back partial tag is released once the stream is complete. */
    String text(boolean complete) {
        if (complete && !inThink && !pending.isEmpty()) {
            visible.append(pending);
            pending = "";
        }
        return visible.toString().strip();
    }

    /** The longest end of {@code text[from..]} that could be the start of {@code tag}. */
    private static String partialTagAtEnd(String text, int from, String tag) {
        for (int length = Math.min(tag.length() - 1, text.length() - from); length > 0; length--) {
            if (text.endsWith(tag.substring(0, length))) {
                return text.substring(text.length() - length);
            }
        }
        return "";
    }

    private static String longer(String a, String b) {
        return a.length() >= b.length() ? a : b;
    }
}
