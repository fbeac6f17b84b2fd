package se.vardag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.SparkTestSupport;
import se.vardag.facts.UsageStore;
import se.vardag.ingest.InputFolder;
import se.vardag.ingest.UsageFile;
import se.vardag.ingest.UsageFileParser;
import se.vardag.privacy.Pseudonymizer;

/** The incremental store: reading only what changed gives the same facts as reading everything. */
class UsageStoreTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  private static final Pseudonymizer KEY = new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes());
  private final SparkSession spark = SparkTestSupport.spark();

  @TempDir
  Path dir;

  private Path usage() throws IOException {
    return Files.createDirectories(dir.resolve("in").resolve("usage"));
  }

  private void file(String date, String... rows) throws IOException {
    StringBuilder b = new StringBuilder("event_time,employee_id,source,action,count\n");
    for (String r : rows) {
      b.append(r).append('\n');
    }
    Path p = usage().resolve("usage-" + date + ".csv");
    Files.writeString(p, b.toString());
    // Distinct modification times, as files written on different nights have.
    Files.setLastModifiedTime(p, FileTime.fromMillis(1_700_000_000_000L + LocalDate.parse(date).toEpochDay() * 1000
        + Files.size(p)));
  }

  /** (pid, source, action) → the days, as the store gives them (one row per key). */
  private Map<String, String> facts(UsageStore store) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : store.facts(spark).collectAsList()) {
      String key = r.getLong(0) + "|" + r.getString(1) + "|" + r.getString(2);
      assertThat(out).doesNotContainKey(key);
      out.put(key, r.getInt(3) + ":" + r.getList(4));
    }
    return out;
  }

  private UsageStore.Refresh refresh(Path output, boolean full, String run) throws IOException {
    InputFolder folder = InputFolder.open(dir.resolve("in"));
    UsageStore store = UsageStore.open(output);
    return store.refresh(spark, folder.usageFiles(), UsageStore.fingerprint(ZONE, KEY, 1000), ZONE, 1000, KEY,
        full, run);
  }

  @Test
  void incrementalRefreshesEqualAFullRebuild() throws IOException {
    Path output = dir.resolve("out");
    file("2026-11-01", "2026-11-01T08:00:00+01:00,E1,ServiceNow,Incident.Resolve,1",
        "2026-11-01T09:00:00+01:00,E2,servicenow,incident.resolve,0");
    UsageStore.Refresh first = refresh(output, false, "r1");
    assertThat(first.ingested()).containsExactly("usage/usage-2026-11-01.csv");

    file("2026-11-02", "2026-11-02T08:00:00+01:00,E2,servicenow,incident.resolve,2", "bad row");
    UsageStore.Refresh second = refresh(output, false, "r2");
    assertThat(second.ingested()).containsExactly("usage/usage-2026-11-02.csv");

    UsageStore.Refresh third = refresh(output, false, "r3");
    assertThat(third.ingested()).isEmpty();

    // A changed file is read again and its old facts disappear.
    file("2026-11-01", "2026-11-01T08:00:00+01:00,E3,servicenow,incident.resolve,1");
    UsageStore.Refresh fourth = refresh(output, false, "r4");
    assertThat(fourth.ingested()).containsExactly("usage/usage-2026-11-01.csv");
    assertThat(fourth.baseRebuilt()).isTrue();

    UsageStore incremental = UsageStore.open(output);
    Path fullOutput = dir.resolve("full");
    refresh(fullOutput, true, "f1");
    UsageStore full = UsageStore.open(fullOutput);
    assertThat(facts(incremental)).isEqualTo(facts(full)).hasSize(2);
    assertThat(incremental.files()).extracting(e -> e.rowsRead).containsExactly(1L, 2L);
    assertThat(incremental.files()).extracting(e -> e.rowsRejected).containsExactly(0L, 1L);
    assertThat(incremental.rejected(spark).collectAsList()).extracting(r -> r.getString(0) + ":" + r.getLong(1))
        .containsExactly("usage/usage-2026-11-02.csv:3");
    assertThat(incremental.lastDay()).hasValue((int) LocalDate.parse("2026-11-02").toEpochDay());
  }

  @Test
  void removedFilesLeaveTheStoreAndManyNewFilesAreCompacted() throws IOException {
    Path output = dir.resolve("out");
    for (int d = 1; d <= 3; d++) {
      file("2026-11-0" + d, "2026-11-0" + d + "T08:00:00+01:00,E1,servicenow,incident.resolve,1");
    }
    refresh(output, false, "r1");
    for (int d = 4; d <= 9 + UsageStore.COMPACT_AFTER; d++) {
      String date = LocalDate.parse("2026-11-01").plusDays(d - 1).toString();
      file(date, date + "T08:00:00+01:00,E" + d + ",teams,chat,1");
    }
    UsageStore.Refresh many = refresh(output, false, "r2");
    assertThat(many.baseRebuilt()).isTrue();
    Files.delete(usage().resolve("usage-2026-11-02.csv"));
    UsageStore.Refresh removed = refresh(output, false, "r3");
    assertThat(removed.removed()).containsExactly("usage/usage-2026-11-02.csv");
    Path fullOutput = dir.resolve("full");
    refresh(fullOutput, true, "f1");
    assertThat(facts(UsageStore.open(output))).isEqualTo(facts(UsageStore.open(fullOutput)));
    // Nothing is left behind of replaced bases or files.
    try (var stream = Files.list(output.resolve("_state/usage/base"))) {
      assertThat(stream.count()).isEqualTo(1);
    }
    try (var stream = Files.list(Files.list(output.resolve("_state/usage/base")).findFirst().orElseThrow())) {
      assertThat(stream.count()).isEqualTo(UsageStore.BUCKETS);
    }
    try (var stream = Files.list(output.resolve("_state/usage/files"))) {
      assertThat(stream.count()).isEqualTo(UsageStore.open(output).files().size());
    }
  }

  @Test
  void aChangedTimeZoneOrKeyRebuildsEverything() throws IOException {
    Path output = dir.resolve("out");
    file("2026-11-01", "2026-11-01T23:30:00Z,E1,servicenow,incident.resolve,1");
    refresh(output, false, "r1");
    assertThat(UsageStore.open(output).lastDay()).hasValue((int) LocalDate.parse("2026-11-02").toEpochDay());
    InputFolder folder = InputFolder.open(dir.resolve("in"));
    ZoneId utc = ZoneId.of("UTC");
    UsageStore store = UsageStore.open(output);
    String fingerprint = UsageStore.fingerprint(utc, KEY, 1000);
    assertThat(store.pending(folder.usageFiles(), fingerprint, false)).hasSize(1);
    UsageStore.Refresh r = store.refresh(spark, folder.usageFiles(), fingerprint, utc, 1000, KEY, false, "r2");
    assertThat(r.fullRebuild()).isTrue();
    assertThat(UsageStore.open(output).lastDay()).hasValue((int) LocalDate.parse("2026-11-01").toEpochDay());
    List<String> other = UsageStore.open(output).pending(folder.usageFiles(),
        UsageStore.fingerprint(utc, new Pseudonymizer("another-key-of-16-bytes".getBytes()), 1000), false)
        .stream().map(UsageFile::name).toList();
    assertThat(other).containsExactly("usage/usage-2026-11-01.csv");
  }

  @Test
  void aSeventyThousandCharacterActionAndSourceGoThroughTheStore() throws IOException {
    // SPEC 2 (rev 2): no value of any length can make a run fail. writeUTF held 65,535 bytes at most.
    String source = "S" + "å".repeat(69_999); // 70,000 characters, 139,999 UTF-8 bytes
    String action = "a".repeat(70_000);
    file("2026-11-01", "2026-11-01T08:00:00+01:00,E1," + source + "," + action + ",1",
        "2026-11-01T08:00:00+01:00,E2,teams,chat,1");
    Path output = dir.resolve("out");
    InputFolder folder = InputFolder.open(dir.resolve("in"));
    UsageStore.open(output).refresh(spark, folder.usageFiles(), UsageStore.fingerprint(ZONE, KEY, 100_000), ZONE,
        100_000, KEY, false, "r1");
    // A second file makes the base merge the long strings again (compaction reads and rewrites them).
    file("2026-11-02", "2026-11-02T08:00:00+01:00,E1," + source + "," + action + ",1");
    UsageStore.open(output).refresh(spark, folder.usageFiles(), UsageStore.fingerprint(ZONE, KEY, 100_000), ZONE,
        100_000, KEY, true, "r2");
    UsageStore store = UsageStore.open(output);
    List<Row> rows = store.facts(spark).collectAsList();
    assertThat(rows).hasSize(2);
    Row longOne = rows.stream().filter(r -> r.getString(2).length() > 10).findFirst().orElseThrow();
    assertThat(longOne.getString(1)).isEqualTo(source.toLowerCase(java.util.Locale.ROOT)).hasSize(70_000);
    assertThat(longOne.getString(2)).isEqualTo(action);
    assertThat(longOne.getList(4)).hasSize(1);
    assertThat(store.files()).extracting(e -> e.rowsRejected).containsExactly(0L, 0L);
  }

  @Test
  void eventsInTheFutureAreRejectedWhenTheFileIsReadAndKeptInTheQuarantine() throws IOException {
    // SPEC 2 (rev 2): the run's date is 2026-11-01, quality.max_future_days 1: 11-02 is accepted, 11-03 not.
    file("2026-11-01", "2026-11-01T08:00:00+01:00,E1,teams,chat,1",
        "2026-11-02T23:59:59+01:00,E2,teams,chat,1",
        "2026-11-03T00:00:00+01:00,E3,teams,chat,1",
        "2062-11-03T08:15:00+01:00,E4,teams,chat,1");
    Path output = dir.resolve("out");
    InputFolder folder = InputFolder.open(dir.resolve("in"));
    UsageFileParser.FutureLimit limit = UsageFileParser.FutureLimit.of(LocalDate.parse("2026-11-01"), 1);
    String fingerprint = UsageStore.fingerprint(ZONE, KEY, 1000, 1);
    UsageStore.open(output).refresh(spark, folder.usageFiles(), fingerprint, ZONE, 1000, limit, KEY, false, "r1");
    UsageStore store = UsageStore.open(output);
    assertThat(store.files()).singleElement().satisfies(e -> {
      assertThat(e.rowsRead).isEqualTo(4);
      assertThat(e.rowsRejected).isEqualTo(2);
      assertThat(e.events).isEqualTo(2);
      assertThat(e.maxDay).isEqualTo((int) LocalDate.parse("2026-11-02").toEpochDay());
    });
    // The default as-of date rests on lastDay: the year 2062 does not move it.
    assertThat(store.lastDay()).hasValue((int) LocalDate.parse("2026-11-02").toEpochDay());
    assertThat(store.rejected(spark).orderBy("line").collectAsList())
        .extracting(r -> r.getLong(1) + " " + r.getString(2) + " " + r.getString(3)).containsExactly(
            "4 event_time Cannot accept event_time dated 2026-11-03: it is in the future, more than 1 day(s) after"
                + " the run's date 2026-11-01 (quality.max_future_days = 1)",
            "5 event_time Cannot accept event_time dated 2062-11-03: it is in the future, more than 1 day(s) after"
                + " the run's date 2026-11-01 (quality.max_future_days = 1)");
    // Another quality.max_future_days changes what the file yields: the store is rebuilt.
    assertThat(store.pending(folder.usageFiles(), fingerprint, false)).isEmpty();
    assertThat(store.pending(folder.usageFiles(), UsageStore.fingerprint(ZONE, KEY, 1000, 2), false)).hasSize(1);
  }

  @Test
  void emptyAndHeaderOnlyFilesHoldNoEvents() throws IOException {
    Files.write(usage().resolve("usage-2026-11-01.csv"), new byte[0]);
    file("2026-11-02");
    Path output = dir.resolve("out");
    refresh(output, false, "r1");
    UsageStore store = UsageStore.open(output);
    assertThat(store.files()).extracting(e -> e.name + " " + e.rowsRead + " " + e.empty + " " + e.maxDay)
        .containsExactly("usage/usage-2026-11-01.csv 0 true null", "usage/usage-2026-11-02.csv 0 false null");
    assertThat(store.lastDay()).isEmpty();
    assertThat(store.facts(spark).count()).isZero();
  }
}
