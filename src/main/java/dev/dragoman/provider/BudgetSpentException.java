package dev.dragoman.provider;

import java.time.Duration;

/**
 * The instance has spent its budget or used its tokens for the period ({@code budget}, {@code tokens-per-day}): no
 * call goes out on any key until the period turns, and the next instance takes over.
 */
public final class BudgetSpentException extends ProviderException {

    public BudgetSpentException(String message, Duration untilOpen) {
        super(ErrorClass.QUOTA_EXHAUSTED, message, untilOpen);
    }
}
