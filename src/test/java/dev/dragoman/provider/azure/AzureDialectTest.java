package dev.dragoman.provider.azure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.provider.DialectCases;
import dev.dragoman.provider.ErrorClass;

import static org.assertj.core.api.Assertions.assertThat;

/** The azure dialect's own cases: its errors, the addresses that select it, and its model list. */
class AzureDialectTest {

    /** An Azure instance needs its resource's address, whose deployment names the model. */
    private static Map<String, String> options(String platform) {
        return Map.of("platform", platform, "url", "https://r.openai.azure.com/openai/deployments/d?api-version=1");
    }

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Azure: api-key errors, Retry-After on 429, content filter
            "azure | 401 | - | {\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription key or wrong API endpoint.\"}} | KEY_REJECTED | -",
            "azure | 429 | 37 | {\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation have exceeded token rate limit. Please retry after 37 seconds.\"}} | RATE_LIMITED | 37",
            "azure | 400 | - | {\"error\":{\"message\":\"The response was filtered\",\"type\":null,\"param\":\"prompt\",\"code\":\"content_filter\",\"status\":400,\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}} | REQUEST_REJECTED | -",
            "azure | 404 | - | {\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this resource does not exist.\"}} | REQUEST_REJECTED | -",
            "azure | 503 | - | {\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"The service is temporarily unable to process your request.\"}} | TRANSIENT | -",
    })
    void sorts_error_replies(String platform, int status, String retryAfter, String body, ErrorClass expected,
            Double retrySeconds) {
        DialectCases.assertSortsError(options(platform), status, retryAfter, body, expected, retrySeconds);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://res.openai.azure.com/openai/deployments/d?api-version=1 | azure",
            "https://res.openai.azure.com/openai/v1 | azure",
    })
    void detects_the_dialect_from_the_address(String url, String dialect) {
        DialectCases.assertDetects(url, dialect);
    }

    @Test
    void lists_the_resource_models_on_v1() {
        Map<String, String> options = Map.of("url",
                "https://res.openai.azure.com/openai/deployments/gpt-4o-dep/chat/completions?api-version=2024-10-21");
        assertThat(DialectCases.modelsRequest(options).url())
                .isEqualTo("https://res.openai.azure.com/openai/v1/models");
    }
}
