package dev.dragoman.config;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.provider.ConfigurationException;
import dev.dragoman.provider.ProviderSettings;
import dev.dragoman.provider.ProxyAddress;
import dev.dragoman.provider.ReasoningEffort;
import dev.dragoman.provider.qwenmt.QwenMtDialect;
import dev.dragoman.keys.Secrets;
import dev.dragoman.support.CapturedLog;

class DragomanSettingsTest {

    private final Map<String, String> properties = TestSettings.shipped();

    @BeforeEach
    void deepseek() {
        properties.putAll(Map.of(
                "dragoman.providers", "deepseek",
                "dragoman.provider.deepseek.url", "https://api.deepseek.com",
                "dragoman.provider.deepseek.keys", "sk-one-1234567890 | sk-two-1234567890",
                "dragoman.provider.deepseek.model", "deepseek-chat"));
    }

    private DragomanSettings read() {
        return DragomanSettings.read(name -> Optional.ofNullable(properties.get(name)), properties.keySet());
    }

    @Test
    void reads_an_instance_with_defaults() {
        ProviderSettings provider = read().providers().get(0);
        assertThat(provider.dialect()).isEqualTo("openai");
        assertThat(provider.keys()).hasSize(2);
        assertThat(provider.concurrency()).isEqualTo(4);
        assertThat(provider.systemPrompt()).contains("{target_lang}");
        assertThat(provider.temperature()).isNull();
    }

    @Test
    void reads_optional_settings() {
        properties.put("dragoman.provider.deepseek.extra-body", "{\"thinking\":{\"type\":\"disabled\"}}");
        properties.put("dragoman.provider.deepseek.extra-headers", "X-Title: Dragoman | HTTP-Referer: https://x");
        properties.put("dragoman.provider.deepseek.stop", "###|END");
        properties.put("dragoman.provider.deepseek.timeout", "1m30s");
        ProviderSettings provider = read().providers().get(0);
        assertThat(provider.extraBody().at("/thinking/type").asText()).isEqualTo("disabled");
        assertThat(provider.extraHeaders()).containsEntry("X-Title", "Dragoman").containsEntry("HTTP-Referer", "https://x");
        assertThat(provider.stop()).containsExactly("###", "END");
        assertThat(provider.timeout()).hasSeconds(90);
    }

    @Test
    void names_the_property_that_is_missing_or_wrong() {
        properties.remove("dragoman.provider.deepseek.url");
        assertThatThrownBy(this::read).hasMessage("dragoman.provider.deepseek.url is missing");
        properties.put("dragoman.provider.deepseek.url", "https://api.deepseek.com");
        properties.remove("dragoman.provider.deepseek.keys");
        assertThatThrownBy(this::read).hasMessage("dragoman.provider.deepseek.keys is missing");
        properties.put("dragoman.provider.deepseek.keys", "sk-one-1234567890");
        properties.remove("dragoman.provider.deepseek.model");
        assertThatThrownBy(this::read).hasMessage("dragoman.provider.deepseek.model is missing");
        properties.put("dragoman.provider.deepseek.model", "m");
        properties.put("dragoman.provider.deepseek.dialect", "klingon");
        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("dragoman.provider.deepseek.dialect: unknown dialect 'klingon'");
        properties.put("dragoman.provider.deepseek.dialect", "openai");
        properties.put("dragoman.provider.deepseek.temperature", "warm");
        assertThatThrownBy(this::read).hasMessage("dragoman.provider.deepseek.temperature must be a number, not 'warm'");
    }

    @Test
    void reports_properties_no_option_reads_and_shows_the_options_set_without_secrets() {
        properties.put("dragoman.provider.deepseek.tempreature", "0.2");
        properties.put("dragoman.provider.deepseek.terms", "Dragoman=Dragoman");
        properties.put("dragoman.provider.deepseek.url", "https://relay.example/v1?key=relay-key-0001");
        try (CapturedLog log = new CapturedLog()) {
            ProviderSettings provider = read().providers().get(0);

            assertThat(provider.temperature()).isNull();
            assertThat(log.text())
                    .contains("dragoman.provider.deepseek.tempreature is not a provider option and is ignored")
                    .contains("dragoman.provider.deepseek.terms applies to dialect qwen-mt only and is ignored")
                    .contains("provider deepseek: dialect openai, model deepseek-chat, 2 key(s); set:")
                    .contains("url=https://relay.example/v1?key=***", "keys=(secret)")
                    .doesNotContain("sk-one-1234567890", "relay-key-0001");
            assertThat(Secrets.redact("the relay said: relay-key-0001")).doesNotContain("relay-key-0001");
        }
    }

