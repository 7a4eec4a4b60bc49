package dev.dragoman.provider;

/** A platform file Dragoman cannot use; the message names the file and the line to fix. */
public class PresetFileException extends RuntimeException {

    public PresetFileException(String message) {
        super(message);
    }
}
