package dev.dragoman.provider;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The dialects on the class path, by name: every {@link Dialect} listed in a
 * {@code META-INF/services/dev.dragoman.provider.Dialect}, the shipped ones and any a user adds in a jar of their
 * own. Read once, on first use.
 */
public final class Dialects {

    /** The dialect of every address no other dialect recognises: most platforms speak OpenAI's format. */
    public static final String DEFAULT = "openai";

    private static Map<String, Dialect> byName;

    private Dialects() {
    }

    public static Optional<Dialect> byName(String name) {
        return Optional.ofNullable(all().get(name));
    }

    public static Set<String> names() {
        return all().keySet();
    }

    /** Every option a dialect reads: the common ones, then each dialect's own. */
    public static List<ProviderOption<?>> options() {
        return Stream.concat(ProviderOptions.ALL.stream(),
                all().values().stream().flatMap(dialect -> dialect.options().stream())).toList();
    }

    /**
     * The dialect an address speaks: the one that recognises it, else {@value #DEFAULT}. Platforms with a dialect of
     * their own have hosts of their own, so no two dialects claim one address.
     */
    public static Dialect detect(String url) {
        return all().values().stream().filter(dialect -> dialect.recognises(url)).findFirst()
                .orElseGet(() -> all().get(DEFAULT));
    }

    private static synchronized Map<String, Dialect> all() {
        if (byName == null) {
            Map<String, Dialect> found = new TreeMap<>();
            for (Dialect dialect : ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())) {
                Dialect earlier = found.putIfAbsent(dialect.name(), dialect);
                if (earlier != null) {
                    throw new ConfigurationException("dialect '" + dialect.name() + "' is defined twice: by "
                            + earlier.getClass().getName() + " and " + dialect.getClass().getName());
                }
            }
            byName = Collections.unmodifiableMap(found);
        }
        return byName;
    }
}
