package dev.dragoman.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

class RecordLimitTest {

    /** The sizes a record is measured by are counted, not encoded: they must be what Kafka's encoding gives. */
    @Property(tries = 500)
    void counts_a_text_as_many_bytes_as_utf8_encodes(@ForAll String text) {
        assertThat(RecordLimit.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Property(tries = 300)
    void counts_surrogates_whole_or_alone_as_utf8_encodes(
            @ForAll @Chars({'a', 'é', '€'}) @CharRange(from = '\uD800', to = '\uDFFF') String text) {
        assertThat(RecordLimit.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
}
