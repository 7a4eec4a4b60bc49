package dev.dragoman.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the inline codes of a document in the text sent to a model. The Okapi Framework's letter-coded rendering
 * ({@code net.sf.okapi.common.filterwriter.GenericContent}) writes them as short XML-like markers, which a model keeps
 * more reliably than private-use characters. They mirror the XLIFF 1.2 inline elements {@code <g>}, {@code <x/>},
 * {@code <bx/>} and {@code <ex/>} (https://docs.oasis-open.org/xliff/v1.2/os/xliff-core.html#Struct_InLine); their
 * ids are decimal and start at 1.
 */
public final class Markers {

    private static final Pattern MARKER = Pattern.compile("<(/?)g([1-9][0-9]*)>|<([xbe])([1-9][0-9]*)/>");

    private Markers() {
    }

    /** The markers of {@code text} in the order they appear. */
    public static List<Marker> find(String text) {
        // most texts have no markup at all: no matcher for them, on every reply's check
        if (text.indexOf('<') < 0) {
            return List.of();
        }
        List<Marker> found = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            Span span = new Span(m.start(), m.end());
            if (m.group(2) != null) {
                Marker.Type type = m.group(1).isEmpty() ? Marker.Type.OPENING : Marker.Type.CLOSING;
                found.add(new Marker(type, Integer.parseInt(m.group(2)), span));
            } else {
                Marker.Type type = switch (m.group(3)) {
                    case "x" -> Marker.Type.ISOLATED;
                    case "b" -> Marker.Type.BEGIN;
                    default -> Marker.Type.END;
                };
                found.add(new Marker(type, Integer.parseInt(m.group(4)), span));
            }
        }
        return found;
    }
}
