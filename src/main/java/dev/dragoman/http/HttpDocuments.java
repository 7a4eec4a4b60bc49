package dev.dragoman.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.FileUtil;

import dev.dragoman.translate.DroppedFile;
import dev.dragoman.translate.InvalidTextException;
import dev.dragoman.translate.TextFiles;
import dev.dragoman.translate.TranslationFailedException;

/**
 * {@code POST /translate/document}: the body is a file, named by the query parameter {@code name} (its extension
 * chooses the format, as for a dropped file) or typed by {@code format} ({@code po}, {@code xliff}, {@code json},
 * {@code docx}, … or {@code txt}); the answer is the same file translated, in its format. It is translated exactly as
 * a dropped file is ({@code direct:translate-file}), in a temporary folder of its own that goes when the exchange
 * does. Bound as {@code httpDocuments}.
 */
public class HttpDocuments {

    /** A safe file name: no folders, no hidden names, nothing a file system would take for anything but a name. */
    private static final String NAME = "[\\p{L}\\p{N}_\\-][\\p{L}\\p{N}_\\-. ]{0,200}";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("po", "text/x-gettext-translation"), Map.entry("pot", "text/x-gettext-translation"),
            Map.entry("xlf", "application/xliff+xml"), Map.entry("xliff", "application/xliff+xml"),
            Map.entry("json", "application/json"), Map.entry("yml", "application/yaml"),
            Map.entry("yaml", "application/yaml"), Map.entry("properties", "text/x-java-properties"),
            Map.entry("md", "text/markdown"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("srt", "application/x-subrip"), Map.entry("vtt", "text/vtt"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

    private final TextFiles files;
    private final int maxBody;

    /**
     * @param files   the file drop's, for the formats and the chunking
     * @param maxBody {@code dragoman.http.max-body}, bytes
     */
    public HttpDocuments(TextFiles files, int maxBody) {
        this.files = files;
        this.maxBody = maxBody;
    }

    /** Writes the body to a folder of the exchange's own and opens it as a dropped file: the body becomes the file. */
    public void open(Exchange exchange) throws BadRequestException, TooLargeException, IOException,
            InvalidTextException {
        if (files.compares()) {
            throw new BadRequestException("under strategy=compare each instance writes a file of its own: drop the"
                    + " file into the inbox instead");
        }
        Message message = exchange.getMessage();
        String name = name(message.getHeader("name", String.class), message.getHeader("format", String.class));
        byte[] body = message.getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new BadRequestException("the body is empty: send the file itself as the body");
        }
        if (body.length > maxBody) {
            throw new TooLargeException("the file has " + body.length + " bytes, more than the " + maxBody
                    + " allowed (dragoman.http.max-body)");
        }
        Path folder = Files.createTempDirectory("dragoman-document-");
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                FileUtil.removeDir(folder.toFile());
            }
        });
        Path source = Files.write(Files.createDirectories(folder.resolve("in")).resolve(name), body);
        DroppedFile file = files.in(folder.resolve("out"), folder.resolve("failed")).open(source.toString(), name);
        exchange.setVariable("documentFolder", folder);
        message.setBody(file);
    }

    /**
     * The translated file, with its content type; when some segment failed for good, the failure with each such
     * segment and why (502), as a text's would be.
     */
    public byte[] reply(Exchange exchange) throws IOException, TranslationFailedException {
        Message message = exchange.getMessage();
        DroppedFile file = message.getBody(DroppedFile.class);
        Path folder = exchange.getVariable("documentFolder", Path.class);
        boolean complete = file.finish();
        message.getHeaders().clear();
        if (!complete) {
            throw new TranslationFailedException(Files.readString(folder.resolve("failed")
                    .resolve(file.name() + ".error.txt"), StandardCharsets.UTF_8).strip(), null, false);
        }
        message.setHeader(Exchange.CONTENT_TYPE, TYPES.getOrDefault(extension(file.name()),
                "text/plain; charset=utf-8"));
        message.setHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        return Files.readAllBytes(folder.resolve("out").resolve(file.name()));
    }

    private static String name(String name, String format) throws BadRequestException {
        if (name == null && format == null) {
            throw new BadRequestException("say what the file is: ?name=messages.po (its extension chooses the"
                    + " format) or ?format=po");
        }
        String chosen = name != null ? Path.of(name).getFileName().toString() : "document." + format;
        if (!chosen.matches(NAME)) {
            throw new BadRequestException("the file name must be letters, digits, '_', '-', '.' and spaces, not '"
                    + chosen + "'");
        }
        return chosen;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
