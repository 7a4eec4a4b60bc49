package dev.dragoman.provider;

import dev.dragoman.translate.TranslationRequest;

/** The system and user messages of one request, with the placeholders of the configured templates filled in. */
public record Prompt(String system, String user) {

    /** What {@code {source_lang}} says when the source language is left to the model. */
    static final String AUTO_SOURCE = "the language it is written in";

    public static Prompt of(ProviderSettings provider, TranslationRequest request) {
        return new Prompt(fill(provider.systemPrompt(), request), fill(provider.userPrompt(), request));
    }

    private static String fill(String template, TranslationRequest request) {
        if (template == null || template.isBlank()) {
            return null;
        }
        String source = "auto".equalsIgnoreCase(request.sourceLang()) ? AUTO_SOURCE : request.sourceLang();
        // {text} last, so that braces inside the text are never taken for placeholders
        return template.replace("{source_lang}", source)
                .replace("{target_lang}", request.targetLang())
                .replace("{text}", request.text());
    }
}
