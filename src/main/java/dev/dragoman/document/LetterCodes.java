package dev.dragoman.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.okapi.common.filterwriter.GenericContent;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextFragment;

/**
 * Okapi's letter-coded text, the form in which a model sees a segment: inline codes as {@code <g1>…</g1>} (a pair),
 * {@code <x1/>} (a placeholder), {@code <b1/>} and {@code <e1/>} (the start and end of a pair split across segments).
 * Text that merely looks like a marker is escaped by Okapi ({@code <gg1>}), so the markers found here are real ones.
 *
 * <p>{@link GenericContent#fromLetterCodedToFragment} accepts a translation whose markers are missing, doubled,
 * unbalanced or unknown without a word and writes whatever it made of them, so the markers are checked here first:
 * each marker of the source exactly once, no other, and each pair opened before it is closed, properly nested.
 */
final class LetterCodes {

    private static final Pattern MARKER = Pattern.compile("</?g-?\\d+>|<[xbe]-?\\d+/>");

    private LetterCodes() {
    }

    /** The fragment as letter-coded text. */
    static String coded(TextFragment fragment) {
        return GenericContent.fromFragmentToLetterCoded(fragment, true);
    }

    /** Whether the letter-coded text has a letter outside its markers, i.e. anything a model could translate. */
    static boolean hasWords(String coded) {
        String text = MARKER.matcher(coded).replaceAll("");
        return text.codePoints().anyMatch(Character::isLetter);
    }

    /** The markers of a letter-coded text, in order. */
    static List<String> markers(String coded) {
        List<String> markers = new ArrayList<>();
        Matcher matcher = MARKER.matcher(coded);
        while (matcher.find()) {
            markers.add(matcher.group());
        }
        return markers;
    }

    /**
     * The source fragment with the translated text, its codes being the source's own.
     *
     * @throws IllegalArgumentException naming the marker when the translation's markers are not the source's
     */
    static TextFragment translated(TextFragment source, String translatedCoded) {
        check(markers(coded(source)), translatedCoded);
        return inTextOrder(GenericContent.fromLetterCodedToFragment(translatedCoded, source.clone(), true, true));
    }

    /**
     * The fragment with its codes listed in the order they appear in its text. {@code fromLetterCodedToFragment}
     * lists the pairs' openings first, then their closings, then the placeholders, and Okapi's XLIFF 2 writer takes
     * the n-th code of the list for the n-th marker of the text.
     */
    private static TextFragment inTextOrder(TextFragment fragment) {
        String coded = fragment.getCodedText();
        List<Code> codes = fragment.getCodes();
        List<Code> ordered = new ArrayList<>(codes.size());
        StringBuilder text = new StringBuilder(coded.length());
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            text.append(c);
            if (TextFragment.isMarker(c)) {
                ordered.add(codes.get(TextFragment.toIndex(coded.charAt(++i))));
                text.append(TextFragment.toChar(ordered.size() - 1));
            }
        }
        fragment.setCodedText(text.toString(), ordered, false);
        return fragment;
    }

    /**
     * Checks that the translation has exactly the expected markers, pairs properly nested.
     *
     * @throws IllegalArgumentException naming the first marker that is missing, extra, doubled or out of place
     */
    static void check(List<String> expected, String translatedCoded) {
        Map<String, Integer> left = new HashMap<>();
        expected.forEach(marker -> left.merge(marker, 1, Integer::sum));
        Deque<String> open = new ArrayDeque<>();
        for (String marker : markers(translatedCoded)) {
            int count = left.getOrDefault(marker, 0);
            if (count == 0) {
                throw new IllegalArgumentException(expected.contains(marker)
                        ? "marker " + marker + " appears more often than in the source"
                        : "marker " + marker + " is not in the source");
            }
            left.put(marker, count - 1);
            if (marker.startsWith("<g")) {
                open.push(marker);
            } else if (marker.startsWith("</g")) {
                String opening = "<" + marker.substring(2);
                if (!opening.equals(open.peek())) {
                    throw new IllegalArgumentException("marker " + marker + " closes "
                            + (open.isEmpty() ? "nothing open" : open.peek() + " instead of " + opening));
                }
                open.pop();
            }
        }
        expected.stream().filter(marker -> left.get(marker) > 0).findFirst().ifPresent(missing -> {
            throw new IllegalArgumentException("marker " + missing + " is missing");
        });
    }
}
