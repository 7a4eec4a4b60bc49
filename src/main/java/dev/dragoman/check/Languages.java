package dev.dragoman.check;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.util.IllformedLocaleException;
import com.ibm.icu.util.ULocale;

/**
 * Users write a language as a BCP 47 tag ({@code de}, {@code pt-BR}, https://www.rfc-editor.org/rfc/rfc5646) or as an
 * English name ({@code German}); prompts want the name, checks want the tag. ICU's CLDR data turns one into the other,
 * so both spellings reach the same language.
 */
public final class Languages {

    /** The source language a user leaves to the model to recognise. */
    static final String AUTO = "auto";
    /** "Undetermined" in BCP 47: the code of a text whose language no one named ({@code auto}). */
    public static final String UNDETERMINED = "und";

    private static final int LONGEST = 40;
    /** A language name as a user writes it; no digits, quotes or punctuation that could carry text into a prompt. */
    private static final Pattern NAME = Pattern.compile("(?=.*\\p{L})[\\p{L} ()-]+");
    private static final Map<String, String> TAGS_BY_NAME = tagsByName();
    private static final Cache<String, String> MATCH_KEYS = Caffeine.newBuilder().maximumSize(1_000).build();
    private static final Cache<String, String> NAMES = Caffeine.newBuilder().maximumSize(1_000).build();

    private Languages() {
    }

    /**
     * The English name of a language for a prompt: {@code de} → {@code German}, {@code pt-BR} → {@code Portuguese
     * (Brazil)}, {@code zh-Hans} → {@code Chinese (Simplified)}. A name, and {@code auto}, is returned as given.
     */
    public static String nameOf(String tagOrName) {
        if (tagOrName == null) {
            return null;
        }
        // every prompt asks, and ICU takes tens of microseconds to answer
        return NAMES.get(tagOrName, given -> knownTag(given).map(locale -> locale.getDisplayName(ULocale.ENGLISH))
                .orElse(given));
    }

    /**
     * The BCP 47 tag of a language: a tag normalised ({@code pt-br} → {@code pt-BR}), a name looked up
     * ({@code German} → {@code de}, {@code Simplified Chinese} → {@code zh-Hans}); empty for {@code auto} and for what
     * is no language ICU knows.
     */
    public static Optional<String> tagOf(String tagOrName) {
        Optional<ULocale> tag = knownTag(tagOrName);
        if (tag.isPresent()) {
            return tag.map(ULocale::toLanguageTag);
        }
        return Optional.ofNullable(TAGS_BY_NAME.get(key(tagOrName)));
    }

    /**
     * True for a well-formed BCP 47 tag or a language name (letters, spaces, hyphens and parentheses), at most 40
     * characters either way. A request's language ends up in a prompt, so nothing else may pass.
     */
    public static boolean isValid(String value) {
        return value != null && value.length() <= LONGEST && (wellFormed(value) || NAME.matcher(value).matches());
    }

    /**
     * True when both name the same language, whatever the region or script: {@code pt-BR} and {@code Portuguese},
     * {@code zh-Hans} and {@code zh-Hant}. Never for {@code auto}, whose language is not known.
     */
    public static boolean sameLanguage(String a, String b) {
        if (isAuto(a) || isAuto(b)) {
            return false;
        }
        Optional<String> tagA = tagOf(a);
        Optional<String> tagB = tagOf(b);
        if (tagA.isPresent() && tagB.isPresent()) {
            return ULocale.forLanguageTag(tagA.get()).getLanguage()
                    .equals(ULocale.forLanguageTag(tagB.get()).getLanguage());
        }
        return key(a).equals(key(b));
    }

    /**
     * What two languages must share to be the same for the memory and the glossary: the language and its script, the
     * one ICU finds most likely when the tag names none. So {@code German}, {@code de} and {@code de-AT} are one
     * language, while {@code zh-TW} (Traditional script) and {@code zh-CN} (Simplified) are two. A value that is no
     * language is its own key, regardless of case. Every memory look-up and glossary term asks, and ICU takes tens of
     * microseconds to find a likely script: the answers for the last thousand spellings are kept.
     */
    public static String matchKey(String language) {
        return language == null ? "" : MATCH_KEYS.get(language, Languages::matchKeyOf);
    }

    private static String matchKeyOf(String language) {
        return tagOf(language).map(tag -> {
            ULocale likely = ULocale.addLikelySubtags(ULocale.forLanguageTag(tag));
            return likely.getScript().isEmpty() ? likely.getLanguage()
                    : likely.getLanguage() + "-" + likely.getScript();
        }).orElseGet(() -> key(language));
    }

    /** Whether two names or tags are the same language and script ({@link #matchKey}). */
    public static boolean same(String one, String other) {
        return matchKey(one).equals(matchKey(other));
    }

    static boolean isAuto(String value) {
        return AUTO.equalsIgnoreCase(value.strip());
    }

    /** The locale of a well-formed tag whose language ICU has a name for; "German" is well-formed but no such tag. */
    private static Optional<ULocale> knownTag(String value) {
        if (!wellFormed(value)) {
            return Optional.empty();
        }
        ULocale locale = ULocale.forLanguageTag(value.strip());
        String language = locale.getLanguage();
        boolean named = !language.isEmpty() && !locale.getDisplayLanguage(ULocale.ENGLISH).equalsIgnoreCase(language);
        return named ? Optional.of(locale) : Optional.empty();
    }

    private static boolean wellFormed(String value) {
        try {
            new ULocale.Builder().setLanguageTag(value.strip());
            return !value.isBlank();
        } catch (IllformedLocaleException notATag) {
            return false;
        }
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * Every English name CLDR has for a language or a locale ICU ships, plus the names people say that CLDR does not
     * use; the first tag for a name wins, so "Chinese" is {@code zh} rather than some regional variant.
     */
    private static Map<String, String> tagsByName() {
        Map<String, String> tags = new HashMap<>(Map.of(
                "simplified chinese", "zh-Hans",
                "traditional chinese", "zh-Hant",
                "brazilian portuguese", "pt-BR",
                "european portuguese", "pt-PT",
                "latin american spanish", "es-419",
                "canadian french", "fr-CA",
                "farsi", "fa"));
        for (String language : ULocale.getISOLanguages()) {
            tags.putIfAbsent(key(new ULocale(language).getDisplayLanguage(ULocale.ENGLISH)), language);
        }
        for (ULocale locale : ULocale.getAvailableLocales()) {
            tags.putIfAbsent(key(locale.getDisplayName(ULocale.ENGLISH)), locale.toLanguageTag());
        }
        tags.remove("");
        return Map.copyOf(tags);
    }
}
