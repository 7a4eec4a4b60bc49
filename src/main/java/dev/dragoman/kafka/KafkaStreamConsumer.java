package dev.dragoman.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaHeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.DefaultConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.keys.Secrets;
import dev.dragoman.translate.ExchangeKeys;

/**
 * The Kafka stream: reads the input topic with a Kafka consumer of its own and keeps every record on its way until it
 * is finished, published or dead-lettered, with no record waiting for another unless they share an ordering key.
 * <ul>
 * <li>Records are translated as soon as a slot is free ({@code max-in-flight}), those read together in batches
 * ({@link RecordTranslations}); each then goes through the route, which makes its envelope or dead letter.</li>
 * <li>Outputs are published in input order per ordering key ({@link Ordering}): a record's output goes once the one
 * before it of its key is acknowledged, so a slow record delays only its own key.</li>
 * <li>A record whose try fails in a way that may pass rests and is tried again, alone, after a backoff; after
 * {@code max-attempts} such tries while providers were up it is a dead letter carrying every reason. While no provider
 * instance can translate (an outage), tries do not count: the stream stops starting translations and pauses its
 * partitions, looking again after pauses that grow up to {@code max-pause}.</li>
 * <li>Offsets are committed at least every {@code commit-interval} up to the first record not finished, with the
 * records finished above it in the commit's metadata ({@link PartitionProgress}); with exactly-once on, outputs and
 * offsets go in one transaction instead ({@link StreamCommits}).</li>
 * <li>The partitions are paused while the records held (read and not finished) reach {@code max-in-flight +
 * max-poll-records}; the consumer keeps polling all the while, so the group never takes its partitions away for
 * being slow.</li>
 * </ul>
 * Everything but the translations and the route runs on the consumer's own thread: the pool's threads and the
 * producer's hand their news over through {@link #events}. Camel's kafka consumer hands over a poll at a time (and its
 * pausable EIP lost records before CAMEL-20227), which is why the stream drives the Kafka client itself.
 */
final class KafkaStreamConsumer extends DefaultConsumer implements ConsumerRebalanceListener {

