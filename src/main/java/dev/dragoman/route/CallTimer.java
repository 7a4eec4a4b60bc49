package dev.dragoman.route;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.EofSensorInputStream;

import dev.dragoman.translate.ClientGone;
import dev.dragoman.translate.ClientGoneException;
import dev.dragoman.translate.ExchangeKeys;

/**
 * Bounds a whole provider call, from taking a connection to the reply's last byte, by the instance's {@code timeout}
 * and the text's deadline. When the time is up, or when the text's client has gone ({@link ClientGone}), the call is
 * cancelled (HttpClient closes its connection, so a blocked read fails at once, before the reply's head as well as
 * while its body streams) and every later read fails with a message that says why. Nothing is sent for a text whose
 * time is up or whose client has gone.
 * <p>
 * This is the call's only time bound besides the connect timeout: the lanes' camel-http endpoints set no
 * {@code responseTimeout} and a {@code soTimeout} of 0 ({@link #ENDPOINT_PARAMETERS}). A socket timeout bounds each
 * read alone, so a stream that trickles keep-alive comments would hold a call, its key's slot and its text forever;
 * beside the timer it would only end the same calls sooner or later with a vaguer reason ("Read timed out").
 */
final class CallTimer {

    /** The camel-http endpoint parameters of a call under the timer, with the configurer bound under that name. */
    static final String ENDPOINT_PARAMETERS = "&soTimeout=0&httpClientConfigurer=#dragomanCallTimer";

    /**
     * The lane's camel-http producer runs its call on the thread that started the timer, and no exchange reaches
     * HttpClient: the timer hands its call over to the HttpClient's execution here, on that thread.
     */
    private static final ThreadLocal<Call> STARTED = new ThreadLocal<>();

    /** Lets a call under the timer be cancelled, and names the reason when it was. */
    static final HttpClientConfigurer CLIENT_CONFIGURER = builder -> builder.addExecInterceptorFirst(
            "dragoman-call-timer", CallTimer::execute);

    private final ScheduledExecutorService scheduler;
    private final Duration timeout;

    CallTimer(ScheduledExecutorService scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /** Before the request goes out. */
    void start(Exchange exchange) throws DeadlinePassedException {
        Deadline.check(exchange);
        Duration limit = Deadline.allows(exchange, timeout) ? timeout : Deadline.remaining(exchange);
        Call call = new Call(limit);
        call.expiry = scheduler.schedule(call::expire, Math.max(limit.toMillis(), 0), TimeUnit.MILLISECONDS);
        exchange.setProperty(ExchangeKeys.CALL_TIMER, call);
        ClientGone.onGone(exchange, call.clientGone);
        STARTED.set(call);
    }

    private static ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        Call call = STARTED.get();
        if (call == null) {
            return chain.proceed(request, scope);
        }
        STARTED.remove();
        // the request cancels whatever it waits for: a pooled connection, the connect, the reply
        call.running(scope.originalRequest instanceof Cancellable cancellable ? cancellable
                : (Cancellable) scope.execRuntime);
        try {
            return chain.proceed(request, scope);
        } catch (IOException | RuntimeException e) {
            // cancelled while HttpClient holds the connection, it may say so in its own words: an IllegalStateException
            // ("Endpoint not acquired / already released") when the timer fired between the lease and the connect
            if (call.ended == null) {
                throw e;
            }
            InterruptedIOException why = call.endedEarly();
            why.initCause(e);
            throw why;
        }
    }

    /** Once the reply's head is in: the body is read through the timer from now on. */
    void watch(Exchange exchange) throws IOException {
        Call call = exchange.getProperty(ExchangeKeys.CALL_TIMER, Call.class);
        Message message = exchange.getMessage();
        InputStream body = message.getBody(InputStream.class);
        if (call != null && body != null) {
            message.setBody(call.watch(body));
        }
    }

    /** After the call, whatever its outcome. */
    void stop(Exchange exchange) {
        STARTED.remove();
        Call call = exchange.removeProperty(ExchangeKeys.CALL_TIMER) instanceof Call started ? started : null;
        if (call != null) {
            call.expiry.cancel(false);
            ClientGone.forget(exchange, call.clientGone);
        }
    }

    private static final class Call {

        private final Duration limit;
        private final Runnable clientGone = () -> {
            clientLeft = true;
            end("the client has gone");
        };
        private volatile boolean clientLeft;
        private volatile ScheduledFuture<?> expiry;
        private volatile Cancellable request;
        private volatile InputStream body;
        /** Why the call was ended before its reply was read, or null while it runs. */
        private volatile String ended;

        Call(Duration limit) {
            this.limit = limit;
        }

        void running(Cancellable call) {
            request = call;
            if (ended != null) {
                call.cancel();
            }
        }

        InputStream watch(InputStream reply) throws IOException {
            body = reply;
            if (ended != null) {
                abort();
                throw endedEarly();
            }
            return new TimedBody(reply, this);
        }

        void expire() {
            end("the call took longer than " + limit.toMillis()
                    + " ms (the instance's timeout or the text's deadline)");
        }

        void end(String why) {
            ended = why;
            abort();
        }

        /** Aborting, not closing: closing a chunked reply reads it to its end, which a trickle never reaches. */
        void abort() {
            Cancellable running = request;
            if (running != null) {
                running.cancel();
            }
            try {
                if (body instanceof EofSensorInputStream connection) {
                    connection.abort();
                } else if (body != null) {
                    body.close();
                }
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }

        InterruptedIOException endedEarly() {
            return clientLeft ? new ClientGoneException() : new InterruptedIOException(ended);
        }
    }

    /** The reply body as read under the timer: every read after the call was ended fails, saying why. */
    static final class TimedBody extends FilterInputStream {

        private final Call call;

        private TimedBody(InputStream reply, Call call) {
            super(reply);
            this.call = call;
        }

        @Override
        public int read() throws IOException {
            return checked(() -> super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return checked(() -> super.read(buffer, offset, length));
        }

        /** Drops the connection, for a reader that stops before the end (a reply over max-reply). */
        void abort() {
            call.abort();
        }

        private int checked(Read read) throws IOException {
            try {
                int result = read.get();
                if (call.ended != null) {
                    throw call.endedEarly();
                }
                return result;
            } catch (IOException | RuntimeException e) {
                if (call.ended == null) {
                    throw e;
                }
                throw call.endedEarly();
            }
        }

        @FunctionalInterface
        private interface Read {
            int get() throws IOException;
        }
    }
}
