package dev.dragoman.provider.qianfan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.provider.DialectCases;
import dev.dragoman.provider.ErrorClass;

/** The qianfan dialect's own cases: its errors and the address that selects it. */
class QianfanDialectTest {

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Qianfan: OpenAI-shaped
            "qianfan | 429 | - | {\"error\":{\"code\":\"rpm_rate_limit_exceeded\",\"message\":\"Rate limit reached for RPM\",\"type\":\"rate_limit_exceeded\"},\"id\":\"as-wbx23eriqh\"} | RATE_LIMITED | -",
            "qianfan | 401 | - | {\"error\":{\"code\":\"invalid_iam_token\",\"message\":\"IAM Certification failed\",\"type\":\"invalid_request_error\"}} | KEY_REJECTED | -",
            "qianfan | 400 | - | {\"error\":{\"code\":\"tokens_too_long\",\"message\":\"Prompt tokens too long\",\"type\":\"invalid_request_error\"}} | REQUEST_REJECTED | -",
    })
    void sorts_error_replies(String platform, int status, String retryAfter, String body, ErrorClass expected,
            Double retrySeconds) {
        DialectCases.assertSortsError(platform, status, retryAfter, body, expected, retrySeconds);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://qianfan.baidubce.com/v2 | qianfan",
    })
    void detects_the_dialect_from_the_address(String url, String dialect) {
        DialectCases.assertDetects(url, dialect);
    }
}
