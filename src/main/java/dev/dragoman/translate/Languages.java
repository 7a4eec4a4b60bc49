package dev.dragoman.translate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.LocaleDisplayNames.DialectHandling;
import com.ibm.icu.util.ULocale;

/**
 * Languages as Dragoman's settings and requests name them, for the model to read ({@code German}, {@code Brazilian
 * Portuguese}) or as a code ({@code de}, {@code pt-BR}), and as the files of the trade carry them: TMX and TBX give
 * {@code xml:lang} a BCP 47 tag (https://www.rfc-editor.org/info/bcp47). English names become tags through ICU's
 * display names of every locale it knows, in their standard ({@code Chinese (Traditional)}) and their dialect form
 * ({@code Traditional Chinese}); what is neither a name nor a tag ({@code auto}, {@code Deutsch}) stays as given.
 * <p>
 * ICU takes tens of microseconds to canonicalise a tag and find its likely script, and every memory look-up and every
 * glossary term asks: the answers for the last {@value #REMEMBERED} spellings are kept (requests may name any
 * language, so not all of them).
 */
public final class Languages {

    /** "undetermined" in BCP 47: a text whose language no one named ({@code auto}). */
    public static final String UNDETERMINED = "und";

    private static final int REMEMBERED = 1_000;
    private static final Map<String, String> TAGS_BY_NAME = new HashMap<>();
    private static final Set<String> KNOWN_LANGUAGES = new HashSet<>();
    private static final Cache<String, Optional<String>> TAGS = Caffeine.newBuilder().maximumSize(REMEMBERED).build();
    private static final Cache<String, String> MATCH_KEYS = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    static {
        LocaleDisplayNames standard = LocaleDisplayNames.getInstance(ULocale.ENGLISH, DialectHandling.STANDARD_NAMES);
        LocaleDisplayNames dialect = LocaleDisplayNames.getInstance(ULocale.ENGLISH, DialectHandling.DIALECT_NAMES);
        for (String language : ULocale.getISOLanguages()) {
            name(standard.languageDisplayName(language), language);
            KNOWN_LANGUAGES.add(language);
        }
        for (ULocale locale : ULocale.getAvailableLocales()) {
            KNOWN_LANGUAGES.add(locale.getLanguage());
            name(standard.languageDisplayName(locale.getLanguage()), locale.getLanguage());
            name(standard.localeDisplayName(locale), locale.toLanguageTag());
            name(dialect.localeDisplayName(locale), locale.toLanguageTag());
        }
    }

    private Languages() {
    }

    /** The first locale to take a name keeps it: the language alone comes before its regions. */
    private static void name(String name, String tag) {
        if (name != null && !name.isBlank()) {
            TAGS_BY_NAME.putIfAbsent(name.toLowerCase(Locale.ROOT), tag);
        }
    }

    /**
     * The BCP 47 tag of an English language name ({@code German}: {@code de}) or of a tag in any case or an old form
     * ({@code DE-de}: {@code de-DE}, {@code iw}: {@code he}); empty for anything else ({@code auto}).
     */
    public static Optional<String> tag(String language) {
        if (language == null || language.isBlank()) {
            return Optional.empty();
        }
        return TAGS.get(language, Languages::tagOf);
    }

    private static Optional<String> tagOf(String language) {
        String given = language.strip();
        String named = TAGS_BY_NAME.get(given.toLowerCase(Locale.ROOT));
        if (named != null) {
            return Optional.of(named);
        }
        ULocale locale = ULocale.createCanonical(ULocale.forLanguageTag(given));
        return KNOWN_LANGUAGES.contains(locale.getLanguage()) ? Optional.of(locale.toLanguageTag()) : Optional.empty();
    }

    /**
     * What two languages must share to be the same language: the language and its script, the one ICU finds most
     * likely when the tag names none. So {@code German}, {@code de} and {@code de-AT} are one language, while
     * {@code zh-TW} (Traditional script) and {@code zh-CN} (Simplified) are two. A value that is no language is its
     * own key, regardless of case.
     */
    public static String matchKey(String language) {
        return language == null ? "" : MATCH_KEYS.get(language, Languages::matchKeyOf);
    }

    private static String matchKeyOf(String language) {
        return tag(language).map(tag -> {
            ULocale likely = ULocale.addLikelySubtags(ULocale.forLanguageTag(tag));
            return likely.getScript().isEmpty() ? likely.getLanguage()
                    : likely.getLanguage() + "-" + likely.getScript();
        }).orElseGet(() -> language.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether two names or tags mean the same language ({@link #matchKey}). */
    public static boolean same(String one, String other) {
        return matchKey(one).equals(matchKey(other));
    }
}
