package dev.dragoman;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpServerOptionsTest {

    private static int workers(Map<String, String> properties, int capacity) {
        return DragomanConfiguration.httpServerOptions(name -> Optional.ofNullable(properties.get(name)), capacity)
                .getWorkerPoolSize();
    }

    @Test
    void workers_follow_the_translation_capacity_and_never_fall_below_the_vertx_default() {
        assertThat(workers(Map.of(), 64)).isEqualTo(64);
        assertThat(workers(Map.of(), 4)).isEqualTo(20);
        assertThat(workers(Map.of("dragoman.http.worker-threads", ""), 64)).isEqualTo(64);
    }

    @Test
    void workers_can_be_set() {
        assertThat(workers(Map.of("dragoman.http.worker-threads", " 200 "), 64)).isEqualTo(200);
    }
}
