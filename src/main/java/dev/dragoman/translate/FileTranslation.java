package dev.dragoman.translate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A dropped plain-text file: read as chunks of lines, its translations appended chunk by chunk to output files under
 * a temporary hidden name in the outbox, renamed when the file is done. Only a chunk or two are held at a time, so a
 * file of any length takes a bounded heap. One segment per non-blank line; a line that failed is written as it was.
 */
public final class FileTranslation extends DroppedFile {

    private static final String WRITING = ".writing-";

    private final TextLines lines;
    private final int chunkLines;
    private final Path outbox;
    /** Output file name to its writer: one, or one per instance under compare. */
    private final Map<String, BufferedWriter> writers = new LinkedHashMap<>();
    private long lineCount;
    private TextDocument next;

    /**
     * @param segments  the file's non-blank lines, the ones to translate
     * @param instances the instances that each get an output under {@code strategy=compare}; otherwise none
     * @param context   the file's last translations for its next lines' context, or null when context is off
     */
    FileTranslation(String name, long segments, TextLines lines, int chunkLines, Path outbox, Path failed,
            List<String> instances, DocumentContext context) throws IOException {
        super(name, segments, outbox, failed, instances, context);
        this.lines = lines;
        this.chunkLines = chunkLines;
        this.outbox = outbox;
        Files.createDirectories(outbox);
        for (String output : outputs()) {
            writers.put(output, Files.newBufferedWriter(temporary(output), StandardCharsets.UTF_8));
        }
    }

    /**
     * Whether another chunk is to be translated: none once a line failed for a reason that may pass, even when the
     * split has read it already (it asks ahead, to tell the last chunk).
     */
    @Override
    public synchronized boolean hasNext() {
        if (stopped()) {
            return false;
        }
        if (next == null) {
            List<TextLine> chunk = new ArrayList<>();
            try {
                for (TextLine line = lines.read(); line != null; line = lines.read()) {
                    chunk.add(line);
                    if (chunk.size() == chunkLines) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidTextException e) {
                // checked by TextFiles.open before: the file changed while it was being translated
                throw new IllegalStateException(name() + " changed while it was translated: " + e.getMessage(), e);
            }
            next = chunk.isEmpty() ? null : new TextDocument(chunk);
        }
        return next != null;
    }

    @Override
    public synchronized TextDocument next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TextDocument chunk = next;
        next = null;
        return chunk;
    }

    @Override
    protected String extent() {
        return lineCount + " lines";
    }

    @Override
    protected void write(FileChunk chunk, String output, List<String> translations) throws IOException {
        TextDocument document = (TextDocument) chunk;
        StringBuilder text = new StringBuilder();
        int segment = 0;
        for (TextLine line : document.lines()) {
            String translation = line.blank() ? null : translations.get(segment++);
            text.append(translation == null ? line.text() : line.render(translation));
        }
        if (output.equals(outputs().get(0))) {
            lineCount += document.lines().size();
        }
        writers.get(output).append(text);
    }

    @Override
    protected void complete(String output, Path destination) throws IOException {
        close();
        Files.move(temporary(output), destination, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    protected void drop(String output) throws IOException {
        close();
        Files.deleteIfExists(temporary(output));
    }

    /**
     * Not {@link java.io.Closeable}: the split would close it once it has read the last chunk, while that chunk is
     * still being translated and has yet to be written.
     */
    @Override
    protected void close() throws IOException {
        lines.close();
        for (BufferedWriter writer : writers.values()) {
            writer.close();
        }
    }

    private Path temporary(String output) {
        return outbox.resolve(WRITING + output);
    }
}
