package dev.dragoman.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML or Markdown snippet read as a small document through the same filter and parameters as a file, so that its
 * markup is protected exactly as a file's. Its segments become one letter-coded text: their markers renumbered so
 * that none repeats, a placeholder marker between two segments. Restoring checks the markers, cuts the translation at
 * those placeholders and writes the document with each piece as its segment's translation.
 */
final class SnippetDocument {

    private static final Pattern MARKER = Pattern.compile("<(/?)([gxbe])(-?\\d+)(/?)>");
    private static final String LANGUAGE = "en";

    private SnippetDocument() {
    }

    static ProtectedText protect(String text, String name, String filterConfigId) {
        OkapiDocument document;
        try {
            document = OkapiDocument.read(text, new DocumentFormat(name, filterConfigId,
                    FilterDefaults.of(name, filterConfigId)), LANGUAGE, LANGUAGE);
        } catch (DocumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<DocumentSegment> segments = document.segments();
        List<Integer> offsets = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        StringBuilder coded = new StringBuilder();
        int offset = 0;
        for (DocumentSegment segment : segments) {
            if (!offsets.isEmpty()) {
                String separator = "<x" + ++offset + "/>";
                separators.add(separator);
                coded.append(separator);
            }
            offsets.add(offset);
            coded.append(shifted(segment.text(), offset));
            offset += LetterCodes.markers(segment.text()).stream().mapToInt(SnippetDocument::id).max().orElse(0);
        }
        String protectedText = coded.toString();
        return new ProtectedText(protectedText,
                translated -> restore(document, segments, offsets, separators, protectedText, translated));
    }

    private static String restore(OkapiDocument document, List<DocumentSegment> segments, List<Integer> offsets,
            List<String> separators, String coded, String translated) {
        LetterCodes.check(LetterCodes.markers(coded), translated);
        Map<String, String> pieces = new HashMap<>();
        int start = 0;
        for (int i = 0; i < segments.size(); i++) {
            int end = i < separators.size() ? translated.indexOf(separators.get(i), start) : translated.length();
            if (end < 0) {
                throw new IllegalArgumentException("marker " + separators.get(i) + " is out of place");
            }
            pieces.put(segments.get(i).id(), shifted(translated.substring(start, end), -offsets.get(i)));
            start = end + (i < separators.size() ? separators.get(i).length() : 0);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            document.write(segment -> Optional.ofNullable(pieces.get(segment.id())), output);
        } catch (DocumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** The letter-coded text with each marker's id moved by {@code offset}. */
    private static String shifted(String coded, int offset) {
        Matcher matcher = MARKER.matcher(coded);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("<" + matcher.group(1) + matcher.group(2)
                    + (Integer.parseInt(matcher.group(3)) + offset) + matcher.group(4) + ">"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static int id(String marker) {
        Matcher matcher = MARKER.matcher(marker);
        return matcher.matches() ? Integer.parseInt(matcher.group(3)) : 0;
    }
}
