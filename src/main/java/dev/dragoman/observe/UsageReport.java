package dev.dragoman.observe;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.memory.MemoryRetention;
import dev.dragoman.provider.Json;

/**
 * {@code GET /usage}, and the same totals in the log: per instance, model and key (masked), the calls by outcome, the
 * tokens and the cost since start; the texts each source finished by outcome; and the texts finished per minute in
 * the last 15 minutes. Read from the very counters the metrics publish, so the two never disagree. Bound as
 * {@code usageReport}.
 */
public class UsageReport {

    private static final Logger LOG = LoggerFactory.getLogger(UsageReport.class);

    private final ProviderMeters providers;
    private final SourceMeters sources;
    private final Instant since;
    private final MemoryRetention memory;

    /** @param memory the translation memory's cleanup, whose figures the report shows, or null */
    public UsageReport(ProviderMeters providers, SourceMeters sources, Instant since, MemoryRetention memory) {
        this.providers = providers;
        this.sources = sources;
        this.since = since;
        this.memory = memory;
    }

    public String json() throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(new UsageView(since.toString(),
                providers.instances().stream().map(UsageReport::instance).toList(), translations(), activity(),
                memory == null || !memory.limited() ? null : memory.view()));
    }

    /** One INFO line per instance: calls by outcome, tokens and cost, and each key's share. */
    public void log() {
        for (InstanceMeters meters : providers.instances()) {
            InstanceView instance = instance(meters);
            LOG.info("Usage since {}: {} ({}): {}; keys: {}", since, instance.instance(), instance.model(),
                    totals(instance.requests(), instance.promptTokens(), instance.completionTokens(),
                            instance.cost()),
                    instance.keys().stream().map(key -> key.key() + " " + totals(key.requests(), key.promptTokens(),
                            key.completionTokens(), key.cost())).collect(Collectors.joining("; ")));
        }
    }

    private static String totals(Map<String, Long> requests, long prompt, long completion, Double cost) {
        long calls = requests.values().stream().mapToLong(Long::longValue).sum();
        String outcomes = requests.entrySet().stream().filter(outcome -> outcome.getValue() > 0)
                .map(outcome -> outcome.getValue() + " " + outcome.getKey()).collect(Collectors.joining(", "));
        return calls + " requests" + (outcomes.isEmpty() ? "" : " (" + outcomes + ")") + ", " + prompt + " prompt + "
                + completion + " completion tokens" + (cost == null ? "" : ", cost "
                + BigDecimal.valueOf(cost).stripTrailingZeros().toPlainString());
    }

    private static InstanceView instance(InstanceMeters meters) {
        List<KeyView> keys = meters.keys().stream().map(key -> new KeyView(key.label(), requests(key),
                key.promptTokens(), key.completionTokens(),
                meters.priced() ? meters.cost(key.promptTokens(), key.completionTokens()) : null)).toList();
        Map<String, Long> requests = new LinkedHashMap<>();
        for (CallOutcome outcome : CallOutcome.values()) {
            requests.put(outcome.label(), meters.keys().stream().mapToLong(key -> key.requests(outcome)).sum());
        }
        long prompt = keys.stream().mapToLong(KeyView::promptTokens).sum();
        long completion = keys.stream().mapToLong(KeyView::completionTokens).sum();
        return new InstanceView(meters.instance(), meters.model(), requests, prompt, completion,
                meters.priced() ? meters.cost(prompt, completion) : null, meters.rejections(), keys);
    }

    private static Map<String, Long> requests(KeyMeters key) {
        Map<String, Long> requests = new LinkedHashMap<>();
        for (CallOutcome outcome : CallOutcome.values()) {
            requests.put(outcome.label(), key.requests(outcome));
        }
        return requests;
    }

    private Map<String, Map<String, Long>> translations() {
        Map<String, Map<String, Long>> bySource = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            Map<String, Long> byOutcome = new LinkedHashMap<>();
            for (TranslationOutcome outcome : TranslationOutcome.values()) {
                byOutcome.put(outcome.label(), sources.translations(source, outcome));
            }
            bySource.put(source.label(), byOutcome);
        }
        return bySource;
    }

    private List<Map<String, Object>> activity() {
        return sources.activity().stream().map(minute -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("minute", minute.minute().toString());
            for (Source source : Source.values()) {
                counts.put(source.label(), minute.bySource()[source.ordinal()]);
            }
            return counts;
        }).toList();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UsageView(String since, List<InstanceView> instances, Map<String, Map<String, Long>> translations,
            List<Map<String, Object>> activity, MemoryRetention.View memory) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "instance", "model", "requests", "promptTokens", "completionTokens", "cost", "qaRejections",
            "keys" })
    record InstanceView(String instance, String model, Map<String, Long> requests, long promptTokens,
            long completionTokens, Double cost, Map<String, Long> qaRejections, List<KeyView> keys) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "key", "requests", "promptTokens", "completionTokens", "cost" })
    record KeyView(String key, Map<String, Long> requests, long promptTokens, long completionTokens, Double cost) {
    }
}
