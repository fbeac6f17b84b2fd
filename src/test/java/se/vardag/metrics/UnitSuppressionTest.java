package se.vardag.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitSuppressionTest {
  private static UnitFigures unit(String name, long population) {
    return new UnitFigures(name, population, population / 2, population / 3, population / 4, null);
  }

  @Test
  void nothingIsSuppressedWhenEveryUnitIsLargeEnough() {
    List<UnitFigures> out = UnitSuppression.apply(List.of(unit("A", 5), unit("B", 12)), 5);
    assertThat(out).extracting(UnitFigures::suppression).containsOnlyNulls();
  }

  @Test
  void exactlyOneSmallUnitTakesTheSmallestOtherUnitWithIt() {
    List<UnitFigures> out = UnitSuppression.apply(
        List.of(unit("IT/Drift", 4), unit("IT/Service Desk", 20), unit("IT/Nät", 7), unit("IT/Säkerhet", 9)), 5);
    assertThat(out).extracting(UnitFigures::orgUnit, UnitFigures::suppression).containsExactly(
        org.assertj.core.groups.Tuple.tuple("IT/Drift", UnitFigures.SMALL_GROUP),
        org.assertj.core.groups.Tuple.tuple("IT/Nät", UnitFigures.COMPLEMENTARY),
        org.assertj.core.groups.Tuple.tuple("IT/Service Desk", null),
        org.assertj.core.groups.Tuple.tuple("IT/Säkerhet", null));
  }

  @Test
  void tiesForTheSmallestOtherUnitAreBrokenByName() {
    List<UnitFigures> out = UnitSuppression.apply(List.of(unit("C", 8), unit("B", 8), unit("A", 1)), 5);
    assertThat(out).extracting(UnitFigures::suppression).containsExactly(UnitFigures.SMALL_GROUP,
        UnitFigures.COMPLEMENTARY, null);
  }

  @Test
  void twoSmallUnitsProtectEachOtherAndNothingElseIsSuppressed() {
    List<UnitFigures> out = UnitSuppression.apply(List.of(unit("A", 2), unit("B", 3), unit("C", 30)), 5);
    assertThat(out).extracting(UnitFigures::suppression).containsExactly(UnitFigures.SMALL_GROUP,
        UnitFigures.SMALL_GROUP, null);
  }

  @Test
  void aSingleSmallUnitAloneHasNoPartner() {
    assertThat(UnitSuppression.apply(List.of(unit("A", 3)), 5)).extracting(UnitFigures::suppression)
        .containsExactly(UnitFigures.SMALL_GROUP);
  }

  @Test
  void noUnitsNoRows() {
    assertThat(UnitSuppression.apply(List.of(), 5)).isEmpty();
  }
}