    @Test
    void refuses_an_address_with_credentials_before_its_host_without_showing_them() {
        properties.put("dragoman.provider.deepseek.url", "http://user:relay-pass-0002@relay.example/v1");

        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dragoman.provider.deepseek.url has credentials before its host")
                .hasMessageContaining("extra-headers (Authorization: Basic")
                .hasMessageNotContaining("relay-pass-0002");
    }

    @Test
    void reads_the_prompt_options_and_a_proxy_without_showing_its_password() {
        properties.put("dragoman.provider.deepseek.context", "3");
        properties.put("dragoman.provider.deepseek.reasoning-effort", "High");
        properties.put("dragoman.provider.deepseek.proxy", "http://me:proxy-pass-0001@proxy.example:3128");
        try (CapturedLog log = new CapturedLog()) {
            ProviderSettings provider = read().providers().get(0);

            assertThat(provider.context()).isEqualTo(3);
            assertThat(provider.reasoningEffort()).isEqualTo(ReasoningEffort.HIGH);
            assertThat(provider.proxy()).isEqualTo(new ProxyAddress("proxy.example", 3128, "me", "proxy-pass-0001"));
            assertThat(log.text()).contains("proxy=http://***@proxy.example:3128").doesNotContain("proxy-pass-0001");
            assertThat(Secrets.redact("proxy-pass-0001")).doesNotContain("proxy-pass-0001");
        }
        properties.put("dragoman.provider.deepseek.proxy", "proxy.example:3128");
        assertThatThrownBy(this::read).hasMessage("dragoman.provider.deepseek.proxy must be an address such as"
                + " http://host:3128, not 'proxy.example:3128'");
        properties.put("dragoman.provider.deepseek.proxy", "http://proxy.example:3128");
        properties.put("dragoman.provider.deepseek.context", "-1");
        assertThatThrownBy(this::read).hasMessage("dragoman.provider.deepseek.context must be a whole number of at"
                + " least 0, not '-1'");
    }

    @Test
    void reads_a_dialect_option_through_its_descriptor() {
        properties.put("dragoman.provider.deepseek.dialect", "qwen-mt");
        properties.put("dragoman.provider.deepseek.terms", "Dragoman=Dragoman | key lane=voie de clé");
        ProviderSettings provider = read().providers().get(0);

        assertThat(provider.option(QwenMtDialect.TERMS))
                .containsExactly(Map.entry("Dragoman", "Dragoman"), Map.entry("key lane", "voie de clé"));
        assertThat(provider.option(QwenMtDialect.DOMAINS)).isNull();
        properties.put("dragoman.provider.deepseek.terms", "no separator");
        assertThatThrownBy(this::read).hasMessage("dragoman.provider.deepseek.terms must be source=target |"
                + " source2=target2, not 'no separator'");
    }

    @Test
    void takes_its_defaults_from_application_properties_only() {
        assertThat(read().retry().deadline()).hasSeconds(120);
        properties.put("dragoman.deadline", "30s");
        assertThat(read().retry().deadline()).hasSeconds(30);
        properties.remove("dragoman.deadline");
        assertThatThrownBy(this::read).isInstanceOf(ConfigurationException.class)
                .hasMessage("dragoman.deadline is missing");
        properties.put("dragoman.deadline", "30s");
        properties.remove("dragoman.breaker.window");
        assertThatThrownBy(this::read).hasMessage("dragoman.breaker.window is missing");
    }

    @Test
    void the_pseudo_provider_needs_nothing_else() {
        properties.put("dragoman.providers", "pseudo");
        properties.put("dragoman.provider.pseudo.dialect", "pseudo");
        assertThat(read().providers().get(0).keys()).isEmpty();
    }
}
