package dev.dragoman.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.provider.AddressHost;
import dev.dragoman.provider.ProviderSettings;
import dev.dragoman.provider.ReasoningEffort;
import dev.dragoman.translate.TranslationRequest;

/**
 * DeepSeek's OpenAI format (https://api-docs.deepseek.com/guides/thinking_mode): its current models think by default,
 * which costs a translation latency and tokens for nothing, so thinking is turned off with
 * {@code thinking: {type: disabled}} unless the model is the reasoner (which cannot), {@code reasoning-effort} asks for
 * it (DeepSeek has no levels: any effort but none turns it on) or the user's extra-body says otherwise. A 402
 * (balance) is a quota error already by its status.
 */
public class DeepSeekFormat extends OpenAiFormat {

    private static final String REASONER = "deepseek-reasoner";

    public static boolean isDeepSeek(String url) {
        return url != null && AddressHost.of(url).equals("api.deepseek.com");
    }

    @Override
    protected void writeReasoning(ObjectNode body, ReasoningEffort effort) {
        body.putObject("thinking").put("type", effort == ReasoningEffort.NONE ? "disabled" : "enabled");
    }

    @Override
    protected void writePlatformFields(ObjectNode body, ProviderSettings provider, TranslationRequest request) {
        if (provider.reasoningEffort() == null && !REASONER.equals(provider.model())) {
            body.putObject("thinking").put("type", "disabled");
        }
    }
}
