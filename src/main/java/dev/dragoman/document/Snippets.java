package dev.dragoman.document;

import java.util.Locale;

import net.sf.okapi.common.resource.TextFragment;

/**
 * A snippet's markup protected the same way for HTTP/Kafka texts as for documents: format = html | markdown | icu |
 * printf | text. HTML and Markdown go through the same Okapi filters and parameters as files of those formats
 * ({@link SnippetDocument}); an ICU MessageFormat pattern through ICU4J's own parser ({@link IcuMessageCodes});
 * printf conversions through the same code-finder rules as resource files; text is left as it is.
 */
public final class Snippets {

    private Snippets() {
    }

    /**
     * The snippet as letter-coded text, with a way back.
     *
     * @throws IllegalArgumentException for an unknown format, or a snippet that is not valid in its format (an ICU
     *                                  pattern with an unbalanced brace)
     */
    public static ProtectedText protect(String text, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> new ProtectedText(text, translated -> translated);
            case "printf" -> codes(PlaceholderRules.finderFor(text, PlaceholderRules.PRINTF_STRINGS));
            case "icu" -> codes(IcuMessageCodes.of(text));
            case "html" -> SnippetDocument.protect(text, "html", "okf_html");
            case "markdown" -> SnippetDocument.protect(text, "markdown", "okf_markdown");
            default -> throw new IllegalArgumentException("unknown snippet format " + format
                    + ": html, markdown, icu, printf or text");
        };
    }

    /** A fragment whose codes are the protected markup; its codes' data comes back in place of the markers. */
    private static ProtectedText codes(TextFragment fragment) {
        return new ProtectedText(LetterCodes.coded(fragment),
                translated -> LetterCodes.translated(fragment, translated).toText());
    }
}
