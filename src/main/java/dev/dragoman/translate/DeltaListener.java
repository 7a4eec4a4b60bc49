package dev.dragoman.translate;

/**
 * Hears a translation as it streams in, reasoning already removed: for callers that pass it on live (server-sent
 * events to an HTTP client). A reset means the text so far is void, as when a retry on another key starts over.
 */
public interface DeltaListener {

    DeltaListener NONE = new DeltaListener() {
        @Override
        public void onDelta(String text) {
        }

        @Override
        public void onReset() {
        }
    };

    void onDelta(String text);

    void onReset();
}
