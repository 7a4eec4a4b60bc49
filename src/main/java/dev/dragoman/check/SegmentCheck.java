package dev.dragoman.check;

import java.util.Optional;

/**
 * One test a model's translation of one segment must pass before it is written. A reply that fails is a bad reply, to
 * be asked for again or reported, rather than a translation that silently breaks the document or says the wrong thing.
 */
public interface SegmentCheck {

    /** The name users turn the check on and off by, and the metrics label: "markers", "placeholders", … */
    String name();

    /**
     * Why the translation is a bad reply for this source, e.g. "placeholder {count} missing"; empty when it passes.
     *
     * @param sourceLang a BCP 47 tag, an English language name, or {@code auto} when the model recognises it
     * @param targetLang a BCP 47 tag or an English language name
     */
    Optional<String> problem(String source, String translation, String sourceLang, String targetLang);
}
