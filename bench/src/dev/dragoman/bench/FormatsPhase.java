package dev.dragoman.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The formats phase: a generated document of each format Dragoman reads through Okapi (a gettext template, XLIFF
 * 1.2 and 2.0, JSON, YAML, properties, Markdown, HTML, SubRip, WebVTT, DOCX; {@link FormatSamples}), of about 2,000
 * segments each (--quick: 50), dropped one after the other into a Dragoman of its own (one instance on the
 * {@link FormatsStandIn}, 2 keys x 4 in flight, the default batches, no translation memory, target language
 * {@code de}). The full run first drops each format once in a document of 50 segments, unmeasured and unchecked, so
 * that the figures are not those of Okapi's classes loading and the JIT's first compilations. The stand-in
 * translates every segment by putting a prefix before it, keeping every marker and placeholder, so that each output
 * can be checked: it must read in its format (Jackson, SnakeYAML Engine, java.util.Properties, the JDK's XML parser,
 * {@code msgfmt --check} when /usr/bin/msgfmt is there) and hold every segment translated and everything else as it
 * was.
 *
 * <p>Prints per format {@code formats_<format>_segments} (the texts the stand-in translated for the document) and
 * {@code formats_<format>_segments_per_s} (those ÷ the seconds from the drop into the inbox to the output in the
 * outbox: the documents are written before Dragoman starts, so their settle time has passed when they are dropped,
 * and what the figure holds besides the document's own work is the file consumer's poll, every 0.5 s, and its
 * read-lock check, 0.25 s); then {@code formats_faults} (what the checks found over all outputs, a document that
 * went to the failed folder included; target 0; each is listed on standard error and in
 * {@code target/bench/formats/faults.txt}), {@code formats_missing} (documents that came out neither in the outbox
 * nor in the failed folder in time: the harness is then broken) and {@code formats_po_msgfmt skipped} when msgfmt is
 * not installed.
 */
final class FormatsPhase {

    private static final Path DIR = Path.of("target", "bench", "formats");
    private static final long SEED = 20260301;

    private static final int WARM_UP_SEGMENTS = 50;
    private static final String WARM_UP = "warm-up-";

    private final int segments;
    private final boolean quick;

    FormatsPhase(boolean quick) {
        this.quick = quick;
        this.segments = quick ? WARM_UP_SEGMENTS : 2_000;
    }

