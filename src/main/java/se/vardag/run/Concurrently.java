package se.vardag.run;

import java.util.ArrayList;
import java.util.List;

/** Independent pieces of driver work side by side (the table writes, the reports of several dates). */
final class Concurrently {
  private Concurrently() {}

  /** Runs independent pieces of driver work on their own threads; waits for all and rethrows the first failure. */
  static void all(List<Runnable> work, int threads, String name) {
    if (work.size() == 1) {
      work.get(0).run();
      return;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.max(1, Math.min(work.size(), threads)), r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
    try {
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      work.forEach(w -> futures.add(pool.submit(w)));
      RuntimeException first = null;
      for (java.util.concurrent.Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable cause = e.getCause();
          if (first == null) {
            first = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
          }
          if (cause instanceof Error err) {
            throw err;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
