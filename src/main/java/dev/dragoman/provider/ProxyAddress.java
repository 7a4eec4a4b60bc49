package dev.dragoman.provider;

import java.net.URI;

/**
 * The HTTP proxy an instance's calls go through ({@code proxy}): {@code http://host:port}, with
 * {@code user:password@} before the host for a proxy that asks for Basic authentication.
 */
public record ProxyAddress(String host, int port, String user, String password) {

    static ProxyAddress parse(String text) {
        URI uri = URI.create(text.strip());
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("not http://host:port");
        }
        String userInfo = uri.getUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        return colon < 0 ? new ProxyAddress(uri.getHost(), uri.getPort(), null, null)
                : new ProxyAddress(uri.getHost(), uri.getPort(), userInfo.substring(0, colon),
                        userInfo.substring(colon + 1));
    }

    /** Without the password, so that settings that get printed never show it. */
    @Override
    public String toString() {
        return "http://" + (user == null ? "" : user + ":***@") + host + ":" + port;
    }
}
