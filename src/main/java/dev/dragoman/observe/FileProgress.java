package dev.dragoman.observe;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.provider.Json;
import dev.dragoman.translate.BatchTranslation;
import dev.dragoman.translate.DroppedFile;

/**
 * The files of the file drop in flight, for {@code GET /files} and {@code dragoman_file_lines{file,state}}: each from
 * the moment its lines are counted (the UTF-8 check reads the whole file first, so the total is known before the first
 * line goes out) until its exchange completes, after the file was written out, moved to the failed folder or left in
 * the inbox for a retry. A line counts as done when it finished, translated, cached or failed. A file of more than
 * {@code dragoman.file.progress-lines} lines logs its progress at every tenth. Bound as {@code fileProgress}.
 */
public class FileProgress {

    private static final Logger LOG = LoggerFactory.getLogger(FileProgress.class);

    private final Map<DroppedFile, FileLines> files = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final int progressLines;
    private final Clock clock;

    /** @param progressLines files of more lines than this log their progress */
    public FileProgress(MeterRegistry registry, int progressLines, Clock clock) {
        this.registry = registry;
        this.progressLines = progressLines;
        this.clock = clock;
    }

    /** The file is in flight until its exchange completes, whichever way. */
    public void start(DroppedFile file, Exchange exchange) {
        FileLines lines = new FileLines(file.name(), file.segments(), clock.instant());
        files.put(file, lines);
        List<Meter> gauges = List.of(gauge(lines, "done", FileLines::done), gauge(lines, "total", FileLines::total));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                files.remove(file);
                gauges.forEach(registry::remove);
            }
        });
    }

    /** A batch of the file's lines finished: each of its segments is an envelope or the line's failure. */
    public void finished(DroppedFile file, BatchTranslation batch) {
        FileLines lines = files.get(file);
        if (lines == null) {
            // a route of the user's own that does not start the file's progress: nothing to advance
            return;
        }
        int failed = (int) batch.segments().stream().filter(Exception.class::isInstance).count();
        lines.finished(batch.segments().size(), failed, clock.instant())
                .filter(progress -> lines.total() > progressLines)
                .ifPresent(LOG::info);
    }

    /** {@code GET /files}: the files in flight, oldest first. */
    public String json() throws JsonProcessingException {
        Instant now = clock.instant();
        return Json.MAPPER.writeValueAsString(files.values().stream()
                .sorted(Comparator.comparing(FileLines::started))
                .map(lines -> {
                    long done = lines.done();
                    return new FileView(lines.file(), done, lines.total(), lines.failed(),
                            lines.started().toString(),
                            lines.estimatedEnd(done, now).map(Instant::toString).orElse(null));
                }).toList());
    }

    private Gauge gauge(FileLines lines, String state, ToDoubleFunction<FileLines> value) {
        return Gauge.builder("dragoman.file.lines", lines, value)
                .description("Lines of a file in flight: done (translated, cached or failed) and total")
                .tag("file", lines.file()).tag("state", state)
                .strongReference(true)
                .register(registry);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "file", "done", "total", "failed", "started", "estimatedEnd" })
    record FileView(String file, long done, long total, long failed, String started, String estimatedEnd) {
    }
}
