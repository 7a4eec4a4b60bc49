package dev.dragoman.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.check.Languages;

/**
 * The terms of {@code dragoman.glossary}: a UTF-8 file of one term a line, its fields separated by tabs (TSV) or, on
 * a line without a tab, by commas (CSV): the source term, its translation, and optionally the one target language it
 * is for. Blank lines and lines starting with {@code #} are skipped. A {@code .tbx} file is a termbase instead
 * ({@link TbxTerms}): its concepts give their terms in the source language with their translations, each for its own
 * target language. A text gets only the terms that occur in it (regardless of case) and are for its target language
 * ({@link Languages#same}: a term for {@code de} is one for {@code German}), so a large glossary costs no prompt tokens
 * for the texts it does not concern.
 * <p>
 * Edits apply while Dragoman runs: on use, at most every {@code recheck}, the file's modification time and size are
 * compared with the loaded version's, and a changed file is read again. A file that cannot be read then (removed,
 * half-written with a line of one field) leaves the terms as they were, with a warning.
 */
public final class Glossary {

    private static final Logger LOG = LoggerFactory.getLogger(Glossary.class);

    /** No glossary: no terms for any text. */
    public static final Glossary NONE = new Glossary(null, null, Duration.ZERO, Clock.systemUTC(),
            new Loaded(List.of(), null, -1, Instant.MAX));

    /**
     * A term, what a text must contain for it (lower case), and its one target language as {@link Languages#matchKey},
     * or null for every one.
     */
    record Entry(GlossaryTerm term, String match, String targetKey) {

        Entry(String source, String target, String targetLang) {
            this(new GlossaryTerm(source, target), source.toLowerCase(Locale.ROOT),
                    targetLang == null ? null : Languages.matchKey(targetLang));
        }
    }

    /** The terms of one version of the file, and when that version was last compared with the file. */
    private record Loaded(List<Entry> entries, FileTime modified, long size, Instant checked) {
    }

    private final Path file;
    private final String sourceLang;
    private final Duration recheck;
    private final Clock clock;
    private volatile Loaded loaded;

    private Glossary(Path file, String sourceLang, Duration recheck, Clock clock, Loaded loaded) {
        this.file = file;
        this.sourceLang = sourceLang;
        this.recheck = recheck;
        this.clock = clock;
        this.loaded = loaded;
    }

    /**
     * Reads the file now, so that a glossary that cannot be read stops start-up. {@code sourceLang}, the configured
     * source language, picks a termbase's source terms ({@code auto}: its own language, {@link TbxTerms}).
     */
    public static Glossary load(Path file, String sourceLang, Duration recheck, Clock clock) throws IOException {
        Glossary glossary = new Glossary(file, sourceLang, recheck, clock, null);
        glossary.loaded = glossary.read();
        return glossary;
    }

    /** The terms that occur in {@code text} and are for every target language or for {@code targetLang}. */
    public List<GlossaryTerm> termsFor(String text, String targetLang) {
        String haystack = text.toLowerCase(Locale.ROOT);
        String targetKey = Languages.matchKey(targetLang);
        return current().stream()
                .filter(entry -> entry.targetKey() == null || entry.targetKey().equals(targetKey))
                .filter(entry -> haystack.contains(entry.match()))
                .map(Entry::term)
                .toList();
    }

    private List<Entry> current() {
        Loaded now = loaded;
        if (clock.instant().isBefore(now.checked().plus(recheck))) {
            return now.entries();
        }
        synchronized (this) {
            if (loaded == now) {
                loaded = reloaded(now);
            }
            return loaded.entries();
        }
    }

    private Loaded reloaded(Loaded before) {
        try {
            if (Files.getLastModifiedTime(file).equals(before.modified()) && Files.size(file) == before.size()) {
                return new Loaded(before.entries(), before.modified(), before.size(), clock.instant());
            }
            Loaded after = read();
            LOG.info("glossary {} read again: {} term(s)", file, after.entries().size());
            return after;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("glossary {} could not be read again, its terms stay as they were: {}", file, e.getMessage());
            return new Loaded(before.entries(), before.modified(), before.size(), clock.instant());
        }
    }

    private Loaded read() throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        List<Entry> entries = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tbx")
                ? TbxTerms.read(file, sourceLang) : lines();
        return new Loaded(List.copyOf(entries), modified, size, clock.instant());
    }

    private List<Entry> lines() throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(line.contains("\t") ? "\t" : ",", -1);
            String source = field(fields, 0);
            String target = field(fields, 1);
            if (source == null || target == null || fields.length > 3) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected a term, its translation"
                        + " and optionally a target language, separated by tabs or commas");
            }
            entries.add(new Entry(source, target, field(fields, 2)));
        }
        return entries;
    }

    /** A field without the spaces and the double quotes around it; null when absent or empty. */
    private static String field(String[] fields, int index) {
        if (index >= fields.length) {
            return null;
        }
        String value = fields[index].strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value.isEmpty() ? null : value;
    }

    /** For the start-up line. */
    public int size() {
        return current().size();
    }
}
