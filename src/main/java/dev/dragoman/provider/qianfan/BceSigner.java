package dev.dragoman.provider.qianfan;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Baidu Cloud's request signature v1 (https://cloud.baidu.com/doc/Reference/s/njwvz1yfu), which the IAM token endpoint
 * requires: the signing key is {@code hex(HMAC-SHA256(SK, "bce-auth-v1/{AK}/{UTC time}/{expiry}"))}, the signature is
 * {@code hex(HMAC-SHA256(signingKey, canonicalRequest))} over method, URI, sorted query and the signed {@code host}
 * header, and the {@code Authorization} header is the prefix, {@code host}, and the signature.
 */
public final class BceSigner {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String secretKey;

    public BceSigner(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** The {@code Authorization} value for a GET of {@code url}, signed at {@code now}, valid for {@code expiry} s. */
    public String authorization(String method, URI url, Instant now, int expirySeconds) {
        String prefix = "bce-auth-v1/" + accessKey + "/" + TIMESTAMP.format(now) + "/" + expirySeconds;
        String signingKey = hmacHex(secretKey, prefix);
        String signature = hmacHex(signingKey, canonicalRequest(method, url));
        return prefix + "/host/" + signature;
    }

    static String canonicalRequest(String method, URI url) {
        return method + "\n" + encode(url.getRawPath(), false) + "\n" + canonicalQuery(url.getRawQuery()) + "\n"
                + "host:" + encode(host(url), true);
    }

    /** The host as the HTTP client sends it: with the port when it is not the scheme's default. */
    static String host(URI url) {
        boolean defaultPort = url.getPort() < 0
                || url.getPort() == ("https".equals(url.getScheme()) ? 443 : 80);
        return defaultPort ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    private static String canonicalQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            sorted.put(encode(decode(name), true), encode(decode(value), true));
        }
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding: unreserved characters stay, {@code /} stays in paths. */
    static String encode(String text, boolean encodeSlash) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
        return encodeSlash ? encoded : encoded.replace("%2F", "/");
    }

    static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is not available", impossible);
        }
    }
}
