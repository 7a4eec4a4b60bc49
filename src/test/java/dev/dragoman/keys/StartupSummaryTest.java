package dev.dragoman.keys;

import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel's start-up summary lists every property with its value; a provider's url may carry a key in its query (as
 * Gemini's {@code ?key=} does), so url values are masked there like keys, tokens and proxies.
 */
class StartupSummaryTest extends DragomanTestSupport {

    static final String KEY = "AIzaStartupSummaryKey000001";

    /** Opened before Camel starts, which the test support does before each test. */
    private static final CapturedLog LOG = new CapturedLog();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "gem");
        properties.put("dragoman.provider.gem.dialect", "gemini");
        properties.put("dragoman.provider.gem.url", "http://127.0.0.1:9/v1beta/models/m:generateContent?key=" + KEY);
        properties.put("dragoman.provider.gem.keys", "unused-key-0000000000001");
        properties.put("dragoman.provider.gem.model", "m");
        return properties;
    }

    @AfterAll
    static void closeLog() {
        LOG.close();
    }

    @Test
    void the_summary_masks_a_key_in_a_provider_url() {
        assertThat(LOG.text()).contains("dragoman.provider.gem.url = xxxxxx").doesNotContain(KEY);
    }
}
