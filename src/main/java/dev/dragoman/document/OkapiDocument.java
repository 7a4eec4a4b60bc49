package dev.dragoman.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.IResource;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.filterwriter.IFilterWriter;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.Segment;
import net.sf.okapi.common.resource.StartDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;

/**
 * A document read through its Okapi filter: its translatable segments, and the same document written back with their
 * translations in place and everything else as the filter's writer reproduces it.
 *
 * <p>The document is read twice, once here for its segments and once when it is written, through the same filter
 * instance (a filter reads one document at a time; the DOCX filter's writer copies the parts it does not translate
 * from the open package, so writing has to happen while the filter reads). Both passes see the same events, changed
 * the same way by the format's {@link FormatRules}, so the segments' ids match.
 *
 * <p>A text file is read as UTF-8 unless it says otherwise (a byte order mark, an XML declaration, a PO header's
 * charset); one that is not valid UTF-8 and says nothing is read as windows-1252, and written back in the encoding it
 * was read in. A text file whose last line has no line break is written without one too ({@link FinalLineBreak}).
 */
public final class OkapiDocument {

    private static final String DEFAULT_SOURCE = "en";
    private static final String FALLBACK_ENCODING = "windows-1252";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Supplier<RawDocument> input;
    private final DocumentFormat format;
    private final LocaleId source;
    private final LocaleId target;
    private final IFilter filter;
    private final FormatRules rules;
    private final boolean noFinalLineBreak;
    private List<DocumentSegment> segments;

    private OkapiDocument(Supplier<RawDocument> input, Content content, DocumentFormat format, String sourceTag,
            String targetTag) {
        String text = content == null ? null : content.text();
        this.format = format;
        this.source = LocaleId.fromBCP47(sourceTag != null ? sourceTag
                : DeclaredSourceLanguage.of(format.filterConfigId(), text).orElse(DEFAULT_SOURCE));
        this.target = LocaleId.fromBCP47(targetTag);
        this.filter = OkapiFilters.create(format);
        this.rules = FormatRules.of(format, target);
        this.noFinalLineBreak = text != null && FinalLineBreak.missingIn(text);
        this.input = content == null ? input : readable(input, content);
    }

    /**
     * The input the filter reads: the file, or the text the format's rules make of it where the filter cannot read it
     * as it is, encoded as the file was (only when that gives the file's bytes back exactly, so that nothing but what
     * the rules changed differs).
     */
    private Supplier<RawDocument> readable(Supplier<RawDocument> file, Content content) {
        String text = content.text();
        String bom = text.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : "";
        String body = text.substring(bom.length());
        if (filter.getParameters() != null) {
            rules.tune(filter.getParameters(), body);
        }
        String readable = rules.input(body);
        if (readable.equals(body) || !Arrays.equals(text.getBytes(content.charset()), content.bytes())) {
            return file;
        }
        byte[] bytes = (bom + readable).getBytes(content.charset());
        String encoding = content.charset().name();
        return () -> new RawDocument(new ByteArrayInputStream(bytes), encoding, LocaleId.EMPTY, LocaleId.EMPTY);
    }

    /**
     * Reads the whole file through its filter. sourceTag/targetTag are BCP 47 tags ("en", "pl", "zh-Hans"); sourceTag
     * may be null for "auto" (use the file's own declared source language when it has one, else "en").
     */
    public static OkapiDocument read(Path file, DocumentFormat format, String sourceTag, String targetTag)
            throws DocumentException {
        Content content = null;
        if (!"okf_openxml".equals(format.filterConfigId())) {
            byte[] bytes = bytes(file);
            try {
                content = new Content(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(),
                        StandardCharsets.UTF_8, bytes);
            } catch (CharacterCodingException e) {
                Charset fallback = Charset.forName(FALLBACK_ENCODING);
                content = new Content(new String(bytes, fallback), fallback, bytes);
            }
        }
        String defaultEncoding = content == null ? StandardCharsets.UTF_8.name() : content.charset().name();
        return read(() -> new RawDocument(file.toUri(), defaultEncoding, LocaleId.EMPTY, LocaleId.EMPTY), content,
                format, sourceTag, targetTag);
    }

