package se.vardag.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import se.vardag.ExitCode;
import se.vardag.FsConf;
import se.vardag.Location;
import se.vardag.VardagException;
import se.vardag.run.OutputLock;

/** One writer at a time on an object store (issue 12): the lock object is created only if absent. */
class ObjectStoreLockTest {
  private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

  @Test
  void aSecondRunIsRefusedWithTheHolderAndTheRemedyUntilTheFirstEnds() throws Exception {
    S3MockServer s3 = S3MockServer.shared();
    FsConf fs = s3.fsConf();
    Location out = Location.of(s3.uri("lock-test/out"));
    try (OutputLock first = OutputLock.acquire(out, fs, "20261203T020000Z-aaaa", T0)) {
      FileSystem store = FileSystem.get(URI.create(s3.uri("")), fs.configuration());
      String held = new String(store.open(new Path(s3.uri("lock-test/out/.vardag.lock"))).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(held).contains("\"run_id\":\"20261203T020000Z-aaaa\"").contains("\"started_at\":\"" + T0 + "\"");
      assertThatThrownBy(() -> OutputLock.acquire(out, fs, "20261203T020500Z-bbbb", T0.plusSeconds(300)))
          .isInstanceOfSatisfying(VardagException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ALREADY_RUNNING))
          .hasMessageStartingWith("Cannot start: another Vardag run holds the lock s3a://vardag/lock-test/out/.vardag.lock"
              + " (run 20261203T020000Z-aaaa on host ")
          .hasMessageEndingWith(", since 2026-12-03T02:00:00Z). Wait for it to finish. An object store does not"
              + " release the lock of a run that died: if that run is no longer running, delete the lock object (for"
              + " example 'hadoop fs -rm s3a://vardag/lock-test/out/.vardag.lock') and run again.");
    }
    try (OutputLock again = OutputLock.acquire(out, fs, "20261203T021000Z-cccc", T0.plusSeconds(600))) {
      assertThat(again).isNotNull();
    }
  }
}