    /** Header the route sets on a record whose try failed in a way that may pass: why. */
    static final String WAITS = "DragomanKafkaWaits";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamConsumer.class);
    /** How long a poll waits while records are being translated or published: their news is taken up this often. */
    private static final Duration BUSY_POLL = Duration.ofMillis(10);
    /** How long a stopping stream waits for the records it is translating. */
    private static final long STOP_WAIT = TimeUnit.SECONDS.toNanos(30);

    private final String topic;
    private final StreamSettings settings;
    private final StreamClients clients;
    private final RecordTranslations translations;
    private final RecordLimit limit;
    private final OutageWatch outage;
    /** With context on, the records of a key are translated one after another, each seeing those before it. */
    private final boolean translateInKeyOrder;
    private final StreamHealthCheck health;
    private final HeaderFilterStrategy headerFilter = new KafkaHeaderFilterStrategy();
    private final Queue<Runnable> events = new ConcurrentLinkedQueue<>();

    private final Map<TopicPartition, PartitionProgress> partitions = new HashMap<>();
    /** The records held, per ordering key, in offset order. */
    private final Map<Object, Deque<StreamRecord>> byKey = new HashMap<>();
    /** Records to translate, in the order they were read; tried-again ones first. */
    private final Deque<StreamRecord> waiting = new ArrayDeque<>();
    private final List<StreamRecord> resting = new ArrayList<>();
    /** Exactly-once: records whose outputs wait for the next transaction, by partition and offset. */
    private final Map<TopicPartition, Map<Long, StreamRecord>> made = new HashMap<>();
    private int held;
    private int translating;
    private int publishing;
    private boolean paused;
    private long nextCommit;
    /**
     * Records finished (or, with exactly-once, made) since the last commit. A commit goes once half of max-in-flight
     * have, even before commit-interval, so that a crash redoes few records however fast the stream runs.
     */
    private int finishedSinceCommit;
    private final int commitEvery;
    /** When a record last got through its route (translated, or failed for good). */
    private long lastThrough = System.nanoTime();

    private Consumer<String, String> consumer;
    private OutputPublisher publisher;
    private StreamDeadLetters deadLetters;
    private StreamCommits commits;
    private volatile boolean running;
    private Thread thread;

    KafkaStreamConsumer(KafkaStreamEndpoint endpoint, Processor processor, String topic, StreamSettings settings,
            StreamClients clients, RecordTranslations translations, RecordLimit limit, OutageWatch outage,
            boolean translateInKeyOrder, StreamHealthCheck health) {
        super(endpoint, processor);
        this.topic = topic;
        this.settings = settings;
        this.clients = clients;
        this.translations = translations;
        this.limit = limit;
        this.outage = outage;
        this.translateInKeyOrder = translateInKeyOrder;
        this.health = health;
        this.commitEvery = Math.max(1, settings.maxInFlight() / 2);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // made here, so that a client setting Kafka refuses stops start-up
        consumer = clients.consumer();
        health.started();
        running = true;
        thread = new Thread(this::run, "dragoman-kafka-stream");
        thread.start();
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.NANOSECONDS.toMillis(STOP_WAIT) + 10_000);
            // once its consumer is closed: a member still polling would be fenced, not handed over
            if (settings.groupInstanceId() != null && settings.leaveGroupOnStop() && !thread.isAlive()) {
                clients.leaveGroup();
            }
        }
        super.doStop();
    }

    private void run() {
        try (Consumer<String, String> opened = consumer;
                OutputPublisher outputs = clients.publisher(settings.exactlyOnce(), settings.output())) {
            publisher = outputs;
            deadLetters = new StreamDeadLetters(getEndpoint().getCamelContext(), outputs, limit,
                    settings.deadLetter());
            commits = new StreamCommits(consumer, outputs, deadLetters, partitions, made);
            consumer.subscribe(List.of(topic), this);
            int failures = 0;
            while (running) {
                try {
                    step(true);
                    // news comes from translations and sends in flight; rests and commits can wait for a poll
                    consumer.poll(translating + publishing > 0 ? BUSY_POLL : settings.pollWait()).forEach(this::read);
                    failures = 0;
                    health.update(null, partitions.size(), held, translating, paused);
                } catch (WakeupException | InterruptException stop) {
                    break;
                } catch (KafkaException e) {
                    String why = Secrets.redact(e.getMessage());
                    Duration pause = settings.pause(++failures);
                    LOG.warn("The Kafka stream met {}; it goes on in {} ms", why, pause.toMillis());
                    health.update(why, partitions.size(), held, translating, paused);
                    Thread.sleep(pause.toMillis());
                }
            }
            finish();
            health.stopped(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            String why = Secrets.redact(e.getMessage());
            LOG.error("The Kafka stream stopped: {}", why, e);
            health.stopped(why);
        }
    }

    /** One round on the consumer thread: the news, the records due, the commit, the pause. */
    private void step(boolean start) {
        for (Runnable event; (event = events.poll()) != null;) {
            event.run();
        }
        long now = System.nanoTime();
        wake(now);
        if (start) {
            start(now);
        }
        if (now - nextCommit >= 0 || finishedSinceCommit >= commitEvery) {
            finishedSinceCommit = 0;
            held -= commits.commit();
            nextCommit = now + settings.commitInterval().toNanos();
        }
        boolean pause = held >= settings.maxHeld() || outage.pausing(now);
        if (pause != paused) {
            paused = pause;
            if (pause) {
                consumer.pause(consumer.assignment());
            } else {
                consumer.resume(consumer.paused());
            }
        }
    }

    /** Stops reading, lets the records being translated and published finish (for a while), and commits. */
    private void finish() {
        consumer.pause(consumer.assignment());
        long until = System.nanoTime() + STOP_WAIT;
        while ((translating > 0 || publishing > 0) && until - System.nanoTime() > 0) {
            consumer.poll(BUSY_POLL);
            step(false);
        }
        nextCommit = System.nanoTime();
        step(false);
        commits.commitSync(partitions.keySet());
    }

    private void read(ConsumerRecord<String, String> record) {
        PartitionProgress progress = partitions.get(new TopicPartition(record.topic(), record.partition()));
        if (progress == null || !progress.read(record.offset())) {
            // revoked meanwhile, or finished before the last restart or rebalance
            return;
        }
        StreamRecord held = new StreamRecord(record, settings.ordering().keyOf(record), progress);
        byKey.computeIfAbsent(held.orderKey, key -> new ArrayDeque<>()).add(held);
        waiting.add(held);
        this.held++;
    }

    /** Starts translating the records waiting, as many as slots are free; none during an outage. */
    private void start(long now) {
        if (waiting.isEmpty() || outage.holds(now)) {
            return;
        }
        List<StreamRecord> together = new ArrayList<>();
        Iterator<StreamRecord> next = waiting.iterator();
        while (translating < settings.maxInFlight() && next.hasNext()) {
            StreamRecord record = next.next();
            if (translateInKeyOrder && !isNextToTranslate(record)) {
                continue;
            }
            next.remove();
            translating++;
            record.state = StreamRecord.State.TRANSLATING;
            if (record.reasons.isEmpty()) {
                record.firstTriedAt = now;
                together.add(record);
            } else {
                // tried again alone: a batch it failed in may have failed because of it
                translate(List.of(record));
            }
        }
        if (!together.isEmpty()) {
            translate(together);
        }
    }

    private boolean isNextToTranslate(StreamRecord record) {
        for (StreamRecord before : byKey.get(record.orderKey)) {
            if (before == record) {
                return true;
            }
            if (before.state != StreamRecord.State.MADE && before.state != StreamRecord.State.PUBLISHING) {
                return false;
            }
        }
        return false;
    }

    private void translate(List<StreamRecord> records) {
        List<Exchange> exchanges = new ArrayList<>(records.size());
        for (StreamRecord record : records) {
            Exchange exchange = exchange(record.record);
            exchange.setProperty(ExchangeKeys.KAFKA_RECORD, record);
            exchanges.add(exchange);
        }
        translations.translate(exchanges, exchange -> {
            StreamRecord record = exchange.getProperty(ExchangeKeys.KAFKA_RECORD, StreamRecord.class);
            try {
                getAsyncProcessor().process(exchange, doneSync -> events.add(() -> translated(record, exchange)));
            } catch (RuntimeException e) {
                exchange.setException(e);
                events.add(() -> translated(record, exchange));
            }
        });
    }

    /** The record as camel-kafka would hand it over: its value, key, position and headers. */
    private Exchange exchange(ConsumerRecord<String, String> record) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setHeader(KafkaConstants.TOPIC, record.topic());
        message.setHeader(KafkaConstants.PARTITION, record.partition());
        message.setHeader(KafkaConstants.OFFSET, record.offset());
        message.setHeader(KafkaConstants.TIMESTAMP, record.timestamp());
        if (record.key() != null) {
            message.setHeader(KafkaConstants.KEY, record.key());
        }
        for (Header header : record.headers()) {
            if (!headerFilter.applyFilterToExternalHeaders(header.key(), header.value(), exchange)) {
                message.setHeader(header.key(), header.value());
            }
        }
        message.setBody(record.value());
        return exchange;
    }

    /** The route is done with the record: it has an output, or its try failed in a way that may pass. */
    private void translated(StreamRecord record, Exchange exchange) {
        translating--;
        if (isRevoked(record)) {
            return;
        }
        Message message = exchange.getMessage();
        String waits = exchange.getException() != null ? Secrets.redact(exchange.getException().getMessage())
                : message.getHeader(WAITS, String.class);
        long now = System.nanoTime();
        if (waits == null) {
            lastThrough = now;
            made(record, publisher.output(record.record.key(), message));
            return;
        }
        record.failed(waits, settings.maxAttempts());
        if (outage.check(now) || lastThrough - record.firstTriedAt < 0) {
            // no provider can translate, or nothing got through since it was first tried: an outage, not the record's
            // fault
            rest(record, now, settings.pause(++record.waits));
        } else if (++record.attempts < settings.maxAttempts()) {
            rest(record, now, settings.pause(record.attempts));
        } else {
            LOG.warn("{} to the dead-letter topic: no translation after {} tries: {}", record, record.attempts,
                    waits);
            made(record, deadLetters.exhausted(record, exchange));
        }
    }

    private void rest(StreamRecord record, long now, Duration pause) {
        record.state = StreamRecord.State.RESTING;
        record.restUntil = now + pause.toNanos();
        resting.add(record);
    }

    /** Records whose rest is over go again: to translation, or to publishing when their output is made. */
    private void wake(long now) {
        for (Iterator<StreamRecord> next = resting.iterator(); next.hasNext();) {
            StreamRecord record = next.next();
            if (isRevoked(record)) {
                next.remove();
            } else if (now - record.restUntil >= 0) {
                next.remove();
                if (record.output != null) {
                    record.state = StreamRecord.State.MADE;
                    publishNext(record.orderKey);
                } else {
                    record.state = StreamRecord.State.WAITING;
                    waiting.addFirst(record);
                }
            }
        }
    }

    private void made(StreamRecord record, ProducerRecord<String, String> output) {
        record.output = output;
        record.state = StreamRecord.State.MADE;
        publishNext(record.orderKey);
    }

    /** Publishes the next output of a key when it is made and every one before it is acknowledged. */
    private void publishNext(Object orderKey) {
        Deque<StreamRecord> queue = byKey.get(orderKey);
        while (queue != null && !queue.isEmpty() && queue.peekFirst().state == StreamRecord.State.MADE) {
            StreamRecord head = queue.peekFirst();
            if (settings.exactlyOnce()) {
                // published by the next transaction, in offset order, which keeps the key's order
                queue.pollFirst();
                made.computeIfAbsent(head.partition, any -> new HashMap<>()).put(head.offset(), head);
                finishedSinceCommit++;
                continue;
            }
            head.state = StreamRecord.State.PUBLISHING;
            publishing++;
            publisher.send(head.output, (metadata, failure) -> events.add(() -> published(head, failure)));
            return;
        }
        if (queue != null && queue.isEmpty()) {
            byKey.remove(orderKey);
        }
    }

    private void published(StreamRecord record, Exception failure) {
        publishing--;
        if (isRevoked(record)) {
            return;
        }
        if (failure == null) {
            byKey.get(record.orderKey).pollFirst();
            record.progress.finished(record.offset());
            held--;
            finishedSinceCommit++;
            publishNext(record.orderKey);
        } else if (OutputPublisher.refusedForGood(failure) && !publisher.isDeadLetter(record.output)) {
            LOG.warn("{} to the dead-letter topic: the broker refused its output: {}", record, failure.getMessage());
            made(record, deadLetters.refused(record, failure));
        } else {
            Duration pause = settings.pause(++record.waits);
            LOG.warn("The broker did not take the {} of {} ({}); it is sent again in {} ms",
                    publisher.isDeadLetter(record.output) ? "dead letter" : "output", record, failure.getMessage(),
                    pause.toMillis());
            rest(record, System.nanoTime(), pause);
        }
    }

    private boolean isRevoked(StreamRecord record) {
        return partitions.get(record.partition) != record.progress;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        held -= commits.commitSync(revoked);
        forget(revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        forget(lost);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(assigned));
        assigned.forEach(partition -> partitions.put(partition, new PartitionProgress(committed.get(partition))));
        if (paused) {
            consumer.pause(assigned);
        }
    }

    /** The records of partitions taken away are dropped; those being translated are dropped when they are done. */
    private void forget(Collection<TopicPartition> gone) {
        gone.forEach(partitions::remove);
        gone.forEach(made::remove);
        waiting.removeIf(this::isRevoked);
        resting.removeIf(this::isRevoked);
        byKey.values().forEach(queue -> queue.removeIf(this::isRevoked));
        byKey.values().removeIf(Deque::isEmpty);
        held = byKey.values().stream().mapToInt(Deque::size).sum() + made.values().stream().mapToInt(Map::size).sum();
    }
}
