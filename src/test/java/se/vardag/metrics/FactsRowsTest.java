package se.vardag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.metrics.TestInitiatives.day;
import static se.vardag.metrics.TestInitiatives.initiative;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The calculator's rows before the tables: no usage signals means null usage figures in units and weeks too. */
class FactsRowsTest {
  private static final int D = day("2026-11-27");

  private static List<Row> rows(TestInitiatives t) {
    InitiativeCalculator calc = new InitiativeCalculator(t.build());
    for (long p = 1; p <= 6; p++) {
      calc.target(p, "IT/Service Desk", day("2020-01-01"), null);
      int e = day("2026-11-25");
      calc.activity(p, Math.floorDiv(e, 64), new long[] {1L << Math.floorMod(e, 64)});
    }
    return Facts.rows(t.build(), calc.compute(new int[] {D}).get(0), 5);
  }

  private static int column(String name) {
    return Facts.OUTPUT.fieldIndex(name);
  }

  @Test
  void withoutUsageSignalsUnitAndWeekUsageFiguresAreNull() {
    TestInitiatives none = initiative();
    none.signals = List.of();
    List<Row> out = rows(none);
    Row unit = out.stream().filter(r -> r.getInt(column("kind")) == Facts.KIND_UNIT).findFirst().orElseThrow();
    assertThat(unit.getLong(column("target_population"))).isEqualTo(6);
    assertThat(unit.isNullAt(column("active_users"))).isTrue();
    assertThat(unit.isNullAt(column("sustained_users"))).isTrue();
    assertThat(unit.isNullAt(column("trained"))).isFalse();
    List<Row> weeks = out.stream().filter(r -> r.getInt(column("kind")) == Facts.KIND_WEEK).toList();
    assertThat(weeks).hasSize(12).allSatisfy(r -> assertThat(r.isNullAt(column("week_active"))).isTrue());
  }

  @Test
  void withUsageSignalsTheyAreCounted() {
    List<Row> out = rows(initiative());
    Row unit = out.stream().filter(r -> r.getInt(column("kind")) == Facts.KIND_UNIT).findFirst().orElseThrow();
    assertThat(unit.getLong(column("active_users"))).isEqualTo(6);
    Row week0 = out.stream().filter(r -> r.getInt(column("kind")) == Facts.KIND_WEEK
        && r.getInt(column("week_index")) == 0).findFirst().orElseThrow();
    assertThat(week0.getLong(column("week_active"))).isEqualTo(6);
  }
}
