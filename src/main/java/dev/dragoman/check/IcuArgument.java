package dev.dragoman.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessagePattern.ArgType;
import com.ibm.icu.text.MessagePattern.Part;

/**
 * Reads one {@code {…}} of a text as an ICU MessageFormat argument
 * (https://unicode-org.github.io/icu/userguide/format_parse/messages/, syntax in
 * https://unicode-org.github.io/icu-docs/apidoc/released/icu4j/com/ibm/icu/text/MessageFormat.html) with ICU's own
 * parser, so quoting, nesting and {@code offset:} are read as ICU reads them. The argument name, type, style and
 * selectors are structure; the option texts of a plural, selectordinal, select or choice are what translators write.
 *
 * @param placeholders the argument and the arguments nested in its options, outermost first
 * @param syntax       the parts of the argument a translator must not change: all of it but the option texts
 */
record IcuArgument(List<Placeholder> placeholders, List<Span> syntax) {

    /*
     * The format types MessageFormat knows. MessagePattern accepts any word there, so without this list "{x, y}" in
     * prose about sets would become a placeholder.
     */
    private static final Set<String> SIMPLE_TYPES = Set.of("number", "date", "time", "spellout", "ordinal",
            "duration");

    /** The argument written at {@code region} of {@code text}, or null when the braces hold no ICU argument. */
    static IcuArgument read(String text, Span region) {
        MessagePattern pattern = new MessagePattern();
        try {
            pattern.parse(text.substring(region.start(), region.end()));
        } catch (IllegalArgumentException | IndexOutOfBoundsException notIcu) {
            return null;
        }
        int offset = region.start();
        List<Placeholder> placeholders = new ArrayList<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            Part.Type type = pattern.getPartType(i);
            if (type == Part.Type.ARG_TYPE
                    && !SIMPLE_TYPES.contains(pattern.getSubstring(pattern.getPart(i)).toLowerCase(Locale.ROOT))) {
                return null;
            }
            if (type == Part.Type.ARG_START) {
                placeholders.add(placeholder(pattern, i, offset));
            }
        }
        return new IcuArgument(placeholders, outside(region, optionTexts(pattern, offset)));
    }

    private static Placeholder placeholder(MessagePattern pattern, int start, int offset) {
        int limit = pattern.getLimitPartIndex(start);
        Span span = new Span(offset + pattern.getPart(start).getIndex(), offset + pattern.getPart(limit).getLimit());
        ArgType type = pattern.getPart(start).getArgType();
        String name = pattern.getSubstring(pattern.getPart(start + 1));
        return switch (type) {
            case NONE -> new Placeholder(Placeholder.Kind.ICU_ARGUMENT, "{" + name + "}", span);
            case SIMPLE -> new Placeholder(Placeholder.Kind.ICU_ARGUMENT, simple(pattern, start, limit, name), span);
            // ChoiceFormat is deprecated for messages; its limits are kept as syntax but not compared one by one
            case CHOICE -> new Placeholder(Placeholder.Kind.ICU_ARGUMENT, "{" + name + ", choice}", span);
            case PLURAL -> complex(Placeholder.Kind.ICU_PLURAL, pattern, start, limit, name, span);
            case SELECTORDINAL -> complex(Placeholder.Kind.ICU_SELECTORDINAL, pattern, start, limit, name, span);
            case SELECT -> complex(Placeholder.Kind.ICU_SELECT, pattern, start, limit, name, span);
        };
    }

    /** {@code {n, number}} or {@code {n, number, style}}, without the spaces ICU allows around each piece. */
    private static String simple(MessagePattern pattern, int start, int limit, String name) {
        StringBuilder text = new StringBuilder("{").append(name);
        for (int i = start + 2; i < limit; i++) {
            Part.Type type = pattern.getPartType(i);
            if (type == Part.Type.ARG_TYPE || type == Part.Type.ARG_STYLE) {
                text.append(", ").append(pattern.getSubstring(pattern.getPart(i)).trim());
            }
        }
        return text.append('}').toString();
    }

    private static Placeholder complex(Placeholder.Kind kind, MessagePattern pattern, int start, int limit,
            String name, Span span) {
        List<String> keywords = new ArrayList<>();
        for (int i = start + 1; i < limit; i++) {
            Part.Type type = pattern.getPartType(i);
            if (type == Part.Type.ARG_SELECTOR) {
                keywords.add(pattern.getSubstring(pattern.getPart(i)));
            } else if (type == Part.Type.MSG_START) {
                // the selectors of arguments nested in this option belong to those arguments
                i = pattern.getLimitPartIndex(i);
            }
        }
        String type = pattern.getPart(start).getArgType().name().toLowerCase(Locale.ROOT);
        return new Placeholder(kind, "{" + name + ", " + type + "}", span, keywords);
    }

    /**
     * The runs of option text: inside a message nested in an argument (level above 0), from its start or from the
     * end of a nested argument, {@code #} or quote, up to the next such part.
     */
    private static List<Span> optionTexts(MessagePattern pattern, int offset) {
        List<Span> texts = new ArrayList<>();
        Deque<Integer> levels = new ArrayDeque<>();
        int from = -1;
        for (int i = 0; i < pattern.countParts(); i++) {
            Part part = pattern.getPart(i);
            if (from >= 0 && part.getIndex() > from) {
                texts.add(new Span(offset + from, offset + part.getIndex()));
            }
            from = -1;
            switch (part.getType()) {
                case MSG_START -> {
                    levels.push(part.getValue());
                    from = part.getValue() > 0 ? part.getLimit() : -1;
                }
                case MSG_LIMIT -> levels.pop();
                case ARG_LIMIT, REPLACE_NUMBER, SKIP_SYNTAX, INSERT_CHAR ->
                        from = !levels.isEmpty() && levels.peek() > 0 ? part.getLimit() : -1;
                default -> {
                }
            }
        }
        return texts;
    }

    /** {@code region} without the ordered, disjoint {@code holes}. */
    private static List<Span> outside(Span region, List<Span> holes) {
        List<Span> rest = new ArrayList<>();
        int at = region.start();
        for (Span hole : holes) {
            if (hole.start() > at) {
                rest.add(new Span(at, hole.start()));
            }
            at = hole.end();
        }
        if (region.end() > at) {
            rest.add(new Span(at, region.end()));
        }
        return rest;
    }
}
