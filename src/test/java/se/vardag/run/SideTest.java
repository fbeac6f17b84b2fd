package se.vardag.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import se.vardag.SparkTestSupport;

/** Work on the side runs on its own thread, its Spark jobs in its own pool; its result and failure come back as they are. */
class SideTest {
  @Test
  void workStartedOnTheSideRunsOnItsOwnThreadAndPoolAndGivesItsResult() {
    SparkSession spark = SparkTestSupport.spark();
    AtomicReference<String> thread = new AtomicReference<>();
    AtomicReference<String> pool = new AtomicReference<>();
    Side<Long> side = Side.start("vardag-test-side", spark, () -> {
      thread.set(Thread.currentThread().getName());
      pool.set(spark.sparkContext().getLocalProperty("spark.scheduler.pool"));
      sleep(50);
      return spark.range(10).count();
    });
    assertThat(side.await()).isEqualTo(10L);
    assertThat(thread.get()).isEqualTo("vardag-test-side");
    assertThat(pool.get()).isEqualTo("vardag-test-side");
    assertThat(side.millis()).isGreaterThanOrEqualTo(50);
    // The starting thread's own jobs stay in its pool.
    assertThat(spark.sparkContext().getLocalProperty("spark.scheduler.pool")).isNull();
  }

  @Test
  void aFailureOnTheSideIsThrownAsItIsWhenAwaited() {
    IllegalArgumentException failure = new IllegalArgumentException("Cannot read the side: x");
    Side<String> side = Side.start("vardag-test-side", SparkTestSupport.spark(), () -> {
      throw failure;
    });
    side.awaitQuietly();
    assertThatThrownBy(side::await).isSameAs(failure);
  }

  @Test
  void workDoneNowRunsOnTheCallingThreadAndKeepsItsFailureForAwait() {
    String caller = Thread.currentThread().getName();
    AtomicReference<String> thread = new AtomicReference<>();
    Side<String> ok = Side.now(() -> {
      thread.set(Thread.currentThread().getName());
      sleep(20);
      return "done";
    });
    assertThat(thread.get()).isEqualTo(caller);
    assertThat(ok.await()).isEqualTo("done");
    assertThat(ok.millis()).isGreaterThanOrEqualTo(20);
    IllegalStateException failure = new IllegalStateException("Cannot read now: y");
    Side<String> failed = Side.now(() -> {
      throw failure;
    });
    assertThatThrownBy(failed::await).isSameAs(failure);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
