package dev.dragoman.document;

import java.io.OutputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.Property;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.filters.yaml.parser.IYamlHandler;
import net.sf.okapi.filters.yaml.parser.ParseException;
import net.sf.okapi.filters.yaml.parser.StreamProvider;
import net.sf.okapi.filters.yaml.parser.Token;
import net.sf.okapi.filters.yaml.parser.YamlParser;
import net.sf.okapi.filters.yaml.parser.YamlParserConstants;

/**
 * YAML: only string values are translated. Okapi's YAML filter extracts every scalar, also the plain ones that YAML
 * reads as booleans, nulls or numbers; translating {@code enabled: true} into {@code enabled: prawda} would turn a
 * boolean into a string. A plain scalar is left alone when the YAML 1.2 core schema resolves it to something else
 * than a string (https://yaml.org/spec/1.2.2/#1032-tag-resolution), or YAML 1.1 did ({@code yes}, {@code off}:
 * https://yaml.org/type/bool.html), since Ruby, Python's PyYAML and SnakeYAML 1.x still read YAML 1.1. The note is the
 * key path.
 *
 * <p>Okapi's YAML grammar wants a node after every {@code -} of a block sequence, so it rejects an empty entry, a
 * {@code -} alone on its line (maybe with a comment), which YAML reads as null
 * (https://yaml.org/spec/1.2.2/#example-block-sequence-entry-types has one; Rails' {@code abbr_month_names} start with
 * one so that January is 1). Such an entry reaches the filter as an anchored null, {@code - &dragoman-empty-1 ~},
 * which the filter keeps as it is and does not extract, and the anchor and null are taken out of what is written.
 *
 * <p>Okapi reads a folded block scalar ({@code >}) as the string it stands for, its lines joined, and its writer
 * writes that string on one line. A folded value that is not translated, or is translated into its own text, is
 * written as the file had it: its lines are found in the file after the text the filter keeps before it (the
 * {@code key: >-} line and the indentation), and taken when they fold into the value read.
 */
final class YamlRules implements FormatRules {

    /** Okapi's property with the scalar's style: PLAIN, SINGLE, DOUBLE, LITERAL or FOLDED. */
    private static final String SCALAR_TYPE = "Scalar Type";

    private static final Pattern NOT_A_STRING = Pattern.compile(String.join("|",
            "~|null|Null|NULL",
            "true|True|TRUE|false|False|FALSE",
            "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF",
            "[-+]?[0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+",
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?",
            "[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN"));

    /** A line that may be an empty entry: a {@code -} at its end, or before a comment. */
    private static final Pattern MAYBE_EMPTY_ENTRY = Pattern.compile("(?m)-([ \\t]+#.*)?[ \\t]*$");

    /** What follows the {@code -} of an empty entry on its line: blanks, maybe a comment after them. */
    private static final Pattern REST_OF_EMPTY_ENTRY = Pattern.compile("([ \\t]+#[^\\r\\n]*|[ \\t]*)(\\r|\\n|$)");

    /**
     * A text that reads back as itself as a plain scalar in block context, where locale files keep their strings: no
     * indicator first, no {@code ": "} or {@code " #"} inside, no colon at the end, no line break or control
     * character. (Brackets and commas inside would end a plain scalar in a flow collection; locale files do not put
     * their texts there, and quoting every {@code %{count}} would rewrite what was not translated.)
     */
    private static final Pattern PLAIN_SAFE = Pattern.compile(
            "(?![-?:](\\s|$))[^\\[\\]{},#&*!|>'\"%@`\\p{Cntrl}](?:(?!: |:$| #)\\P{Cntrl})*");

    /** Where the text of a line ends. */
    private static final Pattern LINE = Pattern.compile("[^\\r\\n]*");

    private static final int PARSED = -1;
    private static final int NOT_AN_EMPTY_ENTRY = -2;

    private final LocaleId target;

    /** The nodes given to empty entries, each once in what is written, where they are taken out again. */
    private List<String> givenNodes = List.of();

