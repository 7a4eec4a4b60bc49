package dev.dragoman.provider;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyBuilderTest {

    static List<List<String>> chunkings() {
        return List.of(
                List.of("<think>I should translate</think>\n\nBonjour le monde"),
                List.of("<thi", "nk>I should", " translate</th", "ink>", "\nBonjour", " le monde"),
                List.of("<", "t", "h", "i", "n", "k", ">", "x", "<", "/", "t", "h", "i", "n", "k", ">", "Bonjour le monde"),
                List.of("Reasoning without an opening tag</think>Bonjour le monde"),
                List.of("Reasoning without", " an opening tag</", "think>Bonjour ", "le monde"));
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void strips_reasoning_however_the_stream_splits_it(List<String> chunks) {
        ReplyBuilder reply = new ReplyBuilder();
        chunks.forEach(reply::append);
        assertThat(reply.build().text()).isEqualTo("Bonjour le monde");
    }

    @Test
    void keeps_text_that_only_looks_like_the_start_of_a_tag() {
        ReplyBuilder reply = new ReplyBuilder().append("a <").append("b");
        assertThat(reply.build().text()).isEqualTo("a <b");
    }

    @Test
    void releases_a_partial_tag_at_the_end_of_the_stream() {
        assertThat(new ReplyBuilder().append("x </thi").build().text()).isEqualTo("x </thi");
    }

    @Test
    void cumulative_text_appends_only_what_is_new() {
        ReplyBuilder reply = new ReplyBuilder().appendCumulative("Bon").appendCumulative("Bonjour")
                .appendCumulative("Bonjour le monde");
        assertThat(reply.build().text()).isEqualTo("Bonjour le monde");
    }

    @Test
    void keeps_the_last_usage_report() {
        Reply reply = new ReplyBuilder().usage(10, 1).usage(10, 7).model("m").build();
        assertThat(reply.usage()).isEqualTo(new Usage(10, 7));
        assertThat(reply.model()).isEqualTo("m");
    }
}
