package dev.dragoman;

import java.nio.file.Path;

import org.apache.camel.main.Main;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.provider.ConfigurationException;

/**
 * Starts Dragoman from any folder: properties from {@code -D} system properties, then the file named by
 * {@code DRAGOMAN_CONFIG}, then {@code ./application.properties} when present, then the one shipped inside the jar;
 * routes as {@link RouteFiles} finds them.
 */
public final class Dragoman {

    private static final Logger LOG = LoggerFactory.getLogger(Dragoman.class);

    private Dragoman() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(Dragoman.class);
        main.setDefaultPropertyPlaceholderLocation(propertyLocations(System.getenv("DRAGOMAN_CONFIG")));
        RouteFiles.configure(main.configure(), Path.of("routes"));
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

    /**
     * Camel takes a property from the first location that has it, so the user's file comes first and the shipped one
     * last; a named file must exist, the working directory's may not.
     */
    public static String propertyLocations(String extraConfig) {
        String found = "file:application.properties;optional=true,classpath:application.properties";
        return extraConfig == null || extraConfig.isBlank() ? found : "file:" + extraConfig.strip() + "," + found;
    }
}
