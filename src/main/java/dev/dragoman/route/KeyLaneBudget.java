package dev.dragoman.route;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.ClientBudgets;
import dev.dragoman.keys.InstanceBudget;
import dev.dragoman.keys.KeyRates;
import dev.dragoman.provider.HttpCall;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.Usage;

/**
 * A call's part of its key's per-minute limits ({@code rpm}, {@code tpm}), of its instance's spending
 * ({@code budget}, {@code tokens-per-day}), and of its HTTP client's ({@code dragoman.http.clients}). The limits are
 * taken right before the request goes out, once the call has its slot, so that requests leave no faster than the
 * limit allows; the tokens are an estimate until the reply says how many it used, a reply that is no translation (cut
 * off at the token limit, empty) included: the provider bills those too. Camel's throttle EIP is not used
 * for rpm: it counts requests in this process only, and knows nothing of tokens. A call whose limits are not due yet
 * waits for them without a thread, and goes on, on a worker of {@code waits} ({@link Redeliveries}), once they are.
 */
final class KeyLaneBudget extends AsyncProcessorSupport {

    private final KeyRates rates;
    private final InstanceBudget budget;
    private final ApiKey key;
    private final ClientBudgets clients;
    private final String held;
    private final ScheduledExecutorService waits;

    KeyLaneBudget(String lane, ProviderInstance provider, ApiKey key, ClientBudgets clients,
            ScheduledExecutorService waits) {
        this.rates = provider.keys().rates();
        this.budget = provider.budget();
        this.key = key;
        this.clients = clients;
        this.held = ExchangeKeys.permit(lane) + "-rate";
        this.waits = waits;
    }

    /** Whether an instance's calls have anything to reserve or count. */
    static boolean needed(ProviderInstance provider) {
        return !provider.keys().rates().limits().isEmpty() || provider.budget().limits().any();
    }

    /** Takes the call's part of its key's limits, now or once it is due within the text's deadline. */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        long estimate = estimate(exchange.getProperty(ExchangeKeys.CALL, HttpCall.class));
        CompletableFuture<Optional<KeyRates.Reservation>> reserved;
        try {
            reserved = rates.reserve(key, estimate, Deadline.remaining(exchange), waits);
        } catch (RuntimeException e) {
            reserved = CompletableFuture.failedFuture(e);
        }
        // due now: the call goes on on this thread, as without a limit
        boolean now = reserved.isDone();
        reserved.whenComplete((reservation, failure) -> {
            if (failure != null) {
                exchange.setException(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
            } else if (reservation.isEmpty()) {
                exchange.setException(new DeadlinePassedException("the text's deadline passed waiting for the key's "
                        + rates.limits() + " a minute (dragoman.deadline)"));
            } else {
                exchange.setProperty(held, new Held(reservation.get(), estimate));
            }
            callback.done(now);
        });
        return now;
    }

    void settle(Exchange exchange) {
        if (exchange.removeProperty(held) instanceof Held call) {
            Usage usage = exchange.getProperty(ExchangeKeys.BILLED, Usage.class);
            if (usage == null) {
                // the provider did not say: the estimate stands
                call.reservation().settle(call.estimate());
                return;
            }
            long prompt = usage.promptTokens() == null ? 0 : usage.promptTokens();
            long completion = usage.completionTokens() == null ? 0 : usage.completionTokens();
            call.reservation().settle(prompt + completion);
            budget.spent(prompt, completion);
            String client = exchange.getProperty(ExchangeKeys.CLIENT, String.class);
            if (client != null) {
                clients.spent(client, prompt + completion, budget.cost(prompt, completion));
            }
        }
    }

    /**
     * A call's tokens before its reply: about four bytes of request a token (https://platform.openai.com/tokenizer),
     * and as many again for a translation about as long as its text.
     */
    static long estimate(HttpCall call) {
        return call == null || call.body() == null ? 1 : Math.max(1, call.body().length / 2);
    }

    private record Held(KeyRates.Reservation reservation, long estimate) {
    }
}
