package dev.dragoman.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.keys.SpendLimits;

/**
 * The options every dialect reads; a dialect declares its own besides ({@link Dialect#options()}). Sampling numbers
 * have no default, so a dialect sends only what the user chose and the platform's own defaults apply otherwise.
 */
public final class ProviderOptions {

    private static final String DEFAULT_SYSTEM_PROMPT = "You are a professional translator. Translate the text the user"
            + " sends from {source_lang} into {target_lang}. Reply with the translation only: no explanations, notes,"
            + " quotes or commentary. Keep every line break, the formatting, placeholders, numbers and names.";

    public static final ProviderOption<String> PLATFORM = ProviderOption.of("platform", OptionType.TEXT,
            "the name of a platform preset (docs/platforms.md, \"Platforms\"); it supplies url, dialect and a default model, and"
                    + " explicit settings still win");
    public static final ProviderOption<String> URL = ProviderOption.of("url", OptionType.TEXT,
            "the platform's address: a base (https://api.deepseek.com), a versioned base"
                    + " (https://ark.cn-beijing.volces.com/api/v3) or the full .../chat/completions address; Azure:"
                    + " https://{resource}.openai.azure.com/openai/deployments/{deployment}?api-version=... or"
                    + " https://{resource}.openai.azure.com/openai/v1").asRequired();
    public static final ProviderOption<List<String>> KEYS = ProviderOption.of("keys", OptionType.LIST,
            "API keys, each used in turn; keep them out of this file: keys = {{env:DEEPSEEK_KEYS}}. Qianfan"
                    + ": a console key (bce-v3/ALTAK-...) or AK:SK, exchanged for a bearer token")
            .asRequired().asSecret();
    public static final ProviderOption<String> MODEL = ProviderOption.of("model", OptionType.TEXT,
            "the model id (Doubao: the endpoint id; an Azure deployment address: defaults to the deployment)")
            .asRequired();
    public static final ProviderOption<String> DIALECT = ProviderOption.of("dialect", OptionType.TEXT,
            "the wire format, one of the dialects listed in docs/platforms.md; detected from the url when absent (qwen-mt"
                    + " never is: it shares its address with the other Qwen models)");
    public static final ProviderOption<String> SYSTEM_PROMPT = ProviderOption.of("system-prompt", OptionType.TEXT,
            "the system message; placeholders {source_lang}, {target_lang}, {text}, and {glossary}, where the"
                    + " glossary's terms that occur in the text go (dragoman.glossary; without it they follow the"
                    + " prompt)")
            .withDefault(DEFAULT_SYSTEM_PROMPT);
    public static final ProviderOption<String> USER_PROMPT = ProviderOption.of("user-prompt", OptionType.TEXT,
            "the user message, with the same placeholders").withDefault("{text}");
    public static final ProviderOption<Integer> CONTEXT = ProviderOption.of("context", OptionType.COUNT,
            "how many earlier texts of the same document (a dropped file, a Kafka key, an HTTP request's context)"
                    + " go along with their translations, as earlier user and assistant turns; a file's lines and the"
                    + " records of each Kafka key are then translated one after another (LunaTranslator's context num)."
                    + " Not for qwen-mt").withDefault("0");
    public static final ProviderOption<String> PREFILL = ProviderOption.of("prefill", OptionType.TEXT,
            "the start of the assistant's reply, sent as a last assistant turn that the model continues, e.g."
                    + " \"Translation:\"; not part of the translation. Not for cohere (its API documents none),"
                    + " qwen-mt, or claude with reasoning-effort");
    public static final ProviderOption<ReasoningEffort> REASONING_EFFORT = ProviderOption.of("reasoning-effort",
            OptionType.REASONING_EFFORT, "how much the model thinks before it answers, sent only when set: OpenAI"
                    + " reasoning_effort, Claude and Gemini a thinking budget (none: off, low 1024, medium 4096, high"
                    + " 16384 tokens), DeepSeek thinking on or off, Qwen on DashScope enable_thinking. Not for cohere"
                    + " and qwen-mt");
    public static final ProviderOption<ProxyAddress> PROXY = ProviderOption.of("proxy", OptionType.PROXY,
            "the HTTP proxy for this instance's calls, http://host:3128 (http://user:password@host:3128 for Basic"
                    + " authentication); none when not set");
    public static final ProviderOption<Double> TEMPERATURE = ProviderOption.of("temperature", OptionType.DECIMAL,
            "sampling temperature, sent only when set");
    public static final ProviderOption<Double> TOP_P = ProviderOption.of("top-p", OptionType.DECIMAL,
            "nucleus sampling, sent only when set (Claude: only when temperature is not)");
    public static final ProviderOption<Integer> TOP_K = ProviderOption.of("top-k", OptionType.WHOLE,
            "top-k sampling, sent only when set");
    public static final ProviderOption<Integer> MAX_TOKENS = ProviderOption.of("max-tokens", OptionType.WHOLE,
            "the longest reply in tokens, sent only when set (Claude requires one: 4096 when not set)");
    public static final ProviderOption<Double> PRESENCE_PENALTY = ProviderOption.of("presence-penalty",
            OptionType.DECIMAL, "presence penalty, sent only when set");
    public static final ProviderOption<Double> FREQUENCY_PENALTY = ProviderOption.of("frequency-penalty",
            OptionType.DECIMAL, "frequency penalty, sent only when set");
    public static final ProviderOption<List<String>> STOP = ProviderOption.of("stop", OptionType.LIST,
            "stop sequences");
    public static final ProviderOption<Boolean> STREAM = ProviderOption.of("stream", OptionType.FLAG,
            "true to read the reply as a server-sent event stream").withDefault("false");
    public static final ProviderOption<ObjectNode> EXTRA_BODY = ProviderOption.of("extra-body",
            OptionType.JSON_OBJECT, "merged into the request body last, e.g. {\"thinking\": {\"type\": \"disabled\"}}");
    public static final ProviderOption<Map<String, String>> EXTRA_HEADERS = ProviderOption.of("extra-headers",
            OptionType.HEADERS, "more request headers");
    public static final ProviderOption<Duration> TIMEOUT = ProviderOption.of("timeout", OptionType.DURATION,
            "how long one call may take, reading a streamed reply included; a stream that trickles keep-alive"
                    + " comments is cut off after this").withDefault("60s");
    public static final ProviderOption<Integer> MAX_REPLY = ProviderOption.of("max-reply", OptionType.POSITIVE,
            "the largest reply read, in bytes (1 MiB); a larger one, whole or streamed, is dropped as soon as it"
                    + " passes the limit and counts as no translation (the next key is tried)").withDefault("1048576");
    public static final ProviderOption<Integer> CONCURRENCY = ProviderOption.of("concurrency", OptionType.POSITIVE,
            "requests in flight per key").withDefault("4");
    public static final ProviderOption<Integer> RPM = ProviderOption.of("rpm", OptionType.WHOLE,
            "requests per minute per key; no limit when not set. Never more in any 60 s, over every process of the"
                    + " group (dragoman.cluster.store)");
    public static final ProviderOption<Integer> TPM = ProviderOption.of("tpm", OptionType.POSITIVE,
            "tokens (prompt and completion) per minute per key; no limit when not set. A call takes an estimate"
                    + " before it goes out and settles it with the reply's usage");

