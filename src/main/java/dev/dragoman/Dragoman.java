package dev.dragoman;

import org.apache.camel.main.Main;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.config.ConfigurationException;

/**
 * Starts Dragoman: Camel Main with the file named by {@code DRAGOMAN_CONFIG}, then {@code ./application.properties}
 * ({@code -D} system properties win over both); routes from {@code ./routes/*.yaml}.
 */
public final class Dragoman {

    private static final Logger LOG = LoggerFactory.getLogger(Dragoman.class);

    private Dragoman() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(Dragoman.class);
        main.setDefaultPropertyPlaceholderLocation(propertyLocations(System.getenv("DRAGOMAN_CONFIG")));
        try {
            System.exit(main.run(args));
        } catch (Exception e) {
            ConfigurationException wrong = ObjectHelper.getException(ConfigurationException.class, e);
            if (wrong == null) {
                throw e;
            }
            LOG.error("Dragoman cannot start: {}", wrong.getMessage());
            System.exit(1);
        }
    }

    /** Camel takes a property from the first location that has it, so the user's file comes first. */
    static String propertyLocations(String extraConfig) {
        String shipped = "file:application.properties";
        return extraConfig == null || extraConfig.isBlank() ? shipped : "file:" + extraConfig.strip() + "," + shipped;
    }
}