    Map<String, String> run() throws Exception {
        Bench.deleteTree(DIR);
        for (String folder : new String[] { "inbox", "outbox", "failed", "source" }) {
            Files.createDirectories(DIR.resolve(folder));
        }
        List<FormatSamples.Sample> samples = FormatSamples.all();
        for (int i = 0; i < samples.size(); i++) {
            FormatSamples.Sample sample = samples.get(i);
            Files.write(DIR.resolve("source").resolve(sample.file),
                    sample.generate(new FormatSamples.Words(SEED + i), segments));
        }
        List<FormatSamples.Sample> warmUp = quick ? List.of() : FormatSamples.all();
        for (int i = 0; i < warmUp.size(); i++) {
            Files.write(DIR.resolve("source").resolve(WARM_UP + warmUp.get(i).file),
                    warmUp.get(i).generate(new FormatSamples.Words(SEED - 1 - i), WARM_UP_SEGMENTS));
        }
        Map<String, String> figures = new LinkedHashMap<>();
        List<String> faults = new ArrayList<>();
        int missing = 0;
        try (FormatsStandIn standIn = new FormatsStandIn();
             Bench.DragomanJvm dragoman = Bench.DragomanJvm.start(config(standIn), DIR.resolve("dragoman-gc.log"))) {
            dragoman.awaitReady(Duration.ofSeconds(120));
            Bench.progress("formats: " + samples.size() + " documents of about " + segments
                    + " segments, one after the other (Dragoman pid " + dragoman.pid() + ")");
            for (FormatSamples.Sample sample : warmUp) {
                Drop drop = drop(WARM_UP + sample.file, standIn);
                Bench.progress(String.format("formats: warm-up: %s%s in %.2f s", WARM_UP, sample.file,
                        drop.seconds));
            }
            for (FormatSamples.Sample sample : samples) {
                Drop drop = drop(sample.file, standIn);
                figures.put("formats_" + sample.format + "_segments", String.valueOf(drop.sent));
                figures.put("formats_" + sample.format + "_segments_per_s",
                        String.format("%.0f", drop.sent / drop.seconds));
                List<String> found = new ArrayList<>();
                FormatSamples.Faults report = fault -> found.add(sample.file + ": " + fault);
                if (Files.exists(drop.output)) {
                    try {
                        sample.check(drop.output, drop.sent, report);
                    } catch (Exception e) {
                        report.add("the check failed: " + e);
                    }
                } else if (Files.exists(drop.failed)) {
                    Path error = drop.failed.resolveSibling(sample.file + ".error.txt");
                    report.add("went to the failed folder: " + (Files.exists(error)
                            ? Files.readString(error, StandardCharsets.UTF_8).strip() : "(no error file)"));
                } else {
                    missing++;
                    Bench.progress("formats: " + sample.file + " came out neither in the outbox nor in failed/");
                }
                if (standIn.unreadable.get() > 0) {
                    report.add(standIn.unreadable.get() + " requests the stand-in could not read");
                }
                Bench.progress(String.format("formats: %s: %d segments (%d planned) in %.2f s, %d faults",
                        sample.file, drop.sent, sample.planned, drop.seconds, found.size()));
                found.stream().limit(10).forEach(fault -> Bench.progress("formats: fault: " + fault));
                faults.addAll(found);
            }
        }
        Files.write(DIR.resolve("faults.txt"), faults, StandardCharsets.UTF_8);
        figures.put("formats_faults", String.valueOf(faults.size()));
        figures.put("formats_missing", String.valueOf(missing));
        if (!FormatSamples.msgfmtAvailable()) {
            figures.put("formats_po_msgfmt", "skipped");
        }
        return figures;
    }

    /** Where one document went, how long it took and how many segments the stand-in translated for it. */
    private record Drop(Path output, Path failed, long sent, double seconds) {
    }

    private Drop drop(String file, FormatsStandIn standIn) throws Exception {
        Path output = DIR.resolve("outbox").resolve(file);
        Path failed = DIR.resolve("failed").resolve(file);
        standIn.reset();
        long dropped = System.nanoTime();
        Files.move(DIR.resolve("source").resolve(file), DIR.resolve("inbox").resolve(file),
                StandardCopyOption.ATOMIC_MOVE);
        // the output is renamed into place once written whole; generous for a loaded machine
        long deadline = dropped + Duration.ofSeconds(60 + segments / 20).toNanos();
        while (!Files.exists(output) && !Files.exists(failed) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - dropped) / 1e9;
        return new Drop(output, failed, standIn.segments.get(), seconds);
    }

    /** A user's DRAGOMAN_CONFIG file: one instance on the stand-in, German, this phase's folders. */
    private static Path config(FormatsStandIn standIn) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.server.port", String.valueOf(Bench.freePort()));
        p.put("dragoman.providers", "formats");
        p.put("dragoman.provider.formats.url", standIn.url());
        p.put("dragoman.provider.formats.dialect", "openai");
        p.put("dragoman.provider.formats.model", "bench");
        p.put("dragoman.provider.formats.keys", "formats-key-1|formats-key-2");
        p.put("dragoman.provider.formats.concurrency", "4");
        p.put("dragoman.target-lang", "de");
        p.put("dragoman.memory.enabled", "false");
        for (String folder : new String[] { "inbox", "outbox", "failed" }) {
            p.put("dragoman.file." + folder, DIR.resolve(folder).toAbsolutePath().toString());
        }
        return Bench.writeConfig(DIR.resolve("dragoman-formats.properties"), p);
    }
}
