package dev.dragoman.provider;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SseReaderTest {

    private final List<SseEvent> events = new ArrayList<>();

    private boolean read(String stream) throws Exception {
        return SseReader.read(new StringReader(stream), event -> {
            events.add(event);
            return !"[DONE]".equals(event.data());
        });
    }

    @Test
    void reads_data_with_and_without_space_and_skips_comments() throws Exception {
        read(": keep-alive\n\ndata: {\"a\":1}\n\ndata:{\"b\":2}\n\n: OPENROUTER PROCESSING\n\n");
        assertThat(events).extracting(SseEvent::data).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void keeps_event_names_and_joins_multi_line_data() throws Exception {
        read("event: content_block_delta\ndata: line1\ndata: line2\n\nevent: ping\ndata: {}\n\n");
        assertThat(events).containsExactly(new SseEvent("content_block_delta", "line1\nline2"),
                new SseEvent("ping", "{}"));
    }

    @Test
    void stops_when_the_handler_says_done() throws Exception {
        boolean endedByItself = read("data: x\n\ndata: [DONE]\n\ndata: after\n\n");
        assertThat(endedByItself).isFalse();
        assertThat(events).extracting(SseEvent::data).containsExactly("x", "[DONE]");
    }

    @Test
    void dispatches_a_last_event_without_blank_line_at_end_of_stream() throws Exception {
        boolean endedByItself = read("data: a\n\ndata: b");
        assertThat(endedByItself).isTrue();
        assertThat(events).extracting(SseEvent::data).containsExactly("a", "b");
    }

    @Test
    void handles_crlf_line_endings() throws Exception {
        read("data: a\r\n\r\ndata: b\r\n\r\n");
        assertThat(events).extracting(SseEvent::data).containsExactly("a", "b");
    }
}
