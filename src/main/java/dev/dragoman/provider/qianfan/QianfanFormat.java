package dev.dragoman.provider.qianfan;

import java.util.Map;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.openai.OpenAiFormat;

/**
 * Baidu Qianfan v2 (https://cloud.baidu.com/doc/WENXINWORKSHOP/s/fm4tsw9nv): the OpenAI format with a Bearer token,
 * where the configured key is either a ready console key ({@code bce-v3/ALTAK-…/…}) sent as is, or {@code AK:SK}, which
 * {@link QianfanTokens} exchanges for an IAM bearer token (LunaTranslator accepts both the same way). Its 429 codes
 * ({@code rpm_rate_limit_exceeded}…) are OpenAI-shaped.
 */
public class QianfanFormat extends OpenAiFormat {

    private final QianfanTokens tokens;

    public QianfanFormat(QianfanTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Map<String, String> authHeaders(ApiKey key) throws ProviderException {
        return Map.of("Authorization", "Bearer " + bearer(key));
    }

    private String bearer(ApiKey key) throws ProviderException {
        String secret = key.secret();
        return secret.startsWith("bce-v3/") || !secret.contains(":") ? secret : tokens.bearer(key);
    }
}
