package dev.dragoman.provider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a platform file ({@value Platforms#RESOURCE}): {@code #} comment lines, blank lines, the header
 * {@value #HEADER}, then one platform a line. The title is the rest of the line, so it may hold commas; no other
 * field can. Every line is checked here, so that a wrong one stops start-up with its file and line number rather than
 * misleading a user who names that platform later.
 */
final class PresetFile {

    static final String HEADER = "name,aliases,address,dialect,model,title";

    private static final int FIELDS = 6;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private PresetFile() {
    }

    static List<PresetLine> read(URL url) {
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            return read(url.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    /** @param source the file's name in messages */
    static List<PresetLine> read(String source, Reader reader) throws IOException {
        List<PresetLine> lines = new ArrayList<>();
        boolean headerSeen = false;
        BufferedReader text = new BufferedReader(reader);
        int number = 0;
        for (String line = text.readLine(); line != null; line = text.readLine()) {
            number++;
            String where = source + " line " + number;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.strip().equals(HEADER)) {
                    throw new PresetFileException(where + ": expected the header '" + HEADER + "'");
                }
                headerSeen = true;
                continue;
            }
            lines.add(parse(line, where));
        }
        return lines;
    }

    private static PresetLine parse(String line, String where) {
        String[] fields = Arrays.stream(line.split(",", FIELDS)).map(String::strip).toArray(String[]::new);
        if (fields.length < FIELDS) {
            throw new PresetFileException(where + ": " + fields.length + " fields where " + FIELDS + " belong ("
                    + HEADER + ")");
        }
        String name = name(fields[0], where);
        List<String> aliases = fields[1].isEmpty() ? List.of()
                : Arrays.stream(fields[1].split("\\s+")).map(alias -> name(alias, where)).toList();
        String dialect = fields[3];
        if (!Dialects.names().contains(dialect)) {
            throw new PresetFileException(where + ": unknown dialect '" + dialect + "' (known: "
                    + String.join(", ", Dialects.names()) + ")");
        }
        if (fields[5].isEmpty()) {
            throw new PresetFileException(where + ": the title is missing");
        }
        return new PresetLine(name, aliases, address(fields[2], where), dialect, emptyAsNull(fields[4]), fields[5],
                where);
    }

    private static String name(String name, String where) {
        if (!NAME.matcher(name).matches()) {
            throw new PresetFileException(where + ": '" + name + "' is no platform name (lower case, digits and -)");
        }
        return name;
    }

    private static String address(String address, String where) {
        if (address.isEmpty()) {
            return null;
        }
        if (!isWebAddress(address)) {
            throw new PresetFileException(where + ": '" + address + "' is no http(s) address");
        }
        return address;
    }

    private static boolean isWebAddress(String address) {
        try {
            URI uri = new URI(address);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }

    private static String emptyAsNull(String field) {
        return field.isEmpty() ? null : field;
    }
}
