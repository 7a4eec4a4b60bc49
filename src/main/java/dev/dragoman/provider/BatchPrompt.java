package dev.dragoman.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationRequest;

/**
 * How several segments go to a model as one request, and how its reply is read back. The instance's system prompt
 * stays the system message, followed by an instruction that explains the batch; the user message is the segments as
 * a JSON array of strings and nothing else; the reply must be a JSON array of exactly as many translations, in the
 * same order ({@code ```json} fences and surrounding whitespace are tolerated). So the dialects write a batch as they
 * write any one text, through {@link #settings} and {@link #request}.
 */
public final class BatchPrompt {

    static final String INSTRUCTION = "The user message is a JSON array of %d strings, each a text to translate."
            + " Reply with a JSON array of exactly %d strings: the translation of each text, in the same order,"
            + " nothing else.";

    private BatchPrompt() {
    }

    /**
     * The instance's settings for a batch of {@code count} segments: the batch instruction added, the user prompt the
     * segments alone, no context and no prefill (either would break the array the reply must be).
     */
    public static ProviderSettings settings(ProviderSettings s, int count) {
        String instruction = INSTRUCTION.formatted(count, count);
        String system = s.systemPrompt() == null || s.systemPrompt().isBlank() ? instruction
                : s.systemPrompt() + "\n\n" + instruction;
        return s.withPromptsAlone(system, "{text}");
    }

    /** The batch as one request whose text is the JSON array of its segments, with their glossary terms. */
    public static TranslationRequest request(TranslationBatch batch) {
        TranslationRequest first = batch.requests().get(0);
        try {
            // the glossary's terms of every segment, once each
            return new TranslationRequest(first.id(), Json.MAPPER.writeValueAsString(
                    batch.requests().stream().map(TranslationRequest::text).toList()), first.sourceLang(),
                    first.targetLang(), first.provider()).withGlossary(batch.requests().stream()
                            .flatMap(segment -> segment.glossary().stream()).distinct().toList())
                    .withNote(notes(batch.requests()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always write as JSON", e);
        }
    }

    /** The segments' notes, each after its position in the array (from 1); null when none has one. */
    private static String notes(List<TranslationRequest> segments) {
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).note() != null) {
                notes.append(notes.isEmpty() ? "" : "\n").append(i + 1).append(": ").append(segments.get(i).note());
            }
        }
        return notes.isEmpty() ? null : "by position in the array,\n" + notes;
    }

    /**
     * The translations of a reply, one per segment, or empty when the reply does not align: no JSON array, another
     * number of entries, an entry that is no string or is blank.
     */
    public static Optional<List<String>> read(String reply, int count) {
        String text = reply.strip();
        if (text.startsWith("```")) {
            int firstLine = text.indexOf('\n');
            int fence = text.lastIndexOf("```");
            if (firstLine < 0 || fence <= firstLine) {
                return Optional.empty();
            }
            text = text.substring(firstLine + 1, fence).strip();
        }
        JsonNode array;
        try {
            array = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
        if (array == null || !array.isArray() || array.size() != count) {
            return Optional.empty();
        }
        List<String> translations = new ArrayList<>(count);
        for (JsonNode entry : array) {
            if (!entry.isTextual() || entry.asText().isBlank()) {
                return Optional.empty();
            }
            translations.add(entry.asText());
        }
        return Optional.of(translations);
    }
}
