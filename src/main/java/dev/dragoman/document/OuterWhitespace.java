package dev.dragoman.document;

/**
 * The whitespace around a segment's text belongs to the document, not to the sentence: a PO msgid that ends with a
 * line break needs a msgstr that does too (msgfmt --check rejects it otherwise), a DOCX run that ends with a space
 * joins the next one. A model tends to trim it, so a translation without it gets the source's back.
 */
final class OuterWhitespace {

    private OuterWhitespace() {
    }

    static String kept(String source, String translation) {
        String result = translation;
        String leading = source.substring(0, source.length() - source.stripLeading().length());
        if (!leading.isEmpty() && result.equals(result.stripLeading())) {
            result = leading + result;
        }
        String trailing = source.substring(source.stripTrailing().length());
        if (!trailing.isEmpty() && result.equals(result.stripTrailing())) {
            result = result + trailing;
        }
        return result;
    }
}
