package dev.dragoman.provider.openai;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://h,                                  https://h/v1/chat/completions",
            "https://h/,                                 https://h/v1/chat/completions",
            "https://h/v1,                               https://h/v1/chat/completions",
            "https://h/v1/,                              https://h/v1/chat/completions",
            "https://h/api/v3,                           https://h/api/v3/chat/completions",
            "https://h/api/paas/v4,                      https://h/api/paas/v4/chat/completions",
            "https://h/v1/chat/completions,              https://h/v1/chat/completions",
            "https://h/openai/v1,                        https://h/openai/v1/chat/completions",
            "https://h/api,                              https://h/api/v1/chat/completions",
            "https://h/compatible-mode,                  https://h/compatible-mode/v1/chat/completions",
            "https://h/v1beta/openai,                    https://h/v1beta/openai/chat/completions",
            "https://h/custom/path#,                     https://h/custom/path",
            "https://h/openai/deployments/d/chat/completions?api-version=2024-10-21,"
                    + " https://h/openai/deployments/d/chat/completions?api-version=2024-10-21",
            "http://127.0.0.1:11434,                     http://127.0.0.1:11434/v1/chat/completions",
    })
    void normalises_chat_address(String given, String expected) {
        assertThat(OpenAiAddress.chatCompletions(given)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://h,                                  https://h/v1/models",
            "https://h/api/v3,                           https://h/api/v3/models",
            "https://h/v1/chat/completions,              https://h/v1/models",
            "https://h/openai/v1/,                       https://h/openai/v1/models",
    })
    void derives_model_list_address(String given, String expected) {
        assertThat(OpenAiAddress.models(given)).isEqualTo(expected);
    }
}
