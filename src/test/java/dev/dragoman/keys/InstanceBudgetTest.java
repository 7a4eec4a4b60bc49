package dev.dragoman.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.dragoman.support.MovableClock;

class InstanceBudgetTest {

    private static final Instant EVENING = Instant.parse("2026-12-04T23:59:00Z");

    private final MovableClock clock = new MovableClock(EVENING);

    @Test
    void a_spent_daily_budget_closes_the_instance_until_midnight_utc() {
        // 1,000 prompt and 1,000 completion tokens at 1 and 3 a million: 0.004 a call
        InstanceBudget budget = new InstanceBudget("paid", new SpendLimits(0.01, SpendLimits.Period.DAY, null), 1.0,
                3.0, SpendLedger.inProcess(), clock);

        budget.spent(1_000, 1_000);
        budget.spent(1_000, 1_000);
        assertThat(budget.closed()).as("0.008 of 0.01").isEmpty();
        budget.spent(1_000, 1_000);

        assertThat(budget.closed()).hasValueSatisfying(closed -> {
            assertThat(closed.reason()).contains("budget 0.01 a day spent");
            assertThat(closed.until()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        });
        assertThat(budget.budgetRemaining()).isZero();
        clock.set(Instant.parse("2026-12-05T00:00:01Z"));
        assertThat(budget.closed()).as("a new day").isEmpty();
        assertThat(budget.spend()).isZero();
    }

    @Test
    void a_token_limit_counts_prompt_and_completion_and_a_monthly_budget_the_month() {
        InstanceBudget budget = new InstanceBudget("paid", new SpendLimits(1.0, SpendLimits.Period.MONTH, 5_000L),
                1.0, 1.0, SpendLedger.inProcess(), clock);

        budget.spent(2_000, 3_000);

        assertThat(budget.closed()).hasValueSatisfying(closed -> assertThat(closed.reason())
                .contains("tokens-per-day 5000"));
        clock.set(Instant.parse("2026-12-05T00:00:01Z"));
        assertThat(budget.closed()).isEmpty();
        assertThat(budget.spend()).as("the month's spending goes on into the new day").isEqualTo(0.005);
    }

    @Test
    void without_the_group_s_store_a_process_spends_only_its_share_of_what_was_left() {
        SpendLedger away = new SpendLedger() {
            @Override
            public void add(String period, Spent spent) {
            }

            @Override
            public Spent total(String period) {
                // 0.006 spent by the group when last seen, and 0.0014 by this process since
                return new Spent(0, 0.0074);
            }

            @Override
            public Spent unshared(String period) {
                return new Spent(0, 0.0014);
            }

            @Override
            public int sharers() {
                return 3;
            }
        };
        InstanceBudget budget = new InstanceBudget("paid", new SpendLimits(0.01, SpendLimits.Period.DAY, null), 1.0,
                1.0, away, clock);

        // 0.004 was left for three processes: 0.00133 each
        assertThat(budget.closed()).isPresent();
    }
}
