package dev.dragoman.provider;

import dev.dragoman.translate.DeltaListener;
import dev.dragoman.translate.Usage;

import java.util.Map;

/**
 * Collects a reply as a dialect reads it, whole or event by event. Text goes through the {@link ThinkFilter}, so no
 * dialect can let reasoning through by forgetting to strip it; a {@link DeltaListener} sees the text as it grows.
 * <p>
 * Dialects also tell it how the reply ended ({@link #finished}, {@link #terminated}), and {@link #build} decides the
 * same way for every format whether the reply is a translation at all: an empty reply, one cut off at the token
 * limit, one the provider's content filter stopped or a stream that broke off before its end marker is not.
 */
public final class ReplyBuilder {

    /** What a provider's own reason for ending a reply means for the translation in it. */
    public enum Ending {
        /** A natural end or a stop sequence: the text is whole. */
        COMPLETE,
        /** The token limit stopped the model mid-text. */
        CUT_OFF,
        /** A content filter stopped or withheld the text: the request is refused, whatever the key. */
        REFUSED,
        /** The model's generation failed on the provider's side. */
        FAILED
    }

    private final DeltaListener listener;
    private String finishReason;
    private Ending ending = Ending.COMPLETE;
    private boolean terminated;
    private ThinkFilter filter = new ThinkFilter();
    private String emitted = "";
    private final StringBuilder cumulative = new StringBuilder();
    /** Whether a stream read as cumulative sends increments instead; unknown until its second chunk. */
    private Boolean incremental;
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
     * Takes text that repeats everything sent so far (cumulative streams such as Qwen-MT's plus and turbo models) and
     * appends only what is new, starting over if the provider revised what it had sent. Which kind of stream it is
     * shows in its second chunk: one that does not repeat the first is an incremental stream (Qwen-MT's newer models
     * send increments, https://www.alibabacloud.com/help/en/model-studio/machine-translation), whose chunks are then
     * appended as they come.
     */
    public ReplyBuilder appendCumulative(String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        if (incremental == null && cumulative.length() > 0) {
            incremental = !text.startsWith(cumulative.toString());
        }
        if (Boolean.TRUE.equals(incremental)) {
            cumulative.append(text);
            return append(text);
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

    /**
     * The tokens the provider counted so far, whether or not the reply turns out to be a translation: one cut off at
     * the token limit or broken off is paid for all the same. Null when it did not say.
     */
    public Usage usage() {
        return usage;
    }

    /**
     * Records why the provider ended the reply, in its own words (null when it did not say), with what the dialect's
     * documented reasons mean; a reason not listed there ends a whole reply.
     */
    public ReplyBuilder finished(String reason, Map<String, Ending> meanings) {
        if (reason != null && !reason.isBlank()) {
            this.finishReason = reason;
            this.ending = meanings.getOrDefault(reason, Ending.COMPLETE);
        }
        return this;
    }

    /** Records that a stream reached the end its format marks ({@code [DONE]}, {@code message_stop}…). */
    public ReplyBuilder terminated() {
        this.terminated = true;
        return this;
    }

    /** The reply of a streamed call: a stream that never reached its end marker broke off, whatever it carried. */
    public Reply buildStreamed() throws ProviderException {
        if (!terminated) {
            throw invalid("stream ended without its terminator");
        }
        return build();
    }

    /** The reply, once it is known to be a whole translation. */
    public Reply build() throws ProviderException {
        String text = filter.text(true);
        tellListener();
        switch (ending) {
            case REFUSED -> throw ProviderException.of(ErrorClass.REQUEST_REJECTED,
                    "reply withheld by the provider's content filter (" + finishReason + ")");
            case FAILED -> throw invalid("reply ended with " + finishReason);
            case CUT_OFF -> throw invalid("reply cut off at max_tokens (" + finishReason + ")");
            case COMPLETE -> {
                if (text.isEmpty()) {
                    throw invalid("empty reply");
                }
            }
        }
        return new Reply(text, model, usage);
    }

    private static ProviderException invalid(String reason) {
        return ProviderException.of(ErrorClass.INVALID_REPLY, reason);
    }
}
