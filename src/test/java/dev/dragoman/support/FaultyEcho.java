package dev.dragoman.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock response transformer ({@value #NAME}) for the OpenAI chat format that translates as {@link BatchEcho}
 * does ("T:" and the text, markers and placeholders kept), but breaks the first reply to every text in the way LLM
 * translators are known to: a tag's marker lost, a placeholder dropped or one added, the source returned as it was
 * (the source language), or a preamble ("Sure, here is the translation: …"). From the second time on, a text is
 * translated right. It counts the faults it served, by the check that should catch them.
 */
public final class FaultyEcho implements ResponseTransformerV2 {

    public static final String NAME = "faulty-echo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faults = new ConcurrentHashMap<>();
    private final AtomicInteger plain = new AtomicInteger();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** The faults served so far, by the check that should catch each. */
    public Map<String, Integer> faults() {
        Map<String, Integer> counts = new TreeMap<>();
        faults.forEach((check, count) -> counts.put(check, count.get()));
        return counts;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        try {
            JsonNode messages = JSON.readTree(serveEvent.getRequest().getBodyAsString()).get("messages");
            String text = messages.get(messages.size() - 1).get("content").asText();
            JsonNode array = BatchEcho.batch(text);
            if (array == null) {
                return BatchEcho.reply(response, translate(text));
            }
            List<String> translations = new ArrayList<>();
            array.forEach(entry -> translations.add(translate(entry.asText())));
            return BatchEcho.reply(response, JSON.writeValueAsString(translations));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String translate(String text) {
        String good = "T:" + text;
        if (seen.computeIfAbsent(text, t -> new AtomicInteger()).getAndIncrement() > 0) {
            return good;
        }
        if (text.matches("(?s).*<(g\\d+|[xbe]\\d+/)>.*")) {
            return fault("markers", good.replaceFirst("<(g\\d+|[xbe]\\d+/)>", ""));
        }
        if (text.matches("(?s).*\\{\\{?\\w+}}?.*")) {
            return fault("placeholders", good.replaceFirst("\\{\\{?(\\w+)}}?", "$1"));
        }
        if (text.matches("(?s).*%[sd].*")) {
            return fault("placeholders", good + " %s");
        }
        // a plain text: every other one comes back in its own language, the rest with a preamble
        return plain.getAndIncrement() % 2 == 0 ? fault("unchanged", text)
                : fault("chatter", "Sure, here is the translation: " + good);
    }

    private String fault(String check, String reply) {
        faults.computeIfAbsent(check, c -> new AtomicInteger()).incrementAndGet();
        return reply;
    }
}
