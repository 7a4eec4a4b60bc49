package dev.dragoman.provider;

import java.util.ArrayList;
import java.util.List;

import dev.dragoman.check.Languages;
import dev.dragoman.check.Markers;
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

    /** Opens a text's note (a key path, a gettext context, a plural form's meaning) in the system message. */
    static final String NOTE_HEADING = "About the text:";

    /**
     * What a text with inline markers needs said: the tags of documents travel as opaque numbered markers, the way
     * XLIFF's inline elements do (https://docs.oasis-open.org/xliff/v1.2/os/xliff-core.html#Struct_InLine), and
     * come back restored only if every one comes back.
     */
    static final String MARKERS = "The text contains markers such as <g1>…</g1>, <x1/>, <b1/> and <e1/>: they stand"
            + " for formatting and code. Keep every marker exactly as written, each once, around or next to the words"
            + " it belongs to in the translation; translate only the text between them.";

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

    /**
     * The system prompt with the glossary at its {@code {glossary}}, else after it; then what the model must know of
     * the text's markup, and the text's note.
     */
    private static String system(String template, TranslationRequest request) {
        String glossary = glossary(request.glossary());
        String system;
        if (template != null && template.contains("{glossary}")) {
            system = fill(template.replace("{glossary}", glossary), request, request.text());
        } else {
            system = paragraphs(fill(template, request, request.text()), glossary);
        }
        if (!Markers.find(request.text()).isEmpty()) {
            system = paragraphs(system, MARKERS);
        }
        return request.note() == null ? system : paragraphs(system, NOTE_HEADING + " " + request.note());
    }

    /** The two texts as paragraphs, either of them null or empty for none. */
    private static String paragraphs(String first, String second) {
        if (second == null || second.isEmpty()) {
            return first;
        }
        return first == null ? second : first + "\n\n" + second;
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
        // a BCP 47 tag (de, pt-BR) goes to the model as the language's English name
        String source = "auto".equalsIgnoreCase(request.sourceLang()) ? AUTO_SOURCE
                : Languages.nameOf(request.sourceLang());
        // {text} last, so that braces inside the text are never taken for placeholders
        return template.replace("{source_lang}", source)
                .replace("{target_lang}", Languages.nameOf(request.targetLang()))
                .replace("{text}", text);
    }
}
