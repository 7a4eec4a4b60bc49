package dev.dragoman.route;

import org.apache.camel.Exchange;

import dev.dragoman.observe.CallOutcome;
import dev.dragoman.observe.KeyMeters;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.Usage;

/**
 * Records each HTTP call of a key lane exactly once, whatever its outcome: {@link #sent} just before the request goes
 * out, {@link #answered} once the reply is read, {@link #done} in the lane's finally block, with the tokens the
 * provider counted for it ({@link ExchangeKeys#BILLED}) whether its reply was a translation or not. A call that never
 * went out (the key rests, the text's time is up) is not a call and is not recorded.
 */
final class CallMeter {

    private final KeyMeters meters;

    CallMeter(KeyMeters meters) {
        this.meters = meters;
    }

    void sent(Exchange exchange) {
        exchange.setProperty(ExchangeKeys.CALL_METER, new Call(System.nanoTime()));
    }

    void answered(Exchange exchange) {
        exchange.getProperty(ExchangeKeys.CALL_METER, Call.class).answered = true;
    }

    void done(Exchange exchange) {
        if (exchange.removeProperty(ExchangeKeys.CALL_METER) instanceof Call call) {
            long nanos = System.nanoTime() - call.sent;
            // a call that was not answered failed in this try block, whose finally holds its failure
            meters.record(call.answered ? CallOutcome.OK
                    : CallOutcome.of(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)), nanos,
                    exchange.getProperty(ExchangeKeys.BILLED, Usage.class));
        }
    }

    private static final class Call {

        private final long sent;
        private boolean answered;

        Call(long sent) {
            this.sent = sent;
        }
    }
}