    /** The text the filter reads, where folded values are looked for. */
    private String text = "";
    /** The text the filter kept last before a unit, and where in {@link #text} the search goes on. */
    private String kept = "";
    private int position;
    private final Map<ITextUnit, String> foldedLines = new IdentityHashMap<>();

    YamlRules(LocaleId target) {
        this.target = target;
    }

    @Override
    public boolean wanted(ITextUnit unit) {
        boolean plain = unit.getProperty(SCALAR_TYPE) == null || isStyle(unit, "PLAIN");
        return !(plain && NOT_A_STRING.matcher(unit.getSource().toString().strip()).matches());
    }

    private static boolean isStyle(ITextUnit unit, String style) {
        Property property = unit.getProperty(SCALAR_TYPE);
        return property != null && style.equals(property.getValue());
    }

    @Override
    public String note(ITextUnit unit) {
        return new NoteText().add("key", unit.getName()).text();
    }

    /**
     * The text with a node for each empty entry: Okapi's parser stops at the first one, right after its {@code -},
     * so each is found by parsing again until the text parses or stops at something else, which the filter then
     * reports (on the file's own line: a node is added within a line).
     */
    @Override
    public String input(String text) {
        this.text = text;
        if (!MAYBE_EMPTY_ENTRY.matcher(text).find()) {
            return text;
        }
        String anchor = "dragoman-empty-";
        while (text.contains(anchor)) {
            anchor = "x" + anchor;
        }
        StringBuilder readable = new StringBuilder(text);
        List<String> nodes = new ArrayList<>();
        int previous = PARSED;
        int dash;
        while ((dash = emptyEntry(readable.toString())) > previous) {
            // after the blanks that follow the dash, which Okapi keeps there (it drops those after a node)
            int at = dash + 1;
            while (at < readable.length() && (readable.charAt(at) == ' ' || readable.charAt(at) == '\t')) {
                at++;
            }
            String node = (at == dash + 1 ? " " : "") + "&" + anchor + (nodes.size() + 1) + " ~"
                    + (at < readable.length() && readable.charAt(at) == '#' ? " " : "");
            readable.insert(at, node);
            nodes.add(node);
            previous = dash;
        }
        givenNodes = List.copyOf(nodes);
        this.text = readable.toString();
        return this.text;
    }

    @Override
    public List<Event> adjust(Event event) {
        if (event.isStartDocument()) {
            foldedLines.clear();
            kept = "";
            position = 0;
        } else if (event.isTextUnit()) {
            ITextUnit unit = event.getTextUnit();
            if (isStyle(unit, "FOLDED")) {
                locateFolded(unit);
            }
        } else if (event.getResource() != null && event.getResource().getSkeleton() != null) {
            String skeleton = event.getResource().getSkeleton().toString();
            if (!skeleton.isEmpty()) {
                kept = skeleton;
            }
        }
        return List.of(event);
    }

    /**
     * Finds the folded value's lines: after the text kept before it, the lines indented as the first one (or blank),
     * up to the last that is not blank; kept when their words are the value's.
     */
    private void locateFolded(ITextUnit unit) {
        int header = text.indexOf(kept, position);
        if (kept.isEmpty() || header < 0) {
            return;
        }
        int start = header + kept.length();
        String indent = kept.substring(Math.max(kept.lastIndexOf('\n'), kept.lastIndexOf('\r')) + 1);
        int end = start;
        int at = start;
        while (at < text.length()) {
            var line = LINE.matcher(text).region(at, text.length());
            line.lookingAt();
            String content = line.group();
            if (at > start && !content.isBlank() && !content.startsWith(indent)) {
                break;
            }
            if (!content.isBlank()) {
                end = line.end();
            }
            at = line.end() + (text.startsWith("\r\n", line.end()) ? 2 : 1);
        }
        String lines = text.substring(start, end);
        if (words(lines).equals(words(unit.getSource().toString()))) {
            foldedLines.put(unit, lines);
            position = end;
        }
    }

    private static String words(String text) {
        return String.join(" ", text.strip().split("\\s+"));
    }

