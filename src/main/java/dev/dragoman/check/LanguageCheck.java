package dev.dragoman.check;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import com.github.pemistahl.lingua.api.Language;

/**
 * The reply is in the target language: a model sometimes answers in the source language, in English, or in the
 * language of its prompt. Detection needs enough text and can be unsure between close languages, so the check speaks
 * only on 30 letters or more, and only when another language is clearly more likely than the target.
 */
public final class LanguageCheck implements SegmentCheck {

    private static final int FEWEST_LETTERS = 30;
    /*
     * lingua 1.2 gives the likeliest language 1.0 and every other one its score relative to that, so languages of one
     * script all land between about 0.4 and 1.0. A right reply that lingua ranks second scored 0.86 and above in our
     * samples (Portuguese with product names, taken for Dutch), a wrong one mostly below 0.7.
     */
    private static final double CLEARLY_BELOW = 0.7;

    @Override
    public String name() {
        return "language";
    }

    @Override
    public Optional<String> problem(String source, String translation, String sourceLang, String targetLang) {
        Optional<Language> target = Detectors.language(targetLang);
        String prose = Placeholders.translatableText(translation);
        if (target.isEmpty() || Letters.count(prose) < FEWEST_LETTERS) {
            return Optional.empty();
        }
        SortedMap<Language, Double> confidence = Detectors.detector(target.get(), Detectors.language(sourceLang))
                .computeLanguageConfidenceValues(prose);
        Optional<Language> likeliest = confidence.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
        if (likeliest.isEmpty() || likeliest.get() == target.get()
                || confidence.getOrDefault(target.get(), 0.0) >= CLEARLY_BELOW) {
            return Optional.empty();
        }
        return Optional.of("answered in " + Detectors.nameOf(likeliest.get()) + ", not "
                + Detectors.nameOf(target.get()));
    }
}
