package dev.dragoman.route;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

import dev.dragoman.provider.InstanceClosedException;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.translate.BatchTranslation;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.Translation;
import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationFailedException;
import dev.dragoman.translate.TranslationRequest;

/**
 * Under the fallback strategy, the segments of a batch that the instance that answered it refused (a content filter
 * on one line, while it translated the others) go round the instances after it, as a lone text's refusal would: the
 * failover load balancer saw the batch as a success and would not. The instances already tried are left out
 * ({@link #refuseWhenTried}); a segment no later instance translates keeps its first refusal.
 */
final class RefusedSegments implements Processor {

    private final List<String> order;
    private final ProducerTemplate template;
    private final String dispatch;

    RefusedSegments(List<ProviderInstance> instances, ProducerTemplate template, String dispatch) {
        this.order = instances.stream().map(ProviderInstance::name).toList();
        this.template = template;
        this.dispatch = dispatch;
    }

    /** An instance this batch already went through takes no call for it: the load balancer moves on. */
    static void refuseWhenTried(ProviderInstance provider, Exchange exchange) throws InstanceClosedException {
        Object tried = exchange.getProperty(ExchangeKeys.TRIED_INSTANCES);
        if (tried instanceof Set<?> names && names.contains(provider.name())) {
            throw InstanceClosedException.notAllowed(provider.name() + ": refused these segments already");
        }
    }

    @Override
    public void process(Exchange exchange) {
        if (!(exchange.getMessage().getBody() instanceof BatchTranslation result)
                || !(exchange.getProperty(ExchangeKeys.BATCH_ASKED) instanceof TranslationBatch asked)) {
            return;
        }
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < result.segments().size(); i++) {
            if (result.segments().get(i) instanceof TranslationFailedException failed && !failed.retryable()) {
                refused.add(i);
            }
        }
        Optional<String> answered = result.segments().stream().filter(Translation.class::isInstance)
                .map(segment -> ((Translation) segment).provider()).findFirst();
        int place = answered.map(order::indexOf).orElse(-1);
        if (refused.isEmpty() || place < 0 || place == order.size() - 1) {
            return;
        }
        Exchange again = SubExchange.of(exchange);
        again.setProperty(ExchangeKeys.TRIED_INSTANCES, new HashSet<>(order.subList(0, place + 1)));
        again.getMessage().setBody(new TranslationBatch(refused.stream()
                .map(i -> asked.requests().get(i)).toList()));
        template.send(dispatch, again);
        if (again.getException() != null || !(again.getMessage().getBody() instanceof BatchTranslation retried)) {
            return;
        }
        List<Object> merged = new ArrayList<>(result.segments());
        for (int i = 0; i < refused.size(); i++) {
            if (retried.segments().get(i) instanceof Translation translated) {
                merged.set(refused.get(i), translated);
            }
        }
        exchange.getMessage().setBody(new BatchTranslation(merged));
    }
}
