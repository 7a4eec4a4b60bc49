package dev.dragoman.provider;

import java.util.ArrayList;
import java.util.List;

import dev.dragoman.translate.ContextPair;
import dev.dragoman.translate.GlossaryTerm;
import dev.dragoman.translate.TranslationRequest;

/**
 * The system message and the conversation of one request, with the placeholders of the configured templates filled
 * in: the instance's {@code context} latest pairs of the text's document as earlier user and assistant turns, the
 * text's user message, and the {@code prefill}, when set, as the assistant's opening of its reply.
 *
 * @param system       the system message, the glossary's terms for this text in it; null for none
 * @param conversation user and assistant turns, oldest first
 */
public record Prompt(String system, List<Message> conversation) {

    /** Who says a turn; each format has its own name for the assistant ({@code assistant}, {@code model}). */
    public enum Role {
        USER, ASSISTANT
    }

    public record Message(Role role, String text) {
    }

    /** What {@code {source_lang}} says when the source language is left to the model. */
    static final String AUTO_SOURCE = "the language it is written in";

    /** Opens the glossary's lines in the system message, LunaTranslator's {@code {DictWithPrompt}} in spirit. */
    static final String GLOSSARY_HEADING = "Translate these terms as given:";

    public static Prompt of(ProviderSettings provider, TranslationRequest request) {
        List<Message> conversation = new ArrayList<>();
        List<ContextPair> context = request.context();
        for (ContextPair pair : context.subList(Math.max(0, context.size() - provider.context()), context.size())) {
            conversation.add(new Message(Role.USER, fill(provider.userPrompt(), request, pair.text())));
            conversation.add(new Message(Role.ASSISTANT, pair.translation()));
        }
        conversation.add(new Message(Role.USER, fill(provider.userPrompt(), request, request.text())));
        if (provider.prefill() != null && !provider.prefill().isEmpty()) {
            conversation.add(new Message(Role.ASSISTANT, provider.prefill()));
        }
        return new Prompt(system(provider.systemPrompt(), request), List.copyOf(conversation));
    }

    /** The conversation without the prefill, for formats that cannot end on the assistant's turn. */
    public List<Message> withoutPrefill() {
        return conversation.get(conversation.size() - 1).role() == Role.ASSISTANT
                ? conversation.subList(0, conversation.size() - 1) : conversation;
    }

    /** The system prompt with the glossary at its {@code {glossary}}, else after it. */
    private static String system(String template, TranslationRequest request) {
        String glossary = glossary(request.glossary());
        if (template != null && template.contains("{glossary}")) {
            return fill(template.replace("{glossary}", glossary), request, request.text());
        }
        String system = fill(template, request, request.text());
        if (glossary.isEmpty()) {
            return system;
        }
        return system == null ? glossary : system + "\n\n" + glossary;
    }

    private static String glossary(List<GlossaryTerm> terms) {
        if (terms.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(GLOSSARY_HEADING);
        terms.forEach(term -> text.append('\n').append(term.source()).append(" → ").append(term.target()));
        return text.toString();
    }

    private static String fill(String template, TranslationRequest request, String text) {
        if (template == null || template.isBlank()) {
            return null;
        }
        String source = "auto".equalsIgnoreCase(request.sourceLang()) ? AUTO_SOURCE : request.sourceLang();
        // {text} last, so that braces inside the text are never taken for placeholders
        return template.replace("{source_lang}", source)
                .replace("{target_lang}", request.targetLang())
                .replace("{text}", text);
    }
}
