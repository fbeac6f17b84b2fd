package se.vardag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.SparkTestSupport;
import se.vardag.model.Initiative;
import se.vardag.privacy.Pseudonymizer;

/** SPEC 2 (rev 2): every value is trimmed of Unicode spaces and format characters, so ids match across files. */
class ReferenceTrimmingTest {
  private static final Pseudonymizer KEY = new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes());

  @TempDir
  Path dir;

  @Test
  void anEmployeeIdEndingInANoBreakSpaceMatchesTheSameIdInTrainings() throws Exception {
    Files.createDirectories(dir.resolve("usage"));
    Files.writeString(dir.resolve("employees.csv"), "employee_id,org_unit,hired_on\n"
        + "E1003\u00A0,IT,2020-01-01\n" // a no-break space after the id (as a spreadsheet export writes it)
        + "\u200BE1004,IT,2020-01-01\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("initiatives.csv"), "initiative_id,name,pilot_start,target_org_units,"
        + "owner_has_mandate\nI1\u202F,Första,2026-01-01,IT\u3000,JA\nI2,Andra,2026-01-01,IT,Nej\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("trainings.csv"), "employee_id,course_id,completed_on,certified\n"
        + "E1003,C1,2026-02-01,ja\nE1004\uFEFF,C1,2026-02-01,\n", StandardCharsets.UTF_8);
    ReferenceData data = ReferenceData.read(SparkTestSupport.spark(), InputFolder.open(dir), ZoneId.of("UTC"), 1000,
        KEY);

    assertThat(data.rejected().count()).isZero();
    List<Row> trainings = data.trainings().collectAsList();
    assertThat(trainings).hasSize(2);
    assertThat(data.stats().get("trainings.csv").rowsRejected()).isZero();
    assertThat(data.initiatives()).extracting(Initiative::id).containsExactly("I1", "I2");
    assertThat(data.initiatives()).extracting(Initiative::targetOrgUnits).containsExactly(List.of("IT"),
        List.of("IT"));
    assertThat(data.initiatives()).extracting(Initiative::ownerHasMandate).containsExactly(true, false);
    data.release();
  }

  @Test
  void aValueQuotedInAReasonShowsItsInvisibleCharacters() throws Exception {
    Files.createDirectories(dir.resolve("usage"));
    Files.writeString(dir.resolve("employees.csv"), "employee_id,org_unit,hired_on\nE1003,IT,2020-01-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("initiatives.csv"), "initiative_id,name,pilot_start,target_org_units\n"
        + "I1,Första,2026-01-01,IT\n", StandardCharsets.UTF_8);
    // A zero-width space inside the id is kept (only the ends are trimmed), so E10\u200B03 is not E1003.
    Files.writeString(dir.resolve("trainings.csv"), "employee_id,course_id,completed_on,certified\n"
        + "E10\u200B03,C1,2026-02-01,ja\nE1003,C1,2026-02-01,kanske\n", StandardCharsets.UTF_8);
    ReferenceData data = ReferenceData.read(SparkTestSupport.spark(), InputFolder.open(dir), ZoneId.of("UTC"), 1000,
        KEY);
    assertThat(data.rejected().orderBy("line").collectAsList()).extracting(r -> r.getLong(1) + " " + r.getString(3))
        .containsExactly("2 employee_id 'E10\\u200B03' is not in employees.csv; a training must belong to someone in"
            + " the roster", "3 expected true, false, yes, no, ja, nej, 1 or 0, got 'kanske'");
    data.release();
  }
}
