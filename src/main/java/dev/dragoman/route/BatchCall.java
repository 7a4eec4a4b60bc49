package dev.dragoman.route;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.provider.BatchPrompt;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.ProviderOptions;
import dev.dragoman.translate.BatchPacker;
import dev.dragoman.translate.BatchRepairs;
import dev.dragoman.translate.BatchTranslation;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.Translation;
import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationFailedException;
import dev.dragoman.translate.TranslationRequest;
import dev.dragoman.translate.Usage;
import dev.dragoman.translate.UsageShares;

/**
 * Translates a {@link TranslationBatch} on one instance: cut to the instance's own {@code batch-lines} and
 * {@code batch-chars}, each part one call through the instance's call route (retry policy, breaker, key lanes,
 * deadline), and the reply aligned with the segments ({@link BatchPrompt#read}). A reply that does not align is never
 * guessed at: the part is split in halves and each half sent again, down to single lines sent the ordinary way, so
 * that no translation can land on another segment's line. An aligned reply's translations are checked one by one
 * ({@link ReplyChecks}); one that fails is sent again alone. Usage is split over the segments ({@link UsageShares}),
 * the tokens of replies that did not align included, so the segments' usage adds up to what the provider counted.
 * <p>
 * A part the provider refuses for good is split in halves as well, so that a line a content filter refuses does not
 * take its neighbours down: only that line fails, in its place among the results. A line whose replies are bad while
 * the instance translates its neighbours gets the rounds an unbatched text gets from {@link InstanceWaitPolicy}
 * ({@code dragoman.retry.transient-attempts} more calls) before it fails alone: a flaky provider's next answer is
 * likely good. A call that fails for a reason that may pass (the provider is down, every key rests) fails the whole
 * batch on this instance, as a text's failure would, so the strategy moves on or the source fails (or retries) each
 * segment with the reason.
 */
