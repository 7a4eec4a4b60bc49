package dev.dragoman.translate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.camel.Exchange;

/**
 * How the sources hand their segments to {@code direct:translate} in batches: the lines of a file's chunk, the texts
 * of an HTTP {@code texts} request, the records of a Kafka poll are packed ({@link BatchPacker}, with the largest
 * {@code batch-lines} and {@code batch-chars} of the instances: each instance cuts a batch to its own), and the
 * batches' results put back together in the segments' order. Bound as {@code sourceBatches}.
 */
public class SourceBatches {

    private final BatchPacker packer;
    private final String sourceLang;
    private final String targetLang;

    /** @param sourceLang, targetLang the configured languages, for segments that name none */
    public SourceBatches(BatchPacker packer, String sourceLang, String targetLang) {
        this.packer = packer;
        this.sourceLang = sourceLang;
        this.targetLang = targetLang;
    }

    /**
     * The segments of a chunk of a file, in the configured languages, each with its note; each is known by the
     * chunk's exchange and its id in the file.
     */
    public List<TranslationBatch> lines(FileChunk chunk, Exchange exchange) {
        return pack(chunk.segments().stream().map(segment -> segment(exchange.getExchangeId() + "-" + segment.id(),
                segment.text(), null, null, null).withNote(segment.note())).toList());
    }

    /** One segment; languages it names none of are the configured ones. */
    public TranslationRequest segment(String id, String text, String sourceLang, String targetLang, String provider) {
        return new TranslationRequest(id, text, sourceLang != null ? sourceLang : this.sourceLang,
                targetLang != null ? targetLang : this.targetLang, provider);
    }

    public List<TranslationBatch> pack(List<TranslationRequest> requests) {
        return packer.pack(requests);
    }

    /** A batch that could not be translated at all: each of its segments failed for the same reason. */
    public BatchTranslation failed(Exception failure, TranslationBatch batch) {
        return new BatchTranslation(Collections.nCopies(batch.size(), failure));
    }

    /** The results of the batches of one chunk, poll or request, in the segments' order. */
    public static List<Object> segments(List<?> batches) {
        List<Object> segments = new ArrayList<>();
        for (Object batch : batches) {
            segments.addAll(((BatchTranslation) batch).segments());
        }
        return segments;
    }
}
