package dev.dragoman;

import java.nio.file.Path;

import org.apache.camel.main.Main;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.config.ConfigLocations;
import dev.dragoman.provider.ConfigurationException;

/**
 * Starts Dragoman from any folder: properties from {@code -D} system properties, then the files {@code DRAGOMAN_CONFIG}
 * names, then {@code ./application.properties} when present, then the one shipped inside the jar
 * ({@link ConfigLocations}); routes as {@link RouteFiles} finds them.
 */
public final class Dragoman {

    private static final Logger LOG = LoggerFactory.getLogger(Dragoman.class);

    private Dragoman() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(Dragoman.class);
        RouteFiles.configure(main.configure(), Path.of("routes"));
        try {
            main.setDefaultPropertyPlaceholderLocation(ConfigLocations.of(System.getenv("DRAGOMAN_CONFIG")));
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
}
