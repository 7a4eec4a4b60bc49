package dev.dragoman.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds printf-style conversions, the placeholders of java.util.Formatter
 * (https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/Formatter.html#syntax), of C printf as
 * gettext's c-format checks them (https://www.gnu.org/software/gettext/manual/html_node/c_002dformat.html,
 * https://pubs.opengroup.org/onlinepubs/9699919799/functions/fprintf.html), of Python's % operator
 * (https://docs.python.org/3/library/stdtypes.html#printf-style-string-formatting) and Objective-C's {@code %@}
 * (https://developer.apple.com/library/archive/documentation/Cocoa/Conceptual/Strings/Articles/formatSpecifiers.html).
 */
final class PrintfConversions {

    /*
     * The space flag of C and Java is left out on purpose: with it, "50% of" and the French "50 % des" would read as
     * conversions "% o" and "% d" and every percentage in prose would become a placeholder to keep.
     */
    private static final Pattern CONVERSION = Pattern.compile(
            "%(?:(?<literal>%)"
                    + "|(?:(?<index>[1-9][0-9]*)\\$|\\((?<name>[A-Za-z_][A-Za-z0-9_]*)\\))?"
                    + "[-#+0,'<(]*"
                    + "(?:[0-9]+|\\*)?"
                    + "(?:\\.(?:[0-9]+|\\*))?"
                    // Java's date and time conversions, %tY and the like, before C's length modifier t (%td)
                    + "(?:[tT][HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc]"
                    + "|(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcCsSpnbBhH@]))");

    private PrintfConversions() {
    }

    /** The conversions of {@code text} in order; {@code %%}, a literal percent sign, is none. */
    static List<Placeholder> find(String text) {
        // most texts have no conversion at all: no matcher for them, on every reply's check
        if (text.indexOf('%') < 0) {
            return List.of();
        }
        List<Placeholder> found = new ArrayList<>();
        Matcher m = CONVERSION.matcher(text);
        while (m.find()) {
            if (m.group("literal") != null) {
                continue;
            }
            boolean indexed = m.group("index") != null || m.group("name") != null;
            found.add(new Placeholder(indexed ? Placeholder.Kind.PRINTF_INDEXED : Placeholder.Kind.PRINTF, m.group(),
                    new Span(m.start(), m.end())));
        }
        return found;
    }
}
