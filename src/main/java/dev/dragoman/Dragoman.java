package dev.dragoman;

import org.apache.camel.main.Main;

/**
 * Starts Dragoman: Camel Main with {@code ./application.properties}, then the file named by {@code DRAGOMAN_CONFIG}
 * (its values win), then {@code -D} system properties; routes from {@code ./routes/*.yaml}.
 */
public final class Dragoman {

    private Dragoman() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(Dragoman.class);
        main.setDefaultPropertyPlaceholderLocation(propertyLocations(System.getenv("DRAGOMAN_CONFIG")));
        System.exit(main.run(args));
    }

    static String propertyLocations(String extraConfig) {
        String shipped = "file:application.properties";
        return extraConfig == null || extraConfig.isBlank() ? shipped : shipped + ",file:" + extraConfig.strip();
    }
}