final class BatchCall implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchCall.class);

    private final ProviderInstance provider;
    private final String callEndpoint;
    private final BatchPacker packer;
    private final BatchRepairs repairs;
    private final ProducerTemplate template;
    private final InstanceMemory memory;
    private final ReplyChecks checks;
    private final TokensInVain inVain;
    private final int badReplyRounds;

    /** @param badReplyRounds more calls a line alone gets while its replies are bad and its neighbours good */
    BatchCall(ProviderInstance provider, String callEndpoint, BatchRepairs repairs, ProducerTemplate template,
            InstanceMemory memory, ReplyChecks checks, TokensInVain inVain, int badReplyRounds) {
        this.provider = provider;
        this.badReplyRounds = badReplyRounds;
        this.memory = memory;
        this.checks = checks;
        this.inVain = inVain;
        this.callEndpoint = callEndpoint;
        Integer lines = provider.settings().option(ProviderOptions.BATCH_LINES);
        Integer chars = provider.settings().option(ProviderOptions.BATCH_CHARS);
        this.packer = new BatchPacker(lines == null ? 1 : lines, chars == null ? Integer.MAX_VALUE : chars);
        this.repairs = repairs;
        this.template = template;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        RefusedSegments.refuseWhenTried(provider, exchange);
        TranslationBatch batch = exchange.getMessage().getBody(TranslationBatch.class);
        // segments the memory holds are answered from it; only the others go to the provider, packed anew
        List<Optional<Translation>> remembered = batch.requests().stream().map(memory::recall).toList();
        // with the memory on, a text the batch holds twice (a file's repeated line) is sent once, and its repeats come
        // as the memory would give them once it is stored; with it off, every text goes to the provider
        Map<Object, Integer> firstOf = new LinkedHashMap<>();
        List<TranslationRequest> misses = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (remembered.get(i).isEmpty()) {
                TranslationRequest miss = batch.requests().get(i);
                Object same = memory.remembers() ? sameTranslation(miss) : Integer.valueOf(i);
                places.add(firstOf.computeIfAbsent(same, key -> {
                    misses.add(miss);
                    return misses.size() - 1;
                }));
            }
        }
        List<Object> once = new ArrayList<>(misses.size());
        for (TranslationBatch part : packer.pack(misses)) {
            once.addAll(translate(exchange, part.requests(), null, false));
        }
        List<Object> translated = new ArrayList<>(places.size());
        boolean[] sent = new boolean[once.size()];
        for (int place : places) {
            Object result = once.get(place);
            translated.add(sent[place] && result instanceof Translation first
                    ? Translation.remembered(first.provider(), first.model(), first.text()) : result);
            sent[place] = true;
        }
        Iterator<Object> fresh = translated.iterator();
        List<Object> results = new ArrayList<>(batch.size());
        for (Optional<Translation> hit : remembered) {
            results.add(hit.isPresent() ? hit.get() : fresh.next());
        }
        exchange.getMessage().setBody(new BatchTranslation(results));
    }

    /** The request less its id: two requests that are equal so translate alike. */
    private static TranslationRequest sameTranslation(TranslationRequest request) {
        return new TranslationRequest(null, request.text(), request.sourceLang(), request.targetLang(),
                request.provider(), request.context(), request.glossary(), request.note(), request.format());
    }

    /**
     * @param inherited tokens spent on this part's segments by replies that did not align, to be shared among them
     * @param split     whether the part came from splitting a batch whose reply did not align
     */
    private List<Object> translate(Exchange exchange, List<TranslationRequest> part, Usage inherited, boolean split)
            throws Exception {
        if (part.size() == 1) {
            return List.of(single(exchange, part.get(0), inherited, split));
        }
        Exchange call = call(exchange, BatchPrompt.request(new TranslationBatch(part)), part.size());
        // a call that failed for good leaves its bad replies' tokens to be shared like those of one that did not align
        Usage spent = UsageShares.plus(inherited, inVain.take(call));
        String why;
        if (call.getException() == null) {
            Translation reply = call.getMessage().getBody(Translation.class);
            Optional<List<String>> aligned = BatchPrompt.read(reply.text(), part.size());
            if (aligned.isPresent()) {
                provider.goodReplies().translated();
                return aligned(exchange, part, reply, aligned.get(), inherited);
            }
            spent = UsageShares.plus(spent, reply.usage());
            why = "the reply is not a JSON array of " + part.size() + " translations";
        } else if (Retryable.invalidReply(call.getException()) || !Retryable.of(call.getException())) {
            // a reply that is no translation, or a refusal (a content filter refuses the whole batch for one line)
            why = call.getProperty(ExchangeKeys.FAILURE, call.getException().getMessage(), String.class);
        } else {
            throw failure(exchange, call);
        }
        repairs.repaired();
        int half = part.size() / 2;
        LOG.info("{}: a batch of {} segments from {} did not align ({}); sending its halves of {} and {} apart",
                provider.name(), part.size(), part.get(0).id(), why, half, part.size() - half);
        List<TranslationRequest> left = part.subList(0, half);
        List<TranslationRequest> right = part.subList(half, part.size());
        List<Usage> shares = UsageShares.split(spent, List.of(chars(left), chars(right)),
                List.of(chars(left), chars(right)));
        List<Object> results = new ArrayList<>(translate(exchange, left, shares.get(0), true));
        results.addAll(translate(exchange, right, shares.get(1), true));
        return results;
    }

    /**
     * The aligned reply's translations, each checked: one that fails a check is sent again alone (the next key, the
     * retry policy), so a bad segment never holds its neighbours and the good ones are not paid for twice.
     */
    private List<Object> aligned(Exchange exchange, List<TranslationRequest> part, Translation reply,
            List<String> translations, Usage inherited) throws Exception {
        List<Integer> sources = part.stream().map(request -> request.text().length()).toList();
        List<Usage> billed = UsageShares.split(reply.usage(), sources,
                translations.stream().map(String::length).toList());
        List<Usage> earlier = UsageShares.split(inherited, sources, sources);
        List<Object> results = new ArrayList<>(part.size());
        for (int i = 0; i < part.size(); i++) {
            Usage usage = UsageShares.plus(billed.get(i), earlier.get(i));
            if (checks.problem(part.get(i), translations.get(i)).isPresent()) {
                results.add(single(exchange, part.get(i), usage, true));
                continue;
            }
            Translation translation = new Translation(reply.provider(), reply.model(), translations.get(i), usage);
            memory.remember(part.get(i), translation);
            results.add(translation);
        }
        return results;
    }

    private Object single(Exchange exchange, TranslationRequest request, Usage inherited, boolean split)
            throws Exception {
        Exchange call = call(exchange, request, 0);
        Usage spent = UsageShares.plus(inherited, inVain.take(call));
        // each round is a call of its own, with the call route's attempts and backoff; the deadline bounds them all
        for (int round = 1; split && round <= badReplyRounds && badText(exchange, call.getException()); round++) {
            LOG.info("{}: bad replies to {} of a batch while its neighbours translate; round {} of {} alone",
                    provider.name(), request.id(), round + 1, badReplyRounds + 1);
            call = call(exchange, request, 0);
            spent = UsageShares.plus(spent, inVain.take(call));
        }
        Exception failure = call.getException();
        if (failure == null) {
            Translation translation = call.getMessage().getBody(Translation.class);
            memory.remember(request, translation);
            return new Translation(translation.provider(), translation.model(), translation.text(),
                    UsageShares.plus(translation.usage(), spent));
        }
        if (!split || Retryable.of(failure) && !badText(exchange, failure)) {
            throw failure(exchange, call);
        }
        // this line alone is refused, or its replies are bad while the instance translates its neighbours: they stay
        return new TranslationFailedException(call.getProperty(ExchangeKeys.FAILURE, failure.getMessage(),
                String.class), failure, false);
    }

    /** One call on an exchange of its own ({@link SubExchange}). */
    private Exchange call(Exchange exchange, TranslationRequest request, int batchSize) {
        Exchange call = SubExchange.of(exchange);
        if (batchSize > 1) {
            call.setProperty(ExchangeKeys.BATCH_SIZE, batchSize);
        }
        call.setProperty(ExchangeKeys.REQUEST, request);
        call.getMessage().setBody(request);
        return template.send(callEndpoint, call);
    }

    /** Whether the failure is a bad reply to a text while this instance translated others well since it started. */
    private boolean badText(Exchange exchange, Exception failure) {
        Instant started = exchange.getProperty(ExchangeKeys.STARTED, Instant.class);
        return Retryable.invalidReply(failure) && started != null && provider.goodReplies().since(started);
    }

    private static Exception failure(Exchange exchange, Exchange call) {
        exchange.setProperty(ExchangeKeys.FAILURE, call.getProperty(ExchangeKeys.FAILURE));
        return call.getException();
    }

    private static int chars(List<TranslationRequest> requests) {
        return requests.stream().mapToInt(request -> request.text().length()).sum();
    }
}
