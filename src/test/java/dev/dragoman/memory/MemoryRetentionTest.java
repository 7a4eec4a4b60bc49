package dev.dragoman.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;

/**
 * The memory kept within {@code dragoman.memory.max-age} and {@code max-rows}: rows stored before the test started
 * Dragoman (an H2 file of its own) are cleaned up at start-up, the old ones for their age and the oldest of the rest
 * beyond the count, and {@code GET /usage} says what was kept and deleted.
 */
class MemoryRetentionTest extends DragomanTestSupport {

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "local");
        properties.put("dragoman.provider.local.dialect", "pseudo");
        properties.put("dragoman.memory.enabled", "true");
        properties.put("dragoman.memory.url", url());
        properties.put("dragoman.memory.max-age", "30d");
        properties.put("dragoman.memory.max-rows", "3");
        return properties;
    }

    private String url() {
        return "jdbc:h2:file:" + dir().resolve("data/memory") + ";AUTO_SERVER=TRUE";
    }

    @Override
    protected void doPreSetup() throws Exception {
        try (JdbcTranslationMemory memory = JdbcTranslationMemory.open(url(), "", "")) {
            for (int i = 0; i < 6; i++) {
                memory.store(new MemoryKey("en", "de", "m", "h".repeat(64), "Text " + i), "Übersetzung " + i);
            }
        }
        try (Connection connection = DriverManager.getConnection(url(), "", "");
                PreparedStatement age = connection.prepareStatement(
                        "UPDATE dragoman_memory SET created_at = ? WHERE source_text = ?")) {
            // two rows far older than 30 days, the others a day apart, Text 5 the newest
            for (int i = 0; i < 6; i++) {
                age.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(i < 2 ? 400 : 10 - i))));
                age.setString(2, "Text " + i);
                age.executeUpdate();
            }
        }
    }

    @Test
    void old_rows_and_the_oldest_beyond_the_count_go_at_start_up_and_usage_says_so() throws Exception {
        HttpClientSupport http = new HttpClientSupport(port());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.get("/usage").json().has("memory")).isTrue());
        JsonNode memory = http.get("/usage").json().get("memory");

        assertThat(memory.get("rows").asLong()).isEqualTo(3);
        assertThat(memory.get("forgotten").asLong()).as("2 for their age, 1 beyond the count").isEqualTo(3);
        assertThat(memory.get("maxRows").asLong()).isEqualTo(3);
        try (JdbcTranslationMemory kept = JdbcTranslationMemory.open(url(), "", "")) {
            assertThat(kept.find(new MemoryKey("en", "de", "m", "h".repeat(64), "Text 5"))).hasValue("Übersetzung 5");
            assertThat(kept.find(new MemoryKey("en", "de", "m", "h".repeat(64), "Text 2"))).isEmpty();
        }
    }
}
