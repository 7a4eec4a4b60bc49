package dev.dragoman.support;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server standing in for a provider: a free port, reset between tests, and response templating only where
 * a stub asks for it (so that provider bodies with braces are served as written), and {@link BatchEcho} for stubs
 * that translate batches.
 */
public final class StubServers {

    private StubServers() {
    }

    public static WireMockExtension create() {
        return WireMockExtension.newInstance().options(options().dynamicPort().globalTemplating(false)
                .extensions(new BatchEcho())).build();
    }
}
