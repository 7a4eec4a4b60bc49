package dev.dragoman.translate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a dropped file of a document format (PO, XLIFF, JSON, …) for translation; a file of none stays plain text,
 * translated line by line by {@link TextFiles}. The document package implements it, so that this package needs no
 * knowledge of any format.
 */
public interface DocumentOpener {

    /** Plain text for every file. */
    DocumentOpener NONE = (file, name, outbox, failed) -> Optional.empty();

    /**
     * @param name   the file's path relative to the inbox
     * @param outbox where the translated file goes
     * @param failed where a file goes that failed in part
     * @return the file as a document, or empty when it is plain text
     * @throws InvalidTextException when the file is not what its format says (a broken XML, a PNG named .json)
     */
    Optional<DroppedFile> open(Path file, String name, Path outbox, Path failed) throws IOException, InvalidTextException;
}
