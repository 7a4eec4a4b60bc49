package dev.dragoman.document;

import java.util.List;

import net.sf.okapi.common.filters.InlineCodeFinder;
import net.sf.okapi.common.resource.TextFragment;

/**
 * The patterns of placeholders and inline markup that a model must copy unchanged, given to Okapi's
 * {@link InlineCodeFinder} so that each match becomes an inline code ({@code <x1/>}) instead of text to translate.
 * Okapi's JSON and YAML filters find none of them by default, so {@code {name}} or {@code %d} would reach the model
 * as words. The rules are tried in this order at each position, so the longer forms come first: {@code {{x}}} before
 * {@code {x}}, {@code %{x}} before printf.
 */
final class PlaceholderRules {

    /** A URL is an address, not words: {@code https://example.com/path}. */
    static final String URL = "(?:https?|ftp)://[^\\s<>\"'`]*[^\\s<>\"'`.,;:!?)\\]]";

    /** Mustache, Handlebars, Angular, Jinja: {@code {{name}}}, {@code {{#each}}}. */
    static final String DOUBLE_BRACES = "\\{\\{[^{}]*\\}\\}";

    /** JavaScript template literals and shell: {@code ${count}}. */
    static final String DOLLAR_BRACES = "\\$\\{[^{}]*\\}";

    /**
     * Ruby on Rails i18n: {@code %{count}}
     * (https://guides.rubyonrails.org/i18n.html#passing-variables-to-translations).
     */
    static final String PERCENT_BRACES = "%\\{[^{}]*\\}";

    /**
     * Python's named conversions: {@code %(name)s}
     * (https://docs.python.org/3/library/stdtypes.html#printf-style-string-formatting).
     */
    static final String PYTHON_NAMED = "%\\([A-Za-z_]\\w*\\)[-+0#]*\\d*(?:\\.\\d+)?[diouxXeEfFgGcrsa]";

    /**
     * C printf and its relatives: {@code %d}, {@code %1$s}, {@code %.2f}, {@code %lld}, Objective-C's {@code %@} and
     * the escaped {@code %%} (https://pubs.opengroup.org/onlinepubs/9699919799/functions/printf.html). No space flag,
     * so that "50 % off" stays text.
     */
    static final String PRINTF =
            "%(?:\\d+\\$)?[-+0#]*(?:\\d+|\\*)?(?:\\.(?:\\d+|\\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn@%]";

    /**
     * A strftime directive, as Rails locale files have them for dates and times: {@code %b %-d, %Y at %I:%M%p}
     * (https://pubs.opengroup.org/onlinepubs/9699919799/functions/strftime.html, with the flags of glibc and Ruby).
     */
    static final String STRFTIME = "%[-_0^#]?[aAbBcCdDeFgGhHIjklLmMnNpPrRsStTuUvVwWxXyYzZ+]";

    /**
     * A simple ICU or java.text.MessageFormat argument, {@code {0}}, {@code {name}}, {@code {0,number,integer}}, and
     * .NET's {@code {0:N2}} (https://unicode-org.github.io/icu/userguide/format_parse/messages/).
     */
    static final String BRACES = "\\{[A-Za-z_0-9][\\w.-]*(?:\\s*[,:][^{}]*)?\\}";

    /** An HTML or XML tag inside a string value: {@code <b>}, {@code </a>}, {@code <br/>}. */
    static final String TAG = "</?[A-Za-z][\\w:.-]*(?:\\s+[^<>]*)?/?>";

    /** An HTML character reference: {@code &amp;}, {@code &#160;}, {@code &#x2014;}. */
    static final String ENTITY = "&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);";

    /** The rules for strings of resource files (JSON, YAML, properties, Markdown and HTML text). */
    static final List<String> RESOURCE_STRINGS = List.of(URL, DOUBLE_BRACES, DOLLAR_BRACES, PERCENT_BRACES,
            PYTHON_NAMED, PRINTF, STRFTIME, BRACES, TAG, ENTITY);

    /** The rules of a printf-style snippet: printf conversions and nothing else. */
    static final List<String> PRINTF_STRINGS = List.of(PYTHON_NAMED, PRINTF);

    private PlaceholderRules() {
    }

    /** The text as a fragment whose matches of these rules are codes. */
    static TextFragment finderFor(String text, List<String> rules) {
        TextFragment fragment = new TextFragment(text);
        finder(rules).process(fragment);
        return fragment;
    }

    /** A compiled code finder with these rules, in this order. */
    static InlineCodeFinder finder(List<String> rules) {
        InlineCodeFinder finder = new InlineCodeFinder();
        finder.setUseAllRulesWhenTesting(true);
        finder.addRules(rules);
        finder.compile();
        return finder;
    }
}
