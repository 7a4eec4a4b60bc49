package dev.dragoman;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link of the README and the pages under docs/ goes somewhere: the file exists, and an anchor names a
 * heading of it, as GitHub makes anchors (lower case, punctuation dropped, spaces as hyphens).
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void every_relative_link_and_anchor_resolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            boolean code = false;
            for (String line : Files.readAllLines(page)) {
                if (line.startsWith("```")) {
                    code = !code;
                }
                Matcher link = LINK.matcher(line);
                while (!code && link.find()) {
                    String target = link.group(1);
                    if (!target.matches("^(https?|mailto):.*")) {
                        check(page, target).ifPresent(broken::add);
                    }
                }
            }
        }
        assertThat(broken).as("links that go nowhere").isEmpty();
    }

    private static java.util.Optional<String> check(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent() == null ? Path.of(file)
                : page.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return java.util.Optional.of(page + ": " + target + " (no " + resolved + ")");
        }
        if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
            return java.util.Optional.of(page + ": " + target + " (no such heading in " + resolved + ")");
        }
        return java.util.Optional.empty();
    }

    private static Set<String> anchors(Path page) throws IOException {
        return Files.readAllLines(page).stream().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
