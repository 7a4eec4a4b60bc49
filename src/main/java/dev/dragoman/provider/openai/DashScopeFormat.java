package dev.dragoman.provider.openai;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.provider.AddressHost;
import dev.dragoman.provider.ReasoningEffort;

/**
 * Alibaba DashScope's OpenAI-compatible mode for the Qwen models
 * (https://www.alibabacloud.com/help/en/model-studio/deep-thinking): thinking is switched with {@code enable_thinking}
 * and bounded with {@code thinking_budget} rather than OpenAI's {@code reasoning_effort}.
 */
public class DashScopeFormat extends OpenAiFormat {

    private static final Set<String> HOSTS = Set.of("dashscope.aliyuncs.com", "dashscope-intl.aliyuncs.com");

    public static boolean isDashScope(String url) {
        return url != null && HOSTS.contains(AddressHost.of(url));
    }

    @Override
    protected void writeReasoning(ObjectNode body, ReasoningEffort effort) {
        body.put("enable_thinking", effort != ReasoningEffort.NONE);
        if (effort != ReasoningEffort.NONE) {
            body.put("thinking_budget", effort.budgetTokens());
        }
    }
}
