package dev.dragoman.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.sf.okapi.common.filters.InlineCodeFinder;
import net.sf.okapi.filters.openxml.ConditionalParameters;
import net.sf.okapi.filters.vtt.VTTParameters;

/**
 * Dragoman's own parameters for each Okapi filter, as the parameter text Okapi reads ({@code #v1} key=value lines,
 * or the YAML configuration of the HTML filter), so that a user who wants other ones starts from these. They are
 * built from Okapi's parameter classes, so each choice is a named setter; the reason is beside it.
 */
final class FilterDefaults {

    /** Okapi's own rule for the escapes of a properties value, {@code \n}, {@code \t}… */
    private static final String ESCAPED_CHARACTERS = "(\\\\r\\\\n)|\\\\a|\\\\b|\\\\f|\\\\n|\\\\r|\\\\t|\\\\v";

    private FilterDefaults() {
    }

    /**
     * The parameter text for a format, or null when Okapi's defaults are right for it.
     *
     * @param name           the format's name ({@code srt} and {@code vtt} share a filter but not its time format)
     * @param filterConfigId the Okapi filter configuration
     */
    static String of(String name, String filterConfigId) {
        if ("srt".equals(name)) {
            return subtitles("HH:mm:ss,SSS");
        }
        return switch (filterConfigId) {
            case "okf_json" -> json();
            case "okf_yaml" -> yaml();
            case "okf_properties" -> properties();
            case "okf_markdown" -> markdown();
            case "okf_po" -> po();
            case "okf_xliff" -> xliff();
            case "okf_vtt" -> subtitles("HH:mm:ss.SSS");
            case "okf_openxml" -> openXml();
            case "okf_html" -> resource("okf_html.yml");
            default -> null;
        };
    }

    /**
     * JSON: the strings of arrays too ({@code extractIsolatedStrings}), the full key path as the unit's name for the
     * note, placeholders as codes, and {@code /} written as it came ({@code escapeForwardSlashes} is set per file by
     * {@link InputEscapes}).
     */
    private static String json() {
        var params = new net.sf.okapi.filters.json.Parameters();
        params.setExtractStandalone(true);
        params.setUseFullKeyPath(true);
        params.setUseCodeFinder(true);
        replaceRules(params.getCodeFinder(), PlaceholderRules.RESOURCE_STRINGS);
        return params.toString();
    }

    /**
     * YAML: the items of lists too, the full key path as the name, placeholders as codes. Values that YAML resolves
     * to booleans, nulls or numbers are kept out by {@link YamlRules}.
     */
    private static String yaml() {
        var params = new net.sf.okapi.filters.yaml.Parameters();
        params.setExtractStandalone(true);
        params.setUseFullKeyPath(true);
        params.setUseCodeFinder(true);
        replaceRules(params.getCodeFinder(), PlaceholderRules.RESOURCE_STRINGS);
        return params.toString();
    }

    /**
     * Properties: placeholders ({@code {0}} of java.text.MessageFormat, printf) and Okapi's escaped characters as
     * codes; the comments as notes. Whether non-ASCII characters are written as {@code \}{@code uXXXX} is set per
     * file by {@link InputEscapes}.
     */
    private static String properties() {
        var params = new net.sf.okapi.filters.properties.Parameters();
        params.setUseCodeFinder(true);
        replaceRules(params.getCodeFinder(), List.of(ESCAPED_CHARACTERS));
        params.getCodeFinder().addRules(PlaceholderRules.RESOURCE_STRINGS);
        params.setCommentsAreNotes(true);
        return params.toString();
    }

    /**
     * Markdown: code (fenced, indented, inline), URLs and link targets stay as they are; image alt text is translated;
     * the front matter's metadata is not; placeholders in text as codes; HTML inside it is read with Dragoman's HTML
     * configuration, so that only its alt and title attributes are translated
     * (https://okapiframework.org/wiki/index.php/Markdown_Filter).
     */
    private static String markdown() {
        var params = new net.sf.okapi.filters.markdown.Parameters();
        params.setTranslateUrls(false);
        params.setTranslateFencedCodeBlocks(false);
        params.setTranslateIndentedCodeBlocks(false);
        params.setTranslateInlineCodeBlocks(false);
        params.setTranslateHeaderMetadata(false);
        params.setTranslateImageAltText(true);
        params.setHtmlSubfilter(OkapiFilters.MARKDOWN_HTML);
        params.setUseCodeFinder(true);
        replaceRules(params.getCodeFinder(), PlaceholderRules.RESOURCE_STRINGS);
        return params.toString();
    }

    /**
     * PO: bilingual (msgid is the source, msgstr the translation), an untranslated msgstr stays empty instead of
     * getting a copy of msgid ({@code allowEmptyOutputTarget}), placeholders of c-format, python-format and the
     * like as codes.
     */
    private static String po() {
        var params = new net.sf.okapi.filters.po.Parameters();
        params.setBilingualMode(true);
        params.setAllowEmptyOutputTarget(true);
        params.setUseCodeFinder(true);
        replaceRules(params.getCodeFinder(), PlaceholderRules.RESOURCE_STRINGS);
        return params.toString();
    }

    /**
     * XLIFF 1.2: the {@code target-language} of each {@code <file>} set to the language Dragoman translates into
     * (without {@code overrideTargetLanguage} Okapi would write the targets in the language the file declared), and a
     * target's {@code state} taken from the translation ({@link XliffRules} sets it).
     */
    private static String xliff() {
        var params = new net.sf.okapi.filters.xliff.Parameters();
        params.setAddTargetLanguage(true);
        params.setOverrideTargetLanguage(true);
        params.setUseTranslationTargetState(true);
        return params.toString();
    }

    /**
     * Subtitles through {@code okf_vtt}: the time format of the file ({@code HH:mm:ss,SSS} for SRT, without which
     * Okapi's writer fails) and {@code keepTimecodes}; {@link CueByCueVttFilter} keeps each cue's text in its cue,
     * its lines and its timing line as they were.
     */
    private static String subtitles(String timeFormat) {
        VTTParameters params = new VTTParameters();
        params.setTimeFormat(timeFormat);
        params.setKeepTimecodes(true);
        params.setMaxLinesPerCaption(2);
        params.setMaxCharsPerLine(47);
        params.setCjkCharsPerLine(18);
        return params.toString();
    }

    /**
     * DOCX: the text of the document, its headers, footers and comments, not its properties (author, company,
     * keywords are names and tags, not prose).
     */
    private static String openXml() {
        ConditionalParameters params = new ConditionalParameters();
        params.setTranslateDocProperties(false);
        return params.toString();
    }

    private static void replaceRules(InlineCodeFinder finder, List<String> rules) {
        finder.reset();
        finder.setUseAllRulesWhenTesting(true);
        finder.addRules(rules);
    }

    private static String resource(String name) {
        try (InputStream in = FilterDefaults.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
