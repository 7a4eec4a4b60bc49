package dev.dragoman.translate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One dropped file on its way through: read as chunks of lines (the file-drop route's streaming split iterates this),
 * its translations appended chunk by chunk to output files under a temporary hidden name in the outbox, renamed when
 * the file is done ({@link #finish()}), or deleted ({@link #discard()}). Only a chunk or two are held at a time, so
 * a file of any length takes a bounded heap.
 * <p>
 * A line that fails for good is kept as it was in the output, which then goes to the failed folder as
 * {@code <name>.partial.<ext>} next to {@code <name>.error.txt} listing each such line. A line that fails for a
 * reason that may pass (an outage) stops the file after the chunk in flight: nothing is kept, and the source is tried
 * again later. Under {@code strategy=compare} there is one output per instance, {@code <name>.<instance>.<ext>}; an
 * instance that failed on some line gets {@code <name>.<instance>.<ext>.error.txt} with the reason instead.
 */
public final class FileTranslation implements Iterator<TextDocument> {

    private static final String WRITING = ".writing-";

    private final String name;
    private final long segments;
    private final TextLines lines;
    private final int chunkLines;
    private final Path outbox;
    private final Path failed;
    /** Output file name to its writer: one, or one per instance under compare. */
    private final Map<String, BufferedWriter> outputs = new LinkedHashMap<>();
    /** Output file name to the first error of the instance that writes it (compare only). */
    private final Map<String, String> instanceErrors = new LinkedHashMap<>();
    private final List<String> failedLines = new ArrayList<>();
    private final DocumentContext context;
    private long lineCount;
    private TranslationFailedException retry;
    private TextDocument next;

    /**
     * @param segments  the file's non-blank lines, the ones to translate
     * @param instances the instances that each get an output under {@code strategy=compare}; otherwise none
     * @param context   the file's last translations for its next lines' context, or null when context is off
     */
    FileTranslation(String name, long segments, TextLines lines, int chunkLines, Path outbox, Path failed,
            List<String> instances, DocumentContext context) throws IOException {
        this.name = name;
        this.segments = segments;
        this.lines = lines;
        this.chunkLines = chunkLines;
        this.outbox = outbox;
        this.failed = failed;
        this.context = context;
        Files.createDirectories(outbox);
        for (String output : instances.isEmpty() ? List.of(name)
                : instances.stream().map(instance -> perInstance(name, instance)).toList()) {
            outputs.put(output, Files.newBufferedWriter(temporary(output), StandardCharsets.UTF_8));
        }
    }

    public String name() {
        return name;
    }

    /** The lines to translate, the non-blank ones: known before the first chunk is read. */
    public long segments() {
        return segments;
    }

    /** The file's context for the route to put on its lines' exchanges ({@link ExchangeKeys#CONTEXT}); null when off. */
    public DocumentContext context() {
        return context;
    }

    /**
     * Whether another chunk is to be translated: none once a line failed for a reason that may pass, even when the
     * split has read it already (it asks ahead, to tell the last chunk).
     */
    @Override
    public synchronized boolean hasNext() {
        if (retry != null) {
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
                throw new IllegalStateException(name + " changed while it was translated: " + e.getMessage(), e);
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

    synchronized void append(TextDocument chunk, List<Object> results) throws IOException {
        List<TextLine> segments = chunk.segmentLines();
        if (results.size() != segments.size()) {
            throw new IllegalArgumentException(results.size() + " results for " + segments.size() + " segments");
        }
        for (int i = 0; i < segments.size(); i++) {
            if (results.get(i) instanceof LineFailure failure && failure.retryable()) {
                retry = new TranslationFailedException(name + " line " + segments.get(i).number() + ": "
                        + failure.reason(), null, true);
                return;
            }
        }
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        outputs.keySet().forEach(output -> texts.put(output, new StringBuilder()));
        int segment = 0;
        for (TextLine line : chunk.lines()) {
            lineCount++;
            Object result = line.blank() ? null : results.get(segment++);
            if (result instanceof LineFailure failure) {
                failedLines.add("line " + line.number() + ": " + failure.reason());
            }
            if (!(result instanceof Envelope envelope)) {
                texts.values().forEach(text -> text.append(line.text()));
            } else if (envelope.translations() == null) {
                texts.get(name).append(line.render(envelope.translation()));
            } else {
                for (ProviderResult instance : envelope.translations()) {
                    String output = perInstance(name, instance.provider());
                    if (instance.failed()) {
                        instanceErrors.putIfAbsent(output, instance.error());
                    }
                    texts.get(output).append(instance.failed() ? line.text() : line.render(instance.translation()));
                }
            }
        }
        for (Map.Entry<String, StringBuilder> text : texts.entrySet()) {
            outputs.get(text.getKey()).append(text.getValue());
        }
    }

    /**
     * Puts the outputs where they belong: true when every line was translated (outputs in the outbox), false when
     * some failed for good (partial outputs and the list of failed lines in the failed folder).
     */
    synchronized boolean finish() throws IOException, TranslationFailedException {
        if (retry != null) {
            discard();
            throw retry;
        }
        close();
        boolean complete = failedLines.isEmpty();
        Path folder = complete ? outbox : Files.createDirectories(failed);
        for (String output : outputs.keySet()) {
            String error = instanceErrors.get(output);
            if (error != null) {
                Files.delete(temporary(output));
                Files.writeString(folder.resolve(output + ".error.txt"), error + "\n", StandardCharsets.UTF_8);
            } else {
                Files.move(temporary(output), folder.resolve(complete ? output : partial(output)),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        if (!complete) {
            Files.writeString(failed.resolve(name + ".error.txt"), failedLines.size() + " of " + lineCount
                    + " lines could not be translated; " + String.join(", ", outputs.keySet().stream()
                            .filter(o -> !instanceErrors.containsKey(o)).map(FileTranslation::partial).toList())
                    + " holds the other lines translated and these as they were:\n"
                    + String.join("\n", failedLines) + "\n", StandardCharsets.UTF_8);
        }
        return complete;
    }

    /** Closes the source and the outputs and deletes what was written: nothing half-done stays in the outbox. */
    synchronized void discard() {
        try {
            close();
            for (String output : outputs.keySet()) {
                Files.deleteIfExists(temporary(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Not {@link java.io.Closeable}: the split would close it once it has read the last chunk, while that chunk is
     * still being translated and has yet to be written.
     */
    private void close() throws IOException {
        lines.close();
        for (BufferedWriter writer : outputs.values()) {
            writer.close();
        }
    }

    private Path temporary(String output) {
        return outbox.resolve(WRITING + output);
    }

    static String partial(String fileName) {
        return insert(fileName, "partial");
    }

    static String perInstance(String fileName, String instance) {
        return insert(fileName, instance);
    }

    /** {@code a.txt} and {@code x} make {@code a.x.txt}; a name without extension gets {@code .x} at the end. */
    private static String insert(String fileName, String part) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) + "." + part + fileName.substring(dot) : fileName + "." + part;
    }
}
