package dev.dragoman.route;

import java.util.Optional;

import org.apache.camel.Exchange;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.ClientBudgets;
import dev.dragoman.keys.InstanceBudget;
import dev.dragoman.keys.KeyRates;
import dev.dragoman.provider.HttpCall;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.Reply;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.Usage;

/**
 * A call's part of its key's per-minute limits ({@code rpm}, {@code tpm}), of its instance's spending
 * ({@code budget}, {@code tokens-per-day}), and of its HTTP client's ({@code dragoman.http.clients}). The limits are
 * taken right before the request goes out, once the call has its slot, so that requests leave no faster than the
 * limit allows; the tokens are an estimate until the reply says how many it used. Camel's throttle EIP is not used
 * for rpm: it counts requests in this process only, and knows nothing of tokens.
 */
final class KeyLaneBudget {

    private final KeyRates rates;
    private final InstanceBudget budget;
    private final ApiKey key;
    private final ClientBudgets clients;
    private final String held;

    KeyLaneBudget(String lane, ProviderInstance provider, ApiKey key, ClientBudgets clients) {
        this.rates = provider.keys().rates();
        this.budget = provider.budget();
        this.key = key;
        this.clients = clients;
        this.held = ExchangeKeys.permit(lane) + "-rate";
    }

    /** Whether an instance's calls have anything to reserve or count. */
    static boolean needed(ProviderInstance provider) {
        return !provider.keys().rates().limits().isEmpty() || provider.budget().limits().any();
    }

    void reserve(Exchange exchange) throws InterruptedException, DeadlinePassedException {
        long estimate = estimate(exchange.getProperty(ExchangeKeys.CALL, HttpCall.class));
        Optional<KeyRates.Reservation> reservation = rates.reserve(key, estimate, Deadline.remaining(exchange));
        if (reservation.isEmpty()) {
            throw new DeadlinePassedException("the text's deadline passed waiting for the key's " + rates.limits()
                    + " a minute (dragoman.deadline)");
        }
        exchange.setProperty(held, new Held(reservation.get(), estimate));
    }

    void settle(Exchange exchange) {
        if (exchange.removeProperty(held) instanceof Held call) {
            Usage usage = exchange.getMessage().getBody() instanceof Reply reply ? reply.usage() : null;
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
