package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.BeanInject;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.config.Providers;
import dev.dragoman.http.NotFoundException;
import dev.dragoman.http.ProviderCallException;
import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.HttpCall;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.WireFormat;
import dev.dragoman.translate.ExchangeKeys;

/**
 * {@code direct:provider-models}: the model list of the instance named in the {@code name} header, fetched live from
 * the provider with its first usable key, page after page while the provider names a next one (at most
 * {@value #MAX_PAGES}), as {@code {"provider": …, "models": […]}}.
 */
public class ModelListRoutes extends RouteBuilder {

    /** More pages than any provider's list has: a provider that names next pages for ever is not followed. */
    static final int MAX_PAGES = 50;
    /** The page the next call fetches, until the last page: absent for the first ({@link WireFormat}). */
    private static final String FIRST = "";

    @BeanInject
    Providers providers;

    @Override
    public void configure() {
        from("direct:provider-models").routeId("provider-models")
                .errorHandler(noErrorHandler())
                .process(this::prepare)
                .choice()
                    .when(exchangeProperty(ExchangeKeys.MODELS_PAGE).isNotNull())
                        .loopDoWhile(exchangeProperty(ExchangeKeys.MODELS_PAGE).isNotNull())
                            .process(this::request)
                            // an endpoint per instance, each with its own proxy, if any
                            .toD("${exchangeProperty." + ExchangeKeys.MODELS_ENDPOINT + "}")
                            .process(this::read)
                        .end()
                        .process(exchange -> reply(exchange.getMessage(),
                                exchange.getProperty(ExchangeKeys.INSTANCE, ProviderInstance.class),
                                models(exchange)))
                .end();
    }

    private void prepare(Exchange exchange) throws Exception {
        String name = exchange.getMessage().getHeader("name", String.class);
        ProviderInstance provider = providers.byName(name)
                .orElseThrow(() -> new NotFoundException("unknown provider '" + name + "'"));
        exchange.setProperty(ExchangeKeys.INSTANCE, provider);
        if (provider.offline()) {
            reply(exchange.getMessage(), provider, List.of(provider.settings().model()));
            return;
        }
        ApiKey key = provider.keys().keys().stream().filter(provider.keys()::usable).findFirst()
                .orElseThrow(() -> new ProviderCallException(name + ": no usable key to list models with"));
        exchange.setProperty(ExchangeKeys.MODELS_KEY, key);
        exchange.setProperty(ExchangeKeys.MODELS, new ArrayList<String>());
        exchange.setProperty(ExchangeKeys.MODELS_PAGE, FIRST);
        exchange.setProperty(ExchangeKeys.MODELS_ENDPOINT, "http://models-" + provider.name()
                + "?throwExceptionOnFailure=false" + ProxyParameters.of(provider.settings()));
    }

    /** The call for the page to fetch: the first, or the one the page before named. */
    private void request(Exchange exchange) throws Exception {
        ProviderInstance provider = exchange.getProperty(ExchangeKeys.INSTANCE, ProviderInstance.class);
        String page = exchange.getProperty(ExchangeKeys.MODELS_PAGE, String.class);
        HttpCall call = page.equals(FIRST) ? provider.wire().modelsRequest(provider.settings())
                : provider.wire().modelsRequest(provider.settings(), page);
        HttpCallWriter.write(exchange.getMessage(), call,
                provider.wire().authHeaders(exchange.getProperty(ExchangeKeys.MODELS_KEY, ApiKey.class)));
    }

    @SuppressWarnings("unchecked") // set in prepare
    private static List<String> models(Exchange exchange) {
        return exchange.getProperty(ExchangeKeys.MODELS, List.class);
    }

    private void read(Exchange exchange) throws Exception {
        ProviderInstance provider = exchange.getProperty(ExchangeKeys.INSTANCE, ProviderInstance.class);
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String raw = message.getBody(String.class);
        JsonNode json = Json.tryParse(raw).orElse(null);
        if (status / 100 != 2 || json == null) {
            String why = provider.wire().error(status, json, raw == null ? "" : raw,
                    header -> message.getHeader(header, String.class)).getMessage();
            throw new ProviderCallException(provider.name() + ": listing models failed: " + why);
        }
        List<String> models = models(exchange);
        models.addAll(provider.wire().readModels(json));
        int pages = exchange.getProperty(Exchange.LOOP_INDEX, 0, Integer.class) + 1;
        exchange.setProperty(ExchangeKeys.MODELS_PAGE, pages < MAX_PAGES
                ? provider.wire().nextModelsPage(json).orElse(null) : null);
    }

    private static void reply(Message message, ProviderInstance provider, List<String> models) throws Exception {
        // the provider's own response headers (length, encoding) must not describe this reply
        message.getHeaders().clear();
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(Json.MAPPER.writeValueAsString(Map.of("provider", provider.name(), "models", models))
                .getBytes(StandardCharsets.UTF_8));
    }
}
