package dev.dragoman.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.dragoman.translate.DocumentContext;
import dev.dragoman.translate.DroppedFile;
import dev.dragoman.translate.FileChunk;
import dev.dragoman.translate.FileSegment;

/**
 * A dropped document (PO, XLIFF, JSON, …) on its way through the file-drop route: its segments, read whole through
 * the format's Okapi filter, go out in chunks like a text file's lines; their translations are kept until the end,
 * when the filter's own writer puts each in its place and writes the file in its format, everything around the
 * translatable text as it was. A segment that failed keeps its source (or, in a bilingual file, its target untouched).
 */
final class DocumentTranslation extends DroppedFile {

    private static final String WRITING = ".writing-";

    private final OkapiDocument document;
    private final List<DocumentSegment> segments;
    private final int chunkSize;
    private final Path outbox;
    /** Output file name to the translations of its segments, by segment id. */
    private final Map<String, Map<String, String>> translations = new HashMap<>();
    private int position;

    DocumentTranslation(String name, OkapiDocument document, int chunkSize, Path outbox, Path failed,
            List<String> instances, DocumentContext context) {
        super(name, document.segments().size(), outbox, failed, instances, context);
        this.document = document;
        this.segments = document.segments();
        this.chunkSize = chunkSize;
        this.outbox = outbox;
        outputs().forEach(output -> translations.put(output, new HashMap<>()));
    }

    @Override
    public synchronized boolean hasNext() {
        return !stopped() && position < segments.size();
    }

    @Override
    public synchronized FileChunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<FileSegment> chunk = segments.subList(position, Math.min(segments.size(), position + chunkSize))
                .stream().map(DocumentTranslation::segment).toList();
        position += chunk.size();
        return () -> chunk;
    }

    private static FileSegment segment(DocumentSegment segment) {
        String text = segment.text().strip();
        String start = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return new FileSegment(segment.id(), "segment " + segment.id() + " (" + start.replaceAll("\\s+", " ") + ")",
                segment.text(), segment.note());
    }

    @Override
    protected String extent() {
        return segments.size() + " segments";
    }

    @Override
    protected void write(FileChunk chunk, String output, List<String> translated) {
        Map<String, String> kept = translations.get(output);
        for (int i = 0; i < translated.size(); i++) {
            if (translated.get(i) != null) {
                kept.put(chunk.segments().get(i).id(), translated.get(i));
            }
        }
    }

    @Override
    protected void complete(String output, Path destination) throws IOException {
        Files.createDirectories(outbox);
        Path temporary = outbox.resolve(WRITING + output);
        Map<String, String> kept = translations.get(output);
        try {
            document.write(segment -> Optional.ofNullable(kept.get(segment.id())), temporary);
        } catch (DocumentException e) {
            Files.deleteIfExists(temporary);
            throw new IOException(output + " could not be written: " + e.getMessage(), e);
        }
        Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    protected void drop(String output) throws IOException {
        Files.deleteIfExists(outbox.resolve(WRITING + output));
    }

    @Override
    protected void close() {
        // the document was read whole when it was opened: nothing is held open
    }
}
