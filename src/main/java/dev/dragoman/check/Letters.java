package dev.dragoman.check;

import java.util.EnumSet;
import java.util.Set;

/**
 * Counts the letters of a text by the way its script is written. Chinese, Japanese, Korean and the scripts of
 * South-East Asia need far fewer code points than alphabets for the same words, and most put no spaces between words,
 * so "two words" and "five times as long" mean something else for them.
 */
final class Letters {

    /*
     * Korean separates words with spaces, but its syllable blocks make texts as short as Chinese and Japanese ones,
     * which is what the length check needs to know; for the unchanged check it only means asking for 12 syllables.
     */
    private static final Set<Character.UnicodeScript> UNSPACED = EnumSet.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL,
            Character.UnicodeScript.THAI, Character.UnicodeScript.LAO, Character.UnicodeScript.KHMER,
            Character.UnicodeScript.MYANMAR, Character.UnicodeScript.TIBETAN);
    private static final int FEWEST_WORDS = 2;
    private static final int FEWEST_UNSPACED_LETTERS = 12;

    private Letters() {
    }

    static int count(String text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }

    /** True when {@code text} is words: two runs of letters, or 12 letters of scripts written without spaces. */
    static boolean areWords(String text) {
        int words = 0;
        int unspaced = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c) && isUnspaced(c)) {
                unspaced++;
                inWord = false;
            } else if (Character.isLetter(c) || inWord && isMark(c)) {
                words += inWord ? 0 : 1;
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return words >= FEWEST_WORDS || unspaced >= FEWEST_UNSPACED_LETTERS;
    }

    /** True when most letters of {@code text} are of scripts written without spaces. */
    static boolean mostlyUnspaced(String text) {
        long unspaced = text.codePoints().filter(c -> Character.isLetter(c) && isUnspaced(c)).count();
        return unspaced * 2 > count(text);
    }

    private static boolean isUnspaced(int c) {
        return UNSPACED.contains(Character.UnicodeScript.of(c));
    }

    /** Vowel signs and accents that continue a word, as in Devanagari or decomposed Latin. */
    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
