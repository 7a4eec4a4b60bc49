package dev.dragoman.memory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.check.Languages;
import dev.dragoman.translate.XmlFiles;

/**
 * Brings the translation units of a TMX document (https://www.gala-global.org/tmx-14b) into the memory, where every
 * provider instance finds them ({@link TranslationMemory#findImported}). A unit's source is its {@code <tuv>} in the
 * source language: the one asked for, else the unit's {@code srclang}, else the header's; {@code *all*} (or none) makes
 * each of the unit's languages a source for the others. Its translations are its {@code <tuv>} in the target language
 * asked for, else in every other language, so a unit of three languages gives two pairs from its source.
 * <p>
 * Only plain text is taken: a pair whose segment holds inline codes ({@code <bpt>}, {@code <ept>}, {@code <it>},
 * {@code <ph>}, {@code <ut>}: formatting of the document the unit came from) is skipped, since Dragoman translates text
 * without them and would never be asked for that text; {@code <hi>} is text with an emphasis and counts as its text.
 * The document is read as a stream and stored {@value #UNITS_PER_STORE} pairs at a time.
 */
public final class TmxImport {

    private static final Logger LOG = LoggerFactory.getLogger(TmxImport.class);

    private static final int UNITS_PER_STORE = 500;
    private static final Set<String> CODES = Set.of("bpt", "ept", "it", "ph", "ut");
    /** TMX's {@code srclang} for a memory where any language is a source. */
    private static final String ALL = "*all*";

    /** What an import did: language pairs stored, and pairs (or units with no pair) left out. */
    public record Count(int imported, int skipped) {
    }

    /** A {@code <tuv>}: its language, its segment's text, and whether the segment held inline codes. */
    private record Variant(String lang, String text, boolean coded) {

        boolean usable() {
            return !coded && !text.isBlank();
        }
    }

    private final TranslationMemory memory;

    public TmxImport(TranslationMemory memory) {
        this.memory = memory;
    }

    /** Imports a whole file, as {@code dragoman.memory.import} names it, languages as the file gives them. */
    public Count file(Path file) throws IOException, SQLException {
        try (InputStream in = Files.newInputStream(file)) {
            Count count = read(in, null, null);
            LOG.info("translation memory: {} translation(s) imported from {}, {} skipped", count.imported(), file,
                    count.skipped());
            return count;
        }
    }

    /**
     * Imports a TMX document.
     *
     * @param source the language whose segments are the sources (a name or a tag), or null for the file's
     * @param target the one language to take translations in, or null for every other
     * @throws IllegalArgumentException when the document is no TMX
     */
    public Count read(InputStream in, String source, String target) throws SQLException {
        try {
            XMLStreamReader reader = XmlFiles.reader(in);
            try {
                return read(reader, source, target);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not a TMX document: " + e.getMessage(), e);
        }
    }

    private Count read(XMLStreamReader reader, String source, String target)
            throws XMLStreamException, SQLException {
        // past the prolog: comments, and the <!DOCTYPE tmx SYSTEM "tmx14.dtd"> most tools write (never read)
        int event = reader.next();
        while (event != XMLStreamConstants.START_ELEMENT) {
            event = reader.next();
        }
        if (!reader.getLocalName().equals("tmx")) {
            throw new IllegalArgumentException("not a TMX document: its root is <" + reader.getLocalName() + ">");
        }
        List<ImportedUnit> batch = new ArrayList<>();
        int imported = 0;
        int skipped = 0;
        String fileSource = null;
        String unitSource = null;
        String lang = null;
        List<Variant> variants = new ArrayList<>();
        while (reader.hasNext()) {
            event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "header" -> fileSource = reader.getAttributeValue(null, "srclang");
                    case "tu" -> {
                        unitSource = reader.getAttributeValue(null, "srclang");
                        variants.clear();
                    }
                    case "tuv" -> lang = XmlFiles.lang(reader);
                    case "seg" -> {
                        // a <tuv> without a language (TMX requires one) cannot be told apart: left out
                        Variant variant = segment(reader, lang);
                        if (lang != null) {
                            variants.add(variant);
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("tu")) {
                String from = source != null ? source : unitSource != null ? unitSource : fileSource;
                int before = batch.size();
                int pairs = pairs(variants, from, target, batch);
                imported += batch.size() - before;
                skipped += pairs == 0 ? 1 : pairs - (batch.size() - before);
                if (batch.size() >= UNITS_PER_STORE) {
                    memory.storeImported(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            memory.storeImported(batch);
        }
        return new Count(imported, skipped);
    }

    /**
     * Adds the unit's usable pairs from {@code from} ({@code *all*} or null: from each language) to {@code batch};
     * returns how many pairs the unit has, usable or not.
     */
    private static int pairs(List<Variant> variants, String from, String target, List<ImportedUnit> batch) {
        boolean anySource = from == null || from.isBlank() || ALL.equals(from);
        List<Variant> sources = variants.stream()
                .filter(variant -> anySource || Languages.same(variant.lang(), from)).toList();
        int pairs = 0;
        for (Variant text : anySource ? sources : sources.stream().limit(1).toList()) {
            for (Variant translation : variants) {
                if (Languages.same(translation.lang(), text.lang())
                        || target != null && !Languages.same(translation.lang(), target)) {
                    continue;
                }
                pairs++;
                if (text.usable() && translation.usable()) {
                    batch.add(new ImportedUnit(tag(text.lang()), tag(translation.lang()), text.text(),
                            translation.text()));
                }
            }
        }
        return pairs;
    }

    private static String tag(String lang) {
        return Languages.tagOf(lang).orElse(lang);
    }

    /** A {@code <seg>}'s text, and whether it held inline codes; the reader ends on the segment's end. */
    private static Variant segment(XMLStreamReader reader, String lang) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean coded = false;
        for (int depth = 1; depth > 0;) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                coded |= CODES.contains(reader.getLocalName());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            }
        }
        return new Variant(lang, text.toString(), coded);
    }
}
