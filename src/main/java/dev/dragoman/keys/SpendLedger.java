package dev.dragoman.keys;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens an instance used and what they cost, per period: in this process, or in the store a group shares, so
 * that the group's processes together keep to one budget.
 */
public interface SpendLedger {

    /** Tokens and their cost. */
    record Spent(long tokens, double cost) {
        public static final Spent NONE = new Spent(0, 0);

        public Spent plus(Spent more) {
            return new Spent(tokens + more.tokens, cost + more.cost);
        }

        public Spent minus(Spent less) {
            return new Spent(tokens - less.tokens, cost - less.cost);
        }
    }

    void add(String period, Spent spent);

    /** What the group spent in the period, as last seen, and this process's latest included. */
    Spent total(String period);

    /** What this process spent in the period that the group has not seen yet: its spending while the store was away. */
    Spent unshared(String period);

    /** 1 while the group's store is reachable; else the processes of the group as last seen, who share what is left. */
    int sharers();

    /** A process on its own. */
    static SpendLedger inProcess() {
        Map<String, Spent> periods = new ConcurrentHashMap<>();
        return new SpendLedger() {
            @Override
            public void add(String period, Spent spent) {
                periods.merge(period, spent, Spent::plus);
            }

            @Override
            public Spent total(String period) {
                return periods.getOrDefault(period, Spent.NONE);
            }

            @Override
            public Spent unshared(String period) {
                return Spent.NONE;
            }

            @Override
            public int sharers() {
                return 1;
            }
        };
    }
}
