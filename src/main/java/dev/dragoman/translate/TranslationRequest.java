package dev.dragoman.translate;

import java.util.List;

/**
 * One text to translate, whatever source it came from.
 *
 * @param id       the caller's id, or one the source made up (file name and line, topic-partition-offset)
 * @param provider the instance the caller asked for, or null to let the strategy choose
 * @param context  the texts before this one in its document and their translations, oldest first; each instance
 *                 sends at most its {@code context} latest of them
 * @param glossary the glossary's terms that occur in the text, for its target language
 * @param note     what the model should know about the text and cannot see in it (a document's key path, a gettext
 *                 context, a plural form's meaning); null for none
 * @param format   the markup of a text from HTTP or Kafka whose tags and placeholders must come back as they are
 *                 ({@code html}, {@code markdown}, {@code icu}, {@code printf}); null for plain text
 */
public record TranslationRequest(String id, String text, String sourceLang, String targetLang, String provider,
        List<ContextPair> context, List<GlossaryTerm> glossary, String note, String format) {

    public TranslationRequest {
        context = List.copyOf(context);
        glossary = List.copyOf(glossary);
    }

    /** A text without context or glossary terms. */
    public TranslationRequest(String id, String text, String sourceLang, String targetLang, String provider) {
        this(id, text, sourceLang, targetLang, provider, List.of(), List.of(), null, null);
    }

    public TranslationRequest withContext(List<ContextPair> pairs) {
        return new TranslationRequest(id, text, sourceLang, targetLang, provider, pairs, glossary, note, format);
    }

    public TranslationRequest withGlossary(List<GlossaryTerm> terms) {
        return new TranslationRequest(id, text, sourceLang, targetLang, provider, context, terms, note, format);
    }

    public TranslationRequest withNote(String about) {
        return new TranslationRequest(id, text, sourceLang, targetLang, provider, context, glossary, about, format);
    }

    public TranslationRequest withFormat(String markup) {
        return new TranslationRequest(id, text, sourceLang, targetLang, provider, context, glossary, note, markup);
    }

    /** The same request for another text: the one a format's markup was turned into markers in. */
    public TranslationRequest withText(String other) {
        return new TranslationRequest(id, other, sourceLang, targetLang, provider, context, glossary, note, format);
    }
}
