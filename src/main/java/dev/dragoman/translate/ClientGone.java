package dev.dragoman.translate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;

/**
 * Whether the client a text is translated for has gone (an HTTP client that disconnected): then nothing more is done
 * for the text, and a provider call in flight is aborted. Shared by reference between the exchange of the request and
 * the copies its text travels on, as the exchange property {@value ExchangeKeys#CLIENT_GONE}; sources that have no
 * client to lose carry none.
 */
public final class ClientGone {

    private final Set<Runnable> aborts = ConcurrentHashMap.newKeySet();
    private volatile boolean gone;

    /** Whether the client of this exchange's text has gone. */
    public static boolean of(Exchange exchange) {
        ClientGone client = from(exchange.getProperty(ExchangeKeys.CLIENT_GONE));
        return client != null && client.gone;
    }

    /** Runs {@code abort} when the client goes, or at once if it has gone; {@link #forget} it once the call is over. */
    public static void onGone(Exchange exchange, Runnable abort) {
        ClientGone client = from(exchange.getProperty(ExchangeKeys.CLIENT_GONE));
        if (client != null) {
            client.aborts.add(abort);
            if (client.gone) {
                abort.run();
            }
        }
    }

    public static void forget(Exchange exchange, Runnable abort) {
        ClientGone client = from(exchange.getProperty(ExchangeKeys.CLIENT_GONE));
        if (client != null) {
            client.aborts.remove(abort);
        }
    }

    private static ClientGone from(Object property) {
        return property instanceof ClientGone client ? client : null;
    }

    /** The client has gone: every call in flight for it is aborted. */
    public void gone() {
        gone = true;
        aborts.forEach(Runnable::run);
    }
}
