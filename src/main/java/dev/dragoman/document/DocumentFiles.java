package dev.dragoman.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.dragoman.translate.DocumentContext;
import dev.dragoman.translate.DocumentOpener;
import dev.dragoman.translate.DroppedFile;
import dev.dragoman.translate.InvalidTextException;

/**
 * Opens the dropped files of document formats ({@link DocumentFormats}: by extension, or as configured per extension
 * or folder) as {@link DocumentTranslation}s; other files stay plain text. A file its format's filter cannot read
 * fails as invalid text, so that it goes to the failed folder with the reason and costs no provider call.
 */
public final class DocumentFiles implements DocumentOpener {

    private final DocumentFormats formats;
    private final String sourceTag;
    private final String targetTag;
    private final int chunkSize;
    private final List<String> compared;
    private final int contextSize;

    /**
     * @param sourceTag the configured source language as a BCP 47 tag, or null for {@code auto}
     * @param targetTag the configured target language as a BCP 47 tag, which the formats that record it get
     * @param chunkSize segments translated at once, as a text file's lines are
     * @param compared  under {@code strategy=compare}, the instances that each get an output; otherwise empty
     * @param contextSize the translations each file keeps for its next segments' context; 0 for none
     */
    public DocumentFiles(DocumentFormats formats, String sourceTag, String targetTag, int chunkSize,
            List<String> compared, int contextSize) {
        this.formats = formats;
        this.sourceTag = sourceTag;
        this.targetTag = targetTag;
        this.chunkSize = chunkSize;
        this.compared = List.copyOf(compared);
        this.contextSize = contextSize;
    }

    @Override
    public Optional<DroppedFile> open(Path file, String name, Path outbox, Path failed)
            throws IOException, InvalidTextException {
        try {
            Optional<DocumentFormat> format = formats.of(name, file);
            if (format.isEmpty()) {
                return Optional.empty();
            }
            OkapiDocument document = OkapiDocument.read(file, format.get(), sourceTag, targetTag);
            return Optional.of(new DocumentTranslation(name, document, chunkSize, outbox, failed, compared,
                    contextSize == 0 ? null : new DocumentContext(contextSize)));
        } catch (DocumentException e) {
            throw new InvalidTextException(e.getMessage());
        }
    }
}
