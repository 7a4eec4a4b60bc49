package dev.dragoman.check;

import static com.github.pemistahl.lingua.api.Language.ARABIC;
import static com.github.pemistahl.lingua.api.Language.CHINESE;
import static com.github.pemistahl.lingua.api.Language.ENGLISH;
import static com.github.pemistahl.lingua.api.Language.FRENCH;
import static com.github.pemistahl.lingua.api.Language.GERMAN;
import static com.github.pemistahl.lingua.api.Language.HINDI;
import static com.github.pemistahl.lingua.api.Language.ITALIAN;
import static com.github.pemistahl.lingua.api.Language.JAPANESE;
import static com.github.pemistahl.lingua.api.Language.KOREAN;
import static com.github.pemistahl.lingua.api.Language.PORTUGUESE;
import static com.github.pemistahl.lingua.api.Language.RUSSIAN;
import static com.github.pemistahl.lingua.api.Language.SPANISH;
import static com.github.pemistahl.lingua.api.Language.TURKISH;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.ibm.icu.util.ULocale;

/**
 * Language detectors (lingua, https://github.com/pemistahl/lingua) that fit in a small process. A detector of all 75
 * languages with all their models would take far more memory than the whole process may use; one of the target, the
 * source, English and the twelve most common languages, in low-accuracy mode (trigram models only, loaded on first
 * use), takes a few megabytes and still tells a wrong language from the right one. lingua keeps each language's model
 * once for all detectors, so another pair of languages costs only the models of languages not loaded before.
 */
final class Detectors {

    private static final Set<Language> COMMON = EnumSet.of(ENGLISH, CHINESE, SPANISH, FRENCH, GERMAN, JAPANESE,
            PORTUGUESE, RUSSIAN, KOREAN, ITALIAN, ARABIC, HINDI, TURKISH);
    private static final Map<String, Language> BY_CODE = byCode();
    private static final Map<Set<Language>, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();

    private Detectors() {
    }

    /** The lingua language of a tag or name; empty for {@code auto} and for languages lingua does not know. */
    static Optional<Language> language(String tagOrName) {
        return Languages.tagOf(tagOrName).map(tag -> BY_CODE.get(ULocale.forLanguageTag(tag).getLanguage()));
    }

    /** The detector for translations into {@code target} from {@code source}, built on first use. */
    static LanguageDetector detector(Language target, Optional<Language> source) {
        Set<Language> languages = EnumSet.copyOf(COMMON);
        languages.add(target);
        source.ifPresent(languages::add);
        return DETECTORS.computeIfAbsent(Set.copyOf(languages), set -> LanguageDetectorBuilder
                .fromLanguages(set.toArray(Language[]::new)).withLowAccuracyMode().build());
    }

    /** The English name of a lingua language, as {@link Languages} names it. */
    static String nameOf(Language language) {
        return Languages.nameOf(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT));
    }

    private static Map<String, Language> byCode() {
        Map<String, Language> byCode = new HashMap<>();
        Arrays.stream(Language.values()).filter(language -> language != Language.UNKNOWN).forEach(language -> {
            byCode.put(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT), language);
            byCode.put(language.getIsoCode639_3().name().toLowerCase(Locale.ROOT), language);
        });
        // the macrolanguage and the name CLDR uses, where lingua knows the language under another code
        byCode.put("no", Language.BOKMAL);
        byCode.put("fil", Language.TAGALOG);
        return Map.copyOf(byCode);
    }
}
