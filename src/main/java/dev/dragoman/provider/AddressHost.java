package dev.dragoman.provider;

import java.net.URI;

/** The host an address names, for telling platforms apart by address. */
public final class AddressHost {

    private AddressHost() {
    }

    /** The host in lower case, or empty when the address names none or is no address. */
    public static String of(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? "" : host.toLowerCase();
        } catch (IllegalArgumentException notAnAddress) {
            return "";
        }
    }
}
