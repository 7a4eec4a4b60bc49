package dev.dragoman.provider;

/**
 * Collects a reply as a dialect reads it, whole or event by event. Text goes through the {@link ThinkFilter}, so no
 * dialect can let reasoning through by forgetting to strip it; a {@link DeltaListener} sees the text as it grows.
 */
public final class ReplyBuilder {

    private final DeltaListener listener;
    private ThinkFilter filter = new ThinkFilter();
    private String emitted = "";
    private final StringBuilder cumulative = new StringBuilder();
    private String model;
    private Usage usage;

    public ReplyBuilder() {
        this(DeltaListener.NONE);
    }

    public ReplyBuilder(DeltaListener listener) {
        this.listener = listener;
    }

    /** Appends a piece of the answer (a stream delta, or a whole non-streamed answer). */
    public ReplyBuilder append(String text) {
        if (text != null && !text.isEmpty()) {
            filter.accept(text);
            tellListener();
        }
        return this;
    }

    /** Passes on what became visible; if the visible text was taken back (a late {@code </think>}), says so first. */
    private void tellListener() {
        String visible = filter.visible().stripLeading();
        if (visible.equals(emitted)) {
            return;
        }
        if (visible.startsWith(emitted)) {
            listener.onDelta(visible.substring(emitted.length()));
        } else {
            listener.onReset();
            if (!visible.isEmpty()) {
                listener.onDelta(visible);
            }
        }
        emitted = visible;
    }

    /**
     * Takes text that repeats everything sent so far (cumulative streams such as Qwen-MT's) and appends only what is
     * new, starting over if the provider revised what it had sent.
     */
    public ReplyBuilder appendCumulative(String text) {
        if (text == null) {
            return this;
        }
        if (text.startsWith(cumulative.toString())) {
            append(text.substring(cumulative.length()));
        } else {
            filter = new ThinkFilter();
            tellListener();
            append(text);
        }
        cumulative.setLength(0);
        cumulative.append(text);
        return this;
    }

    public ReplyBuilder model(String model) {
        if (model != null && !model.isBlank()) {
            this.model = model;
        }
        return this;
    }

    /** Records usage; a later report replaces an earlier one, as providers that repeat usage send it cumulatively. */
    public ReplyBuilder usage(Integer promptTokens, Integer completionTokens) {
        if (promptTokens != null || completionTokens != null) {
            this.usage = new Usage(promptTokens, completionTokens);
        }
        return this;
    }

    /**
     * Records part of the usage, keeping what an earlier event said for the other part: formats such as Claude's report
     * the prompt tokens when the stream starts and the completion tokens when it ends.
     */
    public ReplyBuilder mergeUsage(Integer promptTokens, Integer completionTokens) {
        Integer prompt = promptTokens != null ? promptTokens : usage == null ? null : usage.promptTokens();
        Integer completion = completionTokens != null ? completionTokens
                : usage == null ? null : usage.completionTokens();
        return usage(prompt, completion);
    }

    public Reply build() {
        String text = filter.text(true);
        tellListener();
        return new Reply(text, model, usage);
    }
}
