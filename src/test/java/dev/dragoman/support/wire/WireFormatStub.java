package dev.dragoman.support.wire;

import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/**
 * One provider wire format as a WireMock stub speaks it (reference/providers.md), for the shared route tests: the
 * instance settings that point at the stub, the stubbed whole and streamed replies (each with reasoning to drop and
 * usage to map), and the exact requests the dialect must send. Every stub translates {@link #TEXT} to
 * {@link #TRANSLATION} with usage {@link #PROMPT_TOKENS}/{@link #COMPLETION_TOKENS}.
 */
public interface WireFormatStub {

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

    /** More checks after a translation, e.g. calls to other endpoints. */
    default void verifyAlso(WireMockExtension server) {
    }
}
