package dev.dragoman.provider;

/** A configuration that cannot work; the message is one line that names the property to fix. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message, null, false, false);
    }
}
