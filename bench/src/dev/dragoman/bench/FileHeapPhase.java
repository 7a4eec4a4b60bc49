package dev.dragoman.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file-heap phase: one file of 1,000,000 lines (--quick: 20,000) dropped into a Dragoman of its own that
 * translates with the offline pseudo provider, so that the figure is the file drop's own heap: the file is read and
 * written as a stream, one chunk of lines at a time. That Dragoman runs with {@code -Xmx256m}: left to itself, G1
 * grows the young generation with the machine's memory whatever the application keeps, so an uncapped peak says more
 * about the collector than about the file drop. Prints {@code file_1m_heap_mb} (target at most 256), the peak of
 * used heap as the overall heap figure is taken (jstat samples and the heap before each collection in the GC log);
 * {@code file_1m_live_mb}, the largest heap left after a collection (what the file drop really holds); the old
 * generation's peak; the lines written; and how long the file took.
 */
final class FileHeapPhase {

    private static final Path DIR = Path.of("target", "bench", "file-heap");
    /** In a line of -Xlog:gc, "… Pause Young (Normal) (G1 Evacuation Pause) 120M->25M(256M) 4.1ms": used after. */
    private static final Pattern AFTER_GC = Pattern.compile("\\d+M->(\\d+)M\\(\\d+M\\)");

    private final int lines;

    FileHeapPhase(boolean quick) {
        this.lines = quick ? 20_000 : 1_000_000;
    }

    Map<String, String> run() throws Exception {
        Bench.deleteTree(DIR);
        for (String folder : new String[] { "inbox", "outbox", "failed" }) {
            Files.createDirectories(DIR.resolve(folder));
        }
        Path file = DIR.resolve("lines.txt");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                out.write("Zeile " + i + " des langen Textes\n");
            }
        }
        Path gcLog = DIR.resolve("dragoman-gc.log");
        Map<String, String> figures = new LinkedHashMap<>();
        try (Bench.DragomanJvm dragoman = Bench.DragomanJvm.start(config(), gcLog, "-Xmx256m")) {
            dragoman.awaitReady(Duration.ofSeconds(120));
            Bench.progress("file-heap: one file of " + lines + " lines, pseudo provider (Dragoman pid "
                    + dragoman.pid() + ")");
            long dropped = System.nanoTime();
            Files.move(file, DIR.resolve("inbox/lines.txt"), StandardCopyOption.ATOMIC_MOVE);
            Path out = DIR.resolve("outbox/lines.txt");
            Path failed = DIR.resolve("failed/lines.txt");
            long deadline = dropped + Duration.ofSeconds(300 + lines / 500).toNanos();
            while (!Files.exists(out) && !Files.exists(failed) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long done = System.nanoTime();
            figures.put("file_1m_heap_mb", String.valueOf(Math.max(dragoman.heap.peakMb(),
                    Bench.peakBeforeGcMb(gcLog))));
            figures.put("file_1m_live_mb", String.valueOf(liveAfterGcMb(gcLog)));
            figures.put("file_1m_heap_old_mb", String.valueOf(dragoman.heap.peakOldMb()));
            figures.put("file_1m_lines", String.valueOf(lines));
            figures.put("file_1m_lines_out", String.valueOf(Files.exists(out) ? countLines(out) : 0));
            figures.put("file_1m_seconds", String.format("%.1f", (done - dropped) / 1e9));
        }
        return figures;
    }

    /** A user's DRAGOMAN_CONFIG file: the shipped pseudo provider, folders of this phase's own. */
    private static Path config() throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.server.port", String.valueOf(Bench.freePort()));
        p.put("dragoman.providers", "pseudo");
        for (String folder : new String[] { "inbox", "outbox", "failed" }) {
            p.put("dragoman.file." + folder, DIR.resolve(folder).toAbsolutePath().toString());
        }
        p.put("dragoman.memory.enabled", "false");
        return Bench.writeConfig(DIR.resolve("dragoman-file-heap.properties"), p);
    }

    private static long liveAfterGcMb(Path gcLog) throws IOException {
        try (var lines = Files.lines(gcLog)) {
            return lines.map(AFTER_GC::matcher).filter(Matcher::find).mapToLong(m -> Long.parseLong(m.group(1)))
                    .max().orElse(0);
        }
    }

    private static long countLines(Path file) throws IOException {
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
