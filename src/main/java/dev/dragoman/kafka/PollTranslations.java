package dev.dragoman.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import dev.dragoman.translate.BatchTranslation;
import dev.dragoman.translate.DocumentContext;
import dev.dragoman.translate.Envelope;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.SourceBatches;
import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationFailedException;
import dev.dragoman.translate.TranslationHeaders;
import dev.dragoman.translate.TranslationRequest;

/**
 * Translates the records of one poll in batches ({@code dragoman.provider.<name>.batch-lines}), so a poll of 100
 * records costs a handful of requests rather than 100, while each record keeps its own outcome.
 * <p>
 * {@link #translate} reads each record as its own route will ({@link RecordReader}, {@link RecordOutputs#recall},
 * {@link RecordLimit#checkText}); the records that need a translation are packed ({@link SourceBatches}: records of
 * other languages or another requested instance never share a batch), the batches translated at once through the
 * stream's pool and each record's result kept on the poll's exchange. Each record's route then {@link #take}s its
 * own: the envelope, or the failure, which it handles as any record's (it waits when the failure may pass, else it
 * is a dead letter). A record of a document with context (its Kafka key, when an instance takes context) goes alone,
 * so that it sees the translations of the records of its key before it.
 */
public final class PollTranslations implements CamelContextAware {

    private record Segment(String position, TranslationRequest request, DocumentContext context) {
    }

    private record Call(TranslationBatch batch, List<Segment> segments, Future<Exchange> done) {
    }

    private final RecordReader reader;
    private final RecordOutputs outputs;
    private final RecordLimit limit;
    private final SourceBatches batches;
    private final ExecutorService pool;
    private CamelContext context;
    private ProducerTemplate template;

    public PollTranslations(RecordReader reader, RecordOutputs outputs, RecordLimit limit, SourceBatches batches,
            ExecutorService pool) {
        this.reader = reader;
        this.outputs = outputs;
        this.limit = limit;
        this.batches = batches;
        this.pool = pool;
    }

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    /** Translates the poll's records (its body) and keeps their results on the poll's exchange. */
    public void translate(List<Exchange> records, Exchange poll) throws InterruptedException, ExecutionException {
        List<Segment> segments = new ArrayList<>();
        for (Exchange record : records) {
            segment(record).ifPresent(segments::add);
        }
        List<Call> calls = new ArrayList<>();
        for (List<Segment> group : groups(segments)) {
            int start = 0;
            for (TranslationBatch batch : batches.pack(group.stream().map(Segment::request).toList())) {
                // a group with context is one record
                DocumentContext document = group.get(0).context();
                calls.add(new Call(batch, group.subList(start, start + batch.size()),
                        pool.submit(() -> template().send("direct:translate", exchange(poll, batch, document)))));
                start += batch.size();
            }
        }
        Map<String, Object> results = new HashMap<>();
        for (Call call : calls) {
            Exchange done = call.done().get();
            List<Object> outcomes = (done.getException() != null
                    ? batches.failed(done.getException(), call.batch())
                    : done.getMessage().getBody(BatchTranslation.class)).segments();
            for (int i = 0; i < outcomes.size(); i++) {
                results.put(call.segments().get(i).position(), outcomes.get(i));
            }
        }
        poll.setProperty(ExchangeKeys.KAFKA_TRANSLATIONS, results);
    }

    /**
     * The record's own result, kept by {@link #translate}: its envelope as body (its facts as headers), or its
     * failure thrown.
     */
    public void take(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Object result = exchange.getProperty(ExchangeKeys.KAFKA_TRANSLATIONS, Map.class)
                .get(RecordBatch.position(message));
        if (result instanceof Exception failure) {
            throw failure;
        }
        if (result == null) {
            // its output was recalled when the poll was translated and has dropped out of RecordOutputs since
            throw new TranslationFailedException("the record's output is no longer kept; it is read again", null,
                    true);
        }
        Envelope envelope = (Envelope) result;
        message.setBody(envelope);
        TranslationHeaders.put(message, envelope);
    }

    /** The record as a segment to translate; none when it cannot be read, is too large, or has its output already. */
    private Optional<Segment> segment(Exchange record) {
        Exchange read = record.copy();
        try {
            reader.process(read);
            outputs.recall(read);
            if (read.getVariable(ExchangeKeys.KAFKA_RECALLED) != null) {
                return Optional.empty();
            }
            limit.checkText(read);
        } catch (InvalidRecordException | OversizedRecordException unreadable) {
            // its own route meets the same failure and dead-letters the record
            return Optional.empty();
        }
        Message message = read.getMessage();
        return Optional.of(new Segment(RecordBatch.position(message), batches.segment(
                message.getHeader(TranslationHeaders.ID, String.class), message.getBody(String.class),
                message.getHeader(TranslationHeaders.SOURCE_LANG, String.class),
                message.getHeader(TranslationHeaders.TARGET_LANG, String.class),
                message.getHeader(TranslationHeaders.PROVIDER, String.class))
                .withFormat(message.getHeader(TranslationHeaders.FORMAT, String.class)),
                read.getProperty(ExchangeKeys.CONTEXT, DocumentContext.class)));
    }

    /**
     * The records without context by their languages and requested instance, so that a poll that mixes them still
     * makes full batches, and each record with context alone, in the poll's order.
     */
    private static Collection<List<Segment>> groups(List<Segment> segments) {
        Map<Object, List<Segment>> groups = new LinkedHashMap<>();
        for (Segment segment : segments) {
            TranslationRequest request = segment.request();
            Object group = segment.context() != null ? segment
                    : List.of(request.sourceLang(), request.targetLang(), Objects.toString(request.provider(), ""));
            groups.computeIfAbsent(group, any -> new ArrayList<>()).add(segment);
        }
        return groups.values();
    }

    /**
     * A batch on an exchange of its own, with its document's context when it has one; from the poll's consumer, so
     * that its texts count as the Kafka stream's.
     */
    private Exchange exchange(Exchange poll, TranslationBatch batch, DocumentContext document) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getExchangeExtension().setFromEndpoint(poll.getFromEndpoint());
        exchange.getMessage().setBody(batch);
        if (document != null) {
            exchange.setProperty(ExchangeKeys.CONTEXT, document);
        }
        return exchange;
    }

    private synchronized ProducerTemplate template() throws Exception {
        if (template == null) {
            template = context.createProducerTemplate();
            // stopped with Camel
            context.addService(template, true, true);
        }
        return template;
    }
}
