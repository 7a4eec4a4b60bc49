package dev.dragoman.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How one partition's progress becomes commits, and how a commit's metadata brings finished records back. */
class PartitionProgressTest {

    @Test
    void commits_up_to_the_first_record_not_finished_with_those_finished_above_in_the_metadata() {
        PartitionProgress progress = new PartitionProgress(null);
        for (long offset = 10; offset < 20; offset++) {
            assertThat(progress.read(offset)).isTrue();
        }
        progress.finished(10);
        progress.finished(11);
        progress.finished(14);
        progress.finished(19);

        OffsetAndMetadata commit = progress.commit();

        assertThat(commit.offset()).isEqualTo(12);
        assertThat(PartitionProgress.decode(commit.offset(), commit.metadata())).containsExactly(14L, 19L);
        progress.committed(commit);
        assertThat(progress.commit()).as("nothing new").isNull();
    }

    @Test
    void a_partition_taken_over_skips_the_records_its_last_commit_says_are_finished() {
        OffsetAndMetadata committed = new OffsetAndMetadata(12,
                PartitionProgress.encode(12, new TreeSet<>(List.of(14L, 19L))));
        PartitionProgress progress = new PartitionProgress(committed);

        List<Long> toDo = new ArrayList<>();
        for (long offset = 12; offset < 21; offset++) {
            if (progress.read(offset)) {
                toDo.add(offset);
            }
        }

        assertThat(toDo).containsExactly(12L, 13L, 15L, 16L, 17L, 18L, 20L);
        toDo.forEach(progress::finished);
        assertThat(progress.commit()).isEqualTo(new OffsetAndMetadata(21, ""));
    }

    @Test
    void a_transaction_takes_the_ready_records_from_the_commit_point_up_to_the_first_not_ready() {
        PartitionProgress progress = new PartitionProgress(new OffsetAndMetadata(5));
        // offsets 7 and 9 are missing (transaction markers, compaction): only records read count
        for (long offset : List.of(5L, 6L, 8L, 10L)) {
            progress.read(offset);
        }

        List<Long> prefix = progress.readyPrefix(offset -> offset != 10);

        assertThat(prefix).containsExactly(5L, 6L, 8L);
        assertThat(progress.pointAfter(8)).isEqualTo(10);
    }

    @Test
    void metadata_that_is_not_ours_is_ignored() {
        assertThat(PartitionProgress.decode(0, "written by another tool")).isEmpty();
        assertThat(PartitionProgress.decode(0, "b1:not base64!")).isEmpty();
    }
}
