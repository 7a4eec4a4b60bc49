package dev.dragoman.support.wire;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A wire format whose whole and streamed calls go to one address and differ by the body's {@code stream} flag
 * (every format but Gemini's, whose {@link #path} differs instead): the stubs and the expected requests are told
 * apart by that flag, and each format adds only its replies and its own request checks.
 */
public abstract class SameAddressStub implements WireFormatStub {

    /** The path and query the call goes to. */
    protected abstract String path(boolean stream);

    protected abstract ResponseDefinitionBuilder wholeReply();

    protected abstract ResponseDefinitionBuilder streamedReply();

    /** The format's own checks: auth header and body fields. */
    protected abstract RequestPatternBuilder expect(RequestPatternBuilder request);

    /** The header that carries the key. */
    protected abstract String keyHeader();

    /** The key header's value for a key. */
    protected String keyValue(String key) {
        return key;
    }

    private boolean flagged() {
        return path(true).equals(path(false));
    }

    @Override
    public void stub(WireMockExtension server) {
        for (boolean stream : new boolean[] {false, true}) {
            server.stubFor(call(stream).willReturn(stream ? streamedReply() : wholeReply()));
        }
    }

    @Override
    public MappingBuilder call(boolean stream) {
        MappingBuilder mapping = post(urlEqualTo(path(stream)));
        return flagged()
                ? mapping.withRequestBody(matchingJsonPath("$.stream", equalTo(String.valueOf(stream))))
                : mapping;
    }

    @Override
    public RequestPatternBuilder requestsWithKey(boolean stream, String key) {
        return requested(stream).withHeader(keyHeader(), equalTo(keyValue(key)));
    }

    @Override
    public RequestPatternBuilder plainRequest() {
        return request(false);
    }

    @Override
    public RequestPatternBuilder streamedRequest() {
        return request(true);
    }

    private RequestPatternBuilder request(boolean stream) {
        return expect(requested(stream));
    }

    private RequestPatternBuilder requested(boolean stream) {
        RequestPatternBuilder request = postRequestedFor(urlEqualTo(path(stream)));
        return flagged()
                ? request.withRequestBody(matchingJsonPath("$.stream", equalTo(String.valueOf(stream))))
                : request;
    }
}
