package dev.dragoman.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.translate.TranslationHeaders;

/**
 * Publishes the outputs of a translated batch and commits it, on the consumer thread.
 * <ul>
 * <li>A record that waits (no provider could translate it now, {@link #WAITS}) holds back the records after it in its
 * partition, so outputs keep the input's order; their outputs are kept ({@link RecordOutputs}), the partition is
 * committed up to it and rewound there, and the batch ends with {@link RecordsWaitException}: the route policy pauses
 * the stream, which then reads them again.</li>
 * <li>Each output is sent on its own through camel-kafka's asynchronous producer (sent in order, acknowledged
 * together), so the broker's verdict is known per output: one that is refused is sent again, after a backoff that
 * doubles, {@code publishAttempts} times in all, and then goes to the dead-letter topic with the broker's reason.
 * Outputs already acknowledged are never sent again, in this batch or when it is read again.</li>
 * </ul>
 */
public final class BatchPublisher implements CamelContextAware {

    /** Header of an output whose record waits: why. Such an output is never published. */
    public static final String WAITS = "DragomanKafkaWaits";
    private static final Logger LOG = LoggerFactory.getLogger(BatchPublisher.class);

    private final RecordOutputs outputs;
    private final RecordLimit limit;
    private final String outputUri;
    private final int publishAttempts;
    private final long backoff;
    private CamelContext context;
    private AsyncProducer producer;

    /**
     * @param outputUri       the camel-kafka endpoint of the output topic (dead letters name their topic in a header)
     * @param publishAttempts how often an output the broker refuses is sent in all
     * @param backoff         milliseconds before the second attempt; doubles after each
     */
    public BatchPublisher(RecordOutputs outputs, RecordLimit limit, String outputUri, int publishAttempts,
            long backoff) {
        this.outputs = outputs;
        this.limit = limit;
        this.outputUri = outputUri;
        this.publishAttempts = Math.max(1, publishAttempts);
        this.backoff = backoff;
    }

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    /** No record of the batch can be translated now: it is read again after the pause. */
    public void hold(List<Exchange> records, String reason) throws RecordsWaitException {
        RecordBatch.finish(records, RecordBatch.firstOffsets(records));
        throw waiting(records.size(), reason);
    }

