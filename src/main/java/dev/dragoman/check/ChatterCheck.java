package dev.dragoman.check;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The reply is the translation only, not a conversation about it: chat models open with "Sure, here is the
 * translation:", refuse with "I'm sorry, I can't…", or close with a note on their choices, and all of it would be
 * written into the document. A source that itself starts that way may of course be translated that way.
 */
public final class ChatterCheck implements SegmentCheck {

    private static final int QUOTED = 30;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE;
    /** White space, quotes and Markdown emphasis a model may put before its words. */
    private static final String LEAD = "[\\s\"'“”‘’„«»「」『』*_#>`]*";

    /*
     * Openings that are chatter in any text. Words that also start ordinary sentences ("Sure, he came.", "I can't
     * open the file.") count only with what makes them chatter: "here", "I", a refusal to translate or help.
     */
    private static final List<String> PHRASE_WORDS = List.of(
            "(?:sure|certainly|of course|absolutely)[\\s,!.:]*(?:$|here\\b|I\\b|I['’]|below\\b"
                    + "|the translation\\b)",
            "here(?:['’]s| is| are)\\b[^\\n]{0,40}?\\btranslat",
            "as an ai\\b|as a (?:large )?language model\\b",
            "(?:I['’]m|I am) sorry\\b[^\\n]{0,40}?(?:can['’]?t|cannot|can not|unable|won['’]t)",
            "I (?:cannot|can['’]t|can not|am unable to|won['’]t) (?:translate|help|assist|provide|comply"
                    + "|fulfil)",
            "以下是[^\\n]{0,20}?(?:翻译|译文)",
            "好的[\\s，,。.!！]*(?:$|以下|这是|下面|翻译)");
    /** Labels a model puts before its translation; a source that starts with any label of its own is excused. */
    private static final List<String> LABEL_WORDS = List.of(
            "(?:\\p{L}+\\s+){0,2}translat(?:ion|ed text)\\s*[:：]",
            "notes?\\s*[:：]",
            "(?:翻译|译文)\\s*[:：]");
    private static final List<Pattern> PHRASES = PHRASE_WORDS.stream().map(ChatterCheck::opening).toList();
    private static final List<Pattern> LABELS = LABEL_WORDS.stream().map(ChatterCheck::opening).toList();
    /** Any phrase or label: most replies open with neither, and one matcher tells so, on every reply's check. */
    private static final Pattern ANY_OPENING = opening(String.join("|",
            Stream.concat(PHRASE_WORDS.stream(), LABEL_WORDS.stream()).toList()));
    private static final Pattern ANY_LABEL = opening("[\\p{L}\\p{M} ]{1,30}?[:：]");
    /** An explanation after the translation, set off by a blank line. */
    private static final Pattern AFTERWORD = Pattern.compile(
            "\\R\\s*\\R\\s*(?<note>[*_(\\[]*(?:notes?|explanation|translator['’]s notes?|注|注意|说明|备注)\\s*[:：])",
            FLAGS);

    private static Pattern opening(String words) {
        return Pattern.compile("\\A" + LEAD + "(?:" + words + ")", FLAGS);
    }

    @Override
    public String name() {
        return "chatter";
    }

    @Override
    public Optional<String> problem(String source, String translation, String sourceLang, String targetLang) {
        // lookingAt, not find: find tries an opening (\A) at every position of the text before it gives up
        boolean chatter = ANY_OPENING.matcher(translation).lookingAt()
                && (PHRASES.stream().anyMatch(p -> p.matcher(translation).lookingAt()
                        && !p.matcher(source).lookingAt())
                        || !ANY_LABEL.matcher(source).lookingAt()
                                && LABELS.stream().anyMatch(p -> p.matcher(translation).lookingAt()));
        if (chatter) {
            return Optional.of(reason(translation.strip()));
        }
        Matcher afterword = AFTERWORD.matcher(translation);
        if (afterword.find() && !AFTERWORD.matcher(source).find()) {
            return Optional.of(reason(translation.substring(afterword.start("note"))));
        }
        return Optional.empty();
    }

    /** The reason, quoting the first line of what the model said, cut at {@value #QUOTED} characters. */
    private static String reason(String said) {
        String line = said.lines().findFirst().orElse("").strip();
        String quote = line.codePointCount(0, line.length()) <= QUOTED ? line
                : line.substring(0, line.offsetByCodePoints(0, QUOTED - 1)).strip() + "…";
        return "the reply talks instead of translating (\"" + quote + "\")";
    }
}
