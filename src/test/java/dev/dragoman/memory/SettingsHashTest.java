package dev.dragoman.memory;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.config.TestSettings;
import dev.dragoman.provider.ProviderSettings;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsHashTest {

    private static final Map<String, String> BASE = Map.of("url", "https://api.deepseek.com", "model", "deepseek-chat",
            "extra-body", "{\"thinking\": {\"type\": \"disabled\"}, \"seed\": 7}");

    private static String hash(Map<String, String> changes) {
        Map<String, String> options = new HashMap<>(BASE);
        options.putAll(changes);
        return SettingsHash.of(TestSettings.read("x", options));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "system-prompt | Translate into {target_lang}, formally.",
            "user-prompt | Text: {text}",
            "temperature | 0.3",
            "top-p | 0.9",
            "top-k | 40",
            "max-tokens | 512",
            "presence-penalty | 0.5",
            "frequency-penalty | 0.5",
            "stop | END",
            "extra-body | {\"seed\": 8}",
            "dialect | azure",
    })
    void a_setting_that_shapes_the_translation_changes_the_hash(String option, String value) {
        assertThat(hash(Map.of(option, value))).isNotEqualTo(hash(Map.of()));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "keys | sk-other-key-0000000001",
            "url | https://relay.example.com/v1",
            "stream | true",
            "timeout | 5s",
            "concurrency | 9",
            "rpm | 60",
            "extra-headers | X-Trace: 1",
            "max-reply | 2048",
    })
    void a_setting_of_how_the_call_is_made_keeps_the_hash(String option, String value) {
        assertThat(hash(Map.of(option, value))).isEqualTo(hash(Map.of()));
    }

    @Test
    void the_dialects_own_options_shape_the_translation() {
        Map<String, String> qwenMt = Map.of("dialect", "qwen-mt", "model", "qwen-mt-turbo");
        String plain = hash(qwenMt);
        Map<String, String> withDomains = new HashMap<>(qwenMt);
        withDomains.put("domains", "Medical texts, formal register.");

        assertThat(hash(withDomains)).isNotEqualTo(plain);
    }

    @Test
    void the_extra_body_hashes_the_same_in_any_field_order() {
        assertThat(hash(Map.of("extra-body", "{\"seed\": 7, \"thinking\": {\"type\": \"disabled\"}}")))
                .isEqualTo(hash(Map.of()));
    }

    /** A renamed setting would otherwise start separating translations unnoticed. */
    @Test
    void the_settings_named_as_not_shaping_exist() {
        assertThat(Arrays.stream(ProviderSettings.class.getRecordComponents()).map(RecordComponent::getName))
                .containsAll(SettingsHash.NOT_SHAPING);
    }
}
