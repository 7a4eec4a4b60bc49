package dev.dragoman.keys;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A configured address as people may see it: a relay's address may carry credentials in its user-info
 * ({@code https://user:pass@relay/v1}) or its query ({@code ?key=…}), so both are masked, {@code https://***@relay/v1?key=***};
 * names of query parameters, host and path stay, so the address is still recognisable.
 */
public final class MaskedUrl {

    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@");
    private static final String MASK = "***";
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)key|token|secret|sig|pass|auth");

    private MaskedUrl() {
    }

    public static String of(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO.matcher(url).replaceFirst("$1" + MASK + "@");
        int query = masked.indexOf('?');
        if (query < 0) {
            return masked;
        }
        int fragment = masked.indexOf('#', query);
        int end = fragment < 0 ? masked.length() : fragment;
        return masked.substring(0, query + 1)
                + Arrays.stream(masked.substring(query + 1, end).split("&", -1)).map(MaskedUrl::parameter)
                        .collect(Collectors.joining("&"))
                + masked.substring(end);
    }

    /**
     * The credentials an address carries, to register as secrets: the user-info's password, and the values of query
     * parameters whose names say they are credentials ({@code key}, {@code api_key}, {@code token}, {@code sig}…).
     * Other values ({@code api-version=2024-10-21}) are masked where the address is shown but stay readable elsewhere.
     */
    /** Whether the address has credentials before its host ({@code https://user:password@host/…}). */
    public static boolean hasUserInfo(String url) {
        if (url == null) {
            return false;
        }
        try {
            return URI.create(url.strip()).getRawUserInfo() != null;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    public static List<String> credentials(String url) {
        List<String> found = new ArrayList<>();
        if (url == null) {
            return found;
        }
        URI address;
        try {
            address = URI.create(url.strip());
        } catch (IllegalArgumentException notAnAddress) {
            return found;
        }
        String userInfo = address.getUserInfo();
        if (userInfo != null && userInfo.indexOf(':') >= 0) {
            found.add(userInfo.substring(userInfo.indexOf(':') + 1));
        }
        if (address.getRawQuery() != null) {
            for (String parameter : address.getRawQuery().split("&")) {
                int equals = parameter.indexOf('=');
                if (equals > 0 && CREDENTIAL.matcher(parameter.substring(0, equals)).find()) {
                    found.add(URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        found.removeIf(String::isBlank);
        return found;
    }

    /** {@code name=***}; a parameter without a name may be a bare key, so it is masked whole. */
    private static String parameter(String parameter) {
        int equals = parameter.indexOf('=');
        return equals >= 0 ? parameter.substring(0, equals + 1) + MASK : parameter.isEmpty() ? "" : MASK;
    }
}
