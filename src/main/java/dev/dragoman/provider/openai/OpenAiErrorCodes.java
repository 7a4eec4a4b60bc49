package dev.dragoman.provider.openai;

import java.util.Map;
import java.util.Optional;

import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.ErrorStatus;

/**
 * The error codes OpenAI-compatible platforms put in their bodies, where they mean more than the HTTP status
 * (https://platform.openai.com/docs/guides/error-codes, https://docs.bigmodel.cn/cn/api/api-code,
 * https://www.xfyun.cn/doc/spark/HTTP%E8%B0%83%E7%94%A8%E6%96%87%E6%A1%A3.html): a 429 may be a rate limit to wait out
 * or a used-up quota that no wait cures, and Zhipu answers 429 for concurrency, overload and arrears alike.
 */
final class OpenAiErrorCodes {

    private static final Map<String, ErrorClass> CODES = Map.ofEntries(
            // OpenAI, and Anthropic-style gateways
            Map.entry("insufficient_quota", ErrorClass.QUOTA_EXHAUSTED),
            Map.entry("billing_error", ErrorClass.QUOTA_EXHAUSTED),
            // Zhipu business codes: auth, arrears and caps, concurrency and frequency, overload
            Map.entry("1000", ErrorClass.KEY_REJECTED),
            Map.entry("1001", ErrorClass.KEY_REJECTED),
            Map.entry("1002", ErrorClass.KEY_REJECTED),
            Map.entry("1003", ErrorClass.KEY_REJECTED),
            Map.entry("1004", ErrorClass.KEY_REJECTED),
            Map.entry("1113", ErrorClass.QUOTA_EXHAUSTED),
            Map.entry("1304", ErrorClass.QUOTA_EXHAUSTED),
            Map.entry("1308", ErrorClass.QUOTA_EXHAUSTED),
            Map.entry("1310", ErrorClass.QUOTA_EXHAUSTED),
            Map.entry("1302", ErrorClass.RATE_LIMITED),
            Map.entry("1303", ErrorClass.RATE_LIMITED),
            Map.entry("1305", ErrorClass.TRANSIENT),
            Map.entry("1312", ErrorClass.TRANSIENT),
            Map.entry("1301", ErrorClass.REQUEST_REJECTED),
            // iFlytek Spark: licence, daily cap, QPS, concurrency, traffic limit
            Map.entry("11200", ErrorClass.KEY_REJECTED),
            Map.entry("11201", ErrorClass.QUOTA_EXHAUSTED),
            Map.entry("11202", ErrorClass.RATE_LIMITED),
            Map.entry("11203", ErrorClass.RATE_LIMITED),
            Map.entry("10007", ErrorClass.RATE_LIMITED),
            // Volcengine Ark (Doubao): an overdue account is a quota problem, not a bad key
            Map.entry("AccountOverdueError", ErrorClass.QUOTA_EXHAUSTED),
            // Baidu Qianfan v2
            Map.entry("rpm_rate_limit_exceeded", ErrorClass.RATE_LIMITED),
            Map.entry("tpm_rate_limit_exceeded", ErrorClass.RATE_LIMITED));

    private OpenAiErrorCodes() {
    }

    static Optional<ErrorClass> classify(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(CODES.get(code));
    }

    static ErrorClass byStatus(int status) {
        return ErrorStatus.classify(status);
    }
}
