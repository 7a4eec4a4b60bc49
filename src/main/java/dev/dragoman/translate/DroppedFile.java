package dev.dragoman.translate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dropped file on its way through the file-drop route, whatever its format: the route's streaming split iterates
 * its chunks, hands each chunk's results back ({@link #append}), and at the end puts the outputs in the outbox
 * ({@link #finish}) or drops what was written ({@link #discard}). This class keeps what every format shares: which
 * segments failed and why, whether one failed for a reason that may pass, and where the outputs go; the subclasses
 * read and write their format ({@link FileTranslation} for plain text, the document package for the others).
 * <p>
 * A segment that fails for good is kept as it was in the output, which then goes to the failed folder as
 * {@code <name>.partial.<ext>} next to {@code <name>.error.txt} listing each such segment. A segment that fails for
 * a reason that may pass (an outage) stops the file after the chunk in flight: nothing is kept, and the source is
 * tried again later. Under {@code strategy=compare} there is one output per instance, {@code <name>.<instance>.<ext>};
 * an instance that failed on some segment gets {@code <name>.<instance>.<ext>.error.txt} with the reason instead.
 */
public abstract class DroppedFile implements Iterator<FileChunk> {

    private final String name;
    private final long segments;
    private final Path outbox;
    private final Path failed;
    private final List<String> outputs;
    private final DocumentContext context;
    /** Output file name to the first error of the instance that writes it (compare only). */
    private final Map<String, String> instanceErrors = new LinkedHashMap<>();
    private final List<String> failedSegments = new ArrayList<>();
    private TranslationFailedException retry;

    /**
     * @param segments  the file's segments, known before the first chunk is read
     * @param instances the instances that each get an output under {@code strategy=compare}; otherwise none
     * @param context   the file's last translations for its next segments' context, or null when context is off
     */
    protected DroppedFile(String name, long segments, Path outbox, Path failed, List<String> instances,
            DocumentContext context) {
        this.name = name;
        this.segments = segments;
        this.outbox = outbox;
        this.failed = failed;
        this.context = context;
        this.outputs = instances.isEmpty() ? List.of(name)
                : instances.stream().map(instance -> perInstance(name, instance)).toList();
    }

    public String name() {
        return name;
    }

    /** The segments to translate: known before the first chunk is read. */
    public long segments() {
        return segments;
    }

    /** The file's context for the route to put on its segments' exchanges ({@link ExchangeKeys#CONTEXT}); null when off. */
    public DocumentContext context() {
        return context;
    }

    /** The names of the outputs: the file's own, or one per instance under compare. */
    protected List<String> outputs() {
        return outputs;
    }

    /** Whether a segment failed for a reason that may pass: then no further chunk is read. */
    protected synchronized boolean stopped() {
        return retry != null;
    }

    /**
     * Takes a chunk's results, one per segment in order: an {@link Envelope}, or the segment's failure
     * ({@link LineFailure} or an exception). Each output gets the segment's translation, or null to keep it as it was.
     */
    public final synchronized void append(FileChunk chunk, List<Object> results) throws IOException {
        List<FileSegment> segments = chunk.segments();
        if (results.size() != segments.size()) {
            throw new IllegalArgumentException(results.size() + " results for " + segments.size() + " segments");
        }
        List<LineFailure> failures = results.stream()
                .map(result -> result instanceof Exception e ? LineFailure.of(e) : result)
                .map(result -> result instanceof LineFailure failure ? failure : null).toList();
        for (int i = 0; i < segments.size(); i++) {
            if (failures.get(i) != null && failures.get(i).retryable()) {
                retry = new TranslationFailedException(name + " " + segments.get(i).label() + ": "
                        + failures.get(i).reason(), null, true);
                return;
            }
        }
        Map<String, List<String>> translations = new LinkedHashMap<>();
        outputs.forEach(output -> translations.put(output, new ArrayList<>(segments.size())));
        for (int i = 0; i < segments.size(); i++) {
            Object result = results.get(i);
            if (failures.get(i) != null) {
                failedSegments.add(segments.get(i).label() + ": " + failures.get(i).reason());
            }
            if (!(result instanceof Envelope envelope)) {
                translations.values().forEach(list -> list.add(null));
            } else if (envelope.translations() == null) {
                translations.get(name).add(envelope.translation());
            } else {
                for (ProviderResult instance : envelope.translations()) {
                    String output = perInstance(name, instance.provider());
                    if (instance.failed()) {
                        instanceErrors.putIfAbsent(output, instance.error());
                    }
                    translations.get(output).add(instance.failed() ? null : instance.translation());
                }
            }
        }
        for (Map.Entry<String, List<String>> output : translations.entrySet()) {
            write(chunk, output.getKey(), output.getValue());
        }
    }

    /**
     * Puts the outputs where they belong: true when every segment was translated (outputs in the outbox), false when
     * some failed for good (partial outputs and the list of failed segments in the failed folder).
     *
     * @throws TranslationFailedException (retryable) when a segment failed for a reason that may pass: nothing of the
     *                                    file is left in the outbox
     */
    public final synchronized boolean finish() throws IOException, TranslationFailedException {
        if (retry != null) {
            discard();
            throw retry;
        }
        boolean complete = failedSegments.isEmpty();
        Path folder = complete ? outbox : Files.createDirectories(failed);
        for (String output : outputs) {
            String error = instanceErrors.get(output);
            if (error != null) {
                drop(output);
                Files.writeString(folder.resolve(output + ".error.txt"), error + "\n", StandardCharsets.UTF_8);
            } else {
                complete(output, folder.resolve(complete ? output : partial(output)));
            }
        }
        if (!complete) {
            Files.writeString(failed.resolve(name + ".error.txt"), failedSegments.size() + " of " + extent()
                    + " could not be translated; " + String.join(", ", outputs.stream()
                            .filter(o -> !instanceErrors.containsKey(o)).map(DroppedFile::partial).toList())
                    + " holds the others translated and these as they were:\n"
                    + String.join("\n", failedSegments) + "\n", StandardCharsets.UTF_8);
        }
        return complete;
    }

    /** Closes the source and deletes what was written: nothing half-done stays in the outbox. */
    public final synchronized void discard() {
        try {
            close();
            for (String output : outputs) {
                drop(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How much the file held, for its error text: {@code 5 lines} (blank ones included), {@code 12 segments}. */
    protected abstract String extent();

    /** Writes (or keeps for the end) a chunk's translations for one output; a null translation keeps the segment. */
    protected abstract void write(FileChunk chunk, String output, List<String> translations) throws IOException;

    /** Writes the output out to its final place. */
    protected abstract void complete(String output, Path destination) throws IOException;

    /** Deletes whatever was written of the output. */
    protected abstract void drop(String output) throws IOException;

    /** Closes what the file holds open; called once it is done with, whichever way. */
    protected abstract void close() throws IOException;

    public static String partial(String fileName) {
        return insert(fileName, "partial");
    }

    public static String perInstance(String fileName, String instance) {
        return insert(fileName, instance);
    }

    /** {@code a.txt} and {@code x} make {@code a.x.txt}; a name without extension gets {@code .x} at the end. */
    private static String insert(String fileName, String part) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) + "." + part + fileName.substring(dot) : fileName + "." + part;
    }
}