    /**
     * Publishes the outputs (one per record, in the batch's order) that can go now and commits what is done.
     *
     * @throws RecordsWaitException when some records wait; they are read again after the pause
     */
    public void publish(List<Exchange> records, List<Message> results) throws Exception {
        Map<TopicPartition, Long> waiting = new LinkedHashMap<>();
        String reason = null;
        List<Message> sendRecords = new ArrayList<>();
        List<Message> sendOutputs = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Message record = records.get(i).getMessage();
            Message output = results.get(i);
            TopicPartition partition = RecordBatch.partition(record);
            String waits = output.getHeader(WAITS, String.class);
            if (waits != null && !waiting.containsKey(partition)) {
                waiting.put(partition, RecordBatch.offset(record));
                reason = waits;
            } else if (waits == null) {
                outputs.remember(record, output);
                if (!waiting.containsKey(partition) && !outputs.isPublished(record)) {
                    sendRecords.add(record);
                    sendOutputs.add(output);
                }
            }
        }
        Map<Integer, Exception> refused = send(sendOutputs);
        List<Message> deadRecords = new ArrayList<>();
        List<Message> deadLetters = new ArrayList<>();
        for (int i = 0; i < sendOutputs.size(); i++) {
            Message record = sendRecords.get(i);
            Exception failure = refused.get(i);
            if (failure == null) {
                outputs.published(record, sendOutputs.get(i));
            } else if (isDeadLetter(sendOutputs.get(i))) {
                reason = waitFor(waiting, record, "the broker refused the dead letter: " + failure.getMessage());
            } else {
                LOG.warn("{} to the dead-letter topic: the broker refused its output: {}",
                        record.getHeader(TranslationHeaders.ID), failure.getMessage());
                deadRecords.add(record);
                deadLetters.add(deadLetter(record, sendOutputs.get(i), failure));
            }
        }
        Map<Integer, Exception> lost = send(deadLetters);
        for (int i = 0; i < deadLetters.size(); i++) {
            if (lost.containsKey(i)) {
                reason = waitFor(waiting, deadRecords.get(i), "the broker refused the output and its dead letter: "
                        + lost.get(i).getMessage());
            } else {
                outputs.published(deadRecords.get(i), deadLetters.get(i));
            }
        }
        RecordBatch.finish(records, waiting);
        for (Exchange record : records) {
            Long firstWaiting = waiting.get(RecordBatch.partition(record.getMessage()));
            if (firstWaiting == null || RecordBatch.offset(record.getMessage()) < firstWaiting) {
                outputs.forget(record.getMessage());
            }
        }
        if (!waiting.isEmpty()) {
            long count = records.stream().filter(record -> {
                Long first = waiting.get(RecordBatch.partition(record.getMessage()));
                return first != null && RecordBatch.offset(record.getMessage()) >= first;
            }).count();
            throw waiting((int) count, reason);
        }
    }

    /**
     * A record whose output could not be published waits: it and the records after it in its partition are read
     * again (those already published are not published again).
     */
    private static String waitFor(Map<TopicPartition, Long> waiting, Message record, String reason) {
        waiting.merge(RecordBatch.partition(record), RecordBatch.offset(record), Math::min);
        return reason;
    }

    private static boolean isDeadLetter(Message output) {
        return output.getHeader(KafkaConstants.OVERRIDE_TOPIC) != null;
    }

    private RecordsWaitException waiting(int count, String reason) {
        String message = count + " record(s) wait and are read again after a pause: " + reason;
        LOG.warn(message);
        return new RecordsWaitException(message);
    }

    /** The dead letter of a record whose output the broker refused, as its output message. */
    private Message deadLetter(Message record, Message output, Exception failure) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        Message letter = exchange.getMessage();
        letter.setHeaders(new LinkedHashMap<>(output.getHeaders()));
        letter.setHeader(KafkaConstants.OVERRIDE_TOPIC, context.resolvePropertyPlaceholders(
                "{{dragoman.kafka.dead-letter}}"));
        letter.setBody(limit.fit(DeadLetter.ofRecord(output, record.getBody(String.class), null, failure), letter));
        return letter;
    }

    /**
     * Sends the outputs in order, again and again while the broker refuses some, at most {@code publishAttempts}
     * times; returns the last failure of each output that was never acknowledged, by its index.
     */
    private Map<Integer, Exception> send(List<Message> messages) throws InterruptedException {
        Map<Integer, Exception> refused = new LinkedHashMap<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            pending.add(i);
        }
        long wait = backoff;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            refused = sendOnce(messages, pending);
            if (refused.isEmpty()) {
                break;
            }
            LOG.warn("The broker refused {} output(s) (attempt {} of {}): {}", refused.size(), attempt,
                    publishAttempts, refused.values().iterator().next().getMessage());
            if (attempt == publishAttempts) {
                break;
            }
            Thread.sleep(wait);
            wait *= 2;
            pending = new ArrayList<>(refused.keySet());
        }
        return refused;
    }

    private Map<Integer, Exception> sendOnce(List<Message> messages, List<Integer> indexes)
            throws InterruptedException {
        List<Exchange> sends = new ArrayList<>();
        CountDownLatch acknowledged = new CountDownLatch(indexes.size());
        for (int index : indexes) {
            Exchange send = new DefaultExchange(context);
            send.getMessage().setHeaders(new LinkedHashMap<>(messages.get(index).getHeaders()));
            send.getMessage().setBody(messages.get(index).getBody());
            sends.add(send);
            // returns once the record is handed to the Kafka producer, in this order; acknowledged later
            producer().process(send, doneSync -> acknowledged.countDown());
        }
        acknowledged.await();
        Map<Integer, Exception> refused = new LinkedHashMap<>();
        for (int i = 0; i < sends.size(); i++) {
            if (sends.get(i).getException() != null) {
                refused.put(indexes.get(i), sends.get(i).getException());
            }
        }
        return refused;
    }

    private synchronized AsyncProducer producer() {
        if (producer == null) {
            try {
                producer = context.getEndpoint(outputUri).createAsyncProducer();
                // started now and stopped with Camel
                context.addService(producer, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the Kafka producer of " + outputUri, e);
            }
        }
        return producer;
    }
}
