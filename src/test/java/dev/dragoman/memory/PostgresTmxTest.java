package dev.dragoman.memory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.LocalPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMX import and export on a real PostgreSQL server: the batched update-then-insert of an import, and an export
 * read through a cursor, which PostgreSQL only streams inside a transaction with a fetch size.
 */
@Tag("postgres")
class PostgresTmxTest {

    @RegisterExtension
    static LocalPostgres postgres = new LocalPostgres();

    private static final String TMX = """
            <tmx version="1.4"><header srclang="en"/><body>%s</body></tmx>""";

    @Test
    void units_imported_twice_are_updated_and_a_large_pair_is_exported_whole() throws Exception {
        StringBuilder units = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            units.append("<tu><tuv xml:lang=\"en\"><seg>Line ").append(i)
                    .append("</seg></tuv><tuv xml:lang=\"de\"><seg>Zeile ").append(i).append("</seg></tuv></tu>");
        }
        try (JdbcTranslationMemory memory = JdbcTranslationMemory.open(postgres.url(), postgres.user(), "")) {
            TmxImport tmx = new TmxImport(memory);
            assertThat(tmx.read(stream(TMX.formatted(units)), null, null).imported()).isEqualTo(1_200);
            assertThat(tmx.read(stream(TMX.formatted(units.toString().replace("Zeile 7<", "Reihe 7<"))), null, null)
                    .imported()).isEqualTo(1_200);

            assertThat(memory.findImported("English", "German", "Line 7")).contains("Reihe 7");
            assertThat(memory.findImported("English", "German", "Line 8")).contains("Zeile 8");
            try (InputStream export = new TmxExport(memory.rows("en", "de"), "en", "de")) {
                String document = new String(export.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(document.split("<tu ", -1)).hasSize(1_201);
            }
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
