package dev.dragoman.translate;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the file-drop route does with a file's content: check that it is UTF-8 text, split it into segments, and put
 * the translations back in place. Bound in the registry as {@code textFiles}.
 */
public class TextFiles {

    /** Reads the bytes as strict UTF-8; a file that is not (binary, Latin-1, UTF-16) fails with the reason. */
    public TextDocument read(byte[] content) throws InvalidTextException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                throw new InvalidTextException("not a text file: it contains a NUL character at offset " + nul);
            }
            return TextDocument.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            throw new InvalidTextException("not valid UTF-8 text: " + e.getMessage());
        }
    }

    public String render(TextDocument document, List<Envelope> envelopes) {
        return document.render(envelopes.stream().map(Envelope::translation).toList());
    }
}
