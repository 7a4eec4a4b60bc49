package dev.dragoman;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;

import dev.dragoman.cluster.ClusterStore;
import dev.dragoman.config.AbsolutePathFunction;
import dev.dragoman.config.DragomanSettings;
import dev.dragoman.config.PropertySource;
import dev.dragoman.check.Languages;
import dev.dragoman.config.Providers;
import dev.dragoman.document.DocumentFiles;
import dev.dragoman.document.DocumentFormats;
import dev.dragoman.provider.OptionType;
import dev.dragoman.http.AsyncHttpEngine;
import dev.dragoman.http.BearerTokens;
import dev.dragoman.http.CrossOrigin;
import dev.dragoman.http.HttpErrors;
import dev.dragoman.http.HttpClients;
import dev.dragoman.http.HttpGuard;
import dev.dragoman.http.HttpDocuments;
import dev.dragoman.http.HttpRequests;
import dev.dragoman.http.HttpShare;
import dev.dragoman.http.MemoryTmx;
import dev.dragoman.http.ProviderDirectory;
import dev.dragoman.http.RequestRate;
import dev.dragoman.http.SseReplies;
import dev.dragoman.http.WebConsole;
import dev.dragoman.kafka.KafkaStreamComponent;
import dev.dragoman.keys.ClientBudgets;
import dev.dragoman.keys.KeyStores;
import dev.dragoman.kafka.RecordLimit;
import dev.dragoman.kafka.RecordTranslations;
import dev.dragoman.kafka.StreamHealthCheck;
import dev.dragoman.kafka.StreamSettings;
import dev.dragoman.kafka.RecordReader;
import dev.dragoman.memory.JdbcTranslationMemory;
import dev.dragoman.memory.MemoryRetention;
import dev.dragoman.memory.NoMemory;
import dev.dragoman.memory.TmxImport;
import dev.dragoman.memory.TranslationMemory;
import dev.dragoman.observe.EntryRouteMetrics;
import dev.dragoman.observe.FileProgress;
import dev.dragoman.observe.HealthChecks;
import dev.dragoman.observe.ProviderMeters;
import dev.dragoman.observe.Source;
import dev.dragoman.observe.SourceMeters;
import dev.dragoman.observe.UsageLog;
import dev.dragoman.observe.UsageReport;
import dev.dragoman.provider.ConfigurationException;
import dev.dragoman.provider.Platforms;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.route.Redeliveries;
import dev.dragoman.translate.BatchPacker;
import dev.dragoman.translate.BatchRepairs;
import dev.dragoman.translate.DocumentContexts;
import dev.dragoman.translate.Glossary;
import dev.dragoman.translate.InboxRetries;
import dev.dragoman.translate.SourceBatches;
import dev.dragoman.translate.TextFiles;

import static dev.dragoman.provider.ProviderOptions.BATCH_CHARS;
import static dev.dragoman.provider.ProviderOptions.BATCH_LINES;

/**
 * Reads the provider instances from the properties and binds what the routes refer to: {@code providers}, the pools
 * that each source hands its texts to ({@code httpPool}, {@code filePool}, {@code kafkaPool}), the executor of the
 * texts' waits ({@code redeliveries}), the Vert.x options of the HTTP server,
 * and the helpers the YAML routes call. Every bean a route names is bound here, so the route files declare none.
 */
@Configuration
public class DragomanConfiguration implements CamelConfiguration {

