package dev.dragoman.provider;

/**
 * How much a model may think before it translates ({@code reasoning-effort}), LunaTranslator's reasoning switch: each
 * format maps it to its own field, the providers that take a token budget rather than a level get
 * {@link #budgetTokens()}.
 */
public enum ReasoningEffort {
    NONE(0), LOW(1024), MEDIUM(4096), HIGH(16384);

    private final int budgetTokens;

    ReasoningEffort(int budgetTokens) {
        this.budgetTokens = budgetTokens;
    }

    /** The thinking budget in tokens; 1,024 is the least Claude takes (and within every Gemini model's range). */
    public int budgetTokens() {
        return budgetTokens;
    }

    /** As the option and OpenAI's {@code reasoning_effort} write it. */
    public String wireName() {
        return name().toLowerCase();
    }
}
