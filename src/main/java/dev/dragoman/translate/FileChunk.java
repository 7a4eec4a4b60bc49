package dev.dragoman.translate;

import java.util.List;

/**
 * The part of a dropped file that the file-drop route translates at once: its segments go out in batches, all in
 * flight together, and come back to {@link DroppedFile#append} in the same order.
 */
public interface FileChunk {

    List<FileSegment> segments();
}
