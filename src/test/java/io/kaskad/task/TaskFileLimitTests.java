package io.kaskad.task;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.kaskad.common.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file above kaskad.task.max-file-size is refused by its size alone, before it is opened or anything is stored. */
class TaskFileLimitTests {

    @Test
    void aFileAboveTheLimitIsRefusedBeforeAnyWork() {
        // no store, importer, message service or address: reaching any of them would fail the test with a NullPointerException
        TaskService tasks = new TaskService(null, null, null, null, TaskProperties.withMaxFileSize(DataSize.ofMegabytes(1)), null,
                Clock.systemUTC());
        NewTask task = new NewTask("Акция", TaskType.SMS, Instant.now(), Instant.now().plusSeconds(3600));

        assertThatThrownBy(() -> tasks.create(1, null, task, Path.of("/nonexistent/big.xlsx"), "big.xlsx", DataSize.ofMegabytes(2).toBytes(), false))
            .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                org.assertj.core.api.Assertions.assertThat(refused.problems()).singleElement().satisfies(problem -> {
                    org.assertj.core.api.Assertions.assertThat(problem.field()).isEqualTo("file");
                    org.assertj.core.api.Assertions.assertThat(problem.messageCode()).isEqualTo("task.file.too-large");
                });
            });
    }
}
