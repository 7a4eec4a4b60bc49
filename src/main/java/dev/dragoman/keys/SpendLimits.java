package dev.dragoman.keys;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * What one instance may spend ({@code budget} per {@code budget-period}, at its {@code price-prompt} and
 * {@code price-completion}) and how many tokens it may use a day ({@code tokens-per-day}). Periods turn at midnight
 * UTC, and on the first of the month.
 *
 * @param budget       the most spent in a period, in the prices' currency, or null
 * @param period       the budget's period
 * @param tokensPerDay the most tokens (prompt and completion) a day, or null
 */
public record SpendLimits(Double budget, Period period, Long tokensPerDay) {

    public static final SpendLimits NONE = new SpendLimits(null, Period.DAY, null);

    /** A budget's period. */
    public enum Period {
        DAY, MONTH;

        /** The period's name in the store: the day or month it is, in UTC. */
        public String at(Instant now) {
            LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
            return this == DAY ? day.toString() : day.toString().substring(0, 7);
        }

        /** When the period after the one at {@code now} starts. */
        public Instant next(Instant now) {
            ZonedDateTime start = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC);
            return (this == DAY ? start.plusDays(1) : start.withDayOfMonth(1).plusMonths(1)).toInstant();
        }
    }

    public boolean any() {
        return budget != null || tokensPerDay != null;
    }
}
