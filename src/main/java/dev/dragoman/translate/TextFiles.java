package dev.dragoman.translate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the file-drop route does with a file: check that it is UTF-8 text, read it in chunks of lines, write each
 * chunk's translations as they come, and at the end put the output in the outbox, or the partial work in the failed
 * folder. Bound in the registry as {@code textFiles}.
 */
public class TextFiles {

    private final Path outbox;
    private final Path failed;
    private final int chunkLines;
    private final List<String> compared;
    private final int contextSize;
    private final DocumentOpener documents;

    /**
     * @param chunkLines lines read and translated at a time: well above what the providers keep in flight, so that
     *                   the end of a chunk, where fewer lines are left than calls could run, is a small share of it
     * @param compared   under {@code strategy=compare}, the instances, each of which gets an output of its own;
     *                   otherwise empty
     * @param contextSize the translations each file keeps for its next lines' context, the largest {@code context} of
     *                    any instance; 0 for none
     * @param documents   opens the files of document formats; every other file is plain text
     */
    public TextFiles(Path outbox, Path failed, int chunkLines, List<String> compared, int contextSize,
            DocumentOpener documents) {
        this.outbox = outbox;
        this.failed = failed;
        this.chunkLines = chunkLines;
        this.compared = List.copyOf(compared);
        this.contextSize = contextSize;
        this.documents = documents;
    }

    /** Whether each instance writes an output of its own ({@code strategy=compare}). */
    public boolean compares() {
        return !compared.isEmpty();
    }

    /** The same files written to other folders: an HTTP document's, in a folder of its own. */
    public TextFiles in(Path outbox, Path failed) {
        return new TextFiles(outbox, failed, chunkLines, compared, contextSize, documents);
    }

    /**
     * Opens a document format through its reader ({@link DocumentOpener}); any other file is plain text. Reads a
     * text file once as strict UTF-8 before any line is translated, so that a file that is no text
     * (binary, Latin-1, UTF-16, NUL bytes) fails with the reason and costs no provider call; then opens it for the
     * translation. The same pass counts the lines to translate, so the file's progress has its total from the start.
     */
    public DroppedFile open(String path, String name) throws IOException, InvalidTextException {
        Path file = Path.of(path);
        Optional<DroppedFile> document = documents.open(file, name, outbox, failed);
        if (document.isPresent()) {
            return document.get();
        }
        long segments = 0;
        try (TextLines lines = read(file)) {
            // a malformed byte or a NUL fails here
            for (TextLine line = lines.read(); line != null; line = lines.read()) {
                segments += line.blank() ? 0 : 1;
            }
        } catch (CharacterCodingException e) {
            throw new InvalidTextException("not valid UTF-8 text: " + e.getMessage());
        }
        return new FileTranslation(name, segments, read(file), chunkLines, outbox, failed, compared,
                contextSize == 0 ? null : new DocumentContext(contextSize));
    }

    /** The file's lines, as strict UTF-8; a byte-order mark is accepted and not part of the text. */
    static TextLines read(Path file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return new TextLines(reader);
    }

    /**
     * Writes a chunk's lines: the results are the {@link BatchTranslation}s of its batches, which hold an envelope or
     * the failure of each segment, in order.
     */
    public void append(DroppedFile file, FileChunk chunk, List<Object> batches) throws IOException {
        file.append(chunk, SourceBatches.segments(batches).stream()
                .map(result -> result instanceof Exception failure ? LineFailure.of(failure) : result).toList());
    }

    /**
     * Ends the translation: true when every line was translated and the outputs are in the outbox, false when some
     * failed for good and the partial outputs and the list of failed lines are in the failed folder.
     *
     * @throws TranslationFailedException (retryable) when a line failed for a reason that may pass: the file stays in
     *                                    the inbox and nothing of it is left in the outbox
     */
    public boolean finish(DroppedFile file) throws IOException, TranslationFailedException {
        return file.finish();
    }

    /** Drops whatever a translation that cannot go on has written so far. */
    public void discard(DroppedFile file) {
        if (file != null) {
            file.discard();
        }
    }
}
