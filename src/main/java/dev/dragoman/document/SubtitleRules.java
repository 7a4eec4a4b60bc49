package dev.dragoman.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Subtitles: a cue is a fragment of a sentence more often than not, so each cue's note gives the texts of the cues
 * before and after it; the model translates the cue alone, in place, and no text moves between cues.
 */
final class SubtitleRules implements FormatRules {

    @Override
    public List<DocumentSegment> withNeighbours(List<DocumentSegment> segments) {
        List<DocumentSegment> annotated = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            DocumentSegment cue = segments.get(i);
            String note = new NoteText()
                    .add("previous cue", i > 0 ? plain(segments.get(i - 1).text()) : null)
                    .add("next cue", i + 1 < segments.size() ? plain(segments.get(i + 1).text()) : null)
                    .text();
            annotated.add(new DocumentSegment(cue.id(), cue.text(), note));
        }
        return annotated;
    }

    /** The cue's text without its markers, a line break read as a space. */
    private static String plain(String coded) {
        String text = coded;
        for (String marker : LetterCodes.markers(coded)) {
            text = text.replace(marker, marker.startsWith("<x") ? " " : "");
        }
        return text.replaceAll("\\s+", " ").strip();
    }
}
