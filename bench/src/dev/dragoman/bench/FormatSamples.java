package dev.dragoman.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The documents of the formats phase, one per format, drawn from a seeded random (the same document every run), and
 * the checks of what Dragoman wrote back. Each document is generated with the JDK and Jackson alone; each output is
 * read by a reader of its format that is not Okapi (Jackson, SnakeYAML Engine, java.util.Properties, the JDK's XML
 * parser, GNU msgfmt) and compared with what the stand-in's translation ({@link FormatsStandIn#translation}: a
 * prefix before each segment) must give: every translatable text translated, and everything else (keys, markup,
 * placeholders, code, timecodes) as it was.
 */
final class FormatSamples {

    static final String PREFIX = FormatsStandIn.PREFIX;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MSGFMT = Path.of("/usr/bin/msgfmt");

    private FormatSamples() {
    }

    /** Every format, in the order the phase drops them. */
    static List<Sample> all() {
        return List.of(new Po(), new Xliff12(), new Xliff2(), new Json(), new Yaml(), new Props(), new Markdown(),
                new Html(), new Srt(), new Vtt(), new Docx());
    }

    static boolean msgfmtAvailable() {
        return Files.isExecutable(MSGFMT);
    }

    /** Where a sample reports what does not hold in an output: one call, one fault. */
    interface Faults {
        void add(String fault);
    }

    /** One format's document: generated once, then checked against what came back. */
    abstract static class Sample {

        final String format;
        final String file;
        /** The segments the generator means Dragoman to find (the stand-in counts those it really sent). */
        int planned;
        byte[] source;

        Sample(String format, String file) {
            this.format = format;
            this.file = file;
        }

        /** The document, of about {@code segments} segments. */
        final byte[] generate(Words words, int segments) throws Exception {
            source = document(words, segments);
            return source;
        }

        abstract byte[] document(Words words, int segments) throws Exception;

        /**
         * Checks the output.
         *
         * @param sent the texts the stand-in translated while Dragoman worked on this document
         */
        abstract void check(Path output, long sent, Faults faults) throws Exception;
    }

    // --- gettext ----------------------------------------------------------------------------------------------

    /**
     * A gettext template as xgettext writes it (a fuzzy header with the template's placeholders), entries with
     * references and extracted comments, c-format conversions ({@code %s %d}, positional {@code %1$s}),
     * python-format ({@code %(name)s}), msgctxt, msgid_plural, escaped quotes, a trailing line break, long msgids
     * over several lines. Checked with {@code msgfmt --check} and entry by entry.
     */
    static final class Po extends Sample {

        private static final String HEADER = """
                # Messages of the bench application.
                # This file is distributed under the same license as the package.
                #, fuzzy
                msgid ""
                msgstr ""
                "Project-Id-Version: bench 1.0\\n"
                "Report-Msgid-Bugs-To: dev@example.com\\n"
                "POT-Creation-Date: 2026-01-01 10:00+0000\\n"
                "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"
                "Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"
                "Language-Team: LANGUAGE <LL@li.org>\\n"
                "Language: \\n"
                "MIME-Version: 1.0\\n"
                "Content-Type: text/plain; charset=UTF-8\\n"
                "Content-Transfer-Encoding: 8bit\\n"
                "Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"
                """;

        /** msgctxt + EOT + msgid (gettext's own key) → the msgstr values expected, msgstr[n] in order. */
        private final Map<String, List<String>> expected = new LinkedHashMap<>();

        Po() {
            super("po", "messages.pot");
        }

