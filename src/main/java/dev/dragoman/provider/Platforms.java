package dev.dragoman.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms users name with {@code dragoman.provider.<name>.platform}, each with its address, dialect and a model
 * to start with, so that a user writes only the platform and the keys. Explicit {@code url}, {@code dialect} and
 * {@code model} settings still win. A platform without an address (Azure: every resource has its own) or without a
 * default model (Doubao: the model is the user's endpoint id) needs those set.
 * <p>
 * The presets are data: every {@value #RESOURCE} on the class path, the one shipped in the jar and any other a user
 * puts on the class path (see docs/platforms.md, "Platforms"), read once on first use. A name defined twice is an
 * error rather than a silent override, so a preset always means what its one line says.
 */
public final class Platforms {

    public static final String RESOURCE = "dragoman/platforms.csv";

    /**
     * @param url     the address as users paste it; the dialect normalises it; null when every user has their own
     * @param model   a sensible first model, or null when there is none to guess
     */
    public record Preset(String name, String url, String dialect, String model) {
    }

    private static Map<String, Preset> table;

    private Platforms() {
    }

    public static Optional<Preset> byName(String name) {
        return Optional.ofNullable(table().get(name.strip().toLowerCase()));
    }

    /** Every preset and alias, file by file in class-path order, each file in its own order. */
    public static Map<String, Preset> all() {
        return table();
    }

    /** Read on first use rather than in a static initialiser, so that a bad file fails with its own message. */
    private static synchronized Map<String, Preset> table() {
        if (table == null) {
            table = read(Platforms.class.getClassLoader());
        }
        return table;
    }

    static Map<String, Preset> read(ClassLoader loader) {
        Map<String, Preset> presets = new LinkedHashMap<>();
        Map<String, String> definedAt = new HashMap<>();
        for (URL file : files(loader)) {
            for (PresetLine line : PresetFile.read(file)) {
                for (String name : line.names()) {
                    String earlier = definedAt.putIfAbsent(name, line.where());
                    if (earlier != null) {
                        throw new PresetFileException(line.where() + ": platform '" + name
                                + "' is already defined in " + earlier);
                    }
                    presets.put(name, new Preset(name, line.url(), line.dialect(), line.model()));
                }
            }
        }
        return Collections.unmodifiableMap(presets);
    }

    private static Iterable<URL> files(ClassLoader loader) {
        try {
            return Collections.list(loader.getResources(RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + RESOURCE + " on the class path", e);
        }
    }
}
