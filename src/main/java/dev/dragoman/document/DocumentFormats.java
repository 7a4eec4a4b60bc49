package dev.dragoman.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Okapi filter reads a file: by extension, or by a user's mapping per extension or folder.
 *
 * <p>Dragoman knows {@code .po .pot .xlf .xliff .json .properties .yaml .yml .md .markdown .html .htm .srt .vtt
 * .docx}. An XLIFF file is read by {@code okf_xliff} or, when its root says {@code version="2.…"}, by
 * {@code okf_xliff2}: Okapi's XLIFF 1.2 filter fails on XLIFF 2. Everything else ({@code .txt}, unknown extensions)
 * is plain text, which Dragoman keeps translating line by line.
 */
public final class DocumentFormats {

    /** The filter id a user maps a pattern to so that its files stay plain text. */
    public static final String PLAIN_TEXT = "text";

    private static final Map<String, DocumentFormat> BY_EXTENSION = builtIn();
    private static final DocumentFormat XLIFF_2_FORMAT = new DocumentFormat("xliff2", "okf_xliff2", null);
    private static final Pattern XLIFF_2 = Pattern.compile("<xliff\\b[^>]*\\bversion\\s*=\\s*[\"']2\\.");
    private static final int SNIFFED = 4096;

    private final Map<String, String> filters;
    private final Map<String, String> params;

    /**
     * @param filters pattern → Okapi filter configuration id (e.g. ".strings" → "okf_properties", "docs/" →
     *                "okf_markdown", or {@value #PLAIN_TEXT} to keep such files plain text)
     * @param params  pattern → Okapi .fprm parameter text for that filter; it replaces Dragoman's own defaults for
     *                the files the pattern matches and, as in Okapi, applies over the filter's own defaults
     * @throws IllegalArgumentException when a pattern maps to a filter configuration Okapi does not have
     */
    public DocumentFormats(Map<String, String> filters, Map<String, String> params) {
        filters.forEach((pattern, filter) -> {
            if (!PLAIN_TEXT.equals(filter) && !OkapiFilters.knows(filter)) {
                throw new IllegalArgumentException("dragoman document format " + pattern + " = " + filter
                        + ": no such Okapi filter configuration");
            }
        });
        this.filters = Map.copyOf(filters);
        this.params = Map.copyOf(params);
    }

    public static DocumentFormats defaults() {
        return new DocumentFormats(Map.of(), Map.of());
    }

    /**
     * The format of a file, by the user's mapping first (folder patterns end with "/" and match the file's path
     * relative to the inbox, the longest first; then extension patterns), then by extension; empty for plain text
     * (.txt, unknown extensions) which Dragoman keeps translating line by line.
     *
     * @param relativePath the file's path relative to the inbox, with "/" or the platform's separator
     * @param file         the file, read only to tell XLIFF 1.2 from XLIFF 2
     * @throws DocumentException when an XLIFF file cannot be read
     */
    public Optional<DocumentFormat> of(String relativePath, Path file) throws DocumentException {
        String path = relativePath.replace('\\', '/');
        Optional<String> pattern = matching(filters, path);
        if (pattern.isPresent()) {
            String filter = filters.get(pattern.get());
            if (PLAIN_TEXT.equals(filter)) {
                return Optional.empty();
            }
            DocumentFormat mapped = known(filter).orElse(new DocumentFormat(filter, filter, null));
            return Optional.of(withParams(mapped, path, file));
        }
        DocumentFormat builtIn = BY_EXTENSION.get(extension(path));
        return builtIn == null ? Optional.empty() : Optional.of(withParams(builtIn, path, file));
    }

    private DocumentFormat withParams(DocumentFormat format, String path, Path file) throws DocumentException {
        DocumentFormat sniffed = "okf_xliff".equals(format.filterConfigId()) && isXliff2(file)
                ? XLIFF_2_FORMAT : format;
        Optional<String> pattern = matching(params, path);
        return pattern.isEmpty() ? sniffed
                : new DocumentFormat(sniffed.name(), sniffed.filterConfigId(), params.get(pattern.get()));
    }

    /** Dragoman's own format for a filter id a user mapped to, so that it keeps Dragoman's parameters. */
    private static Optional<DocumentFormat> known(String filter) {
        if (XLIFF_2_FORMAT.filterConfigId().equals(filter)) {
            return Optional.of(XLIFF_2_FORMAT);
        }
        return BY_EXTENSION.values().stream().filter(format -> format.filterConfigId().equals(filter))
                .filter(format -> !"srt".equals(format.name())).findFirst();
    }

    /** The folder pattern with the longest match, else the matching extension pattern. */
    private static Optional<String> matching(Map<String, String> patterns, String path) {
        Optional<String> folder = patterns.keySet().stream().filter(pattern -> pattern.endsWith("/"))
                .filter(path::startsWith)
                .max(Comparator.comparingInt(String::length));
        if (folder.isPresent()) {
            return folder;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        return patterns.keySet().stream().filter(pattern -> !pattern.endsWith("/"))
                .filter(pattern -> lower.endsWith(pattern.toLowerCase(Locale.ROOT)))
                .max(Comparator.comparingInt(String::length));
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private static boolean isXliff2(Path file) throws DocumentException {
        try (InputStream in = Files.newInputStream(file)) {
            return XLIFF_2.matcher(new String(in.readNBytes(SNIFFED), StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            throw new DocumentException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, DocumentFormat> builtIn() {
        Map<String, DocumentFormat> formats = new LinkedHashMap<>();
        add(formats, "po", "okf_po", ".po", ".pot");
        add(formats, "xliff", "okf_xliff", ".xlf", ".xliff");
        add(formats, "json", "okf_json", ".json");
        add(formats, "properties", "okf_properties", ".properties");
        add(formats, "yaml", "okf_yaml", ".yaml", ".yml");
        add(formats, "markdown", "okf_markdown", ".md", ".markdown");
        add(formats, "html", "okf_html", ".html", ".htm");
        add(formats, "vtt", "okf_vtt", ".vtt");
        add(formats, "srt", "okf_vtt", ".srt");
        add(formats, "docx", "okf_openxml", ".docx");
        return Map.copyOf(formats);
    }

    private static void add(Map<String, DocumentFormat> formats, String name, String filter, String... extensions) {
        DocumentFormat format = new DocumentFormat(name, filter, FilterDefaults.of(name, filter));
        for (String extension : extensions) {
            formats.put(extension, format);
        }
    }
}
