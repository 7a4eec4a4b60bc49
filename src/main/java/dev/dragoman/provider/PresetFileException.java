package dev.dragoman.provider;

/** A platform file Dragoman cannot use; the message names the file and the line to fix, and start-up stops on it. */
public class PresetFileException extends ConfigurationException {

    public PresetFileException(String message) {
        super(message);
    }
}
