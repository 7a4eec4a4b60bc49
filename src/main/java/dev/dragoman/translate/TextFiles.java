package dev.dragoman.translate;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /**
     * The files a translated document becomes: one under the source's name, or under {@code strategy=compare} one
     * per instance, {@code <name>.<instance>.<ext>}; an instance that failed on some line gets
     * {@code <name>.<instance>.<ext>.error.txt} with the reason instead.
     */
    public List<OutputFile> outputs(TextDocument document, List<Envelope> envelopes, String fileName) {
        if (envelopes.isEmpty() || envelopes.get(0).translations() == null) {
            return List.of(new OutputFile(fileName, document.render(
                    envelopes.stream().map(Envelope::translation).toList())));
        }
        List<OutputFile> files = new ArrayList<>();
        int instances = envelopes.get(0).translations().size();
        for (int i = 0; i < instances; i++) {
            int instance = i;
            List<ProviderResult> results = envelopes.stream().map(e -> e.translations().get(instance)).toList();
            String name = perInstance(fileName, results.get(0).provider());
            results.stream().filter(ProviderResult::failed).findFirst().ifPresentOrElse(
                    failed -> files.add(new OutputFile(name + ".error.txt", failed.error() + "\n")),
                    () -> files.add(new OutputFile(name,
                            document.render(results.stream().map(ProviderResult::translation).toList()))));
        }
        return files;
    }

    private static String perInstance(String fileName, String instance) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) + "." + instance + fileName.substring(dot)
                : fileName + "." + instance;
    }

    /** A file to write to the outbox. */
    public record OutputFile(String name, String content) {
    }
}
