package se.vardag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SameSideTest {
  @Test
  void keepsAValueBelowItsThresholdBelowIt() {
    assertThat(SameSide.percent(0.695, 0.7, 0).toPlainString()).isEqualTo("69.5");
    assertThat(SameSide.percent(0.6999, 0.7, 0).toPlainString()).isEqualTo("69.99");
    assertThat(SameSide.percent(0.69, 0.7, 0).toPlainString()).isEqualTo("69");
  }

  @Test
  void keepsAValueAboveItsThresholdAboveIt() {
    assertThat(SameSide.percent(0.3004, 0.3, 0).toPlainString()).isEqualTo("30.04");
    assertThat(SameSide.percent(0.30000001, 0.3, 0).toPlainString()).isEqualTo("30.000001");
    assertThat(SameSide.percent(0.31, 0.3, 0).toPlainString()).isEqualTo("31");
  }

  @Test
  void aValueOnItsThresholdStaysOnIt() {
    assertThat(SameSide.percent(0.5, 0.5, 0).toPlainString()).isEqualTo("50");
    assertThat(SameSide.round(22.5, 22.5, 0).toPlainString()).isEqualTo("22.5");
  }

  @Test
  void roundsHalfUpWhenNoThresholdIsNear() {
    assertThat(SameSide.percent(0.125, 0.9, 0).toPlainString()).isEqualTo("13");
    assertThat(SameSide.round(1.25, 3, 1).toPlainString()).isEqualTo("1.3");
    assertThat(SameSide.round(2.0, 3, 1).toPlainString()).isEqualTo("2.0");
  }

  @Test
  void plainDropsTrailingZeros() {
    assertThat(SameSide.plain(22.50, 4).toPlainString()).isEqualTo("22.5");
    assertThat(SameSide.plain(30.0, 4).toPlainString()).isEqualTo("30");
  }

  @Test
  void refusesNonFiniteValues() {
    assertThatThrownBy(() -> SameSide.percent(Double.NaN, 0.5, 0))
        .hasMessage("Cannot quote a value that is not finite: NaN");
  }
}
