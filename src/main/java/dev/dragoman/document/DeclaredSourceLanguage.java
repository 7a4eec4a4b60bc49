package dev.dragoman.document;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source language a file declares itself, for a document read with the source language "auto": XLIFF 1.2's
 * {@code source-language} on {@code <file>}, XLIFF 2's {@code srcLang} on {@code <xliff>}, an HTML page's
 * {@code lang} on {@code <html>}. The other formats declare none (a PO header's {@code Language} is the target's).
 */
final class DeclaredSourceLanguage {

    private static final Pattern XLIFF = Pattern.compile("<file\\b[^>]*\\ssource-language\\s*=\\s*[\"']([^\"']+)");
    private static final Pattern XLIFF_2 = Pattern.compile("<xliff\\b[^>]*\\ssrcLang\\s*=\\s*[\"']([^\"']+)");
    private static final Pattern HTML = Pattern.compile("(?i)<html\\b[^>]*\\slang\\s*=\\s*[\"']([^\"']+)");

    private DeclaredSourceLanguage() {
    }

    /** The BCP 47 tag the text declares for its format, if any. */
    static Optional<String> of(String filterConfigId, String text) {
        Pattern pattern = filterConfigId.startsWith("okf_xliff2") ? XLIFF_2
                : filterConfigId.startsWith("okf_xliff") ? XLIFF
                : filterConfigId.startsWith("okf_html") ? HTML : null;
        if (pattern == null || text == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }
}
