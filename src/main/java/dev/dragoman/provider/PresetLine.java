package dev.dragoman.provider;

import java.util.List;
import java.util.stream.Stream;

/**
 * One line of a platform file: a preset under its name and its aliases.
 *
 * @param url   null when every user has their own address
 * @param model null when there is no first model to guess
 * @param title who runs the platform, as docs/platforms.md's table shows it
 * @param where the file and line, for messages about it
 */
record PresetLine(String name, List<String> aliases, String url, String dialect, String model, String title,
        String where) {

    /** The name first, then the aliases: each is a preset of its own with the same settings. */
    List<String> names() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }
}
