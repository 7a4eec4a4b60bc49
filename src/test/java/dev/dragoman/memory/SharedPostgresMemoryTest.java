package dev.dragoman.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.dragoman.config.Providers;
import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.LocalPostgres;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;
import dev.dragoman.support.DragomanProcess;

import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One translation memory in a real PostgreSQL server for several Dragoman processes, as a Kafka consumer group has:
 * this test's Dragoman and other clients of the same database, each with a pool of its own.
 */
@Tag("postgres")
class SharedPostgresMemoryTest extends DragomanTestSupport {

    @RegisterExtension
    static LocalPostgres postgres = new LocalPostgres();

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-stub-key-000000000001", "stub-model");
        properties.put("dragoman.memory.enabled", "true");
        properties.put("dragoman.memory.url", postgres.url());
        properties.put("dragoman.memory.user", postgres.user());
        return properties;
    }

    /** The key this test's Dragoman files a text under, as another process with the same settings makes it. */
    private MemoryKey key(String text) {
        Providers providers = context.getRegistry().lookupByNameAndType("providers", Providers.class);
        var stub = providers.byName("stub").orElseThrow().settings();
        return new MemoryKey("auto", "English", stub.model(), SettingsHash.of(stub), text);
    }

    private JdbcTranslationMemory otherProcess() throws Exception {
        return JdbcTranslationMemory.open(postgres.url(), postgres.user(), "");
    }

    @Test
    void a_text_translated_by_one_process_is_a_hit_in_another() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        HttpClientSupport http = new HttpClientSupport(port());

        Reply translated = http.postJson("/translate", "{\"text\": \"Good morning\"}");
        assertThat(translated.json().get("cached").asBoolean()).isFalse();

        try (JdbcTranslationMemory other = otherProcess()) {
            assertThat(other.find(key("Good morning"))).contains("T:Good morning");

            other.store(key("Good night"), "Gute Nacht, from the other process");
        }
        Reply remembered = http.postJson("/translate", "{\"text\": \"Good night\"}");

        assertThat(remembered.json().get("cached").asBoolean()).isTrue();
        assertThat(remembered.json().get("translation").asText()).isEqualTo("Gute Nacht, from the other process");
        assertThat(provider.getAllServeEvents()).as("only Good morning reached the provider").hasSize(1);
    }

    @Test
    void a_text_translated_here_costs_nothing_in_a_second_dragoman_process(@TempDir Path folder) throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        assertThat(new HttpClientSupport(port()).postJson("/translate", "{\"text\": \"Good evening\"}").status())
                .isEqualTo(200);
        int calls = provider.getAllServeEvents().size();
        Map<String, String> settings = new HashMap<>(Map.of(
                "dragoman.providers", "stub",
                "dragoman.provider.stub.url", provider.baseUrl(),
                "dragoman.provider.stub.keys", "sk-stub-key-000000000001",
                "dragoman.provider.stub.model", "stub-model",
                "dragoman.memory.enabled", "true",
                "dragoman.memory.url", postgres.url(),
                "dragoman.memory.user", postgres.user()));
        settings.put("dragoman.file.inbox", folder.resolve("inbox").toString());
        settings.put("dragoman.file.outbox", folder.resolve("outbox").toString());
        settings.put("dragoman.file.failed", folder.resolve("failed").toString());

        try (DragomanProcess other = DragomanProcess.start("shared-memory", settings)) {
            Files.createDirectories(folder.resolve("inbox"));
            Path staged = Files.writeString(folder.resolve("evening.txt"), "Good evening\n");
            Files.move(staged, folder.resolve("inbox").resolve("evening.txt"));

            Path out = folder.resolve("outbox").resolve("evening.txt");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(out));
            assertThat(out).hasContent("T:Good evening\n");
        }
        assertThat(provider.getAllServeEvents()).as("the other process asked its memory, not the provider")
                .hasSize(calls);
    }

    @Test
    void processes_storing_the_same_texts_at_once_keep_one_row_each_and_report_nothing() throws Exception {
        List<MemoryKey> keys = IntStream.range(0, 200).mapToObj(i -> key("line " + i)).toList();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (CapturedLog log = new CapturedLog(); JdbcTranslationMemory a = otherProcess();
                JdbcTranslationMemory b = otherProcess()) {
            Callable<Void> storeByA = () -> storeAll(a, keys, "A");
            Callable<Void> storeByB = () -> storeAll(b, keys, "B");
            for (Future<Void> done : threads.invokeAll(List.of(storeByA, storeByB))) {
                done.get();
            }

            assertThat(keys).allSatisfy(key -> assertThat(a.find(key)).hasValueSatisfying(
                    translation -> assertThat(translation).isIn(key.text() + " by A", key.text() + " by B")));
            assertThat(log.text()).doesNotContain("could not store");
        } finally {
            threads.shutdownNow();
        }
        try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.user(), "");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(
                        "SELECT COUNT(*) FROM dragoman_memory WHERE source_text LIKE 'line %'")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(200);
        }
    }

    @Test
    void processes_starting_at_once_on_an_empty_database_both_get_the_table() throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE empty_at_start");
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<JdbcTranslationMemory> open = () -> JdbcTranslationMemory.open(postgres.url("empty_at_start"),
                    postgres.user(), "");
            List<Future<JdbcTranslationMemory>> opened = threads.invokeAll(List.of(open, open));
            try (JdbcTranslationMemory first = opened.get(0).get();
                    JdbcTranslationMemory second = opened.get(1).get()) {
                first.store(key("Hello"), "Hallo");
                assertThat(second.find(key("Hello"))).contains("Hallo");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Void storeAll(TranslationMemory memory, List<MemoryKey> keys, String by) {
        keys.forEach(key -> memory.store(key, key.text() + " by " + by));
        return null;
    }
}
