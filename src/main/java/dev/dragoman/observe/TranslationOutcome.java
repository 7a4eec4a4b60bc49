package dev.dragoman.observe;

import java.util.Locale;

/** What became of a text (a line, a record, a text of a request), as {@code dragoman_translations_total} names it. */
public enum TranslationOutcome {
    /** A provider translated it. */
    TRANSLATED,
    /** The translation memory had it (under strategy=compare: for every instance): no call. */
    CACHED,
    /** It failed, for good or for now (a line of a file tried again later counts again). */
    FAILED;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
