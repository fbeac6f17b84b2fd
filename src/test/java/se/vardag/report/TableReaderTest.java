package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.VardagException;
import se.vardag.report.ReportData.DataQuality;
import se.vardag.report.ReportData.RegisterRejection;
import se.vardag.report.ReportData.UsageSource;

/** The manifest keys of revision 2 (usage_sources, register_rejections), read tolerantly. */
class TableReaderTest {
  private static final LocalDate D = ReportFixtures.D;

  @Test
  void readsTheUsageSourcesAndTheRejectedRegisterRows(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("manifest.json");
    Files.writeString(manifest, "{\"as_of\":\"2026-11-03\",\"inputs\":[{\"file\":\"initiatives.csv\",\"required\":true,"
        + "\"present\":true,\"rows_read\":12,\"rows_rejected\":3}],\"rejected_rows_total\":3,"
        + "\"missing_optional_inputs\":[\"follow_ups.csv\"],"
        + "\"usage_sources\":[{\"source\":\"servicenow\",\"last_event_date\":\"2026-10-20\",\"silent\":true},"
        + "{\"source\":\"jira\",\"last_event_date\":null,\"silent\":true},"
        + "{\"source\":\"copilot\",\"last_event_date\":\"2026-11-03\",\"silent\":false}],"
        + "\"register_rejections\":[{\"line\":14,\"reason\":\"pilot_start: expected a date\",\"initiative_id\":\"I-017\","
        + "\"name\":\"Digital signering\"},{\"line\":null,\"reason\":\"wrong field count\",\"initiative_id\":null,"
        + "\"name\":null},{\"line\":20,\"reason\":\"name is empty\",\"initiative_id\":\"I-9\",\"name\":\"  \"}]}");
    DataQuality q = TableReader.quality(se.vardag.Location.of(manifest), D, Map.of());
    assertThat(q.usageSources()).containsExactly(new UsageSource("servicenow", LocalDate.of(2026, 10, 20), true),
        new UsageSource("jira", null, true), new UsageSource("copilot", D, false));
    assertThat(q.registerRejections()).containsExactly(
        new RegisterRejection(14L, "pilot_start: expected a date", "I-017", "Digital signering"),
        new RegisterRejection(null, "wrong field count", null, null),
        new RegisterRejection(20L, "name is empty", "I-9", null));
    assertThat(q.rejectedByFile()).containsEntry("initiatives.csv", 3L);
    assertThat(q.missing("follow_ups.csv")).isTrue();
  }

  @Test
  void aManifestFromBeforeRevision2HasNeither(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("manifest.json");
    Files.writeString(manifest, "{\"as_of\":\"2026-11-03\",\"inputs\":[],\"missing_optional_inputs\":[]}");
    DataQuality q = TableReader.quality(se.vardag.Location.of(manifest), D, Map.of());
    assertThat(q.usageSources()).isEmpty();
    assertThat(q.registerRejections()).isEmpty();
  }

  @Test
  void aLastEventDateThatIsNotADateIsRefusedByName(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("manifest.json");
    Files.writeString(manifest, "{\"as_of\":\"2026-11-03\",\"usage_sources\":[{\"source\":\"jira\","
        + "\"last_event_date\":\"20 oct\",\"silent\":true}]}");
    assertThatThrownBy(() -> TableReader.quality(se.vardag.Location.of(manifest), D, Map.of())).isInstanceOf(VardagException.class)
        .hasMessage("Cannot read the run manifest " + manifest + ": usage_sources[].last_event_date is '20 oct', "
            + "expected YYYY-MM-DD or null. Re-publish the tables for that date with 'jobs/vardag nightly'.");
  }
}
