package dev.dragoman.route;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.dragoman.provider.ProviderSettings;
import dev.dragoman.provider.ProxyAddress;

/**
 * The camel-http endpoint parameters that send an instance's calls through its {@code proxy}
 * (https://camel.apache.org/components/latest/http-component.html, {@code proxyHost}, {@code proxyPort} and the
 * {@code proxyAuth…} options): nothing without one.
 */
final class ProxyParameters {

    private ProxyParameters() {
    }

    /** {@code &proxyHost=…&proxyPort=…}, with Basic credentials when the proxy address has them. */
    static String of(ProviderSettings settings) {
        ProxyAddress proxy = settings.proxy();
        if (proxy == null) {
            return "";
        }
        String parameters = "&proxyHost=" + proxy.host() + "&proxyPort=" + proxy.port();
        if (proxy.user() != null) {
            // RAW(): the password goes to the proxy as written, whatever characters it has
            parameters += "&proxyAuthMethod=Basic&proxyAuthUsername="
                    + URLEncoder.encode(proxy.user(), StandardCharsets.UTF_8)
                    + "&proxyAuthPassword=RAW(" + proxy.password() + ")";
        }
        return parameters;
    }
}
