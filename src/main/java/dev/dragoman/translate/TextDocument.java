package dev.dragoman.translate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of a text, whole or a chunk of a file, so that a translation keeps its structure exactly: one segment per
 * non-blank line, blank lines left blank, each line's indentation, trailing spaces and line ending (LF, CRLF, CR or
 * none at the end) kept. Every character that is not a line ending is part of some line and comes back in its place.
 */
public final class TextDocument implements FileChunk {

    private final List<TextLine> lines;

    public TextDocument(List<TextLine> lines) {
        this.lines = List.copyOf(lines);
    }

    public static TextDocument parse(String text) {
        List<TextLine> lines = new ArrayList<>();
        try (TextLines reader = TextLines.of(text)) {
            for (TextLine line = reader.read(); line != null; line = reader.read()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTextException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new TextDocument(lines);
    }

    public List<TextLine> lines() {
        return lines;
    }

    /** The non-blank lines, in order: each one is a segment to translate. */
    public List<TextLine> segmentLines() {
        return lines.stream().filter(line -> !line.blank()).toList();
    }

    /** Each non-blank line as a segment, known by its line number. */
    @Override
    public List<FileSegment> segments() {
        return segmentLines().stream().map(line -> new FileSegment(String.valueOf(line.number()),
                "line " + line.number(), line.content(), null)).toList();
    }

    /** The text of each non-blank line, in order: what gets translated. */
    public List<String> texts() {
        return lines.stream().filter(line -> !line.blank()).map(TextLine::content).toList();
    }

    /**
     * The document with each segment replaced by its translation, in order. A translation that came back on several
     * lines is joined onto one, so the output has exactly the input's lines.
     */
    public String render(List<String> translations) {
        List<TextLine> segments = segmentLines();
        if (translations.size() != segments.size()) {
            throw new IllegalArgumentException(translations.size() + " translations for " + segments.size()
                    + " segments");
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (TextLine line : lines) {
            out.append(line.blank() ? line.text() : line.render(translations.get(next++)));
        }
        return out.toString();
    }
}
