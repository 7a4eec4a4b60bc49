package dev.dragoman.provider.qianfan;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.Secrets;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.ProviderException;

/**
 * Turns a Qianfan {@code AK:SK} key into an IAM bearer token (https://ai.baidu.com/ai-doc/WENXINWORKSHOP/Um2wxbaps):
 * one signed {@code GET /v1/BCE-BEARER/token?expireInSeconds=…} per access key, the token cached and fetched again a
 * while before it expires. The secret key and every token are registered as secrets, so no log or error shows them
 * whole.
 */
public final class QianfanTokens {

    static final int TOKEN_SECONDS = 86400;
    static final int SIGNATURE_SECONDS = 1800;
    /** A token is renewed this long before it expires, so no call goes out with one about to lapse. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(10);

    private record Token(String value, Instant expires) {
    }

    private final URI tokenUrl;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, Token> byAccessKey = new ConcurrentHashMap<>();

    public QianfanTokens(String tokenUrl, Clock clock, HttpClient http, Duration timeout) {
        String base = tokenUrl.strip();
        this.tokenUrl = URI.create(base + (base.contains("?") ? "&" : "?") + "expireInSeconds=" + TOKEN_SECONDS);
        this.clock = clock;
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * A valid bearer token for the {@code AK:SK} key, from the cache while it lasts. Synchronized so that the lanes
     * of one instance fetch a token once, not once each; the cached path is a map look-up.
     */
    public synchronized String bearer(ApiKey key) throws ProviderException {
        String[] parts = key.secret().split(":", 2);
        String accessKey = parts[0].strip();
        Secrets.register(key);
        Token cached = byAccessKey.get(accessKey);
        if (cached != null && clock.instant().isBefore(cached.expires().minus(REFRESH_MARGIN))) {
            return cached.value();
        }
        Token token = fetch(new BceSigner(accessKey, parts[1].strip()), key);
        byAccessKey.put(accessKey, token);
        return token.value();
    }

    /** A refused key is taken out of rotation like any rejected key; a failed call is transient. */
    private Token fetch(BceSigner signer, ApiKey key) throws ProviderException {
        Instant now = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Authorization", signer.authorization("GET", tokenUrl, now, SIGNATURE_SECONDS))
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ProviderException.of(ErrorClass.TRANSIENT,
                    "the Qianfan token call for key " + key + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.of(ErrorClass.TRANSIENT,
                    "interrupted while fetching the Qianfan token for key " + key);
        }
        JsonNode body = Json.tryParse(response.body()).orElse(null);
        String token = body == null ? null : Json.text(body, "token");
        int status = response.statusCode();
        if (status / 100 != 2 || token == null) {
            ErrorClass why = status / 100 == 5 ? ErrorClass.TRANSIENT : ErrorClass.KEY_REJECTED;
            throw ProviderException.of(why, "the Qianfan token endpoint refused key " + key + ": HTTP " + status
                    + " " + response.body());
        }
        Secrets.register(new ApiKey(token));
        return new Token(token, expiry(body, now));
    }

    private static Instant expiry(JsonNode body, Instant fetchedAt) {
        String expireTime = Json.text(body, "expireTime");
        if (expireTime != null) {
            try {
                return Instant.parse(expireTime);
            } catch (DateTimeParseException notIso) {
                // fall back to what was asked for
            }
        }
        return fetchedAt.plusSeconds(TOKEN_SECONDS);
    }
}