    /** How far above {@code dragoman.http.max-body} the server's own body limit lies, in bytes. */
    static final int SERVER_BODY_MARGIN = 64 * 1024;

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        PropertySource source = new PropertySource(properties::resolveProperty);
        // every platform file is checked at start-up, also when no instance names a platform
        Platforms.all();
        KeyStores stores = keyStores(context, source);
        Providers providers = new Providers(DragomanSettings.read(properties::resolveProperty,
                properties.loadProperties(name -> name.startsWith("dragoman.provider.")).stringPropertyNames()),
                stores);
        context.getRegistry().bind("providers", providers);
        ClientBudgets clients = clientBudgets(source, stores, providers);
        context.getRegistry().bind("clientBudgets", clients);
        bindTranslationMemory(context, source);
        context.getRegistry().bind("glossary", glossary(properties, source));
        context.getRegistry().bind("batchRepairs", new BatchRepairs());
        context.getRegistry().bind("sourceBatches", sourceBatches(providers));
        SourceMeters sourceMeters = bindMeters(context, providers);
        bindSourcePools(context, source, providers, sourceMeters);
        // the texts' waits (retries, rounds over the instances), which hold no thread meanwhile
        context.getRegistry().bind("redeliveries", Redeliveries.of(context));
        context.getRegistry().bind("httpServerOptions", httpServerOptions(properties::resolveProperty, providers.capacity()));
        bindFileDrop(context, source, providers);
        bindHttpApi(context, source, providers, clients);
        context.getRegistry().bind("httpErrors", new HttpErrors());
        context.getRegistry().bind("sseReplies", new SseReplies());
        context.getRegistry().bind("providerDirectory", new ProviderDirectory(providers));
        context.getRegistry().bind("webConsole", new WebConsole());
        bindKafkaStream(context, source, providers);
        context.getPropertiesComponent().addPropertiesFunction(new AbsolutePathFunction());
    }

    /**
     * Where the keys' states and call slots are kept ({@code dragoman.cluster.store}): in this process, or in the
     * store the group shares, open before any route needs it and closed when Camel stops. A store that cannot be
     * opened stops start-up: running on alone would let this process overspend the keys' budgets and hammer the keys
     * the others have found rejected or resting.
     */
    private static KeyStores keyStores(CamelContext context, PropertySource source) throws Exception {
        String store = source.text("dragoman.cluster.store").orElse("none");
        if (store.equals("none")) {
            return KeyStores.inProcess();
        }
        if (!store.equals("jdbc")) {
            throw new ConfigurationException("dragoman.cluster.store must be none or jdbc, not '" + store + "'");
        }
        String url = source.text("dragoman.cluster.url").or(() -> source.text("dragoman.memory.url"))
                .orElseThrow(() -> new ConfigurationException(
                        "dragoman.cluster.store = jdbc needs dragoman.cluster.url (or dragoman.memory.url)"));
        ClusterStore shared;
        try {
            shared = ClusterStore.open(url,
                    source.text("dragoman.cluster.user").or(() -> source.text("dragoman.memory.user")).orElse(""),
                    source.text("dragoman.cluster.password").or(() -> source.text("dragoman.memory.password"))
                            .orElse(""),
                    source.requiredDuration("dragoman.cluster.lease"));
        } catch (SQLException | RuntimeException e) {
            throw new ConfigurationException("the cluster store at dragoman.cluster.url cannot be opened: "
                    + e.getMessage());
        }
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                shared.close();
            }
        });
        return shared;
    }

    /**
     * The translation memory ({@code dragoman.memory.*}), open before any route needs it and closed when Camel stops.
     * A database that cannot be opened stops start-up: running on without it would pay for every text again, unseen.
     */
    private void bindTranslationMemory(CamelContext context, PropertySource source) throws Exception {
        TranslationMemory memory;
        if (source.requiredFlag("dragoman.memory.enabled")) {
            try {
                memory = JdbcTranslationMemory.open(source.required("dragoman.memory.url"),
                        source.text("dragoman.memory.user").orElse(""),
                        source.text("dragoman.memory.password").orElse(""));
            } catch (SQLException | RuntimeException e) {
                throw new ConfigurationException("the translation memory at dragoman.memory.url cannot be opened: "
                        + e.getMessage());
            }
        } else {
            memory = new NoMemory();
        }
        context.getRegistry().bind("translationMemory", TranslationMemory.class, memory);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                memory.close();
            }
        });
        context.getRegistry().bind("memoryTmx", new MemoryTmx(memory));
        importTmx(memory, source.list("dragoman.memory.import", ","));
        MemoryRetention retention = new MemoryRetention(memory,
                source.text("dragoman.memory.max-age").filter(age -> !age.isBlank())
                        .map(age -> OptionType.DURATION.read("dragoman.memory.max-age", age)).orElse(null),
                source.text("dragoman.memory.max-rows").filter(rows -> !rows.isBlank())
                        .map(rows -> OptionType.POSITIVE.read("dragoman.memory.max-rows", rows).longValue())
                        .orElse(null),
                Clock.systemUTC());
        context.getRegistry().bind("memoryRetention", retention);
        if (retention.limited()) {
            // at start-up, then every hour; Camel shuts the thread down when it stops
            context.getExecutorServiceManager().newSingleThreadScheduledExecutor(retention, "dragoman-memory-cleanup")
                    .scheduleWithFixedDelay(retention, 0, MemoryRetention.INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * {@code dragoman.memory.import}: TMX files imported at each start, before any text is translated. A file that
     * cannot be imported stops start-up, as would a memory that cannot be opened: its translations would be paid for
     * again, unseen. An import of a file imported before replaces its units, so edits to it come in.
     */
    private static void importTmx(TranslationMemory memory, List<String> files) {
        if (!files.isEmpty() && !memory.remembers()) {
            throw new ConfigurationException("dragoman.memory.import names TMX files, but the translation memory is"
                    + " off: set dragoman.memory.enabled = true, or leave dragoman.memory.import empty");
        }
        TmxImport tmx = new TmxImport(memory);
        for (String file : files) {
            try {
                tmx.file(Path.of(file));
            } catch (IOException | SQLException | IllegalArgumentException e) {
                throw new ConfigurationException("dragoman.memory.import: " + file + " cannot be imported: "
                        + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            }
        }
    }

    /**
     * Dragoman's meters, in the registry Camel's own metrics go to and {@code /observe/metrics} scrapes
     * ({@code camel.metrics.*}): Camel's when it has made it already, else one bound under Camel's name for Camel to
     * take. {@code GET /usage} reads the same meters ({@code usageReport}), also written to the log once an hour and at
     * shutdown. The health checks go with them, as {@code dragoman_ready} follows readiness.
     */
    private static SourceMeters bindMeters(CamelContext context, Providers providers) throws Exception {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
                MeterRegistry.class);
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        }
        if (Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{camel.metrics.enabled:false}}"))
                && !Boolean.parseBoolean(context.resolvePropertyPlaceholders(
                        "{{camel.metrics.enable-route-policy:true}}"))) {
            context.addRoutePolicyFactory(new EntryRouteMetrics(registry));
        }
        ProviderMeters providerMeters = new ProviderMeters(registry, providers, Clock.systemUTC());
        SourceMeters sourceMeters = new SourceMeters(registry, Clock.systemUTC());
        UsageReport usage = new UsageReport(providerMeters, sourceMeters, Instant.now(),
                context.getRegistry().lookupByNameAndType("memoryRetention", MemoryRetention.class));
        context.getRegistry().bind("providerMeters", providerMeters);
        context.getRegistry().bind("sourceMeters", sourceMeters);
        context.getRegistry().bind("usageReport", usage);
        context.addService(new UsageLog(context, usage));
        HealthChecks.bind(context, providers, registry, Clock.systemUTC());
        return sourceMeters;
    }

    /**
     * The sources pack their segments by the largest batch of any instance; an instance with smaller batches cuts
     * them to its own size.
     */
    private static SourceBatches sourceBatches(Providers providers) {
        int lines = providers.all().stream().mapToInt(provider -> provider.settings().option(BATCH_LINES)).max()
                .orElse(1);
        int chars = providers.all().stream().mapToInt(provider -> provider.settings().option(BATCH_CHARS)).max()
                .orElse(1);
        return new SourceBatches(new BatchPacker(lines, chars), providers.settings().sourceLang(),
                providers.settings().targetLang());
    }

    /**
     * One pool per source, each as large as the source's share of translations in flight
     * ({@code dragoman.<source>.max-in-flight}; by default the busiest instance's keys x concurrency, so that each source
     * alone can keep every key busy), so that no source can take the others' threads. A thread runs one translation at
     * a time, so a source's texts wait in its own queue for a slot: the file drop's splitter waits for its chunk and the
     * Kafka stream bounds its records in flight (which bound the queue) instead of running texts themselves. Never caller-runs, which
     * would run a text on the consumer's own thread; the queues are unbounded, so nothing is ever refused either. The
     * HTTP API's queue holds only texts of requests {@code httpShare} let in.
     * <p>
     * With context on ({@code context} above 0), the file drop has one thread: a file's lines (files are taken one at a
     * time) are then translated one after another, in order, so each sees the translations of those before it, as in
     * LunaTranslator; the Kafka stream translates the records of each key so (KafkaStreamConsumer).
     */
    private void bindSourcePools(CamelContext context, PropertySource source, Providers providers,
            SourceMeters meters) throws Exception {
        int capacity = providers.capacity();
        boolean inOrder = providers.contextSize() > 0;
        int http = source.positiveOr("dragoman.http.max-in-flight", capacity);
        HttpShare share = new HttpShare(http);
        context.getRegistry().bind("httpShare", share);
        meters.inFlight(Source.HTTP, share::inFlight);
        context.getRegistry().bind("httpClients", new HttpClients());
        context.getRegistry().bind("httpPool", sourcePool(context, "dragoman-http", http));
        ExecutorService file = sourcePool(context, "dragoman-file",
                inOrder ? 1 : source.positiveOr("dragoman.file.max-in-flight", capacity));
        context.getRegistry().bind("filePool", file);
        meters.inFlight(Source.FILE, ((ThreadPoolExecutor) file)::getActiveCount);
        // the stream's records in flight go in batches: a thread per key slot is enough
        ExecutorService kafka = sourcePool(context, "dragoman-kafka",
                Math.min(source.positiveOr("dragoman.kafka.max-in-flight", capacity), capacity));
        context.getRegistry().bind("kafkaPool", kafka);
        meters.inFlight(Source.KAFKA, ((ThreadPoolExecutor) kafka)::getActiveCount);
    }

    /** {@code dragoman.glossary}, read now so that a glossary that cannot be read stops start-up. */
    private static Glossary glossary(PropertiesComponent properties, PropertySource source) {
        Optional<String> file = properties.resolveProperty("dragoman.glossary").map(String::strip)
                .filter(name -> !name.isEmpty());
        if (file.isEmpty()) {
            return Glossary.NONE;
        }
        try {
            return Glossary.load(Path.of(file.get()), source.required("dragoman.source-lang"),
                    source.requiredDuration("dragoman.glossary-recheck"), Clock.systemUTC());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("dragoman.glossary: " + file.get() + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * A pool of Camel's default thread pool factory, a {@link ThreadPoolExecutor}, whose active threads are the
     * source's batches in flight ({@code dragoman_in_flight}).
     */
    private ExecutorService sourcePool(CamelContext context, String name, int threads) {
        return context.getExecutorServiceManager().newThreadPool(this, name, new ThreadPoolProfileBuilder(name)
                // Camel makes a queue of 0 or less a hand-over queue, which would refuse every text beyond the threads
                .poolSize(threads).maxPoolSize(threads).maxQueueSize(Integer.MAX_VALUE)
                .rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build());
    }

    /**
     * The HTTP API's named clients ({@code dragoman.http.clients}): each its token and its own limits, kept where the
     * keys' budgets are. A client may name only configured instances.
     */
    private static ClientBudgets clientBudgets(PropertySource source, KeyStores stores, Providers providers) {
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, ClientBudgets.Limits> limits = new LinkedHashMap<>();
        for (String name : source.list("dragoman.http.clients", ",")) {
            String prefix = "dragoman.http.client." + name + ".";
            tokens.put(name, source.text(prefix + "token").filter(token -> !token.isBlank()).orElseThrow(
                    () -> new ConfigurationException(prefix + "token is required: the client's bearer token")));
            List<String> instances = source.list(prefix + "instances", "\\|");
            instances.stream().filter(instance -> providers.byName(instance).isEmpty()).findFirst()
                    .ifPresent(unknown -> {
                        throw new ConfigurationException(prefix + "instances names '" + unknown
                                + "', which is not in dragoman.providers");
                    });
            limits.put(name, new ClientBudgets.Limits(
                    source.text(prefix + "rpm").map(Integer::valueOf).orElse(null),
                    source.text(prefix + "tokens-per-day").map(Long::valueOf).orElse(null),
                    source.text(prefix + "spend-per-month").map(Double::valueOf).orElse(null), instances));
        }
        return new ClientBudgets(tokens, limits, stores, Clock.systemUTC());
    }

    /**
     * The HTTP API's request reader with its limits, the engine that frees a request's worker thread while its route
     * waits ({@link AsyncHttpEngine}), and the guard in front of every route. The server's own body limit sits just
     * above {@code dragoman.http.max-body}: a body a little over gets the route's clear 400, and a huge one is refused
     * by the server (413) while it arrives, never buffered whole.
     */
    private static void bindHttpApi(CamelContext context, PropertySource source, Providers providers,
            ClientBudgets clients) throws Exception {
        context.getRegistry().bind(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME, new AsyncHttpEngine());
        int maxBody = source.requiredInteger("dragoman.http.max-body");
        context.getRegistry().bind("httpRequests", new HttpRequests(providers, clients, maxBody,
                source.requiredInteger("dragoman.http.max-texts"), source.requiredInteger("dragoman.http.max-chars")));
        context.getRegistry().bind("httpDocuments", new HttpDocuments(
                context.getRegistry().lookupByNameAndType("textFiles", TextFiles.class), maxBody));
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server == null) {
            return;
        }
        server.setMaxBodySize((long) maxBody + SERVER_BODY_MARGIN);
        // the guard's own service, started after the server (it needs its router) and before any route
        context.addService(new HttpGuard(server, source.required("camel.management.health-path"),
                new BearerTokens(source.list("dragoman.http.tokens", "\\|"), clients.tokens()),
                new CrossOrigin(source.list("dragoman.http.cors-origins", ",")),
                new RequestRate(source.requiredInteger("dragoman.http.rpm-per-token"), Ticker.systemTicker())));
    }

    /**
     * The file drop's helpers. A file is translated in chunks of lines, 16 times what the busiest instance keeps in
     * flight and at least 1,000: large enough that each chunk keeps the keys busy, small enough for a bounded heap.
     * The files' progress goes to the meters' registry, bound before.
     */
    private static void bindFileDrop(CamelContext context, PropertySource source, Providers providers)
            throws IOException {
        Path outbox = Path.of(source.required("dragoman.file.outbox"));
        Path failed = Path.of(source.required("dragoman.file.failed"));
        List<String> compared = providers.settings().strategy() == DragomanSettings.Strategy.COMPARE
                ? providers.all().stream().map(ProviderInstance::name).toList() : List.of();
        int chunk = Math.max(1000, 16 * providers.capacity());
        context.getRegistry().bind("textFiles", new TextFiles(outbox, failed, chunk, compared,
                providers.contextSize(), new DocumentFiles(documentFormats(source),
                        Languages.tagOf(providers.settings().sourceLang()).orElse(null),
                        Languages.tagOf(providers.settings().targetLang()).orElse("en"), chunk, compared,
                        providers.contextSize())));
        context.getRegistry().bind("inboxRetries",
                new InboxRetries(source.requiredDuration("dragoman.file.retry-delay")));
        context.getRegistry().bind("fileProgress", new FileProgress(context.getRegistry().lookupByNameAndType(
                MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class),
                source.requiredInteger("dragoman.file.progress-lines"), Clock.systemUTC()));
    }

    /**
     * The formats of dropped documents: by extension, and as {@code dragoman.file.formats} and
     * {@code dragoman.file.format-params} map extensions and folders (the parameters read from their files now, so a
     * missing one stops the start with its name).
     */
    private static DocumentFormats documentFormats(PropertySource source) throws IOException {
        Map<String, String> filters = pairs(source, "dragoman.file.formats");
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> param : pairs(source, "dragoman.file.format-params").entrySet()) {
            params.put(param.getKey(), Files.readString(Path.of(param.getValue()), StandardCharsets.UTF_8));
        }
        return new DocumentFormats(filters, params);
    }

    private static Map<String, String> pairs(PropertySource source, String name) {
        return OptionType.PAIRS.read(name, source.text(name).orElse(""));
    }

    /**
     * The Kafka stream's component ({@code dragoman-kafka}, which routes/kafka-stream.yaml reads from when
     * {@code dragoman.kafka.brokers} is set) and the helpers its route names. By default as many records are in flight
     * as fill every key of the busiest instance with full batches four times over: a text waiting out a retry or a
     * key's rest holds no thread and no key, and the keys stay busy meanwhile.
     */
    private static void bindKafkaStream(CamelContext context, PropertySource source, Providers providers) {
        int batchLines = providers.all().stream().mapToInt(provider -> provider.settings().option(BATCH_LINES)).max()
                .orElse(1);
        StreamSettings settings = StreamSettings.read(source, 4 * providers.capacity() * batchLines);
        RecordLimit limit = new RecordLimit(settings.maxRecordSize());
        RecordReader reader = new RecordReader(new DocumentContexts(providers.contextSize()));
        RecordTranslations translations = new RecordTranslations(reader, limit,
                context.getRegistry().lookupByNameAndType("sourceBatches", SourceBatches.class),
                context.getRegistry().lookupByNameAndType("kafkaPool", ExecutorService.class));
        context.getRegistry().bind("kafkaRecordReader", reader);
        context.getRegistry().bind("kafkaTranslations", translations);
        context.getRegistry().bind("kafkaRecordLimit", limit);
        StreamHealthCheck health = new StreamHealthCheck();
        context.getRegistry().bind(health.getId(), health);
        context.getRegistry().bind("dragoman-kafka", new KafkaStreamComponent(settings,
                source.text("dragoman.kafka.brokers").orElse(""), providers, translations, limit, health));
    }

    /**
     * platform-http runs each request's route on a Vert.x worker thread, held while the route works (a provider call
     * included) and handed back while its text waits ({@link AsyncHttpEngine}); with Vert.x's default 20 workers, a
     * 21st concurrent call would queue even though keys are free. The server takes this bean (looked up by type) when
     * it creates its Vert.x instance.
     */
    static VertxOptions httpServerOptions(Function<String, Optional<String>> property, int capacity) {
        int workers = property.apply("dragoman.http.worker-threads").map(String::strip).filter(v -> !v.isEmpty())
                .map(Integer::valueOf).orElse(Math.max(VertxOptions.DEFAULT_WORKER_POOL_SIZE, capacity));
        return new VertxOptions().setWorkerPoolSize(workers);
    }
}
