package dev.dragoman.provider;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.dragoman.provider.azure.AzureAddress;
import dev.dragoman.provider.azure.AzureDialect;
import dev.dragoman.provider.claude.ClaudeDialect;
import dev.dragoman.provider.cohere.CohereDialect;
import dev.dragoman.provider.gemini.GeminiAddress;
import dev.dragoman.provider.gemini.GeminiDialect;
import dev.dragoman.provider.openai.DeepSeekDialect;
import dev.dragoman.provider.openai.OpenAiDialect;
import dev.dragoman.provider.qianfan.QianfanDialect;
import dev.dragoman.provider.qwenmt.QwenMtDialect;

/**
 * The dialects by their configuration name, and the guess of a dialect from a provider's address. A dialect is made
 * per provider instance, so one that keeps state (Qianfan's bearer tokens) keeps it for that instance only.
 */
public final class Dialects {

    /** The offline pseudo-localiser: no address, no key, no network. */
    public static final String PSEUDO = "pseudo";
    public static final String OPENAI = "openai";
    public static final String AZURE = "azure";
    public static final String GEMINI = "gemini";
    public static final String CLAUDE = "claude";
    public static final String COHERE = "cohere";
    public static final String QWEN_MT = "qwen-mt";
    public static final String QIANFAN = "qianfan";

    private static final Map<String, Function<ProviderSettings, Dialect>> BY_NAME = Map.of(
            OPENAI, Dialects::openAi,
            AZURE, settings -> new AzureDialect(),
            GEMINI, settings -> new GeminiDialect(),
            CLAUDE, settings -> new ClaudeDialect(),
            COHERE, settings -> new CohereDialect(),
            QWEN_MT, settings -> new QwenMtDialect(),
            QIANFAN, QianfanDialect::forSettings);

    private Dialects() {
    }

    /** The dialect for one provider instance; empty for the offline pseudo-localiser. */
    public static Optional<Dialect> create(ProviderSettings settings) {
        return Optional.ofNullable(BY_NAME.get(settings.dialect())).map(factory -> factory.apply(settings));
    }

    public static Set<String> names() {
        Set<String> names = new TreeSet<>(BY_NAME.keySet());
        names.add(PSEUDO);
        return names;
    }

    /**
     * The dialect an address speaks, told apart in the order LunaTranslator uses, so its users' addresses mean the same
     * here; every platform without a dialect of its own speaks the OpenAI format. Qwen-MT shares its address with the
     * other Qwen models, so it is chosen by name or platform, never guessed.
     */
    public static String detect(String url) {
        String host = AddressHost.of(url);
        if (GeminiAddress.isGemini(url)) {
            return GEMINI;
        }
        if (host.equals("api.anthropic.com")) {
            return CLAUDE;
        }
        if (AzureAddress.isAzure(url)) {
            return AZURE;
        }
        if (host.equals("qianfan.baidubce.com")) {
            return QIANFAN;
        }
        if (host.startsWith("api.cohere.") && !url.contains("/compatibility")) {
            return COHERE;
        }
        return OPENAI;
    }

    /** A model the address already names (Azure's deployment), for dialects where the body's model is ignored. */
    public static Optional<String> modelInAddress(String dialect, String url) {
        return AZURE.equals(dialect) ? AzureAddress.deployment(url) : Optional.empty();
    }

    private static Dialect openAi(ProviderSettings settings) {
        return DeepSeekDialect.isDeepSeek(settings.url()) ? new DeepSeekDialect() : new OpenAiDialect();
    }
}
