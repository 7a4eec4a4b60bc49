package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
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
import dev.dragoman.provider.Json;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.translate.ExchangeKeys;

/**
 * {@code direct:provider-models}: the model list of the instance named in the {@code name} header, fetched live from
 * the provider with its first usable key, as {@code {"provider": …, "models": […]}}.
 */
public class ModelListRoutes extends RouteBuilder {

    @BeanInject
    Providers providers;

    @Override
    public void configure() {
        from("direct:provider-models").routeId("provider-models")
                .errorHandler(noErrorHandler())
                .process(this::prepare)
                .choice()
                    .when(exchangeProperty(ExchangeKeys.CALL).isNotNull())
                        // an endpoint per instance, each with its own proxy, if any
                        .toD("${exchangeProperty." + ExchangeKeys.MODELS_ENDPOINT + "}")
                        .process(this::read)
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
        var call = provider.wire().modelsRequest(provider.settings());
        exchange.setProperty(ExchangeKeys.CALL, call);
        exchange.setProperty(ExchangeKeys.MODELS_ENDPOINT, "http://models-" + provider.name()
                + "?throwExceptionOnFailure=false" + ProxyParameters.of(provider.settings()));
        HttpCallWriter.write(exchange.getMessage(), call, provider.wire().authHeaders(key));
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
        reply(message, provider, provider.wire().readModels(json));
    }

    private static void reply(Message message, ProviderInstance provider, List<String> models) throws Exception {
        // the provider's own response headers (length, encoding) must not describe this reply
        message.getHeaders().clear();
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(Json.MAPPER.writeValueAsString(Map.of("provider", provider.name(), "models", models))
                .getBytes(StandardCharsets.UTF_8));
    }
}
