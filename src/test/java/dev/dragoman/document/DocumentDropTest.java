package dev.dragoman.document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Documents through the shipped configuration's file drop and HTTP API, translated by the offline pseudo-localiser as
 * a new user first sees them: a gettext catalogue and a JSON bundle come back valid, their keys, placeholders and
 * markup untouched; a file its format cannot read goes to the failed folder with the reason.
 */
class DocumentDropTest extends DragomanTestSupport {

    static final String PO = """
            # A catalogue of an app.
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=UTF-8\\n"
            "Language: \\n"

            #. the greeting on the start page
            #: src/start.c:12
            #, c-format
            msgid "Hello %s, welcome back"
            msgstr ""

            msgctxt "menu"
            msgid "Open the file"
            msgstr ""

            #, c-format
            msgid "You have %d new message"
            msgid_plural "You have %d new messages"
            msgstr[0] ""
            msgstr[1] ""
            """;

    static final String JSON = """
            {
              "title": "Shopping basket",
              "greeting": "Hello {name}, you have {{count}} items",
              "limits": { "max": 10, "label": "At most <b>ten</b> items" },
              "enabled": true
            }
            """;

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        // an extension no format claims, mapped to one
        properties.put("dragoman.file.formats", ".strings=okf_properties");
        return properties;
    }

    @Test
    void should_translate_a_gettext_catalogue_into_a_valid_one() throws Exception {
        drop("app.po", PO.getBytes(StandardCharsets.UTF_8));

        Path out = awaitFile(outbox().resolve("app.po"), Duration.ofSeconds(30));
        String po = Files.readString(out);
        assertThat(po).contains("msgid \"Hello %s, welcome back\"", "msgctxt \"menu\"",
                "msgid_plural \"You have %d new messages\"", "#: src/start.c:12");
        assertThat(msgstrs(po)).hasSize(4).allSatisfy(msgstr -> assertThat(msgstr).startsWith("[").isNotEqualTo(""));
        assertThat(po).contains("msgstr \"[Ĥéļļó %s, ŵéļçóɱé ƀáçķ").doesNotContain("ɱšĝíđ", "%š");
        msgfmtCheck(out);
        assertThat(inbox().resolve(".done/app.po")).exists();
    }

    @Test
    void should_translate_only_the_string_values_of_a_json_bundle() throws Exception {
        drop("en.json", JSON.getBytes(StandardCharsets.UTF_8));

        JsonNode json = new ObjectMapper().readTree(awaitFile(outbox().resolve("en.json"), Duration.ofSeconds(30))
                .toFile());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("title", "greeting", "limits", "enabled");
        assertThat(json.get("greeting").asText()).contains("{name}", "{{count}}").doesNotContain("Hello");
        assertThat(json.at("/limits/label").asText()).contains("<b>", "</b>");
        assertThat(json.at("/limits/max").asInt()).isEqualTo(10);
        assertThat(json.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void should_move_a_file_its_format_cannot_read_to_failed_with_the_reason() throws Exception {
        drop("broken.xlf", "<?xml version=\"1.0\"?><xliff version=\"1.2\"><file source-language=\"en\"><body>"
                .getBytes(StandardCharsets.UTF_8));

        String reason = Files.readString(awaitFile(failed().resolve("broken.xlf.error.txt"), Duration.ofSeconds(30)));
        assertThat(reason).isNotBlank();
        assertThat(awaitFile(failed().resolve("broken.xlf"), Duration.ofSeconds(10))).exists();
        assertThat(outbox().resolve("broken.xlf")).doesNotExist();
    }

    @Test
    void should_answer_a_document_posted_over_http_with_the_same_document_translated() throws Exception {
        HttpClientSupport http = new HttpClientSupport(port());

        Reply reply = http.post("/translate/document?name=messages.properties", "text/plain",
                "# the start page\nstart.title = Welcome {0}\nstart.count = {1} files\n");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).startsWith("# the start page\nstart.title = [").contains("{0}", "{1}")
                .contains("start.count = [");
        assertThat(http.post("/translate/document", "text/plain", "x").status()).isEqualTo(400);
    }

    @Test
    void should_read_a_file_by_the_format_its_extension_is_mapped_to() throws Exception {
        drop("ui.strings", "# the menu\nmenu.open = Open {0}\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(awaitFile(outbox().resolve("ui.strings"), Duration.ofSeconds(30))))
                // an ASCII properties file stays ASCII, as Java's ISO 8859-1 properties would be
                .startsWith("# the menu\nmenu.open = [\\u00d3\\u00fe\\u00e9\\u00f1 {0}").doesNotContain("ɱéñú");
    }

    @Test
    void should_keep_the_markup_of_a_text_that_names_its_format() throws Exception {
        HttpClientSupport http = new HttpClientSupport(port());

        Reply reply = http.postJson("/translate", "{\"text\": \"Click <a href=\\\"/help\\\">here</a> now\","
                + " \"format\": \"html\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("text").asText()).isEqualTo("Click <a href=\"/help\">here</a> now");
        assertThat(reply.json().get("translation").asText()).contains("<a href=\"/help\">", "</a>")
                .doesNotContain("<g1>", "ĥŕéƒ");
        assertThat(http.postJson("/translate", "{\"text\": \"x\", \"format\": \"rtf\"}").status()).isEqualTo(400);
    }

    /** The msgstr values, msgstr[n] included, in order. */
    private static List<String> msgstrs(String po) {
        List<String> values = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("(?m)^msgstr(\\[\\d])? \"(.*)\"$").matcher(po);
        while (matcher.find()) {
            values.add(matcher.group(2));
        }
        // the header entry's msgstr "" is the first
        return values.subList(1, values.size());
    }

    /** GNU gettext's own check of the catalogue (Debian's gettext; bin/test installs it). */
    static void msgfmtCheck(Path po) throws Exception {
        assumeThat(Path.of("/usr/bin/msgfmt")).exists();
        Process msgfmt = new ProcessBuilder("msgfmt", "--check", "-o", "/dev/null", po.toString())
                .redirectErrorStream(true).start();
        String output = new String(msgfmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(msgfmt.waitFor()).as(output).isZero();
    }
}
