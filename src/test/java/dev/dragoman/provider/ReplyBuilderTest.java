package dev.dragoman.provider;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.dragoman.provider.ReplyBuilder.Ending;
import dev.dragoman.translate.Usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void strips_reasoning_however_the_stream_splits_it(List<String> chunks) throws Exception {
        ReplyBuilder reply = new ReplyBuilder();
        chunks.forEach(reply::append);
        assertThat(reply.build().text()).isEqualTo("Bonjour le monde");
    }

    @Test
    void keeps_text_that_only_looks_like_the_start_of_a_tag() throws Exception {
        ReplyBuilder reply = new ReplyBuilder().append("a <").append("b");
        assertThat(reply.build().text()).isEqualTo("a <b");
    }

    @Test
    void releases_a_partial_tag_at_the_end_of_the_stream() throws Exception {
        assertThat(new ReplyBuilder().append("x </thi").build().text()).isEqualTo("x </thi");
    }

    @Test
    void cumulative_text_appends_only_what_is_new() throws Exception {
        ReplyBuilder reply = new ReplyBuilder().appendCumulative("Bon").appendCumulative("Bonjour")
                .appendCumulative("Bonjour le monde");
        assertThat(reply.build().text()).isEqualTo("Bonjour le monde");
    }

    @Test
    void a_stream_read_as_cumulative_whose_second_chunk_does_not_repeat_the_first_is_appended() throws Exception {
        ReplyBuilder reply = new ReplyBuilder().appendCumulative("Bon").appendCumulative("jour")
                .appendCumulative(" le").appendCumulative(" monde");
        assertThat(reply.build().text()).isEqualTo("Bonjour le monde");
    }

    @Test
    void keeps_the_last_usage_report() throws Exception {
        Reply reply = new ReplyBuilder().append("Bonjour").usage(10, 1).usage(10, 7).model("m").build();
        assertThat(reply.usage()).isEqualTo(new Usage(10, 7));
        assertThat(reply.model()).isEqualTo("m");
    }

    @Test
    void an_empty_reply_or_unclosed_reasoning_is_no_translation() {
        assertInvalid(new ReplyBuilder(), "empty reply");
        assertInvalid(new ReplyBuilder().append("<think>The user wants French, so"), "empty reply");
    }

    @Test
    void a_reply_cut_off_or_failed_is_no_translation_even_with_text() {
        assertInvalid(new ReplyBuilder().append("Bonj").finished("length", Map.of("length", Ending.CUT_OFF)),
                "reply cut off at max_tokens (length)");
        assertInvalid(new ReplyBuilder().append("Bonj").finished("ERROR", Map.of("ERROR", Ending.FAILED)),
                "reply ended with ERROR");
    }

    @Test
    void a_filtered_reply_is_a_refused_request() {
        assertThatThrownBy(() -> new ReplyBuilder().finished("SAFETY", Map.of("SAFETY", Ending.REFUSED)).build())
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.REQUEST_REJECTED))
                .hasMessageContaining("SAFETY");
    }

    @Test
    void a_stream_is_whole_only_once_it_reached_its_end_marker() throws Exception {
        assertInvalidStream(new ReplyBuilder().append("Bonjour"), "stream ended without its terminator");
        assertThat(new ReplyBuilder().append("Bonjour").finished("stop", Map.of()).terminated().buildStreamed().text())
                .isEqualTo("Bonjour");
    }

    private static void assertInvalid(ReplyBuilder reply, String reason) {
        assertThatThrownBy(reply::build).isInstanceOf(InvalidReplyException.class).hasMessage(reason);
    }

    private static void assertInvalidStream(ReplyBuilder reply, String reason) {
        assertThatThrownBy(reply::buildStreamed).isInstanceOf(InvalidReplyException.class).hasMessage(reason);
    }
}
