package dev.dragoman.support.wire;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/**
 * One provider wire format as a WireMock stub speaks it, for the shared route tests: the instance settings that point
 * at the stub, the stubbed whole and streamed replies (each with reasoning to drop and usage to map), and the exact
 * requests the dialect must send. Every stub translates {@link #TEXT} to {@link #TRANSLATION} with usage
 * {@link #PROMPT_TOKENS}/{@link #COMPLETION_TOKENS}. Each also speaks the replies that answer with success but are no
 * translation ({@link Fault}), in its own format.
 *
 * <p>Each dialect's stub lives in that dialect's test package and is listed in the test resource
 * {@code META-INF/services/dev.dragoman.support.wire.WireFormatStub}; the shared route tests find them through
 * {@link WireFormatStubs}, so a new dialect adds its stub and that line and no shared test changes.
 */
public interface WireFormatStub {

    /** A successful reply that is no translation, and the reason a text then fails with. */
    enum Fault {
        /** No text at all (or only reasoning), though the reply ended normally. */
        EMPTY("empty reply"),
        /** Text that the token limit cut off, the provider saying so in its own finish reason. */
        CUT_OFF("reply cut off at max_tokens"),
        /** A stream that stops before the end its format marks (streamed only). */
        UNTERMINATED("stream ended without its terminator");

        public final String reason;

        Fault(String reason) {
            this.reason = reason;
        }
    }

    String TEXT = "Hello world";
    String TRANSLATION = "Bonjour";
    int PROMPT_TOKENS = 31;
    int COMPLETION_TOKENS = 12;
    String TARGET_LANG = "French";

    /** The provider instance name; the streaming instance is this name plus {@code -stream}. */
    String name();

    /** {@code dragoman.provider.<name>.*} options without the prefix; {@code stream} is added by the test. */
    Map<String, String> settings(String baseUrl);

    /** Registers the whole and the streamed reply. */
    void stub(WireMockExtension server);

    /** The request a whole translation must send: path, auth header, body fields. */
    RequestPatternBuilder plainRequest();

    /** The request a streamed translation must send. */
    RequestPatternBuilder streamedRequest();

    /** The whole or streamed call as a stub mapping, for a test to answer it otherwise. */
    MappingBuilder call(boolean stream);

    /** A reply in this format that is no translation. */
    ResponseDefinitionBuilder faultyReply(Fault fault, boolean stream);

    /** The whole or streamed calls made with the given key. */
    RequestPatternBuilder requestsWithKey(boolean stream, String key);

    /**
     * Whether this stub's replies are a format of their own rather than another stub's: the tests of replies that are
     * no translation run once per reply format, not once per dialect.
     */
    default boolean ownReplyFormat() {
        return true;
    }

    /** More checks after a translation, e.g. calls to other endpoints. */
    default void verifyAlso(WireMockExtension server) {
    }
}
