package se.vardag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IngestErrorsTest {
  @Test
  void visibleEscapesControlLineDirectionAndInvisibleCharactersOnly() {
    assertThat(IngestErrors.escaped("usage-2026-11-27 Åsa 😀.csv")).isEqualTo("usage-2026-11-27 Åsa 😀.csv");
    assertThat(IngestErrors.escaped("a\r\nb\u2028c\u202Ed\u200Be\u00A0f\u0085g\uDC80"))
        .isEqualTo("a\\u000D\\u000Ab\\u2028c\\u202Ed\\u200Be\\u00A0f\\u0085g\\uDC80");
  }

  @Test
  void dependentRejectionsCountInTheFileButNotInItsOwnShare() {
    FileStats s = new FileStats("trainings.csv", true, true, 10, "ab", 100, 2, List.of()).withDependentRejected(7);
    assertThat(s.rowsRejected()).isEqualTo(9);
    assertThat(s.dependentRejected()).isEqualTo(7);
    assertThat(s.ownRejected()).isEqualTo(2);
    assertThat(s.withRejected(1).ownRejected()).isEqualTo(3);
    assertThat(s.toString()).isEqualTo("trainings.csv{read=100, rejected=9 (7 dependent)}");
  }

  @Test
  void dependentRejectionsCannotExceedTheRejectedRows() {
    FileStats s = new FileStats("x.csv", true, true, 1, null, 5, 0, List.of());
    assertThat(s.withDependentRejected(0).dependentRejected()).isZero();
    assertThatThrownBy(() -> s.withDependentRejected(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot count -1 dependent rejections of x.csv: it has -1 rejected rows");
  }
}
