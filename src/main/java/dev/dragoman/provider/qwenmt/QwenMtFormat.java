package dev.dragoman.provider.qwenmt;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.provider.ProviderSettings;
import dev.dragoman.provider.ReasoningEffort;
import dev.dragoman.provider.ReplyBuilder;
import dev.dragoman.provider.openai.OpenAiFormat;
import dev.dragoman.translate.TranslationRequest;

/**
 * Alibaba's Qwen-MT translation models (https://www.alibabacloud.com/help/en/model-studio/machine-translation): the
 * OpenAI format, but the languages travel in a top-level {@code translation_options} (with the configured {@code terms},
 * the glossary's terms for the text after them, and {@code domains}), the messages are exactly one user message with
 * the raw text and no system message (prompts, context and prefill do not apply: the models hold no conversation, and
 * they do not reason), and the plus/turbo models stream cumulatively: each chunk repeats the translation so far, so it
 * replaces rather than appends.
 */
public class QwenMtFormat extends OpenAiFormat {

    @Override
    protected void writeMessages(ArrayNode messages, ProviderSettings provider, TranslationRequest request) {
        messages.addObject().put("role", "user").put("content", request.text());
    }

    @Override
    protected void writePlatformFields(ObjectNode body, ProviderSettings provider, TranslationRequest request) {
        ObjectNode options = body.putObject("translation_options");
        String source = request.sourceLang();
        options.put("source_lang", source == null || "auto".equalsIgnoreCase(source) ? "auto" : source);
        options.put("target_lang", request.targetLang());
        Map<String, String> terms = new LinkedHashMap<>();
        if (provider.option(QwenMtDialect.TERMS) != null) {
            terms.putAll(provider.option(QwenMtDialect.TERMS));
        }
        // the configured terms win over the glossary's
        request.glossary().forEach(term -> terms.putIfAbsent(term.source(), term.target()));
        if (!terms.isEmpty()) {
            ArrayNode list = options.putArray("terms");
            terms.forEach((from, to) -> list.addObject().put("source", from).put("target", to));
        }
        String domains = provider.option(QwenMtDialect.DOMAINS);
        if (domains != null) {
            options.put("domains", domains);
        }
    }

    @Override
    protected void writeReasoning(ObjectNode body, ReasoningEffort effort) {
    }

    @Override
    protected void appendStreamed(ReplyBuilder reply, String text) {
        reply.appendCumulative(text);
    }
}
