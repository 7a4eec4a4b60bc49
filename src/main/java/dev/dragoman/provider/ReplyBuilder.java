package dev.dragoman.provider;

/**
 * Collects a reply as a dialect reads it, whole or event by event. Text goes through the {@link ThinkFilter}, so no
 * dialect can let reasoning through by forgetting to strip it.
 */
public final class ReplyBuilder {

    private ThinkFilter filter = new ThinkFilter();
    private final StringBuilder cumulative = new StringBuilder();
    private String model;
    private Usage usage;

    /** Appends a piece of the answer (a stream delta, or a whole non-streamed answer). */
    public ReplyBuilder append(String text) {
        if (text != null && !text.isEmpty()) {
            filter.accept(text);
        }
        return this;
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
        return new Reply(filter.text(true), model, usage);
    }
}
