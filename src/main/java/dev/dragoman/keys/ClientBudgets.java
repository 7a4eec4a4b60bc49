package dev.dragoman.keys;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The limits of the HTTP API's named clients ({@code dragoman.http.clients}), like an API gateway's virtual keys:
 * requests per minute, provider tokens per day, spending per month at the instances' prices, and the instances a
 * client may use. Kept where the keys' budgets are ({@link KeyStores}), so a group of processes holds each client to
 * one budget. A client's rate is a bucket filed under its token, as a key's is, so the store never holds the token.
 */
public final class ClientBudgets {

    /** What one client may do; null for no limit. */
    public record Limits(Integer rpm, Long tokensPerDay, Double spendPerMonth, List<String> instances) {
    }

    /** A request refused, why, and how many seconds until it may come again. */
    public record Refusal(String why, long retryAfterSeconds) {
    }

    private record Client(ApiKey token, Limits limits, KeyRates rate, InstanceBudget budget) {
    }

    public static final ClientBudgets NONE = new ClientBudgets(Map.of(), Map.of(), KeyStores.inProcess(),
            Clock.systemUTC());

    private final Map<String, Client> clients = new LinkedHashMap<>();

    /**
     * @param tokens the clients' tokens by name
     * @param limits the clients' limits by name
     */
    public ClientBudgets(Map<String, String> tokens, Map<String, Limits> limits, KeyStores stores, Clock clock) {
        tokens.forEach((name, secret) -> {
            ApiKey token = new ApiKey(secret);
            Limits own = limits.getOrDefault(name, new Limits(null, null, null, List.of()));
            String store = "client:" + name;
            clients.put(name, new Client(token, own, stores.rates(store, List.of(token), own.rpm(), null),
                    new InstanceBudget("client " + name, new SpendLimits(own.spendPerMonth(), SpendLimits.Period.MONTH,
                            own.tokensPerDay()), null, null, own.tokensPerDay() != null || own.spendPerMonth() != null
                                    ? stores.ledger(store) : SpendLedger.inProcess(), clock)));
        });
    }

    /** Whether some client's texts are counted against a budget of tokens or spending. */
    public boolean spending() {
        return clients.values().stream().anyMatch(client -> client.budget().limits().any());
    }

    /**
     * Takes one of the client's requests a minute, unless it is over a limit: then why, and when to come again. A
     * client without limits, or no named client, is never refused.
     */
    public Optional<Refusal> admit(String name) {
        Client client = clients.get(name);
        if (client == null) {
            return Optional.empty();
        }
        Optional<InstanceBudget.Closed> closed = client.budget().closed();
        if (closed.isPresent()) {
            return Optional.of(new Refusal(closed.get().reason() + " for client " + name,
                    Math.max(1, client.budget().timeUntilOpen().toSeconds())));
        }
        if (client.limits().rpm() != null && client.rate().tryReserve(client.token(), 1).isEmpty()) {
            // the next request's token is due within a refill: a minute over the rate
            return Optional.of(new Refusal("rpm " + client.limits().rpm() + " reached for client " + name,
                    Math.max(1, (60 + client.limits().rpm() - 1) / client.limits().rpm())));
        }
        return Optional.empty();
    }

    /** Whether the client may have its texts translated by the instance. */
    public boolean allows(String name, String instance) {
        Client client = clients.get(name);
        return client == null || client.limits().instances().isEmpty()
                || client.limits().instances().contains(instance);
    }

    /** The instances the client may use: empty for all. */
    public List<String> instances(String name) {
        Client client = clients.get(name);
        return client == null ? List.of() : client.limits().instances();
    }

    /** Counts a call made for the client: its tokens, and their cost at the instance's prices. */
    public void spent(String name, long tokens, double cost) {
        Client client = clients.get(name);
        if (client != null) {
            client.budget().spent(tokens, cost);
        }
    }

    /** The named clients' tokens, by name. */
    public Map<String, ApiKey> tokens() {
        Map<String, ApiKey> tokens = new LinkedHashMap<>();
        clients.forEach((name, client) -> tokens.put(name, client.token()));
        return tokens;
    }
}
