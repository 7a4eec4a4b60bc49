package dev.dragoman.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the brace placeholders of a text: {@code {{count}}} of i18next (https://www.i18next.com/translation-function/interpolation)
 * and Handlebars (https://handlebarsjs.com/guide/expressions.html), {@code %{count}} of Ruby on Rails
 * (https://guides.rubyonrails.org/i18n.html#passing-variables-to-translations), {@code ${x}} of template literals and
 * Spring/Apache Commons Text, and ICU MessageFormat arguments ({@link IcuArgument}). Braces that hold none of these,
 * prose or JSON, are left alone.
 */
final class Braces {

    /** The placeholders found, and the spans of the text they make untouchable. */
    record Found(List<Placeholder> placeholders, List<Span> syntax) {
    }

    private Braces() {
    }

    static Found find(String text) {
        List<Placeholder> placeholders = new ArrayList<>();
        List<Span> syntax = new ArrayList<>();
        int at = text.indexOf('{');
        while (at >= 0) {
            int end = matchingBrace(text, at);
            if (end < 0) {
                at = text.indexOf('{', at + 1);
                continue;
            }
            Span region = new Span(at, end);
            char before = at > 0 ? text.charAt(at - 1) : ' ';
            if (before == '%' || before == '$' || isDoubled(text, region)) {
                Span span = before == '%' || before == '$' ? new Span(at - 1, end) : region;
                placeholders.add(new Placeholder(Placeholder.Kind.BRACE, text.substring(span.start(), span.end()), span));
                syntax.add(span);
            } else {
                IcuArgument argument = IcuArgument.read(text, region);
                if (argument != null) {
                    placeholders.addAll(argument.placeholders());
                    syntax.addAll(argument.syntax());
                }
            }
            at = text.indexOf('{', end);
        }
        return new Found(placeholders, syntax);
    }

    /** The index after the brace that closes the one at {@code open}, or -1 when it is never closed. */
    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isDoubled(String text, Span region) {
        return region.end() - region.start() >= 4 && text.charAt(region.start() + 1) == '{'
                && text.charAt(region.end() - 2) == '}';
    }
}
