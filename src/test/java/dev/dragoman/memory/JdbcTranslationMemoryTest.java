package dev.dragoman.memory;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory on the embedded H2 file database, as shipped. */
class JdbcTranslationMemoryTest {

    private static final MemoryKey HELLO = new MemoryKey("auto", "German", "m1", "a".repeat(64), "Hello");

    @TempDir
    Path dir;

    private JdbcTranslationMemory open() throws Exception {
        return JdbcTranslationMemory.open("jdbc:h2:file:" + dir.resolve("data/memory") + ";AUTO_SERVER=TRUE", "", "");
    }

    @Test
    void a_stored_translation_survives_a_restart() throws Exception {
        try (JdbcTranslationMemory memory = open()) {
            assertThat(memory.find(HELLO)).isEmpty();
            memory.store(HELLO, "Hallo");
        }
        assertThat(dir.resolve("data/memory.mv.db")).as("created on first start, folder and all").exists();

        try (JdbcTranslationMemory restarted = open()) {
            assertThat(restarted.find(HELLO)).contains("Hallo");
        }
    }

    @Test
    void every_part_of_the_key_tells_translations_apart() throws Exception {
        try (JdbcTranslationMemory memory = open()) {
            memory.store(HELLO, "Hallo");

            assertThat(memory.find(new MemoryKey("English", "German", "m1", HELLO.settingsHash(), "Hello"))).isEmpty();
            assertThat(memory.find(new MemoryKey("auto", "French", "m1", HELLO.settingsHash(), "Hello"))).isEmpty();
            assertThat(memory.find(new MemoryKey("auto", "German", "m2", HELLO.settingsHash(), "Hello"))).isEmpty();
            assertThat(memory.find(new MemoryKey("auto", "German", "m1", "b".repeat(64), "Hello"))).isEmpty();
            assertThat(memory.find(new MemoryKey("auto", "German", "m1", HELLO.settingsHash(), "Hello "))).isEmpty();
            assertThat(memory.find(HELLO)).contains("Hallo");
        }
    }

    @Test
    void storing_a_key_again_keeps_the_first_translation() throws Exception {
        try (JdbcTranslationMemory memory = open()) {
            memory.store(HELLO, "Hallo");
            memory.store(HELLO, "Servus");

            assertThat(memory.find(HELLO)).contains("Hallo");
        }
    }

    @Test
    void two_processes_in_one_folder_share_the_file() throws Exception {
        try (JdbcTranslationMemory first = open(); JdbcTranslationMemory second = open()) {
            first.store(HELLO, "Hallo");

            assertThat(second.find(HELLO)).contains("Hallo");
        }
    }

    @Test
    void long_texts_are_remembered_whole() throws Exception {
        String page = "Lorem ipsum dolor sit amet. ".repeat(4_000);
        MemoryKey key = new MemoryKey("auto", "German", "m1", HELLO.settingsHash(), page);
        try (JdbcTranslationMemory memory = open()) {
            memory.store(key, page.toUpperCase());

            assertThat(memory.find(key)).contains(page.toUpperCase());
        }
        assertThat(Files.size(dir.resolve("data/memory.mv.db"))).isPositive();
    }
}
