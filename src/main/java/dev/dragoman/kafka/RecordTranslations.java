package dev.dragoman.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultExchange;

import dev.dragoman.translate.BatchTranslation;
import dev.dragoman.translate.DocumentContext;
import dev.dragoman.translate.Envelope;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.SourceBatches;
import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationHeaders;
import dev.dragoman.translate.TranslationRequest;

/**
 * Translates the records the stream starts together in batches ({@code dragoman.provider.<name>.batch-lines}), so
 * that 100 waiting records cost a handful of requests rather than 100, while each record keeps its own outcome.
 * <p>
 * {@link #translate} reads each record as its route will ({@link RecordReader}, {@link RecordLimit#checkText}); the
 * records that can be translated are packed ({@link SourceBatches}: records of other languages or another requested
 * instance never share a batch), each batch handed to {@code direct:translate} from the stream's pool without waiting
 * for it, and as soon as a batch is done each of its records goes through its route with its result, which the route {@link #take}s: the envelope, or the failure,
 * which it handles as any record's. A batch waits for no other batch. A record of a document with context (its Kafka
 * key, when an instance takes context) goes alone, so that it sees the translations of the records of its key before
 * it.
 */
public final class RecordTranslations implements CamelContextAware {

    private record Segment(Exchange record, TranslationRequest request, DocumentContext context) {
    }

    private final RecordReader reader;
    private final RecordLimit limit;
    private final SourceBatches batches;
    private final ExecutorService pool;
    private CamelContext context;
    private AsyncProducer translator;

    public RecordTranslations(RecordReader reader, RecordLimit limit, SourceBatches batches, ExecutorService pool) {
        this.reader = reader;
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

    /**
     * Translates the records (one exchange each, from the stream's consumer) and hands each, its result set, to
     * {@code route}, on the thread that finished its batch.
     */
    void translate(List<Exchange> records, Consumer<Exchange> route) {
        List<Segment> segments = new ArrayList<>();
        for (Exchange record : records) {
            Optional<Segment> segment = segment(record);
            if (segment.isPresent()) {
                segments.add(segment.get());
            } else {
                // its route meets the same failure and dead-letters it
                pool.execute(() -> route.accept(record));
            }
        }
        for (List<Segment> group : groups(segments)) {
            int start = 0;
            for (TranslationBatch batch : batches.pack(group.stream().map(Segment::request).toList())) {
                List<Segment> members = group.subList(start, start + batch.size());
                pool.execute(() -> translate(batch, members, route));
                start += batch.size();
            }
        }
    }

    /**
     * The record's own result, set by {@link #translate}: its envelope as body (its facts as headers), or its failure
     * thrown.
     */
    public void take(Exchange exchange) throws Exception {
        Object result = exchange.getProperty(ExchangeKeys.KAFKA_TRANSLATION);
        if (result instanceof Exception failure) {
            throw failure;
        }
        Envelope envelope = (Envelope) Objects.requireNonNull(result, "the record was not translated");
        Message message = exchange.getMessage();
        message.setBody(envelope);
        TranslationHeaders.put(message, envelope);
    }

    /**
     * Sends the batch to {@code direct:translate} without waiting for it: a translation that waits out a retry or a
     * key's rest holds no thread meanwhile, so records in flight are not bounded by the pool's threads.
     */
    private void translate(TranslationBatch batch, List<Segment> members, Consumer<Exchange> route) {
        // a group with context is one record
        Exchange done = exchange(members.get(0).record(), batch, members.get(0).context());
        translator().process(done, doneSync -> {
            List<Object> outcomes = (done.getException() != null ? batches.failed(done.getException(), batch)
                    : done.getMessage().getBody(BatchTranslation.class)).segments();
            for (int i = 0; i < members.size(); i++) {
                Exchange record = members.get(i).record();
                record.setProperty(ExchangeKeys.KAFKA_TRANSLATION, outcomes.get(i));
                route.accept(record);
            }
        });
    }

    /**
     * The record as a segment to translate, read in place (its route then finds it read); none when it cannot be read
     * or is too large, which its route then finds again.
     */
    private Optional<Segment> segment(Exchange record) {
        try {
            reader.process(record);
            limit.checkText(record);
        } catch (InvalidRecordException | OversizedRecordException unreadable) {
            return Optional.empty();
        }
        Message message = record.getMessage();
        return Optional.of(new Segment(record, batches.segment(
                message.getHeader(TranslationHeaders.ID, String.class), message.getBody(String.class),
                message.getHeader(TranslationHeaders.SOURCE_LANG, String.class),
                message.getHeader(TranslationHeaders.TARGET_LANG, String.class),
                message.getHeader(TranslationHeaders.PROVIDER, String.class))
                .withFormat(message.getHeader(TranslationHeaders.FORMAT, String.class)),
                record.getProperty(ExchangeKeys.CONTEXT, DocumentContext.class)));
    }

    /**
     * The records without context by their languages and requested instance, so that records that mix them still
     * make full batches, and each record with context alone, in the records' order.
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
     * A batch on an exchange of its own, with its document's context when it has one; from the stream's endpoint, so
     * that its texts count as the Kafka stream's.
     */
    private Exchange exchange(Exchange record, TranslationBatch batch, DocumentContext document) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getExchangeExtension().setFromEndpoint(record.getFromEndpoint());
        exchange.getMessage().setBody(batch);
        if (document != null) {
            exchange.setProperty(ExchangeKeys.CONTEXT, document);
        }
        return exchange;
    }

    private synchronized AsyncProducer translator() {
        if (translator == null) {
            try {
                translator = context.getEndpoint("direct:translate").createAsyncProducer();
                // started now and stopped with Camel
                context.addService(translator, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the Kafka stream's producer of direct:translate", e);
            }
        }
        return translator;
    }
}