        @Override
        byte[] document(Words w, int segments) {
            StringBuilder po = new StringBuilder(HEADER);
            List<String> plain = new ArrayList<>();
            int entry = 0;
            while (planned < segments) {
                entry++;
                int kind = w.next(100);
                String context = null;
                String id;
                String plural = null;
                String flag = null;
                if (kind < 10) {
                    flag = "c-format";
                    String noun = w.noun();
                    String rest = w.words(2, 6);
                    id = "%d " + noun + " " + rest;
                    plural = "%d " + noun + "s " + rest;
                } else if (kind < 30) {
                    flag = "c-format";
                    // either all plain or all numbered: C does not mix them
                    id = w.chance(50) ? w.insert(w.insert(w.sentence(4, 10), "%s"), "%d")
                            : w.insert(w.insert(w.sentence(4, 10), "%1$s"), "%2$d");
                } else if (kind < 38) {
                    flag = "python-format";
                    id = w.insert(w.sentence(4, 10), "%(" + w.name() + ")s");
                } else if (kind < 48 && !plain.isEmpty()) {
                    id = plain.get(w.next(plain.size()));
                    context = w.word() + entry;
                } else if (kind < 53) {
                    id = w.sentence(4, 10) + "\n";
                } else if (kind < 58) {
                    id = w.insert(w.sentence(4, 10), "\"" + w.words(1, 3) + "\"");
                } else if (kind < 64) {
                    id = w.sentence(16, 26);
                } else {
                    id = w.sentence(3, 12);
                    plain.add(id);
                }
                String key = (context == null ? "" : context + "\u0004") + id;
                if (expected.containsKey(key)) {
                    continue;
                }
                po.append('\n');
                if (w.chance(20)) {
                    po.append("#. ").append(w.sentence(3, 8)).append('\n');
                }
                po.append("#: src/module").append(entry % 17).append(".c:").append(10 + entry).append('\n');
                if (flag != null) {
                    po.append("#, ").append(flag).append('\n');
                }
                if (context != null) {
                    po.append(field("msgctxt", context));
                }
                po.append(field("msgid", id));
                if (plural != null) {
                    po.append(field("msgid_plural", plural)).append("msgstr[0] \"\"\nmsgstr[1] \"\"\n");
                    expected.put(key, List.of(FormatsStandIn.translation(id),
                            FormatsStandIn.translation(plural)));
                    planned += 2;
                } else {
                    po.append("msgstr \"\"\n");
                    expected.put(key, List.of(FormatsStandIn.translation(id)));
                    planned++;
                }
            }
            return po.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** A keyword and its string, over several lines when it is long (as xgettext wraps at 79 columns). */
        private static String field(String keyword, String value) {
            String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    .replace("\t", "\\t");
            if (escaped.length() + keyword.length() + 3 <= 79) {
                return keyword + " \"" + escaped + "\"\n";
            }
            StringBuilder lines = new StringBuilder(keyword).append(" \"\"\n");
            int start = 0;
            while (start < escaped.length()) {
                int end = Math.min(escaped.length(), start + 70);
                if (end < escaped.length()) {
                    int space = escaped.lastIndexOf(' ', end - 1);
                    end = space > start ? space + 1 : end;
                }
                lines.append('"').append(escaped, start, end).append("\"\n");
                start = end;
            }
            return lines.toString();
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            if (msgfmtAvailable()) {
                Process msgfmt = new ProcessBuilder(MSGFMT.toString(), "--check", "-o", "/dev/null",
                        output.toString()).redirectErrorStream(true).start();
                String messages = new String(msgfmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!msgfmt.waitFor(60, TimeUnit.SECONDS)) {
                    msgfmt.destroyForcibly();
                    faults.add("msgfmt --check did not finish in 60 s");
                } else if (msgfmt.exitValue() != 0) {
                    faults.add("msgfmt --check failed: " + messages.lines().filter(l -> !l.contains("warning:"))
                            .limit(3).toList());
                }
            }
            Map<String, List<String>> entries = readPo(Files.readString(output, StandardCharsets.UTF_8));
            List<String> header = entries.remove("");
            String headerText = header == null ? "" : String.join("", header);
            if (!headerText.contains("Language: de\n") || !headerText.contains("nplurals=2;")) {
                faults.add("the header has no Language: de or no Plural-Forms with nplurals=2: " + headerText);
            }
            for (Map.Entry<String, List<String>> entry : expected.entrySet()) {
                List<String> found = entries.remove(entry.getKey());
                if (found == null) {
                    faults.add("entry missing: " + show(entry.getKey()));
                } else if (!found.equals(entry.getValue())) {
                    faults.add("entry " + show(entry.getKey()) + ": msgstr " + show(found) + ", expected "
                            + show(entry.getValue()));
                }
            }
            entries.keySet().forEach(key -> faults.add("entry not in the template: " + show(key)));
        }

        /** The entries of a PO file: msgctxt + EOT + msgid → msgstr values (msgstr[n] in order); "" the header. */
        static Map<String, List<String>> readPo(String text) {
            Map<String, List<String>> entries = new LinkedHashMap<>();
            List<String[]> fields = new ArrayList<>();
            for (String raw : text.split("\n", -1)) {
                String line = raw.strip();
                if (line.startsWith("\"")) {
                    if (!fields.isEmpty()) {
                        String[] last = fields.get(fields.size() - 1);
                        last[1] += unquote(line);
                    }
                    continue;
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                String keyword = space < 0 ? line : line.substring(0, space);
                String value = space < 0 ? "" : unquote(line.substring(space + 1).strip());
                boolean startsEntry = keyword.equals("msgctxt") || keyword.equals("msgid");
                if (startsEntry && fields.stream().anyMatch(f -> f[0].startsWith("msgstr"))) {
                    entry(fields, entries);
                    fields.clear();
                }
                fields.add(new String[] { keyword, value });
            }
            entry(fields, entries);
            return entries;
        }

        private static void entry(List<String[]> fields, Map<String, List<String>> entries) {
            String context = null;
            String id = null;
            List<String> strings = new ArrayList<>();
            for (String[] field : fields) {
                switch (field[0]) {
                    case "msgctxt" -> context = field[1];
                    case "msgid" -> id = field[1];
                    case "msgid_plural" -> {
                    }
                    default -> strings.add(field[1]);
                }
            }
            if (id != null) {
                entries.put((context == null ? "" : context + "\u0004") + id, strings);
            }
        }

        private static String unquote(String quoted) {
            String inner = quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1) : "";
            StringBuilder out = new StringBuilder(inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    char next = inner.charAt(++i);
                    out.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    // --- XLIFF ------------------------------------------------------------------------------------------------

    /**
     * XLIFF 1.2 as a localisation tool exchanges it: trans-units in groups, inline {@code <g>} (some nested) and
     * {@code <x/>}, notes, escaped ampersands, units marked {@code translate="no"} and units already translated
     * (state final), which must stay as they are. Checked with the JDK's XML parser, unit by unit: a target with the
     * source's inline elements in the same places and its text translated.
     */
    static final class Xliff12 extends Sample {

        private enum Kind { TRANSLATE, NO, KEPT }

        private final Map<String, Kind> units = new LinkedHashMap<>();
        private final Map<String, String> kept = new HashMap<>();

        Xliff12() {
            super("xliff", "strings.xlf");
        }

        @Override
        byte[] document(Words w, int segments) {
            StringBuilder x = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                      <file original="bench.properties" source-language="en" datatype="plaintext">
                        <body>
                    """);
            int n = 0;
            while (planned < segments) {
                if (n % 25 == 0) {
                    x.append(n == 0 ? "" : "      </group>\n").append("      <group id=\"g").append(n / 25)
                            .append("\" resname=\"section").append(n / 25).append("\">\n");
                }
                n++;
                String id = "u" + n;
                int kind = w.next(100);
                String source;
                if (kind < 35) {
                    source = w.insert(w.sentence(4, 10), "<g id=\"1\">" + w.words(1, 3) + "</g>");
                } else if (kind < 50) {
                    source = w.insert(w.insert(w.sentence(4, 10), "<x id=\"1\"/>"),
                            "<g id=\"2\">" + w.words(1, 2) + "</g>");
                } else if (kind < 55) {
                    source = w.insert(w.sentence(3, 8), "<g id=\"1\">" + w.words(1, 2) + " <g id=\"2\">"
                            + w.words(1, 2) + "</g></g>");
                } else if (kind < 62) {
                    source = w.insert(w.sentence(4, 10), w.word() + " &amp; " + w.word());
                } else {
                    source = w.sentence(3, 14);
                }
                x.append("        <trans-unit id=\"").append(id).append("\" resname=\"section").append(n / 25)
                        .append(".key").append(n % 25).append('"');
                Kind unitKind = kind % 20 == 7 ? Kind.NO : kind % 20 == 13 ? Kind.KEPT : Kind.TRANSLATE;
                if (unitKind == Kind.NO) {
                    x.append(" translate=\"no\"");
                }
                x.append(">\n          <source>").append(source).append("</source>\n");
                if (unitKind == Kind.KEPT) {
                    String target = "Fertig " + w.words(2, 5);
                    kept.put(id, target);
                    x.append("          <target state=\"final\">").append(target).append("</target>\n");
                }
                if (w.chance(20)) {
                    x.append("          <note>").append(w.sentence(3, 8)).append("</note>\n");
                }
                x.append("        </trans-unit>\n");
                units.put(id, unitKind);
                planned += unitKind == Kind.TRANSLATE ? 1 : 0;
            }
            x.append("      </group>\n    </body>\n  </file>\n</xliff>\n");
            return x.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            Document out = xml(Files.readAllBytes(output), faults);
            if (out == null) {
                return;
            }
            Element file = first(out.getDocumentElement(), "file");
            if (file == null || !"de".equals(file.getAttribute("target-language"))) {
                faults.add("<file> has no target-language=\"de\"");
            }
            Map<String, Element> in = byId(xml(source, faults), "trans-unit");
            Map<String, Element> found = byId(out, "trans-unit");
            for (Map.Entry<String, Kind> unit : units.entrySet()) {
                String id = unit.getKey();
                Element element = found.remove(id);
                if (element == null) {
                    faults.add("trans-unit " + id + " missing");
                    continue;
                }
                Element target = first(element, "target");
                switch (unit.getValue()) {
                    case NO -> {
                        if (target != null) {
                            faults.add("trans-unit " + id + " (translate=\"no\") got a target");
                        }
                    }
                    case KEPT -> {
                        if (target == null || !kept.get(id).equals(target.getTextContent())) {
                            faults.add("trans-unit " + id + ": its final target changed: "
                                    + (target == null ? "none" : show(target.getTextContent())));
                        }
                    }
                    case TRANSLATE -> translated("trans-unit " + id, first(in.get(id), "source"), target,
                            faults);
                }
            }
            found.keySet().forEach(id -> faults.add("trans-unit " + id + " not in the source"));
        }
    }

    /**
     * XLIFF 2.0: units of one segment or of two with an ignorable between, inline {@code <pc>} and {@code <ph/>},
     * notes, units marked {@code translate="no"}; no trgLang, which Dragoman sets. Checked like XLIFF 1.2, segment by
     * segment.
     */
    static final class Xliff2 extends Sample {

        private final Map<String, Boolean> units = new LinkedHashMap<>();

        Xliff2() {
            super("xliff2", "strings2.xlf");
        }

        @Override
        byte[] document(Words w, int segments) {
            StringBuilder x = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
                      <file id="f1" original="bench.json">
                    """);
            int n = 0;
            while (planned < segments) {
                n++;
                String id = "u" + n;
                boolean translate = n % 23 != 5;
                x.append("    <unit id=\"").append(id).append("\" name=\"section").append(n / 25).append(".key")
                        .append(n % 25).append('"').append(translate ? "" : " translate=\"no\"").append(">\n");
                if (w.chance(20)) {
                    x.append("      <notes>\n        <note>").append(w.sentence(3, 8))
                            .append("</note>\n      </notes>\n");
                }
                int count = w.chance(15) ? 2 : 1;
                for (int s = 0; s < count; s++) {
                    if (s > 0) {
                        x.append("      <ignorable>\n        <source> </source>\n      </ignorable>\n");
                    }
                    int kind = w.next(100);
                    String source;
                    if (kind < 25) {
                        source = w.insert(w.sentence(4, 10), "<pc id=\"" + (s * 10 + 1) + "\">" + w.words(1, 3)
                                + "</pc>");
                    } else if (kind < 40) {
                        source = w.insert(w.sentence(4, 10), "<ph id=\"" + (s * 10 + 2) + "\"/>");
                    } else {
                        source = w.sentence(3, 12);
                    }
                    x.append("      <segment>\n        <source>").append(source)
                            .append("</source>\n      </segment>\n");
                }
                x.append("    </unit>\n");
                units.put(id, translate);
                planned += translate ? count : 0;
            }
            x.append("  </file>\n</xliff>\n");
            return x.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            Document out = xml(Files.readAllBytes(output), faults);
            if (out == null) {
                return;
            }
            if (!"de".equals(out.getDocumentElement().getAttribute("trgLang"))) {
                faults.add("<xliff> has no trgLang=\"de\"");
            }
            Map<String, Element> in = byId(xml(source, faults), "unit");
            Map<String, Element> found = byId(out, "unit");
            for (Map.Entry<String, Boolean> unit : units.entrySet()) {
                String id = unit.getKey();
                Element element = found.remove(id);
                if (element == null) {
                    faults.add("unit " + id + " missing");
                    continue;
                }
                List<Element> sources = children(in.get(id), "segment");
                List<Element> segments = children(element, "segment");
                if (segments.size() != sources.size()) {
                    faults.add("unit " + id + ": " + segments.size() + " segments, the source has "
                            + sources.size());
                    continue;
                }
                for (int s = 0; s < segments.size(); s++) {
                    Element target = first(segments.get(s), "target");
                    if (!unit.getValue()) {
                        if (target != null) {
                            faults.add("unit " + id + " (translate=\"no\") got a target");
                        }
                    } else {
                        translated("unit " + id + " segment " + (s + 1), first(sources.get(s), "source"), target,
                                faults);
                    }
                }
            }
            found.keySet().forEach(id -> faults.add("unit " + id + " not in the source"));
        }
    }

    // --- JSON, YAML, properties -------------------------------------------------------------------------------

    /**
     * A JSON bundle as i18next or a web app keeps it: sections of keys, nested objects, arrays of strings,
     * placeholders ({@code {name}}, {@code {{count}}}, {@code %s}), HTML in strings, escaped quotes and line breaks,
     * and values that are no text (numbers, booleans, null, URLs, empty strings, a lone placeholder). Checked with
     * Jackson: the same keys in the same order, every value as the stand-in's translation makes it.
     */
    static final class Json extends Sample {

        private ObjectNode expected;

        Json() {
            super("json", "messages.json");
        }

        @Override
        byte[] document(Words w, int segments) throws Exception {
            ObjectNode root = JSON.createObjectNode();
            expected = JSON.createObjectNode();
            root.putObject("meta").put("version", 3).put("homepage", "https://example.com/app").put("beta", false);
            expected.set("meta", root.get("meta").deepCopy());
            for (int section = 0; planned < segments; section++) {
                String name = String.format("section%03d", section);
                ObjectNode in = root.putObject(name);
                ObjectNode out = expected.putObject(name);
                int keys = 5 + w.next(10);
                for (int k = 0; k < keys; k++) {
                    String key = w.word() + "_" + k;
                    int kind = w.next(100);
                    if (kind < 8) {
                        String[] text = text(w);
                        in.putObject(key).putObject("deeper").put("label", text[0]);
                        out.putObject(key).putObject("deeper").put("label", text[1]);
                    } else if (kind < 16) {
                        ArrayNode inArray = in.putArray(key);
                        ArrayNode outArray = out.putArray(key);
                        for (int i = 1 + w.next(3); i >= 0; i--) {
                            String[] text = text(w);
                            inArray.add(text[0]);
                            outArray.add(text[1]);
                        }
                        inArray.add(42);
                        outArray.add(42);
                    } else if (kind < 24) {
                        switch (kind % 6) {
                            case 0 -> in.put(key, w.next(1000));
                            case 1 -> in.put(key, kind % 2 == 0);
                            case 2 -> in.putNull(key);
                            case 3 -> in.put(key, "https://example.com/" + w.word() + "/" + k);
                            case 4 -> in.put(key, "");
                            default -> in.put(key, "{" + w.name() + "}");
                        }
                        out.set(key, in.get(key).deepCopy());
                    } else {
                        String[] text = text(w);
                        in.put(key, text[0]);
                        out.put(key, text[1]);
                    }
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        }

        /** A text value and its translation. */
        private String[] text(Words w) {
            int kind = w.next(100);
            String text = switch (kind / 10) {
                case 0, 1 -> w.insert(w.sentence(3, 10), "{" + w.name() + "}");
                case 2 -> w.insert(w.sentence(3, 10), "{{" + w.name() + "}}");
                case 3 -> w.insert(w.sentence(3, 10), w.chance(50) ? "%s" : "%d");
                case 4 -> w.insert(w.sentence(3, 10), "<b>" + w.words(1, 3) + "</b>");
                case 5 -> w.insert(w.sentence(3, 10), "\"" + w.words(1, 2) + "\"");
                case 6 -> w.sentence(3, 8) + "\n" + w.sentence(3, 8);
                default -> w.sentence(2, 14);
            };
            planned++;
            return new String[] { text, FormatsStandIn.translation(text) };
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            JsonNode out;
            try {
                out = JSON.readTree(output.toFile());
            } catch (IOException e) {
                faults.add("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
                return;
            }
            compare("", expected, out, faults);
        }

        private static void compare(String path, JsonNode expected, JsonNode found, Faults faults) {
            if (found == null || expected.getNodeType() != found.getNodeType()) {
                faults.add(path + ": " + (found == null ? "missing" : found.getNodeType() + " instead of "
                        + expected.getNodeType()));
                return;
            }
            if (expected.isObject()) {
                List<String> keys = new ArrayList<>();
                expected.fieldNames().forEachRemaining(keys::add);
                List<String> foundKeys = new ArrayList<>();
                found.fieldNames().forEachRemaining(foundKeys::add);
                if (!keys.equals(foundKeys)) {
                    faults.add(path + ": keys " + foundKeys + ", expected " + keys);
                    return;
                }
                keys.forEach(key -> compare(path + "/" + key, expected.get(key), found.get(key), faults));
            } else if (expected.isArray()) {
                if (expected.size() != found.size()) {
                    faults.add(path + ": " + found.size() + " entries, expected " + expected.size());
                    return;
                }
                for (int i = 0; i < expected.size(); i++) {
                    compare(path + "/" + i, expected.get(i), found.get(i), faults);
                }
            } else if (!expected.equals(found)) {
                faults.add(path + ": " + show(found.toString()) + ", expected " + show(expected.toString()));
            }
        }
    }

    /**
     * A Rails-style YAML locale file: sections of keys under {@code en:}, plain, double-quoted, single-quoted and
     * literal block scalars, lists, {@code %{count}}, {@code {name}} and {@code {{count}}}, and values that are no
     * text (numbers, booleans, {@code yes}). Checked with SnakeYAML Engine: the same keys in the same order, every
     * value as the stand-in's translation makes it.
     */
    static final class Yaml extends Sample {

        /** A plain scalar (a key's value or a list item, not quoted, not a block) with ": " in it. */
        private static final Pattern UNQUOTED = Pattern.compile("(?m)^ *(?:- |[^\\s:#][^:\\n]*: )[^'\"|\\n][^\\n]*: ");

        private final Map<String, Object> expected = new LinkedHashMap<>();

        Yaml() {
            super("yaml", "messages.yml");
        }

        @Override
        byte[] document(Words w, int segments) {
            StringBuilder y = new StringBuilder("# Strings of the bench application.\nen:\n");
            Map<String, Object> en = new LinkedHashMap<>();
            expected.put("en", en);
            for (int section = 0; planned < segments; section++) {
                String name = String.format("section%03d", section);
                y.append("  ").append(name).append(":\n");
                Map<String, Object> keys = new LinkedHashMap<>();
                en.put(name, keys);
                int count = 5 + w.next(10);
                for (int k = 0; k < count; k++) {
                    String key = w.word() + "_" + k;
                    int kind = w.next(100);
                    if (kind < 10) {
                        y.append("    ").append(key).append(":\n");
                        List<Object> items = new ArrayList<>();
                        for (int i = 2 + w.next(3); i > 0; i--) {
                            y.append("      - ");
                            items.add(scalar(w, y, "        "));
                        }
                        keys.put(key, items);
                    } else if (kind < 18) {
                        y.append("    ").append(key).append(":\n      label: ");
                        Map<String, Object> nested = new LinkedHashMap<>();
                        nested.put("label", scalar(w, y, "        "));
                        keys.put(key, nested);
                    } else if (kind < 26) {
                        Object value = switch (kind % 4) {
                            case 0 -> w.next(1000);
                            case 1 -> kind % 8 == 1;
                            case 2 -> "yes";
                            default -> 0.5;
                        };
                        y.append("    ").append(key).append(": ").append(value).append('\n');
                        keys.put(key, value);
                    } else {
                        y.append("    ").append(key).append(": ");
                        keys.put(key, scalar(w, y, "      "));
                    }
                }
            }
            return y.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** Appends a text scalar in one of YAML's styles (and its line break); returns its translation. */
        private String scalar(Words w, StringBuilder y, String blockIndent) {
            int kind = w.next(100);
            String text = w.sentence(3, 10);
            if (kind < 15) {
                text = w.insert(text, "%{" + w.name() + "}");
            } else if (kind < 25) {
                text = w.insert(text, "{" + w.name() + "}");
            } else if (kind < 30) {
                text = w.insert(text, "{{" + w.name() + "}}");
            }
            String value;
            int style = w.next(100);
            if (style < 50) {
                y.append(text).append('\n');
                value = text;
            } else if (style < 70) {
                String quoted = w.chance(30) ? w.insert(text, "\"" + w.word() + "\"") : text;
                y.append('"').append(quoted.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
                value = quoted;
            } else if (style < 85) {
                String quoted = w.chance(30) ? w.insert(text, "it's") : text;
                y.append('\'').append(quoted.replace("'", "''")).append("'\n");
                value = quoted;
            } else {
                String second = w.sentence(3, 10);
                y.append("|\n").append(blockIndent).append(text).append('\n').append(blockIndent).append(second)
                        .append('\n');
                value = text + "\n" + second + "\n";
            }
            planned++;
            return FormatsStandIn.translation(value);
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            Object out;
            try {
                out = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(output,
                        StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                // one fault, the file; how many values made it so, for the report
                Matcher unquoted = UNQUOTED.matcher(Files.readString(output, StandardCharsets.UTF_8));
                long plain = unquoted.results().count();
                faults.add("not YAML: " + String.valueOf(e.getMessage()).lines().limit(3).map(String::strip).toList()
                        + "; " + plain + " plain scalars have a translation with \": \" in them");
                return;
            }
            compare("", expected, out, faults);
        }

        private static void compare(String path, Object expected, Object found, Faults faults) {
            if (expected instanceof Map<?, ?> map) {
                if (!(found instanceof Map<?, ?> foundMap)) {
                    faults.add(path + ": " + show(String.valueOf(found)) + " instead of a mapping");
                    return;
                }
                if (!new ArrayList<>(map.keySet()).equals(new ArrayList<>(foundMap.keySet()))) {
                    faults.add(path + ": keys " + foundMap.keySet() + ", expected " + map.keySet());
                    return;
                }
                map.forEach((key, value) -> compare(path + "/" + key, value, foundMap.get(key), faults));
            } else if (expected instanceof List<?> list) {
                if (!(found instanceof List<?> foundList) || foundList.size() != list.size()) {
                    faults.add(path + ": " + show(String.valueOf(found)) + " instead of a list of " + list.size());
                    return;
                }
                for (int i = 0; i < list.size(); i++) {
                    compare(path + "/" + i, list.get(i), foundList.get(i), faults);
                }
            } else if (found == null || !Objects.equals(expected.getClass(), found.getClass())
                    && !(expected instanceof Number && found instanceof Number)
                    || !String.valueOf(expected).equals(String.valueOf(found))) {
                faults.add(path + ": " + show(String.valueOf(found)) + ", expected " + show(String.valueOf(expected)));
            }
        }
    }

    /**
     * A Java resource bundle: keys with {@code =}, {@code :} and spaces as separators, {@code #} and {@code !}
     * comments, {@code {0}} and {@code {1,number,integer}}, {@code %s}, escaped line breaks and tabs, continued lines,
     * non-ASCII letters written as UTF-8 (as Java 9 reads bundles), values with nothing to translate. Checked with
     * java.util.Properties: the same keys, every value as the stand-in's translation makes it.
     */
    static final class Props extends Sample {

        private final Map<String, String> expected = new LinkedHashMap<>();

        Props() {
            super("properties", "messages.properties");
        }

        @Override
        byte[] document(Words w, int segments) {
            StringBuilder p = new StringBuilder("# Strings of the bench application.\n");
            for (int section = 0; planned < segments; section++) {
                p.append("\n# ").append(w.sentence(2, 6)).append('\n');
                int count = 5 + w.next(10);
                for (int k = 0; k < count; k++) {
                    String key = String.format("section%03d.%s%d", section, w.word(), k);
                    if (w.chance(10)) {
                        p.append("! ").append(w.sentence(2, 8)).append('\n');
                    }
                    String separator = switch (w.next(3)) {
                        case 0 -> " = ";
                        case 1 -> "=";
                        default -> ": ";
                    };
                    int kind = w.next(100);
                    String written;
                    String value;
                    if (kind < 6) {
                        written = kind < 3 ? "{0}" : "";
                        value = written;
                    } else {
                        if (kind < 20) {
                            value = w.insert(w.sentence(3, 10), "{0}");
                        } else if (kind < 28) {
                            value = w.insert(w.insert(w.sentence(3, 10), "{0}"), "{1,number,integer}");
                        } else if (kind < 36) {
                            value = w.insert(w.sentence(3, 10), "%s");
                        } else if (kind < 42) {
                            value = w.sentence(3, 8) + "\n" + w.sentence(3, 8);
                        } else if (kind < 46) {
                            value = w.words(1, 3) + ":\t" + w.words(1, 3);
                        } else {
                            value = w.sentence(2, 14);
                        }
                        written = value.replace("\n", "\\n").replace("\t", "\\t");
                        if (kind >= 46 && kind < 52) {
                            String more = w.sentence(4, 10);
                            written = value + " \\\n    " + more;
                            value = value + " " + more;
                        }
                        planned++;
                    }
                    p.append(key).append(separator).append(written).append('\n');
                    expected.put(key, value.isEmpty() || value.equals("{0}") ? value
                            : FormatsStandIn.translation(value));
                }
            }
            return p.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            Properties out = new Properties();
            try {
                out.load(new StringReader(Files.readString(output, StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                faults.add("not a properties file: " + e.getMessage());
                return;
            }
            if (!out.stringPropertyNames().equals(expected.keySet())) {
                Set<String> missing = new HashSet<>(expected.keySet());
                missing.removeAll(out.stringPropertyNames());
                Set<String> extra = new HashSet<>(out.stringPropertyNames());
                extra.removeAll(expected.keySet());
                faults.add("keys differ: missing " + missing + ", not in the source " + extra);
            }
            expected.forEach((key, value) -> {
                String found = out.getProperty(key);
                if (found != null && !found.equals(value)) {
                    faults.add(key + ": " + show(found) + ", expected " + show(value));
                }
            });
        }
    }

    // --- Markdown, HTML ---------------------------------------------------------------------------------------

    /**
     * A Markdown guide: headings, paragraphs with links (and their titles), inline code, emphasis and placeholders,
     * lists, fenced code blocks, block quotes, tables, images. Checked byte for byte: the output with the stand-in's
     * prefixes taken out is the source (code, URLs and markup as they were), and it has one prefix per segment sent.
     */
    static final class Markdown extends Sample {

        Markdown() {
            super("markdown", "guide.md");
        }

        @Override
        byte[] document(Words w, int segments) {
            StringBuilder m = new StringBuilder("# ").append(w.title(2, 5)).append("\n\n");
            planned++;
            for (int section = 0; planned < segments; section++) {
                m.append("## ").append(w.title(2, 6)).append("\n\n");
                planned++;
                String paragraph = w.sentence(6, 14) + " " + w.sentence(4, 10);
                paragraph = w.insert(paragraph, "[" + w.words(1, 3) + "](https://example.com/docs/" + section
                        + (w.chance(50) ? " \"" + w.title(1, 3) + "\")" : ")"));
                paragraph = w.insert(paragraph, "`" + w.word() + ".run(" + section + ")`");
                paragraph = w.insert(paragraph, w.chance(50) ? "**" + w.words(1, 2) + "**" : "*" + w.word() + "*");
                if (w.chance(30)) {
                    paragraph = w.insert(paragraph, "{" + w.name() + "}");
                }
                m.append(paragraph).append("\n\n");
                // one segment: Okapi does not split a paragraph into sentences; a link's title is not translated
                planned++;
                int items = 2 + w.next(3);
                for (int i = 0; i < items; i++) {
                    String item = w.sentence(2, 8);
                    m.append("- ").append(i == 1 ? w.insert(item, "`" + w.word() + "`") : item).append('\n');
                }
                m.append('\n');
                planned += items;
                if (w.chance(50)) {
                    m.append("```bash\nbench --run ").append(section).append(" --name ").append(w.word())
                            .append("\n# ").append(w.sentence(2, 5)).append("\n```\n\n");
                }
                if (w.chance(30)) {
                    m.append("> ").append(w.sentence(4, 10)).append("\n\n");
                    planned++;
                }
                if (w.chance(25)) {
                    m.append("| ").append(w.title(1, 2)).append(" | ").append(w.title(1, 2)).append(" |\n|---|---|\n");
                    for (int r = 0; r < 2; r++) {
                        m.append("| ").append(w.words(1, 3)).append(" | ").append(w.sentence(2, 5)).append(" |\n");
                    }
                    m.append('\n');
                    planned += 6;
                }
                if (w.chance(20)) {
                    m.append("![").append(w.title(2, 4)).append("](images/figure").append(section)
                            .append(".png)\n\n");
                    planned++;
                }
            }
            return m.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            sameButPrefixes(new String(source, StandardCharsets.UTF_8), Files.readString(output,
                    StandardCharsets.UTF_8), sent, faults);
        }
    }

    /**
     * An HTML page written as well-formed XML (so that an XML parser reads it): a title, headings, paragraphs with
     * links (href and title), strong, em, code, images with alt, lists, a table, an escaped ampersand, a paragraph
     * marked {@code translate="no"}. Checked with the JDK's XML parser: the same elements in the same order, the same
     * attributes (alt and title translated, lang free), each block's text translated once.
     */
    static final class Html extends Sample {

        private static final Set<String> BLOCKS = Set.of("title", "h1", "h2", "p", "li", "th", "td");
        private static final Set<String> TRANSLATED_ATTRIBUTES = Set.of("alt", "title");

        Html() {
            super("html", "page.html");
        }

        @Override
        byte[] document(Words w, int segments) {
            StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    + "<meta charset=\"utf-8\"/>\n<title>").append(w.title(2, 5)).append("</title>\n</head>\n<body>\n")
                    .append("<h1>").append(w.title(2, 5)).append("</h1>\n");
            planned += 2;
            for (int section = 0; planned < segments; section++) {
                h.append("<h2 id=\"s").append(section).append("\">").append(w.title(2, 6)).append("</h2>\n");
                planned++;
                String paragraph = w.sentence(5, 12) + " " + w.sentence(4, 10);
                String title = w.chance(50) ? " title=\"" + w.title(1, 3) + "\"" : "";
                paragraph = w.insert(paragraph, "<a href=\"https://example.com/docs/" + section
                        + "?page=2&amp;lang=en\"" + title + ">" + w.words(1, 3) + "</a>");
                paragraph = w.insert(paragraph, "<strong>" + w.words(1, 2) + "</strong>");
                h.append("<p>").append(paragraph).append("</p>\n");
                planned += 1 + (title.isEmpty() ? 0 : 1);
                if (w.chance(50)) {
                    h.append("<p><img src=\"images/p").append(section).append(".png\" alt=\"").append(w.title(2, 4))
                            .append("\" width=\"40\"/> ").append(w.sentence(3, 8)).append("</p>\n");
                    planned += 2;
                }
                h.append("<ul>\n");
                int items = 2 + w.next(3);
                for (int i = 0; i < items; i++) {
                    String item = w.sentence(2, 8);
                    h.append("<li>").append(i == 1 ? w.insert(item, "<em>" + w.word() + "</em>") : item)
                            .append("</li>\n");
                }
                h.append("</ul>\n");
                planned += items;
                if (w.chance(30)) {
                    h.append("<p>").append(w.insert(w.sentence(4, 8), w.word() + " &amp; " + w.word()))
                            .append(" Use <code>bench.run(").append(section).append(")</code> ")
                            .append(w.words(2, 5)).append(".</p>\n");
                    planned++;
                }
                if (w.chance(20)) {
                    h.append("<table>\n<tr><th>").append(w.title(1, 2)).append("</th><td>").append(w.sentence(2, 5))
                            .append("</td></tr>\n</table>\n");
                    planned += 2;
                }
                if (w.chance(10)) {
                    h.append("<p translate=\"no\">").append(w.title(1, 3)).append("</p>\n");
                }
            }
            h.append("</body>\n</html>\n");
            return h.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            Document out = xml(Files.readAllBytes(output), faults);
            if (out == null) {
                return;
            }
            List<Element> in = all(xml(source, faults));
            List<Element> found = all(out);
            if (in.size() != found.size()) {
                faults.add(found.size() + " elements, the source has " + in.size());
            }
            for (int i = 0; i < Math.min(in.size(), found.size()); i++) {
                Element a = in.get(i);
                Element b = found.get(i);
                String where = "<" + a.getTagName() + "> #" + (i + 1);
                if (!a.getTagName().equals(b.getTagName())) {
                    faults.add(where + " is <" + b.getTagName() + ">: the elements differ from here on");
                    return;
                }
                NamedNodeMap attributes = a.getAttributes();
                for (int k = 0; k < attributes.getLength(); k++) {
                    String name = attributes.item(k).getNodeName();
                    String value = attributes.item(k).getNodeValue();
                    String expected = TRANSLATED_ATTRIBUTES.contains(name) ? FormatsStandIn.translation(value)
                            : value;
                    if (!name.equals("lang") && !expected.equals(b.getAttribute(name))) {
                        faults.add(where + " " + name + "=" + show(b.getAttribute(name)) + ", expected "
                                + show(expected));
                    }
                }
                if (BLOCKS.contains(a.getTagName())) {
                    String text = normal(a.getTextContent());
                    boolean translate = !"no".equals(a.getAttribute("translate")) && hasLetters(text);
                    String expected = translate ? FormatsStandIn.translation(text) : text;
                    if (!expected.equals(normal(b.getTextContent()))) {
                        faults.add(where + " text " + show(normal(b.getTextContent())) + ", expected "
                                + show(expected));
                    }
                }
            }
        }

        private static List<Element> all(Document document) {
            List<Element> elements = new ArrayList<>();
            if (document != null) {
                NodeList list = document.getElementsByTagName("*");
                for (int i = 0; i < list.getLength(); i++) {
                    elements.add((Element) list.item(i));
                }
            }
            return elements;
        }
    }

    // --- subtitles --------------------------------------------------------------------------------------------

    /**
     * SubRip subtitles: numbered cues of one or two lines, some in italics. Checked byte for byte like Markdown:
     * numbers, timecodes and line breaks as they were, one prefix per cue.
     */
    static final class Srt extends Sample {

        Srt() {
            super("srt", "film.srt");
        }

        @Override
        byte[] document(Words w, int segments) {
            StringBuilder s = new StringBuilder();
            long start = 1_000;
            for (int cue = 1; planned < segments; cue++) {
                long end = start + 1_500 + w.next(2_500);
                s.append(cue).append('\n').append(time(start, ',', true)).append(" --> ").append(time(end, ',', true))
                        .append('\n');
                String line = w.sentence(2, 7);
                s.append(w.chance(15) ? w.insert(line, "<i>" + w.words(1, 2) + "</i>") : line).append('\n');
                if (w.chance(40)) {
                    s.append(w.words(2, 6)).append('\n');
                }
                s.append('\n');
                planned++;
                start = end + 100 + w.next(900);
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            sameButPrefixes(new String(source, StandardCharsets.UTF_8), Files.readString(output,
                    StandardCharsets.UTF_8), sent, faults);
        }
    }

    /**
     * WebVTT subtitles: a header, NOTE blocks, cue ids on some cues, cue settings, voice and italic tags. Checked byte
     * for byte like SubRip.
     */
    static final class Vtt extends Sample {

        Vtt() {
            super("vtt", "film.vtt");
        }

        @Override
        byte[] document(Words w, int segments) {
            StringBuilder s = new StringBuilder("WEBVTT\n\nNOTE Generated for the bench\n\n");
            long start = 1_000;
            for (int cue = 1; planned < segments; cue++) {
                long end = start + 1_500 + w.next(2_500);
                if (w.chance(30)) {
                    s.append("cue-").append(cue).append('\n');
                }
                s.append(time(start, '.', start >= 3_600_000)).append(" --> ")
                        .append(time(end, '.', end >= 3_600_000)).append(w.chance(20) ? " align:start" : "")
                        .append('\n');
                String line = w.sentence(2, 7);
                int kind = w.next(100);
                s.append(kind < 15 ? "<v " + w.title(1, 1) + ">" + line + "</v>"
                        : kind < 25 ? w.insert(line, "<i>" + w.words(1, 2) + "</i>") : line).append('\n');
                if (w.chance(40)) {
                    s.append(w.words(2, 6)).append('\n');
                }
                s.append('\n');
                planned++;
                if (w.chance(5)) {
                    s.append("NOTE ").append(w.sentence(2, 5)).append("\n\n");
                }
                start = end + 100 + w.next(900);
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            sameButPrefixes(new String(source, StandardCharsets.UTF_8), Files.readString(output,
                    StandardCharsets.UTF_8), sent, faults);
        }
    }

    // --- DOCX -------------------------------------------------------------------------------------------------

    /**
     * A Word document: the package of the test sample guide.docx (its styles, relationships, properties) with a
     * generated body: headings, paragraphs of several runs (bold, italic, a hyperlink), table cells. Checked with the
     * JDK's zip and XML readers: the same paragraphs, each one's text translated once, its bold and italic text and
     * its hyperlinks as they were.
     */
    static final class Docx extends Sample {

        private static final Path TEMPLATE = Path.of("src", "test", "resources", "documents", "guide.docx");
        private static final String DOCUMENT = "word/document.xml";
        private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

        Docx() {
            super("docx", "report.docx");
        }

        @Override
        byte[] document(Words w, int segments) throws Exception {
            StringBuilder d = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<w:document xmlns:w=\"" + W + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/"
                    + "2006/relationships\"><w:body>");
            while (planned < segments) {
                int kind = w.next(100);
                if (kind < 10) {
                    d.append("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>").append(run(w.title(2, 6), ""))
                            .append("</w:p>");
                    planned++;
                } else if (kind < 15) {
                    d.append("<w:tbl><w:tr><w:tc><w:p>").append(run(w.title(1, 2), "")).append("</w:p></w:tc><w:tc>")
                            .append("<w:p>").append(run(w.sentence(2, 6), "")).append("</w:p></w:tc></w:tr></w:tbl>");
                    planned += 2;
                } else {
                    d.append("<w:p>").append(run(w.sentence(2, 6) + " ", ""))
                            .append(run(w.words(1, 3), "<w:b/>")).append(run(" " + w.words(2, 5) + " ", ""));
                    if (kind < 50) {
                        d.append(run(w.words(1, 2), "<w:i/>")).append(run(", " + w.words(1, 4) + " ", ""));
                    }
                    if (kind < 30) {
                        d.append("<w:hyperlink r:id=\"rId2\">").append(run(w.words(1, 2), "<w:u w:val=\"single\"/>"))
                                .append("</w:hyperlink>");
                    }
                    d.append(run(".", "")).append("</w:p>");
                    planned++;
                }
            }
            d.append("<w:sectPr/></w:body></w:document>");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(TEMPLATE));
                 ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    ZipEntry copy = new ZipEntry(entry.getName());
                    // a fixed time: the same bytes every run
                    copy.setTime(1_767_225_600_000L);
                    out.putNextEntry(copy);
                    out.write(entry.getName().equals(DOCUMENT) ? d.toString().getBytes(StandardCharsets.UTF_8)
                            : in.readAllBytes());
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        }

        private static String run(String text, String properties) {
            return "<w:r>" + (properties.isEmpty() ? "" : "<w:rPr>" + properties + "</w:rPr>")
                    + "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
        }

        @Override
        void check(Path output, long sent, Faults faults) throws Exception {
            byte[] xml = null;
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(output))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (entry.getName().equals(DOCUMENT)) {
                        xml = in.readAllBytes();
                    }
                }
            } catch (IOException e) {
                faults.add("not a zip package: " + e.getMessage());
                return;
            }
            if (xml == null) {
                faults.add("the package has no " + DOCUMENT);
                return;
            }
            Document out = xml(xml, faults);
            if (out == null) {
                return;
            }
            Document in;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(source))) {
                ZipEntry entry = zip.getNextEntry();
                while (!entry.getName().equals(DOCUMENT)) {
                    entry = zip.getNextEntry();
                }
                in = xml(zip.readAllBytes(), faults);
            }
            List<Element> sources = elements(in, W, "p");
            List<Element> found = elements(out, W, "p");
            if (sources.size() != found.size()) {
                faults.add(found.size() + " paragraphs, the source has " + sources.size());
                return;
            }
            for (int i = 0; i < sources.size(); i++) {
                String text = runs(sources.get(i), null);
                String expected = hasLetters(text) ? FormatsStandIn.translation(text) : text;
                String where = "paragraph " + (i + 1);
                if (!expected.equals(runs(found.get(i), null))) {
                    faults.add(where + ": " + show(runs(found.get(i), null)) + ", expected " + show(expected));
                }
                for (String format : List.of("b", "i")) {
                    if (!runs(sources.get(i), format).equals(runs(found.get(i), format))) {
                        faults.add(where + ": " + format + " text " + show(runs(found.get(i), format))
                                + ", expected " + show(runs(sources.get(i), format)));
                    }
                }
                if (elements(sources.get(i), W, "hyperlink").size() != elements(found.get(i), W, "hyperlink").size()) {
                    faults.add(where + ": its hyperlink is gone");
                }
            }
        }

        /** The text of a paragraph's runs, all of them or those with a format ({@code b}, {@code i}), "|" between. */
        private static String runs(Element paragraph, String format) {
            StringBuilder text = new StringBuilder();
            boolean previous = false;
            for (Element run : elements(paragraph, W, "r")) {
                boolean wanted = format == null || !elements(run, W, format).isEmpty();
                if (wanted) {
                    if (format != null && !previous && text.length() > 0) {
                        text.append('|');
                    }
                    elements(run, W, "t").forEach(t -> text.append(t.getTextContent()));
                }
                previous = wanted;
            }
            return text.toString();
        }
    }

    // --- shared -----------------------------------------------------------------------------------------------

    /**
     * The check of a format whose writer keeps everything but the text: the output without the stand-in's prefixes
     * is the source byte for byte, and there is one prefix per segment the stand-in translated.
     */
    static void sameButPrefixes(String source, String output, long sent, Faults faults) {
        int prefixes = count(output, PREFIX);
        if (prefixes != sent) {
            faults.add(prefixes + " translations written, " + sent + " segments translated");
        }
        String stripped = output.replace(PREFIX, "");
        if (!stripped.equals(source)) {
            String[] a = source.split("\n", -1);
            String[] b = stripped.split("\n", -1);
            int line = 0;
            while (line < Math.min(a.length, b.length) && a[line].equals(b[line])) {
                line++;
            }
            faults.add("differs from the source beyond the translations from line " + (line + 1) + ": "
                    + show(line < b.length ? b[line] : "(end)") + ", the source has "
                    + show(line < a.length ? a[line] : "(end)"));
        }
    }

    /** The check of an XML element's translation: there, the source's inline elements in place, its text translated. */
    static void translated(String where, Element source, Element target, Faults faults) {
        if (target == null) {
            faults.add(where + ": no target");
            return;
        }
        if (!shape(source).equals(shape(target))) {
            faults.add(where + ": inline elements " + shape(target) + ", the source has " + shape(source));
        }
        String expected = FormatsStandIn.translation(source.getTextContent());
        if (!expected.equals(target.getTextContent())) {
            faults.add(where + ": target " + show(target.getTextContent()) + ", expected " + show(expected));
        }
    }

    /** The element's inline elements as a string: names, ids and nesting, no text. */
    private static String shape(Element element) {
        StringBuilder shape = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                shape.append(e.getLocalName()).append('#').append(e.getAttribute("id")).append('(')
                        .append(shape(e)).append(')');
            }
        }
        return shape.toString();
    }

    /** The XML document, or null (a fault) when it does not parse. */
    static Document xml(byte[] bytes, Faults faults) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            faults.add("not well-formed XML: " + e.getMessage());
            return null;
        }
    }

    private static Map<String, Element> byId(Document document, String localName) {
        Map<String, Element> byId = new LinkedHashMap<>();
        if (document != null) {
            elements(document.getDocumentElement(), "*", localName).forEach(e -> byId.put(e.getAttribute("id"), e));
        }
        return byId;
    }

    private static List<Element> elements(Document document, String namespace, String localName) {
        return document == null ? List.of() : elements(document.getDocumentElement(), namespace, localName);
    }

    private static List<Element> elements(Element root, String namespace, String localName) {
        List<Element> elements = new ArrayList<>();
        NodeList list = root.getElementsByTagNameNS(namespace, localName);
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    /** The element's direct children of that name. */
    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        if (parent != null) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e && localName.equals(e.getLocalName())) {
                    children.add(e);
                }
            }
        }
        return children;
    }

    private static Element first(Element parent, String localName) {
        List<Element> children = children(parent, localName);
        return children.isEmpty() ? null : children.get(0);
    }

    private static String normal(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static boolean hasLetters(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    /** A timecode: hours:minutes:seconds and milliseconds after the separator, the hours left out if asked. */
    private static String time(long millis, char separator, boolean hours) {
        String time = String.format("%02d:%02d%c%03d", millis / 60_000 % 60, millis / 1000 % 60, separator,
                millis % 1000);
        return hours ? String.format("%02d:", millis / 3_600_000) + time : time;
    }

    /** A value as a fault shows it: quoted, line breaks visible, cut at 120 characters. */
    static String show(Object value) {
        String text = String.valueOf(value).replace("\u0004", " | ").replace("\n", "\\n");
        return "\"" + (text.length() > 120 ? text.substring(0, 119) + "…" : text) + "\"";
    }

    /** English-like words and sentences from a seeded random, with a few non-ASCII letters among them. */
    static final class Words {

        private static final String[] WORDS = { "the", "your", "invoice", "file", "report", "customer", "order",
            "account", "settings", "message", "changes", "folder", "project", "page", "list", "payment", "delivery",
            "team", "user", "server", "version", "document", "save", "open", "delete", "send", "check", "update",
            "review", "share", "new", "old", "all", "next", "last", "before", "after", "with", "without", "for",
            "from", "to", "and", "or", "in", "on", "is", "are", "was", "will", "can", "must", "please", "now",
            "today", "again", "quickly", "café", "Zürich", "résumé", "naïve", "export", "import", "draft",
            "total" };
        private static final String[] NOUNS = { "file", "invoice", "message", "order", "page", "user", "change" };
        private static final String[] NAMES = { "name", "count", "user", "total", "file", "date" };

        private final Random random;

        Words(long seed) {
            this.random = new Random(seed);
        }

        int next(int bound) {
            return random.nextInt(bound);
        }

        boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        String word() {
            return WORDS[random.nextInt(WORDS.length)];
        }

        String noun() {
            return NOUNS[random.nextInt(NOUNS.length)];
        }

        String name() {
            return NAMES[random.nextInt(NAMES.length)];
        }

        /** Lower-case words, min to max of them. */
        String words(int min, int max) {
            StringBuilder words = new StringBuilder(word());
            for (int i = min + random.nextInt(max - min + 1); i > 1; i--) {
                words.append(' ').append(word());
            }
            return words.toString();
        }

        /** Words with the first capitalised, no final stop. */
        String title(int min, int max) {
            String words = words(min, max);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }

        /** A sentence: words, the first capitalised, and a stop (now and then a question or an exclamation). */
        String sentence(int min, int max) {
            int end = random.nextInt(10);
            return title(min, max) + (end == 0 ? "?" : end == 1 ? "!" : ".");
        }

        /**
         * The text with the part put between two of its words (never before the first), outside whatever an earlier
         * insert put in: tags, brackets, braces, code spans.
         */
        String insert(String text, String part) {
            List<Integer> spaces = new ArrayList<>();
            int depth = 0;
            boolean code = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '`') {
                    code = !code;
                } else if ("<[({".indexOf(c) >= 0) {
                    depth++;
                } else if (">])}".indexOf(c) >= 0) {
                    depth--;
                } else if (c == ' ' && depth == 0 && !code) {
                    spaces.add(i);
                }
            }
            if (spaces.isEmpty()) {
                return text + " " + part;
            }
            int at = spaces.get(random.nextInt(spaces.size()));
            return text.substring(0, at + 1) + part + " " + text.substring(at + 1);
        }
    }
}
