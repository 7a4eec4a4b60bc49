package dev.dragoman.document;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.okapi.common.IParameters;
import net.sf.okapi.filters.markdown.Parameters;
import net.sf.okapi.filters.markdown.parser.MarkdownParser;
import net.sf.okapi.filters.markdown.parser.MarkdownToken;
import net.sf.okapi.filters.markdown.parser.MarkdownTokenType;

/**
 * Markdown: Okapi's Markdown filter writes every line break as LF, so a file whose lines all end with CRLF (written on
 * Windows) gets its CRs back on the way out. A file with lone LFs is written as Okapi writes it.
 *
 * <p>Okapi's Markdown parser leaves out the blank lines of a fenced code block ({@code MarkdownParser} skips a
 * content line that is only a line break), so code would lose its blank lines. Unless fenced code is translated, the
 * filter reads each such line as a line of its own, {@code dragoman-blank-line-3-} with the block's indentation and
 * quote markers, and the line it is written on gets the file's own line back. The fences are found line by line as
 * CommonMark has them (https://spec.commonmark.org/0.31.2/#fenced-code-blocks), and the lines are only replaced when
 * Okapi's own parser then finds every one of them inside fenced code, where the filter does not extract text.
 */
final class MarkdownRules implements FormatRules {

    /** A fence opening a block, after blockquote markers, list item markers and indentation. */
    private static final Pattern OPENING = Pattern.compile(
            "(?<prefix>(?:[ \\t]*(?:>|[-+*][ \\t]|[0-9]{1,9}[.)][ \\t]))*[ \\t]*)(?<fence>`{3,}|~{3,})(?<info>.*)");
    private static final Pattern LINE = Pattern.compile("([^\\r\\n]*)(\\r\\n|\\r|\\n|$)");

    private boolean crlf;
    private Parameters params;
    private String marker;
    private final List<String> blankLines = new ArrayList<>();

    @Override
    public void tune(IParameters params, String text) {
        crlf = text.contains("\r\n") && !text.replace("\r\n", "").contains("\n");
        this.params = params instanceof Parameters markdown ? markdown : null;
    }

    @Override
    public String input(String text) {
        if (params == null || params.getTranslateFencedCodeBlocks()) {
            return text;
        }
        marker = "dragoman-blank-line-";
        while (text.contains(marker)) {
            marker = "x" + marker;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder readable = new StringBuilder(text.length());
        Fence fence = null;
        Matcher line = LINE.matcher(text);
        while (line.find() && line.start() < text.length()) {
            String content = line.group(1);
            String lead = content.substring(0, content.length() - content.replaceFirst("^[ \\t>]+", "").length());
            int depth = (int) lead.chars().filter(c -> c == '>').count();
            if (fence != null && depth < fence.depth) {
                fence = null;
            }
            if (fence == null) {
                fence = Fence.opened(content);
            } else if (fence.closedBy(content.substring(lead.length()))) {
                fence = null;
            } else if (lead.length() == content.length() && depth == fence.depth) {
                lines.add(content);
                content = fence.continuation + marker + lines.size() + "-";
            }
            readable.append(content).append(line.group(2));
        }
        if (lines.isEmpty() || !allInFencedCode(readable.toString(), lines.size())) {
            return text;
        }
        blankLines.addAll(lines);
        return readable.toString();
    }

    @Override
    public OutputStream output(OutputStream output) {
        OutputStream file = crlf ? new CrLfOutputStream(output) : output;
        if (blankLines.isEmpty()) {
            return file;
        }
        Pattern written = Pattern.compile("[^\\r\\n]*" + Pattern.quote(marker) + "([0-9]+)-[^\\r\\n]*");
        return new RewrittenOutput(file, text -> written.matcher(text).replaceAll(
                found -> Matcher.quoteReplacement(blankLines.get(Integer.parseInt(found.group(1)) - 1))));
    }

    /** Whether Okapi's parser finds each of the lines, once, in a fenced code block and nowhere else. */
    private boolean allInFencedCode(String text, int count) {
        MarkdownParser parser = new MarkdownParser(params, crlf ? "\r\n" : "\n");
        try {
            parser.parse(text);
        } catch (RuntimeException e) {
            return false;
        }
        boolean inFence = false;
        int found = 0;
        while (parser.hasNextToken()) {
            MarkdownToken token = parser.getNextToken();
            if (token.getType() == MarkdownTokenType.FENCED_CODE_BLOCK) {
                inFence = !inFence;
            }
            int here = token.getContent().split(Pattern.quote(marker), -1).length - 1;
            if (here > 0 && (!inFence || token.getType() != MarkdownTokenType.TEXT || token.isTranslatable())) {
                return false;
            }
            found += here;
        }
        return found == count;
    }

    /** An open fenced code block: its fence, how many blockquotes it is in and what continues its lines. */
    private record Fence(char mark, int length, int depth, String continuation) {

        static Fence opened(String line) {
            Matcher opening = OPENING.matcher(line);
            if (!opening.matches() || opening.group("fence").startsWith("`") && opening.group("info").contains("`")) {
                return null;
            }
            String prefix = opening.group("prefix");
            return new Fence(opening.group("fence").charAt(0), opening.group("fence").length(),
                    (int) prefix.chars().filter(c -> c == '>').count(), prefix.replaceAll("[^>\\t]", " "));
        }

        boolean closedBy(String rest) {
            String stripped = rest.strip();
            return stripped.length() >= length && stripped.chars().allMatch(c -> c == mark);
        }
    }

    /** Writes CR LF for each LF; the text is UTF-8 or another encoding in which LF is the byte 0x0A alone. */
    private static final class CrLfOutputStream extends FilterOutputStream {

        private int previous = -1;

        CrLfOutputStream(OutputStream output) {
            super(output);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n' && previous != '\r') {
                out.write('\r');
            }
            out.write(b);
            previous = b;
        }
    }
}
