package dev.dragoman.keys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret is masked in every form outside text carries it in; addresses and AK:SK keys show nothing secret. */
class SecretsTest {

    @Test
    void masks_a_key_plain_json_escaped_url_encoded_and_in_base64() {
        ApiKey key = new ApiKey("sk-forms/Qx7Lm2Rv+9Tz=");
        Secrets.register(key);
        String basic = Base64.getEncoder().encodeToString(("relay-user:" + key.secret())
                .getBytes(StandardCharsets.UTF_8));
        String text = Secrets.redact(String.join(" | ", key.secret(), "sk-forms\\/Qx7Lm2Rv+9Tz=",
                "sk-forms\\u002FQx7Lm2Rv\\u002b9Tz\\u003d",
                "sk-forms\\\\/Qx7Lm2Rv+9Tz=", "key=sk-forms%2FQx7Lm2Rv%2B9Tz%3D", "Basic " + basic));

        assertThat(text).doesNotContain("Qx7Lm2Rv", basic)
                .isEqualTo("sk-…9Tz= | sk-…9Tz= | sk-…9Tz= | sk-…9Tz= | key=sk-…9Tz= | Basic (Base64 of sk-…9Tz=)");
    }

    @Test
    void masks_another_registered_secret_such_as_an_http_token() {
        Secrets.register("token-for-the-http-api-0001");
        assertThat(Secrets.redact("Bearer token-for-the-http-api-0001")).isEqualTo("Bearer tok…0001");
    }

    @Test
    void an_access_key_and_secret_key_pair_shows_nothing_of_its_secret_half() {
        ApiKey key = new ApiKey("ALTAKaccessKey0777:skSecretHalf0000000777");
        Secrets.register(key);

        assertThat(key.masked()).isEqualTo("ALT…0777:…");
        assertThat(Secrets.redact("signed with skSecretHalf0000000777 for " + key.secret()))
                .isEqualTo("signed with ALT…0777:… for ALT…0777:…");
    }

    @Test
    void leaves_text_without_secrets_alone() {
        Secrets.register(new ApiKey("sk-leaves-alone-00000001"));
        String text = "a 100% plain \\n message with QmFzZTY0IG9mIG5vdGhpbmc= in it";
        assertThat(Secrets.redact(text)).isEqualTo(text);
    }

    @Test
    void masks_credentials_in_an_address() {
        assertThat(MaskedUrl.of("https://user:pass@relay/v1?key=abc")).isEqualTo("https://***@relay/v1?key=***");
        assertThat(MaskedUrl.of("https://h/v1/chat/completions?api-version=2024-06-01&sk-bare#"))
                .isEqualTo("https://h/v1/chat/completions?api-version=***&***#");
        assertThat(MaskedUrl.of("https://api.deepseek.com")).isEqualTo("https://api.deepseek.com");
    }
}
