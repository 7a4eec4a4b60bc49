package dev.dragoman.translate;

/**
 * Every exchange property and variable Dragoman's Java code passes state in, in one place: what each holds and who
 * sets it. Properties are named {@code Dragoman…} so they never meet Camel's own; variables are read by the YAML
 * routes as {@code ${variable.…}}. The message headers a source sets are in {@link TranslationHeaders}.
 * <p>
 * The YAML routes also set variables of their own, which no Java code names: {@code file}, {@code chunk} and
 * {@code moveTo} in routes/file-drop.yaml (the file being translated, its current chunk of lines, where the file
 * consumer moves it once done).
 */
public final class ExchangeKeys {

    // exchange properties: the translation as a whole

    /** When {@code direct:translate} took the text, for the envelope's latency. */
    public static final String STARTED = "DragomanStarted";
    /** The instant past which nothing waits for this text any more: retries, rounds, a key's slot, the call. */
    public static final String DEADLINE = "DragomanDeadline";
    /** A {@link DeltaListener} that hears the translation as it streams (server-sent events); none when absent. */
    public static final String DELTAS = "DragomanDeltas";
    /**
     * The {@link DocumentContext} of the document a text belongs to (a file, a Kafka key): the text takes its pairs
     * along as context, and its translation joins them. None when context is off.
     */
    public static final String CONTEXT = "DragomanContext";
    /**
     * Kafka: what became of a record's text: its {@link Envelope}, or the failure its batch or the record alone met.
     * Set on the record's exchange before its route runs ({@code kafkaTranslations.take} reads it).
     */
    public static final String KAFKA_TRANSLATION = "DragomanKafkaTranslation";
    /** Kafka: the stream's own state of the record an exchange carries, for the stream to take it back. */
    public static final String KAFKA_RECORD = "DragomanKafkaRecord";

    /** Property: the Kafka record's value has been read into a text and headers ({@code RecordReader}). */
    public static final String KAFKA_READ = "DragomanKafkaRead";
    /** The {@link ClientGone} of an HTTP request: whether its client has gone, which stops the text's work. */
    public static final String CLIENT_GONE = "DragomanClientGone";
    /** The server-sent event writer of an HTTP request that streams. */
    public static final String SSE_WRITER = "DragomanSseWriter";
    /**
     * The provider instance a text or a model list goes to: the instance's name on the way to
     * {@code direct:provider-<name>}, the instance itself in the model list route.
     */
    public static final String INSTANCE = "DragomanInstance";

    // exchange properties: the strategies over the instances

    /** Whether the text waits and goes round the instances again; read by the dispatch's {@code retryWhile}. */
    public static final String WAIT_FOR_INSTANCE = "DragomanWaitForInstance";
    /** How many rounds over the instances the text has waited for. */
    public static final String ROUNDS = "DragomanRounds";
    /** How many of those rounds ended in bad replies only, which are waited out only a few times. */
    public static final String BAD_REPLY_ROUNDS = "DragomanBadReplyRounds";
    /**
     * Set when the text's replies kept coming back bad while an instance translated other texts well: the text itself
     * is at fault (its failure is final), not an outage.
     */
    public static final String BAD_TEXT = "DragomanBadText";
    /** The compare strategy's results so far, one per instance. */
    public static final String COMPARE_RESULTS = "DragomanCompareResults";
    /** Set once some instance failed for a reason that may pass: then a text no instance translated is retryable. */
    public static final String COMPARE_RETRYABLE = "DragomanCompareRetryable";

    // exchange properties: one instance's call

    /** The text (or batch, as one request) a call translates, which the key lane checks the reply against. */
    public static final String REQUEST = "DragomanRequest";
    /** The HTTP call a dialect made for this text or model list, written out by the key lane. */
    public static final String CALL = "DragomanCall";
    /** The camel-http endpoint a model list is fetched with: the instance's own, for its proxy. */
    public static final String MODELS_ENDPOINT = "DragomanModelsEndpoint";
    /** The model list: the key it is fetched with, the models of the pages so far, the page to fetch next. */
    public static final String MODELS_KEY = "DragomanModelsKey";
    public static final String MODELS = "DragomanModels";
    public static final String MODELS_PAGE = "DragomanModelsPage";
    /** The number of segments a call carries as one batch; absent for a call with one text. */
    public static final String BATCH_SIZE = "DragomanBatchSize";
    /** When the instance's circuit breaker let the call in, in the breaker's time unit; absent once it is told the end. */
    public static final String BREAKER_ENTERED = "DragomanBreakerEntered";
    /** The timer that bounds the call in flight, reading included. */
    public static final String CALL_TIMER = "DragomanCallTimer";
    /** When the key lane's HTTP call went out and what it came to, until the call is recorded in the metrics. */
    public static final String CALL_METER = "DragomanCallMeter";
    /**
     * The {@link Usage} the provider counted for the key lane's call, set as its reply is read whether the reply is a
     * translation or not (cut off at the token limit, empty, broken off, failing a check: all paid for); the lane's
     * budget and meter take it in its finally block, which then removes it.
     */
    public static final String BILLED = "DragomanBilled";
    /** Whether the call is retried on the same instance; read by the instance route's {@code retryWhile}. */
    public static final String RETRY = "DragomanRetry";
    /** Why the instance failed for good, for the error the caller sees. */
    public static final String FAILURE = "DragomanFailure";
    /** When the first call on this instance failed, which bounds how long its retries go on. */
    public static final String FIRST_FAILURE = "DragomanFirstFailure";
    /** How many times the call was retried on this instance. */
    public static final String RETRIES = "DragomanRetries";

    // variables

    /** HTTP API: the request as read ({@code TranslateCall}). */
    public static final String HTTP_CALL = "call";
    /** HTTP API: whether the reply streams as server-sent events (boolean, so routes need not look into the call). */
    public static final String HTTP_STREAM = "stream";
    /** HTTP API: whether the request is a {@code texts} batch (boolean). */
    public static final String HTTP_BATCH = "batch";
    /** The batch a dispatch was asked to translate, and the instances a batch's refused segments went through. */
    public static final String BATCH_ASKED = "DragomanBatchAsked";
    public static final String TRIED_INSTANCES = "DragomanTriedInstances";
    /** HTTP: the named client ({@code dragoman.http.clients}) a text is translated for, held to its limits. */
    public static final String CLIENT = "client";
    /** Kafka: the record's value as it came. */
    public static final String KAFKA_VALUE = "kafkaValue";
    /** Kafka: the text read from the record's value, once known. */
    public static final String KAFKA_TEXT = "kafkaText";

    /** The names of the key's headers on the message of a provider call, taken off once it is over. */
    public static final String AUTH_HEADERS = "DragomanAuthHeaders";
    /** What every {@link #tokensInVain} property's name begins with. */
    public static final String TOKENS_IN_VAIN = "DragomanTokensInVain-";

    private ExchangeKeys() {
    }

    /** The property that marks a permit of a key lane as held by this exchange, so it is returned exactly once. */
    public static String permit(String lane) {
        return "DragomanPermit-" + lane;
    }

    /**
     * The property that holds the {@link Usage} of the replies an instance gave this text that were no translation,
     * until the instance translates it ({@code dev.dragoman.route.TokensInVain}).
     */
    public static String tokensInVain(String instance) {
        return TOKENS_IN_VAIN + instance;
    }
}
