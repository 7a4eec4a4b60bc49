package dev.dragoman.translate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The file-drop consumer's filter: a file whose translation failed for a reason that may pass (an outage) stays in
 * the inbox and is left alone for {@code dragoman.file.retry-delay} before it is tried again, rather than at every
 * poll. Bound as {@code inboxRetries}.
 */
public class InboxRetries implements GenericFileFilter<Object> {

    private final Duration delay;
    private final Map<String, Instant> resting = new ConcurrentHashMap<>();

    public InboxRetries(Duration delay) {
        this.delay = delay;
    }

    /** Leaves the file alone for the retry delay. */
    public void rest(String fileName) {
        resting.put(fileName, Instant.now().plus(delay));
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return true;
        }
        Instant until = resting.get(file.getFileName());
        if (until == null) {
            return true;
        }
        if (Instant.now().isBefore(until)) {
            return false;
        }
        resting.remove(file.getFileName(), until);
        return true;
    }
}