    /** Reads a text held in memory as UTF-8, for {@link Snippets}. */
    static OkapiDocument read(String text, DocumentFormat format, String sourceTag, String targetTag)
            throws DocumentException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return read(() -> new RawDocument(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.name(),
                LocaleId.EMPTY, LocaleId.EMPTY), new Content(text, StandardCharsets.UTF_8, bytes), format, sourceTag,
                targetTag);
    }

    private static OkapiDocument read(Supplier<RawDocument> input, Content content, DocumentFormat format,
            String sourceTag, String targetTag) throws DocumentException {
        OkapiDocument document;
        try {
            document = new OkapiDocument(input, content, format, sourceTag, targetTag);
        } catch (RuntimeException e) {
            throw new DocumentException("cannot set up the " + format.filterConfigId() + " filter: "
                    + InvalidInput.reason(e), e);
        }
        document.segments = document.collect();
        return document;
    }

    /** The translatable segments in document order. */
    public List<DocumentSegment> segments() {
        return segments;
    }

    /** The BCP 47 tag of the source language: the one asked for, else the file's declared one, else "en". */
    public String sourceLanguage() {
        return source.toBCP47();
    }

    /**
     * Writes the document to output with each segment's translation (text with the same markers) in place; a segment
     * whose translation is empty stays as it was (source text for monolingual formats, target left untouched for
     * bilingual ones). Throws DocumentException when a translation's markers do not match its segment's.
     */
    public void write(Function<DocumentSegment, Optional<String>> translations, Path output) throws DocumentException {
        boolean written = false;
        try (OutputStream out = Files.newOutputStream(output)) {
            write(translations, out);
            written = true;
        } catch (IOException e) {
            throw new DocumentException("cannot write " + output.getFileName() + ": " + e.getMessage(), e);
        } finally {
            if (!written) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // the exception on its way out says what went wrong; a partial file left behind is secondary
                }
            }
        }
    }

    /** Writes the document to a stream, which it closes. */
    void write(Function<DocumentSegment, Optional<String>> translations, OutputStream output)
            throws DocumentException {
        Map<String, DocumentSegment> byId = new HashMap<>();
        segments.forEach(segment -> byId.put(segment.id(), segment));
        UnitIds ids = new UnitIds();
        List<IFilterWriter> writer = new ArrayList<>(1);
        pass(event -> {
            if (event.isStartDocument()) {
                StartDocument start = event.getStartDocument();
                IFilterWriter filterWriter = start.getFilterWriter();
                filterWriter.setOptions(target, start.getEncoding());
                filterWriter.setOutput(rules.output(FinalLineBreak.dropped(output, noFinalLineBreak,
                        start.getEncoding())));
                writer.add(filterWriter);
            } else if (event.isTextUnit()) {
                ITextUnit unit = event.getTextUnit();
                rules.beforeWrite(unit, translate(unit, ids.of(unit), byId, translations));
            }
            writer.get(0).handleEvent(event);
        });
        writer.get(0).close();
    }

    private List<DocumentSegment> collect() throws DocumentException {
        List<DocumentSegment> found = new ArrayList<>();
        UnitIds ids = new UnitIds();
        pass(event -> {
            if (!event.isTextUnit()) {
                return;
            }
            ITextUnit unit = event.getTextUnit();
            String unitId = ids.of(unit);
            if (!unit.isTranslatable() || !rules.wanted(unit)) {
                return;
            }
            String note = rules.note(unit);
            TextContainer content = unit.getSource();
            for (Segment segment : content.getSegments()) {
                String coded = LetterCodes.coded(segment.text);
                if (LetterCodes.hasWords(coded)) {
                    found.add(new DocumentSegment(segmentId(unitId, segment, content), coded, note));
                }
            }
        });
        return rules.withNeighbours(found);
    }

    /** Puts the unit's translations into its target; false when it has none. */
    private boolean translate(ITextUnit unit, String unitId, Map<String, DocumentSegment> byId,
            Function<DocumentSegment, Optional<String>> translations) {
        TextContainer content = unit.getSource();
        Map<String, TextFragment> translated = new LinkedHashMap<>();
        for (Segment segment : content.getSegments()) {
            DocumentSegment wanted = byId.get(segmentId(unitId, segment, content));
            Optional<String> translation = wanted == null ? Optional.empty() : translations.apply(wanted);
            if (translation.isEmpty() || translation.get().isEmpty()) {
                continue;
            }
            try {
                translated.put(segment.id, LetterCodes.translated(segment.text,
                        OuterWhitespace.kept(wanted.text(), translation.get())));
            } catch (IllegalArgumentException e) {
                throw new DocumentFailure("the translation of segment " + wanted.id() + " does not fit it: "
                        + e.getMessage());
            }
        }
        if (translated.isEmpty()) {
            return false;
        }
        TextContainer targetContent = unit.getTarget(target);
        if (targetContent == null || targetContent.isEmpty()) {
            targetContent = unit.createTarget(target, true, IResource.COPY_ALL);
        }
        for (Map.Entry<String, TextFragment> entry : translated.entrySet()) {
            Segment segment = targetContent.getSegments().get(entry.getKey());
            if (segment != null) {
                segment.text = entry.getValue();
            }
        }
        return true;
    }

    /** One reading of the document, each event as the format's rules pass it on. */
    private void pass(Consumer<Event> sink) throws DocumentException {
        RawDocument raw = input.get();
        raw.setSourceLocale(source);
        raw.setTargetLocale(target);
        try {
            filter.open(raw);
            while (filter.hasNext()) {
                rules.adjust(filter.next()).forEach(sink);
            }
        } catch (DocumentFailure e) {
            throw new DocumentException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DocumentException("not a valid " + InvalidInput.formatName(format) + " file: "
                    + InvalidInput.reason(e), e);
        } finally {
            filter.close();
            raw.close();
        }
    }

    private static String segmentId(String unitId, Segment segment, TextContainer content) {
        return content.count() > 1 ? unitId + "#" + segment.id : unitId;
    }

    private static byte[] bytes(Path file) throws DocumentException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DocumentException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** A text file's text, the charset it was read with and its bytes. */
    private record Content(String text, Charset charset, byte[] bytes) {
    }

    /** Unit ids made unique in document order (a DOCX part's units and its properties' may share one). */
    private static final class UnitIds {

        private final Map<String, Integer> seen = new HashMap<>();

        String of(ITextUnit unit) {
            String id = unit.getId() == null ? "unit" : unit.getId();
            int count = seen.merge(id, 1, Integer::sum);
            return count == 1 ? id : id + "~" + count;
        }
    }
}
