package dev.dragoman.check;

import java.util.Optional;

/**
 * The reply is not the source again. Models under load, or unsure of a text, sometimes echo it; that passes every
 * other check. Short texts, names and codes ("OK", "API", "{count}") may rightly stay as they are, so only sources of
 * words count, and a source of unknown language ({@code auto}) is skipped because it may already be in the target
 * language; the {@code language} check catches an echo there.
 */
public final class UnchangedCheck implements SegmentCheck {

    @Override
    public String name() {
        return "unchanged";
    }

    @Override
    public Optional<String> problem(String source, String translation, String sourceLang, String targetLang) {
        if (Languages.isAuto(sourceLang) || Languages.sameLanguage(sourceLang, targetLang)) {
            return Optional.empty();
        }
        String prose = Placeholders.translatableText(source);
        boolean echoed = Letters.areWords(prose) && prose.equals(Placeholders.translatableText(translation));
        return echoed ? Optional.of("returned the source unchanged") : Optional.empty();
    }
}
