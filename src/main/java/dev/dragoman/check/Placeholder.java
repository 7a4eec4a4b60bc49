package dev.dragoman.check;

import java.util.List;

/**
 * A placeholder of a message, which the program fills in when it shows the text, so a translation has to carry it over
 * exactly. {@code text} is how reasons name it and how source and translation are matched: as written for printf and
 * brace placeholders, and with the whitespace ICU ignores taken out for ICU arguments ({@code {count, plural}} for a
 * plural, whose option texts are translated).
 *
 * @param keywords the selectors of an ICU plural, selectordinal or select argument ({@code one}, {@code =0},
 *                 {@code other}) in the order written; empty for every other kind
 */
public record Placeholder(Kind kind, String text, Span span, List<String> keywords) {

    public Placeholder {
        keywords = List.copyOf(keywords);
    }

    Placeholder(Kind kind, String text, Span span) {
        this(kind, text, span, List.of());
    }

    /** What decides how a translation may move or change a placeholder. */
    public enum Kind {
        /** {@code %s}, {@code %.2f}: each takes the next argument, so their order is the order of the arguments. */
        PRINTF,
        /** {@code %1$s}, {@code %(name)s}: numbered or named, so a translation may reorder them. */
        PRINTF_INDEXED,
        /** {@code {{count}}} (i18next, Handlebars), {@code %{count}} (Ruby on Rails), {@code ${x}}. */
        BRACE,
        /** An ICU or java.text MessageFormat argument without options: {@code {0}}, {@code {name}}, {@code {n, number}}. */
        ICU_ARGUMENT,
        /** {@code {count, plural, one {…} other {…}}}: the keywords are CLDR plural categories or {@code =n}. */
        ICU_PLURAL,
        /** {@code {place, selectordinal, one {#st} other {#th}}}: CLDR ordinal categories. */
        ICU_SELECTORDINAL,
        /** {@code {gender, select, female {…} other {…}}}: the keywords are values the program passes. */
        ICU_SELECT
    }
}
