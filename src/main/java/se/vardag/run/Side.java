package se.vardag.run;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * A piece of driver work started on a thread of its own, its Spark jobs in a fair-scheduler pool named
 * after it ({@code spark.scheduler.mode = FAIR}, {@link SparkSessions}), so that its tasks take turns with
 * those of the work the starting thread goes on with instead of waiting for all of them.
 */
final class Side<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private volatile long millis;

  private Side() {}

  static <T> Side<T> start(String name, SparkSession spark, Supplier<T> work) {
    requireNonNull(work, "work is null");
    Side<T> side = new Side<>();
    Thread t = new Thread(() -> {
      spark.sparkContext().setLocalProperty("spark.scheduler.pool", name);
      side.run(work);
    }, name);
    t.setDaemon(true);
    t.start();
    return side;
  }

  /** The same interface for work done at once, on the calling thread (its failure is thrown from {@link #await}). */
  static <T> Side<T> now(Supplier<T> work) {
    requireNonNull(work, "work is null");
    Side<T> side = new Side<>();
    side.run(work);
    return side;
  }

  /** Runs {@code work}, timing it, and completes the result with its value or its failure. */
  private void run(Supplier<T> work) {
    long t0 = System.nanoTime();
    T value;
    try {
      value = work.get();
    } catch (Throwable e) {
      millis = (System.nanoTime() - t0) / 1_000_000;
      result.completeExceptionally(e);
      return;
    }
    millis = (System.nanoTime() - t0) / 1_000_000;
    result.complete(value);
  }

  /** The work's result; its exception, as thrown, when it failed. */
  T await() {
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the work on the side", e);
    }
  }

  /** Waits for the work to end, whatever its outcome (when the starting thread fails first). */
  void awaitQuietly() {
    try {
      result.handle((r, e) -> null).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // handled above: cannot happen
    }
  }

  /** How long the work took, in milliseconds (once it ended). */
  long millis() {
    return millis;
  }
}
