package dev.dragoman.kafka;

import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.LongPredicate;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * What is finished of one partition, for its commits. The committed offset is that of the first record not finished
 * (everything before it is); the records finished above it ride along in the commit's metadata, as Confluent's
 * parallel consumer keeps them (https://github.com/confluentinc/parallel-consumer#offset-map), so that after a
 * restart or a rebalance only the records that were not finished are done again.
 * <p>
 * The metadata is {@code b1:} and a base64 bit set of the finished offsets, relative to the committed one. Kafka keeps
 * at most {@code offset.metadata.max.bytes} (4096 by default) of it, so a longer set is cut: the records past the cut
 * are done again after a restart, which at-least-once allows. Used on the consumer thread only.
 */
final class PartitionProgress {

    private static final String VERSION = "b1:";
    /** Base64 characters kept at most: within the broker's default 4096 bytes with room to spare. */
    private static final int MAX_METADATA = 4000;

    /** Records read and not finished. */
    private final NavigableSet<Long> open = new TreeSet<>();
    /** Records finished, at or above the commit point (found in the committed metadata, or finished since). */
    private final NavigableSet<Long> finished = new TreeSet<>();
    /** One past the highest offset read, or the committed offset before anything is read; -1 when neither is known. */
    private long end = -1;
    private OffsetAndMetadata lastCommit;

    /** @param committed the partition's committed offset and metadata; null for a partition never committed */
    PartitionProgress(OffsetAndMetadata committed) {
        if (committed != null) {
            end = committed.offset();
            finished.addAll(decode(committed.offset(), committed.metadata()));
            lastCommit = committed;
        }
    }

    /**
     * Takes a record read from the partition.
     *
     * @return false when it was finished before (the committed metadata says so): it must not be done again
     */
    boolean read(long offset) {
        end = Math.max(end, offset + 1);
        if (finished.contains(offset)) {
            return false;
        }
        open.add(offset);
        return true;
    }

    void finished(long offset) {
        if (open.remove(offset)) {
            finished.add(offset);
        }
    }

    /** The offset to commit: that of the first record read and not finished, else one past the last read. */
    long commitPoint() {
        return open.isEmpty() ? end : open.first();
    }

    /**
     * The commit that records what is finished now, or null when there is nothing new since the last one (or nothing
     * read yet).
     */
    OffsetAndMetadata commit() {
        long point = commitPoint();
        if (point < 0) {
            return null;
        }
        finished.headSet(point).clear();
        OffsetAndMetadata commit = new OffsetAndMetadata(point, encode(point, finished));
        return commit.equals(lastCommit) ? null : commit;
    }

    /** Notes that the broker took this commit. */
    void committed(OffsetAndMetadata commit) {
        lastCommit = commit;
    }

    /**
     * For a transaction, which publishes outputs in offset order and commits no metadata: the records not finished,
     * from the commit point up to the first that is not {@code ready}.
     */
    List<Long> readyPrefix(LongPredicate ready) {
        List<Long> prefix = new ArrayList<>();
        for (long offset : open) {
            if (!ready.test(offset)) {
                break;
            }
            prefix.add(offset);
        }
        return prefix;
    }

    /** The commit point once the record at this offset, and every one before it, is finished. */
    long pointAfter(long offset) {
        Long next = open.higher(offset);
        return next != null ? next : end;
    }

    static String encode(long base, NavigableSet<Long> offsets) {
        if (offsets.isEmpty()) {
            return "";
        }
        BitSet bits = new BitSet();
        for (long offset : offsets.tailSet(base)) {
            long bit = offset - base;
            if (bit >= MAX_METADATA / 4 * 3 * 8) {
                break;
            }
            bits.set((int) bit);
        }
        return VERSION + Base64.getEncoder().withoutPadding().encodeToString(bits.toByteArray());
    }

    /** The finished offsets a commit's metadata names; none when it is empty or not ours. */
    static NavigableSet<Long> decode(long base, String metadata) {
        NavigableSet<Long> offsets = new TreeSet<>();
        if (metadata == null || !metadata.startsWith(VERSION)) {
            return offsets;
        }
        try {
            BitSet bits = BitSet.valueOf(Base64.getDecoder().decode(metadata.substring(VERSION.length())));
            bits.stream().forEach(bit -> offsets.add(base + bit));
        } catch (IllegalArgumentException notOurs) {
            offsets.clear();
        }
        return offsets;
    }
}
