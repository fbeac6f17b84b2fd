package se.vardag.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.vardag.ExitCode;
import se.vardag.VardagException;

/** The driver-side fan-out used for the table writes and a backfill's reports. */
class ConcurrentlyTest {
  @Test
  void runsEveryPieceAndWaitsForAll() {
    ConcurrentLinkedQueue<Integer> done = new ConcurrentLinkedQueue<>();
    Concurrently.all(List.of(() -> done.add(1), () -> done.add(2), () -> done.add(3), () -> done.add(4)), 2,
        "test");
    assertThat(done).containsExactlyInAnyOrder(1, 2, 3, 4);
  }

  @Test
  void piecesRunSideBySide() {
    // Each piece waits for the other: this only finishes if both run at the same time.
    CountDownLatch both = new CountDownLatch(2);
    Runnable meet = () -> {
      both.countDown();
      try {
        if (!both.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the other piece never started");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    Concurrently.all(List.of(meet, meet), 2, "test");
    assertThat(both.getCount()).isZero();
  }

  @Test
  void aFailureIsRethrownAsItIsAfterTheOtherPiecesFinished() {
    ConcurrentLinkedQueue<String> done = new ConcurrentLinkedQueue<>();
    VardagException failure = new VardagException(ExitCode.INTERNAL_ERROR, "Cannot write table x: disk full");
    assertThatThrownBy(() -> Concurrently.all(List.of(
        () -> {
          throw failure;
        },
        () -> done.add("b"),
        () -> done.add("c")), 3, "test"))
        .isSameAs(failure);
    assertThat(done).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void aSinglePieceRunsOnTheCallersThread() {
    Thread[] ran = new Thread[1];
    Concurrently.all(List.of(() -> ran[0] = Thread.currentThread()), 2, "test");
    assertThat(ran[0]).isSameAs(Thread.currentThread());
  }
}
