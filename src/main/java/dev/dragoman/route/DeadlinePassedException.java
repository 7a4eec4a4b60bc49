package dev.dragoman.route;

/** A text ran out of time (dragoman.deadline) before a provider could translate it; a later try may well succeed. */
final class DeadlinePassedException extends Exception {

    DeadlinePassedException(String message) {
        super(message, null, false, false);
    }
}