    @Override
    public OutputStream output(OutputStream output) {
        return givenNodes.isEmpty() ? output : new RewrittenOutput(output, written -> {
            String original = written;
            for (String node : givenNodes) {
                original = original.replace(node, "");
            }
            return original;
        });
    }

    /**
     * Where the {@code -} of the empty entry Okapi's parser stops at is, {@link #PARSED} when the text parses, or
     * {@link #NOT_AN_EMPTY_ENTRY} when it stops at something else.
     */
    private static int emptyEntry(String text) {
        YamlParser parser = new YamlParser(new StreamProvider(new StringReader(text)));
        parser.setHandler((IYamlHandler) Proxy.newProxyInstance(IYamlHandler.class.getClassLoader(),
                new Class<?>[] {IYamlHandler.class}, (proxy, method, args) -> null));
        try {
            parser.parse();
            return PARSED;
        } catch (ParseException e) {
            Token last = e.currentToken;
            if (last == null || last.kind != YamlParserConstants.DASH) {
                return NOT_AN_EMPTY_ENTRY;
            }
            int dash = offset(text, last.beginLine, last.beginColumn);
            boolean empty = dash >= 0 && dash < text.length() && text.charAt(dash) == '-'
                    && REST_OF_EMPTY_ENTRY.matcher(text).region(dash + 1, text.length()).lookingAt();
            return empty ? dash : NOT_AN_EMPTY_ENTRY;
        } catch (RuntimeException | Error e) {
            return NOT_AN_EMPTY_ENTRY;
        }
    }

    /** The offset of a line and column as the parser counts them from 1 (CR LF, CR and LF end a line; a tab is 1). */
    private static int offset(String text, int line, int column) {
        int at = 0;
        for (int current = 1; current < line; current++) {
            while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
                at++;
            }
            if (at == text.length()) {
                return -1;
            }
            at += text.startsWith("\r\n", at) ? 2 : 1;
        }
        return at + column - 1;
    }

    /**
     * A plain scalar's translation must still read as that same plain string, which a translation easily breaks: a
     * colon and a space ({@code Übersetzt: …}), {@code " #"} (the rest would be a comment), a leading indicator such as
     * {@code [}, {@code *} or a quote, spaces at either end, or a word YAML reads as a boolean or a number
     * (https://yaml.org/spec/1.2.2/#733-plain-style). Such a translation is written double-quoted instead, its
     * backslashes and quotes escaped (https://yaml.org/spec/1.2.2/#731-double-quoted-style).
     */
    @Override
    public void beforeWrite(ITextUnit unit, boolean translated) {
        String lines = foldedLines.get(unit);
        if (lines != null && (!translated || FormatRules.ownText(unit, target))) {
            unit.setSource(new TextContainer(lines));
            if (translated) {
                unit.setTarget(target, new TextContainer(lines));
            }
            return;
        }
        Property style = unit.getProperty(SCALAR_TYPE);
        if (!translated || style != null && !"PLAIN".equals(style.getValue())) {
            return;
        }
        for (LocaleId locale : unit.getTargetLocales()) {
            TextFragment text = unit.getTarget(locale).getFirstContent();
            // the source's own text was a valid plain scalar as it was
            if (!text.toText().equals(unit.getSource().getFirstContent().toText()) && !staysPlain(text.toText())) {
                text.setCodedText(doubleQuoted(text.getCodedText()), text.getCodes(), false);
            }
        }
    }

    private static boolean staysPlain(String value) {
        return !value.isEmpty() && value.equals(value.strip()) && PLAIN_SAFE.matcher(value).matches()
                && !NOT_A_STRING.matcher(value).matches();
    }

    /** The coded text between double quotes, its quotes and backslashes escaped; Okapi's code markers kept. */
    private static String doubleQuoted(String coded) {
        StringBuilder quoted = new StringBuilder(coded.length() + 8).append('"');
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c)) {
                // a marker is two characters: its kind and its code's index
                quoted.append(c).append(coded.charAt(++i));
                continue;
            }
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
