package dev.dragoman.provider.qianfan;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.keys.Secrets;
import dev.dragoman.support.MovableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AK/SK keys become IAM bearer tokens: fetched once, reused, refreshed before they expire, never shown whole. */
class QianfanTokensTest {

    private static final String PATH = "/v1/BCE-BEARER/token";
    private static final ApiKey KEY = new ApiKey("ALTAKaccessKey0001:secretKey00000000000000001");

    @RegisterExtension
    static WireMockExtension iam = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private QianfanTokens tokens;

    @BeforeEach
    void start() throws Exception {
        tokens = new QianfanTokens(iam.baseUrl() + PATH, clock, HttpClient.newHttpClient(), Duration.ofSeconds(5));
    }

    private static void tokenExpiring(String token, String expireTime) {
        iam.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"token\":\"" + token + "\",\"expireTime\":\""
                + expireTime + "\",\"createTime\":\"2026-03-01T00:00:00Z\",\"status\":\"enable\"}")));
    }

    @Test
    void fetches_the_token_once_and_reuses_it() throws Exception {
        tokenExpiring("bce-v3/ALTAK-first/0000000000000001", "2026-03-02T00:00:00Z");

        assertThat(tokens.bearer(KEY)).isEqualTo("bce-v3/ALTAK-first/0000000000000001");
        clock.move(Duration.ofHours(23));
        assertThat(tokens.bearer(KEY)).isEqualTo("bce-v3/ALTAK-first/0000000000000001");

        iam.verify(1, getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("expireInSeconds", matching("86400"))
                .withHeader("Authorization", matching("bce-auth-v1/ALTAKaccessKey0001/2026-03-01T00:00:00Z/1800"
                        + "/host/[0-9a-f]{64}")));
    }

    @Test
    void refreshes_the_token_before_it_expires() throws Exception {
        tokenExpiring("bce-v3/ALTAK-first/0000000000000001", "2026-03-02T00:00:00Z");
        tokens.bearer(KEY);

        tokenExpiring("bce-v3/ALTAK-second/000000000000002", "2026-03-03T00:00:00Z");
        clock.move(Duration.ofHours(24).minus(QianfanTokens.REFRESH_MARGIN));

        assertThat(tokens.bearer(KEY)).isEqualTo("bce-v3/ALTAK-second/000000000000002");
        iam.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void never_shows_the_token_or_the_secret_key_whole() throws Exception {
        tokenExpiring("bce-v3/ALTAK-shown/00000000000000003", "2026-03-02T00:00:00Z");
        tokens.bearer(KEY);

        String text = Secrets.redact("token bce-v3/ALTAK-shown/00000000000000003 secret secretKey00000000000000001");
        assertThat(text).doesNotContain("ALTAK-shown/00000000000000003").doesNotContain("secretKey00000000000000001");
    }

    @Test
    void a_refused_key_fails_with_the_key_masked() throws Exception {
        iam.stubFor(get(urlPathEqualTo(PATH)).willReturn(unauthorized()
                .withBody("{\"code\":\"InvalidAccessKeyId\",\"message\":\"The access key is invalid\"}")));

        assertThatThrownBy(() -> tokens.bearer(KEY))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.KEY_REJECTED))
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("secretKey00000000000000001");
    }

    @Test
    void a_ready_console_key_is_sent_as_it_is() throws Exception {
        QianfanFormat dialect = new QianfanFormat(tokens);
        assertThat(dialect.authHeaders(new ApiKey("bce-v3/ALTAK-console/0000000000000004")))
                .containsEntry("Authorization", "Bearer bce-v3/ALTAK-console/0000000000000004");
        iam.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
    }
}
