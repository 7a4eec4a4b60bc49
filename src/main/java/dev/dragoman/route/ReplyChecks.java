package dev.dragoman.route;

import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import dev.dragoman.check.SegmentChecks;
import dev.dragoman.check.SegmentChecks.CheckFailure;
import dev.dragoman.observe.InstanceMeters;
import dev.dragoman.provider.CheckFailedException;
import dev.dragoman.provider.Reply;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.TranslationRequest;

/**
 * The checks of one instance ({@code dragoman.provider.<name>.checks}) on each translation it gives, before anything
 * is written: markers, placeholders, the source returned unchanged, chatter, length, language. In a key lane, a reply
 * that fails is a bad reply ({@link CheckFailedException}): the retry policy sends the text to the next key, then the
 * strategy to the next instance, and in the end the text fails with the check's reason. A batch's reply is checked
 * segment by segment once it is aligned ({@link BatchCall}). Each rejection is counted per check.
 */
final class ReplyChecks implements Processor {

    private final SegmentChecks checks;
    private final InstanceMeters meters;
    private final TokensInVain inVain;

    ReplyChecks(SegmentChecks checks, InstanceMeters meters, TokensInVain inVain) {
        this.checks = checks;
        this.meters = meters;
        this.inVain = inVain;
    }

    /** In a key lane, on the reply of a call with one text: a batch's reply is checked once aligned. */
    @Override
    public void process(Exchange exchange) throws CheckFailedException {
        if (exchange.getProperty(ExchangeKeys.BATCH_SIZE) != null) {
            return;
        }
        TranslationRequest request = exchange.getProperty(ExchangeKeys.REQUEST, TranslationRequest.class);
        Reply reply = exchange.getMessage().getBody(Reply.class);
        Optional<CheckFailure> failure = problem(request, reply.text());
        if (failure.isPresent()) {
            inVain.add(exchange, reply.usage());
            throw new CheckFailedException(failure.get().check(), failure.get().reason());
        }
    }

    /** The first check the translation of the request fails, counted; empty when it passes them all. */
    Optional<CheckFailure> problem(TranslationRequest request, String translation) {
        Optional<CheckFailure> failure = checks.firstProblem(request.text(), translation, request.sourceLang(),
                request.targetLang());
        failure.ifPresent(rejected -> meters.rejected(rejected.check()));
        return failure;
    }
}
