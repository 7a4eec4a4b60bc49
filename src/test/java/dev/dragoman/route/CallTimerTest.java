package dev.dragoman.route;

import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A call the timer cancels fails with the timer's reason, whatever HttpClient throws on the calling thread when the
 * connection is taken from under it. Here the timer fires after the connection's lease, before HttpClient connects
 * and sends (a retry that starts with a few milliseconds of its text's deadline left can meet that): HttpClient then
 * finds its endpoint discarded and throws an {@link IllegalStateException}, "Endpoint not acquired / already
 * released", which reached the text's error as it was (seen once in {@code CallDeadlineTest}). The client is HttpClient itself, configured as the key lanes' camel-http is,
 * with one step before its transport that holds the call until the timer has cancelled it; the server is a listening
 * socket that accepts the connection and never answers.
 */
class CallTimerTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void a_call_cancelled_between_the_lease_and_the_send_fails_with_the_timer_s_reason() throws Exception {
        CallTimer timer = new CallTimer(scheduler, Duration.ofMillis(50));
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        HttpClientBuilder builder = HttpClientBuilder.create();
        CallTimer.CLIENT_CONFIGURER.configureHttpClient(builder);
        builder.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "leased-when-the-timer-fires",
                (request, scope, chain) -> {
                    await().atMost(Duration.ofSeconds(10)).until(scope.execRuntime::isExecutionAborted);
                    return chain.proceed(request, scope);
                });
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                CloseableHttpClient client = builder.build()) {
            HttpPost call = new HttpPost("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");

            timer.start(exchange);

            assertThatThrownBy(() -> client.execute(call, response -> response.getCode()))
                    .isInstanceOf(InterruptedIOException.class)
                    .hasMessage("the call took longer than 50 ms (the instance's timeout or the text's deadline)")
                    .hasRootCauseInstanceOf(IllegalStateException.class);
        } finally {
            timer.stop(exchange);
        }
    }
}
