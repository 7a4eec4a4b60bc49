package dev.dragoman.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Packs consecutive segments into batches of at most {@code lines} segments and {@code chars} characters (a single
 * longer segment goes alone). A segment with other languages or another requested instance than the one before it
 * starts a new batch, so a batch never mixes them and the batches keep the segments' order.
 */
public final class BatchPacker {

    private final int lines;
    private final int chars;

    public BatchPacker(int lines, int chars) {
        this.lines = Math.max(1, lines);
        this.chars = Math.max(1, chars);
    }

    public List<TranslationBatch> pack(List<TranslationRequest> requests) {
        List<TranslationBatch> batches = new ArrayList<>();
        List<TranslationRequest> batch = new ArrayList<>();
        long size = 0;
        for (TranslationRequest request : requests) {
            int length = request.text().length();
            if (!batch.isEmpty() && (batch.size() == lines || size + length > chars
                    || !together(batch.get(0), request))) {
                batches.add(new TranslationBatch(batch));
                batch = new ArrayList<>();
                size = 0;
            }
            batch.add(request);
            size += length;
        }
        if (!batch.isEmpty()) {
            batches.add(new TranslationBatch(batch));
        }
        return batches;
    }

    private static boolean together(TranslationRequest first, TranslationRequest next) {
        return Objects.equals(first.sourceLang(), next.sourceLang())
                && Objects.equals(first.targetLang(), next.targetLang())
                && Objects.equals(first.provider(), next.provider());
    }
}
