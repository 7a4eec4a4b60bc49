package dev.dragoman.document;

import java.util.ArrayDeque;
import java.util.Deque;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessagePattern.Part;

import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;

/**
 * An ICU MessageFormat pattern as a fragment whose codes are its syntax
 * (https://unicode-org.github.io/icu/userguide/format_parse/messages/): the text of the message and of each
 * sub-message of a plural or select stays text; arguments, their names, types, styles and selectors, the braces and
 * {@code #} are codes. So {@code You have {count, plural, one {# invoice} other {# invoices}}.} reads
 * {@code You have <x1/> invoice<x2/> invoices<x3/>.}. The pattern is parsed by ICU4J's {@link MessagePattern}.
 */
final class IcuMessageCodes {

    private IcuMessageCodes() {
    }

    /**
     * @throws IllegalArgumentException when the text is not a valid ICU message pattern
     */
    static TextFragment of(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        TextFragment fragment = new TextFragment();
        StringBuilder syntax = new StringBuilder();
        Deque<Boolean> inMessage = new ArrayDeque<>();
        int position = 0;
        for (int i = 0; i < parsed.countParts(); i++) {
            Part part = parsed.getPart(i);
            if (part.getIndex() < position) {
                continue; // the value of an explicit selector (=0), which lies inside the selector just taken
            }
            String gap = pattern.substring(position, part.getIndex());
            if (Boolean.TRUE.equals(inMessage.peek())) {
                text(fragment, syntax, gap);
            } else {
                syntax.append(gap);
            }
            syntax.append(pattern, part.getIndex(), part.getLimit());
            position = part.getLimit();
            switch (part.getType()) {
                case MSG_START -> inMessage.push(true);
                case ARG_START -> inMessage.push(false);
                case MSG_LIMIT, ARG_LIMIT -> inMessage.pop();
                default -> {
                }
            }
        }
        if (syntax.length() > 0) {
            fragment.append(new Code(TagType.PLACEHOLDER, "icu", syntax.toString()));
        }
        return fragment;
    }

    /** Appends the syntax gathered so far as one code, then the text. */
    private static void text(TextFragment fragment, StringBuilder syntax, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (syntax.length() > 0) {
            fragment.append(new Code(TagType.PLACEHOLDER, "icu", syntax.toString()));
            syntax.setLength(0);
        }
        fragment.append(text);
    }
}
