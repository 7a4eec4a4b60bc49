package dev.dragoman.translate;

/**
 * One text to translate, whatever source it came from.
 *
 * @param id       the caller's id, or one the source made up (file name and line, topic-partition-offset)
 * @param provider the instance the caller asked for, or null to let the strategy choose
 */
public record TranslationRequest(String id, String text, String sourceLang, String targetLang, String provider) {
}
