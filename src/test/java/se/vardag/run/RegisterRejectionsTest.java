package se.vardag.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.vardag.ingest.HeaderMapping;
import se.vardag.ingest.InputContract;

/** SPEC 7 (rev 2): a rejected register row is named by its line, reason, and id and name where readable. */
class RegisterRejectionsTest {
  private static final HeaderMapping MAPPING = HeaderMapping.resolve(InputContract.INITIATIVES, "initiatives.csv",
      List.of("name", "initiative_id", "pilot_start", "target_org_units"), new ArrayList<>());

  @Test
  void theIdAndNameAreReadWithTheFilesHeaderMapping() {
    assertThat(RegisterRejections.entry(MAPPING, 3L, "column pilot_start: expected a date YYYY-MM-DD, got '1/9'",
        "\"AI-assistent, pilot\", AI\u00A0 ,1/9,HR")).isEqualTo(new RegisterRejections.Entry(3L,
        "column pilot_start: expected a date YYYY-MM-DD, got '1/9'", "AI", "AI-assistent, pilot"));
  }

  @Test
  void whatCannotBeReadIsNull() {
    // Too few fields: the name is there, the id is not.
    assertThat(RegisterRejections.entry(MAPPING, 4L, "wrong number of fields", "Bara namn"))
        .isEqualTo(new RegisterRejections.Entry(4L, "wrong number of fields", null, "Bara namn"));
    // Malformed CSV: nothing is read.
    assertThat(RegisterRejections.entry(MAPPING, 5L, "malformed CSV", "\"x\"y,I9,2026-01-01,HR"))
        .isEqualTo(new RegisterRejections.Entry(5L, "malformed CSV", null, null));
    // An empty id is null, not "".
    assertThat(RegisterRejections.entry(MAPPING, 6L, "missing", "Namn, ,2026-01-01,HR"))
        .isEqualTo(new RegisterRejections.Entry(6L, "missing", null, "Namn"));
    assertThat(RegisterRejections.entry(null, null, "duplicate", "Namn,I1,2026-01-01,HR"))
        .isEqualTo(new RegisterRejections.Entry(null, "duplicate", null, null));
  }
}
