package dev.dragoman.route;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.config.DragomanSettings;
import dev.dragoman.config.Providers;
import dev.dragoman.config.TestSettings;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.TranslationBatch;
import dev.dragoman.translate.TranslationFailedException;
import dev.dragoman.translate.TranslationRequest;

/**
 * The sources that send batches (file lines, Kafka records, a {@code texts} request) wait out an outage as a single
 * text does: the policy once read every body as one text, and for a batch failed inside the error handler, which
 * ignored that failure and so never gave the batch a round.
 */
class InstanceWaitPolicyTest {

    private final Map<String, String> shipped = TestSettings.shipped();
    private final Providers providers = new Providers(DragomanSettings.read(
            name -> Optional.ofNullable(shipped.get(name)), shipped.keySet()));

    @Test
    void should_give_a_batch_whose_instances_failed_for_now_another_round() {
        TranslationRequest line = new TranslationRequest("1", "Hallo Welt", "de", "en", null);
        Exchange exchange = failed(new TranslationBatch(List.of(line, line.withText("Zweite Zeile"))));

        new InstanceWaitPolicy(providers).process(exchange);

        assertThat(exchange.getProperty(ExchangeKeys.WAIT_FOR_INSTANCE, Boolean.class)).isTrue();
        assertThat(exchange.getProperty(ExchangeKeys.ROUNDS, Integer.class)).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isPositive();
    }

    @Test
    void should_give_a_single_text_another_round_as_before() {
        Exchange exchange = failed(new TranslationRequest("1", "Hallo Welt", "de", "en", null));

        new InstanceWaitPolicy(providers).process(exchange);

        assertThat(exchange.getProperty(ExchangeKeys.WAIT_FOR_INSTANCE, Boolean.class)).isTrue();
    }

    private static Exchange failed(Object body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        Deadline.start(exchange, Duration.ofMinutes(2));
        exchange.setException(new TranslationFailedException("every instance failed: HTTP 503", null, true));
        return exchange;
    }
}
