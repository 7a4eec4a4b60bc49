package dev.dragoman.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the markup left in a text: XML and HTML tags and comments, character references and URLs. A translator keeps
 * them as they are; a changed tag breaks the document and a translated URL leads nowhere.
 */
final class Markup {

    private static final Pattern MARKUP = Pattern.compile(String.join("|",
            // a start, end or empty-element tag with its attributes (https://www.w3.org/TR/xml/#sec-starttags)
            "</?[A-Za-z][A-Za-z0-9:._-]*(?:\\s+[A-Za-z_:][A-Za-z0-9:._-]*"
                    + "(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*\\s*/?>",
            "<!--.*?-->",
            // named and numeric character references (https://html.spec.whatwg.org/multipage/syntax.html#character-references)
            "&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);",
            // a URL up to white space, a quote or a backtick, without the punctuation of the sentence or the bracket
            // it ends (a pseudo-localised text's closing bracket)
            "(?:https?|ftp)://[^\\s<>\"'`]*[^\\s<>\"'`.,;:!?)\\]]"), Pattern.DOTALL);

    private Markup() {
    }

    static List<Span> find(String text) {
        // every alternative needs one of these: most texts need no matcher, on every reply's check
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0 && text.indexOf("://") < 0) {
            return List.of();
        }
        List<Span> found = new ArrayList<>();
        Matcher m = MARKUP.matcher(text);
        while (m.find()) {
            found.add(new Span(m.start(), m.end()));
        }
        return found;
    }
}
