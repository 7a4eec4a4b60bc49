package dev.dragoman.translate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.dragoman.check.Languages;
import dev.dragoman.translate.Glossary.Entry;

/**
 * A glossary in TBX, the termbase exchange format of ISO 30042 (https://www.tbxinfo.net/): TBX-Basic of 2008
 * ({@code <martif>}, {@code <termEntry>}, {@code <langSet>}, {@code <tig>} or {@code <ntig>}) and the TBX-Core and
 * TBX-Basic dialects of 2019 ({@code <tbx>}, {@code <conceptEntry>}, {@code <langSec>}, {@code <termSec>}), told apart
 * by their elements' local names only. Each concept's terms in the source language are translated by its term in every
 * other language: the term marked {@code preferredTerm-admn-sts}, else the first one not marked deprecated or
 * superseded (a deprecated term is never asked for, though one in the text is still translated). The source language
 * is the configured one, or, when that is {@code auto}, the file's own {@code xml:lang} on its root element.
 */
final class TbxTerms {

    private static final Set<String> CONCEPTS = Set.of("termEntry", "conceptEntry");
    private static final Set<String> LANGUAGES = Set.of("langSet", "langSec");
    private static final Set<String> TERMS = Set.of("tig", "ntig", "termSec");
    private static final String PREFERRED = "preferredTerm-admn-sts";
    private static final Set<String> AVOIDED = Set.of("deprecatedTerm-admn-sts", "supersededTerm-admn-sts");

    private record Term(String text, String status) {
    }

    private TbxTerms() {
    }

    static List<Entry> read(Path file, String sourceLang) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = XmlFiles.reader(in);
            try {
                return entries(reader, sourceLang);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("not a TBX file: " + e.getMessage(), e);
        }
    }

    private static List<Entry> entries(XMLStreamReader reader, String configured) throws XMLStreamException {
        List<Entry> entries = new ArrayList<>();
        String source = null;
        Map<String, List<Term>> concept = null;
        List<Term> terms = null;
        String status = null;
        String text = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (source == null) {
                    source = sourceLang(configured, XmlFiles.lang(reader));
                } else if (CONCEPTS.contains(name)) {
                    concept = new LinkedHashMap<>();
                } else if (LANGUAGES.contains(name) && concept != null) {
                    terms = concept.computeIfAbsent(String.valueOf(XmlFiles.lang(reader)), lang -> new ArrayList<>());
                } else if (TERMS.contains(name)) {
                    status = null;
                    text = null;
                } else if (name.equals("term")) {
                    // a term may hold inline markup (<hi>): its text is the term
                    text = textOf(reader).strip();
                } else if (name.equals("termNote") && "administrativeStatus".equals(reader.getAttributeValue(null,
                        "type"))) {
                    status = reader.getElementText().strip();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = reader.getLocalName();
                if (TERMS.contains(name) && terms != null && text != null && !text.isEmpty()) {
                    terms.add(new Term(text, status));
                } else if (CONCEPTS.contains(name) && concept != null) {
                    addConcept(entries, concept, source);
                    concept = null;
                    terms = null;
                }
            }
        }
        return entries;
    }

    /** The configured source language, or the file's own when that is {@code auto}. */
    private static String sourceLang(String configured, String rootLang) {
        if (configured != null && !configured.isBlank() && !configured.strip().equalsIgnoreCase("auto")) {
            return configured;
        }
        if (rootLang == null || rootLang.isBlank()) {
            throw new IllegalArgumentException("with dragoman.source-lang = auto a TBX glossary names its source"
                    + " language as xml:lang on its root element; it has none");
        }
        return rootLang;
    }

    private static void addConcept(List<Entry> entries, Map<String, List<Term>> concept, String source) {
        List<String> sourceTerms = concept.entrySet().stream()
                .filter(language -> Languages.same(language.getKey(), source))
                .flatMap(language -> language.getValue().stream()).map(Term::text).toList();
        concept.forEach((lang, terms) -> {
            if (!Languages.same(lang, source)) {
                translation(terms).ifPresent(target -> sourceTerms.forEach(term ->
                        entries.add(new Entry(term, target, lang))));
            }
        });
    }

    private static Optional<String> translation(List<Term> terms) {
        return terms.stream().filter(term -> PREFERRED.equals(term.status())).findFirst()
                .or(() -> terms.stream().filter(term -> term.status() == null || !AVOIDED.contains(term.status()))
                        .findFirst())
                .map(Term::text);
    }

    /** The text of the current element and of every element in it; the reader ends on the element's end. */
    private static String textOf(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        for (int depth = 1; depth > 0;) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            }
        }
        return text.toString();
    }
}
