package dev.dragoman.provider.qianfan;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BCE v1 signature of the IAM token call, checked against the HMAC chain Baidu documents at
 * https://cloud.baidu.com/doc/Reference/s/njwvz1yfu.
 */
class BceSignerTest {

    private static final String AK = "ALTAKexampleAccessKey";
    private static final String SK = "exampleSecretKey0123456789";
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final URI TOKEN = URI.create("https://iam.bj.baidubce.com/v1/BCE-BEARER/token?expireInSeconds=86400");

    @Test
    void signs_the_token_request_as_the_documented_hmac_chain() throws Exception {
        String prefix = "bce-auth-v1/" + AK + "/2026-01-02T03:04:05Z/1800";
        String signingKey = hmacSha256Hex(SK, prefix);
        String canonicalRequest = "GET\n/v1/BCE-BEARER/token\nexpireInSeconds=86400\nhost:iam.bj.baidubce.com";
        String signature = hmacSha256Hex(signingKey, canonicalRequest);

        String authorization = new BceSigner(AK, SK).authorization("GET", TOKEN, AT, 1800);

        assertThat(signingKey).isEqualTo("8c8d0b266864f7b1d3b0dda56d7abbc39a2456a54c1bd59e787f32b898be1fae");
        assertThat(signature).isEqualTo("1d486d18345c7ae85caa1bd8ec6355c22c3198bfcc147ad318bae5051591b349");
        assertThat(authorization).isEqualTo(prefix + "/host/" + signature);
    }

    @Test
    void signs_the_host_with_its_port_when_it_is_not_the_default() {
        URI local = URI.create("http://localhost:8089/v1/BCE-BEARER/token?expireInSeconds=86400&b=x%20y");
        assertThat(BceSigner.canonicalRequest("GET", local))
                .isEqualTo("GET\n/v1/BCE-BEARER/token\nb=x%20y&expireInSeconds=86400\nhost:localhost%3A8089");
    }

    /** Written out here rather than borrowed from the code under test. */
    private static String hmacSha256Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
