package dev.dragoman.config;

import java.nio.file.Path;

import org.apache.camel.spi.PropertiesFunction;

/**
 * {@code {{path:data/failed}}} is the folder as an absolute path. The file consumer resolves a relative
 * {@code moveFailed} against its own inbox, while users write every folder relative to the working directory.
 */
public final class AbsolutePathFunction implements PropertiesFunction {

    @Override
    public String getName() {
        return "path";
    }

    @Override
    public String apply(String remainder) {
        return Path.of(remainder.strip()).toAbsolutePath().normalize().toString();
    }
}
