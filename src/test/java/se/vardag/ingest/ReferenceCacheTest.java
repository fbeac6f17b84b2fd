package se.vardag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.Location;
import se.vardag.SparkTestSupport;
import se.vardag.privacy.Pseudonymizer;

/**
 * The single files' checked form is kept in the state store and read instead of the files only while
 * every file and setting is unchanged; what it gives is exactly what reading the files gives.
 */
class ReferenceCacheTest {
  private static final Pseudonymizer KEY = new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes());
  private static final Pseudonymizer OTHER_KEY = new Pseudonymizer("fedcba9876543210fedcba9876543210".getBytes());
  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  @TempDir
  Path input;

  @TempDir
  Path output;

  private void writeInputs(String extraTraining) throws Exception {
    Files.createDirectories(input.resolve("usage"));
    Files.writeString(input.resolve("employees.csv"), "employee_id,org_unit,display_name,email,hired_on,left_on\n"
        + "E1,IT/Support,Anna Berg,anna@example.org,2020-01-01,\n"
        + "E2,IT/Drift,Bo Ek,,2021-03-01,2026-06-30\n"
        + "E2,IT/Drift,Bo Ek,,2021-03-01,\n" // a duplicate id: both rows rejected
        + "E3,HR,Cecilia Dahl,cecilia@example.org,2019-05-01,\n"
        + "E4,HR,Dan Olsson,dan@example.org,2022-08-15,\n", StandardCharsets.UTF_8);
    Files.writeString(input.resolve("goals.csv"), "goal_id,title\nG1,Bättre service\n", StandardCharsets.UTF_8);
    Files.writeString(input.resolve("initiatives.csv"), "initiative_id,name,goal_id,owner_id,pilot_start,pilot_end,"
        + "target_org_units,course_ids,usage_signals,owner_has_mandate\n"
        + "I1,Chatbot,G1,E1,2026-01-01,2026-04-30,IT,C1,chat:ask,ja\n"
        + "I2,Schema,,E3,2026-02-01,,HR;IT/Drift,,,nej\n"
        + "I3,Trasig,,E3,not-a-date,,HR,,,\n", StandardCharsets.UTF_8);
    Files.writeString(input.resolve("trainings.csv"), "employee_id,course_id,completed_on,certified\n"
        + "E1,C1,2026-01-10,ja\nE9,C1,2026-01-11,\nE2,C1,2026-01-12,nej\n" + extraTraining, StandardCharsets.UTF_8);
    Files.writeString(input.resolve("follow_ups.csv"), "initiative_id,held_on,maturity\nI1,2026-03-01,3\n"
        + "I3,2026-03-02,2\nI7,2026-03-03,1\n", StandardCharsets.UTF_8);
  }

  private ReferenceData read(Pseudonymizer key, boolean reuse, String runId) {
    return ReferenceData.read(SparkTestSupport.spark(), InputFolder.open(input), ZONE, 1000, key,
        ReferenceCache.of(Location.of(output)), runId, reuse);
  }

  @Test
  void unchangedFilesAreReadFromTheSavedFormAndGiveWhatReadingTheFilesGives() throws Exception {
    writeInputs("");
    ReferenceData plain = ReferenceData.read(SparkTestSupport.spark(), InputFolder.open(input), ZONE, 1000, KEY);
    ReferenceData first = read(KEY, true, "run-1");
    assertThat(first.saved()).isFalse();
    ReferenceData second = read(KEY, true, "run-2");
    assertThat(second.saved()).isTrue();
    for (ReferenceData d : List.of(first, second)) {
      assertSame(plain, d);
      // The saved roster names only the owners (E1 and E3 own I1-I3); E4 is there by pseudonym alone.
      assertThat(d.employees().orderBy("pid").collectAsList()).extracting(r -> r.get(0) + " " + r.get(3) + " "
          + r.get(4)).containsExactlyInAnyOrder("E1 Anna Berg anna@example.org", "E3 Cecilia Dahl cecilia@example.org",
          "null null null");
    }
    // The saved form is run-1's; run-2 found it and wrote nothing.
    assertThat(folders()).containsExactly("run-1");
    // The driver's checks come with the saved form (no Spark job on a later run) and equal a plain read's.
    ReferenceChecks checks = plain.checks();
    assertThat(checks.pseudonymsDistinct()).isTrue();
    assertThat(checks.owners()).containsExactly(
        new ReferenceChecks.Owner("E1", (int) java.time.LocalDate.of(2020, 1, 1).toEpochDay(), null, "Anna Berg",
            "anna@example.org"),
        new ReferenceChecks.Owner("E3", (int) java.time.LocalDate.of(2019, 5, 1).toEpochDay(), null, "Cecilia Dahl",
            "cecilia@example.org"));
    assertThat(checks.registerRejections()).hasSize(1);
    assertThat(checks.registerRejections().get(0).line()).isEqualTo(4L);
    assertThat(checks.registerRejections().get(0).record()).startsWith("I3,Trasig,");
    assertThat(first.checks()).isEqualTo(checks);
    assertThat(second.checks()).isEqualTo(checks);
    String current = Files.readString(output.resolve("_state/reference/current.json"));
    assertThat(current).contains("\"checks\"", "\"distinct_pseudonyms\" : 3", "\"employee_id\" : \"E3\"",
        "not-a-date");
    plain.release();
  }

  @Test
  void aChangedFileADifferentKeyOrAFullRefreshReadsTheFilesAgainAndKeepsOnlyTheNewForm() throws Exception {
    writeInputs("");
    assertThat(read(KEY, true, "run-1").saved()).isFalse();
    // One more training row: trainings.csv changed.
    writeInputs("E3,C1,2026-01-13,ja\n");
    ReferenceData changed = read(KEY, true, "run-2");
    assertThat(changed.saved()).isFalse();
    // E1's and E3's: E9 is not in the roster and E2's rows were rejected.
    assertThat(changed.trainings().count()).isEqualTo(2);
    assertThat(changed.stats().get("trainings.csv").rowsRead()).isEqualTo(4);
    assertThat(folders()).containsExactly("run-2");
    // Another pseudonym key gives other pseudonyms: not the saved form (which the next save removes).
    List<Long> before = pids(changed);
    ReferenceData otherKey = read(OTHER_KEY, true, "run-3");
    assertThat(otherKey.saved()).isFalse();
    assertThat(pids(otherKey)).hasSize(3).isNotEqualTo(before);
    assertThat(folders()).containsExactly("run-3");
    // --full-refresh reads the files even when nothing changed.
    assertThat(read(OTHER_KEY, false, "run-4").saved()).isFalse();
    assertThat(read(OTHER_KEY, true, "run-5").saved()).isTrue();
    assertThat(folders()).containsExactly("run-4");
  }

  @Test
  void anUnreadableSavedFormIsReadFromTheFilesInstead() throws Exception {
    writeInputs("");
    read(KEY, true, "run-1");
    Files.writeString(output.resolve("_state/reference/current.json"), "{ not json");
    ReferenceData again = read(KEY, true, "run-2");
    assertThat(again.saved()).isFalse();
    assertThat(again.trainings().count()).isEqualTo(1);
    // A form saved without its checks (as by an older version, under the same format) is not used.
    Path current = output.resolve("_state/reference/current.json");
    Files.writeString(current, Files.readString(current).replace("\"checks\"", "\"unchecked\""));
    assertThat(read(KEY, true, "run-2b").saved()).isFalse();
    // A saved form whose Parquet files are gone is not used either.
    Location.of(output.resolve("_state/reference/run-2b")).delete();
    ReferenceData third = read(KEY, true, "run-3");
    assertThat(third.saved()).isFalse();
    assertThat(third.employees().count()).isEqualTo(3);
  }

  private List<String> folders() throws Exception {
    try (Stream<Path> s = Files.list(output.resolve("_state/reference"))) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Long> pids(ReferenceData d) {
    return d.employees().orderBy("employee_id").collectAsList().stream().map(r -> r.<Long>getAs("pid")).toList();
  }

  private static void assertSame(ReferenceData expected, ReferenceData actual) {
    assertThat(rows(actual.employees().drop("employee_id", "display_name", "email")))
        .isEqualTo(rows(expected.employees().drop("employee_id", "display_name", "email")));
    assertThat(rows(actual.trainings())).isEqualTo(rows(expected.trainings()));
    assertThat(rows(actual.learning())).isEqualTo(rows(expected.learning()));
    assertThat(rows(actual.followUps())).isEqualTo(rows(expected.followUps()));
    assertThat(rows(actual.outcomes())).isEqualTo(rows(expected.outcomes()));
    assertThat(rows(actual.rejected())).isEqualTo(rows(expected.rejected()));
    assertThat(actual.rejected().columns()).containsExactly(expected.rejected().columns());
    assertThat(actual.employees().columns()).containsExactly(expected.employees().columns());
    assertThat(actual.initiatives()).isEqualTo(expected.initiatives());
    assertThat(actual.goals()).isEqualTo(expected.goals());
    assertThat(actual.stats().keySet()).containsExactlyElementsOf(expected.stats().keySet());
    for (String file : expected.stats().keySet()) {
      FileStats e = expected.stats().get(file);
      FileStats a = actual.stats().get(file);
      assertThat(List.of(a.required(), a.present(), a.bytes(), String.valueOf(a.sha256()), a.rowsRead(),
          a.rowsRejected(), a.dependentRejected(), a.missingOptionalColumns())).as(file)
          .isEqualTo(List.of(e.required(), e.present(), e.bytes(), String.valueOf(e.sha256()), e.rowsRead(),
              e.rowsRejected(), e.dependentRejected(), e.missingOptionalColumns()));
    }
    // The sample has something in each kind of rejection: a duplicate, a bad date, unknown references.
    assertThat(expected.rejected().count()).isGreaterThanOrEqualTo(4);
  }

  private static List<String> rows(Dataset<Row> d) {
    List<String> out = new ArrayList<>();
    for (Row r : d.collectAsList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }
}