    public static final ProviderOption<Integer> BATCH_LINES = ProviderOption.of("batch-lines", OptionType.POSITIVE,
            "segments (lines of a file, texts of an HTTP request, Kafka records read together) sent together in one request, as a JSON array"
                    + " (docs/memory-and-cost.md, \"Batched requests\"); 1 sends each alone, and so do an instance with context and"
                    + " a dialect that sends the raw text alone (qwen-mt)").withDefault("20");
    public static final ProviderOption<Integer> BATCH_CHARS = ProviderOption.of("batch-chars", OptionType.POSITIVE,
            "the most characters of text in one batched request; a longer segment goes alone").withDefault("4000");

    public static final ProviderOption<Double> PRICE_PROMPT = ProviderOption.of("price-prompt", OptionType.DECIMAL,
            "the price of a million prompt tokens, in the currency of your choice, for dragoman_cost_total and GET"
                    + " /usage (docs/operations.md, \"Metrics\"); no cost is counted when neither price is set");
    public static final ProviderOption<Double> PRICE_COMPLETION = ProviderOption.of("price-completion",
            OptionType.DECIMAL, "the price of a million completion tokens, in the same currency");
    public static final ProviderOption<Double> BUDGET = ProviderOption.of("budget", OptionType.DECIMAL,
            "the most the instance spends per budget-period at its prices, over every process of the group; once"
                    + " spent, it takes no calls until the period turns (the next instance takes over); needs a price");
    public static final ProviderOption<SpendLimits.Period> BUDGET_PERIOD = ProviderOption.of("budget-period",
            OptionType.BUDGET_PERIOD, "the budget's period, turning at midnight UTC: day or month").withDefault("day");
    public static final ProviderOption<Integer> TOKENS_PER_DAY = ProviderOption.of("tokens-per-day",
            OptionType.POSITIVE, "the most tokens (prompt and completion) the instance uses a day (UTC), over every"
                    + " process of the group; once used, it takes no calls until the day turns");

    public static final ProviderOption<List<String>> CHECKS = ProviderOption.of("checks", OptionType.LIST,
            "the checks every translation must pass before it is written (docs/files-and-formats.md, \"Checks\"): markers,"
                    + " placeholders, unchanged, chatter, length, language; a reply that fails one is retried on the"
                    + " next key and instance; none turns them off")
            .withDefault("markers | placeholders | unchanged | chatter | length");

    /** In the order the documentation lists them. */
    public static final List<ProviderOption<?>> ALL = List.of(PLATFORM, URL, KEYS, MODEL, DIALECT, SYSTEM_PROMPT,
            USER_PROMPT, CONTEXT, PREFILL, REASONING_EFFORT, TEMPERATURE, TOP_P, TOP_K, MAX_TOKENS, PRESENCE_PENALTY,
            FREQUENCY_PENALTY, STOP, STREAM, EXTRA_BODY, EXTRA_HEADERS, PROXY, TIMEOUT, MAX_REPLY, CONCURRENCY, RPM,
            TPM, BATCH_LINES, BATCH_CHARS, CHECKS, PRICE_PROMPT, PRICE_COMPLETION, BUDGET, BUDGET_PERIOD,
            TOKENS_PER_DAY);

    private ProviderOptions() {
    }
}
