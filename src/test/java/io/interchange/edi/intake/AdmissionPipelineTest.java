package io.interchange.edi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.interchange.tracking.TrackingException;
import org.junit.jupiter.api.Test;

class AdmissionPipelineTest {

    @Test
    void batchesAreAdmittedAndHandedOnInTheOrderGiven() {
        List<Integer> admitted = new CopyOnWriteArrayList<>();
        List<Integer> handedOn = new CopyOnWriteArrayList<>();
        try (AdmissionPipeline pipeline = new AdmissionPipeline("test-admission", 1)) {
            for (int i = 0; i < 20; i++) {
                int batch = i;
                pipeline.submit(() -> {
                    admitted.add(batch);
                    return batch;
                }, handedOn::add);
            }
            pipeline.awaitAll();
        }
        List<Integer> expected = IntStream.range(0, 20).boxed().toList();
        assertThat(admitted).isEqualTo(expected);
        assertThat(handedOn).isEqualTo(expected);
    }

    @Test
    void aFailedBatchStopsTheBatchesBehindItAndReachesTheReaderAsThrown() {
        List<Integer> admitted = new CopyOnWriteArrayList<>();
        List<Integer> handedOn = new CopyOnWriteArrayList<>();
        TrackingException down = new TrackingException("database down", null);
        try (AdmissionPipeline pipeline = new AdmissionPipeline("test-admission", 5)) {
            pipeline.submit(() -> admitted.add(0), ok -> handedOn.add(0));
            pipeline.submit(() -> {
                throw down;
            }, ok -> handedOn.add(1));

            // the reader meets the failure at its next submit when the batch has failed by then, else at awaitAll
            assertThatThrownBy(() -> {
                pipeline.submit(() -> admitted.add(2), ok -> handedOn.add(2));
                pipeline.awaitAll();
            }).isSameAs(down);
        }
        assertThat(admitted).containsExactly(0);
        assertThat(handedOn).containsExactly(0);
    }

    @Test
    void theReaderWaitsWhenTheWaitingBatchesAreFull() {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        List<Integer> handedOn = new CopyOnWriteArrayList<>();
        Thread reader = Thread.currentThread();
        // lets the first batch end only once the reader is blocked in its third submit
        Thread release = new Thread(() -> {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.getState() == Thread.State.WAITING);
            firstMayEnd.countDown();
        });
        try (AdmissionPipeline pipeline = new AdmissionPipeline("test-admission", 1)) {
            pipeline.submit(() -> firstMayEnd.await(60, TimeUnit.SECONDS), ok -> handedOn.add(0));
            pipeline.submit(() -> true, ok -> handedOn.add(1));
            release.start();
            pipeline.submit(() -> true, ok -> handedOn.add(2));

            // one running and one waiting: the third submit had to see the first through
            assertThat(handedOn).startsWith(0);
            pipeline.awaitAll();
        }
        assertThat(handedOn).containsExactly(0, 1, 2);
    }

    @Test
    void closingWaitsForTheBatchBeingAdmittedAndAdmitsNothingAfter() {
        List<Integer> admitted = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch mayEnd = new CountDownLatch(1);
        Thread reader = Thread.currentThread();
        AdmissionPipeline pipeline = new AdmissionPipeline("test-admission", 5);
        pipeline.submit(() -> {
            started.countDown();
            mayEnd.await(60, TimeUnit.SECONDS);
            return admitted.add(0);
        }, ok -> {
        });
        pipeline.submit(() -> admitted.add(1), ok -> {
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> started.getCount() == 0);
        // the first batch ends only once the reader waits in close()
        new Thread(() -> {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.getState() == Thread.State.TIMED_WAITING
                    || reader.getState() == Thread.State.WAITING);
            mayEnd.countDown();
        }).start();

        pipeline.close();

        assertThat(admitted).containsExactly(0);
    }
}
