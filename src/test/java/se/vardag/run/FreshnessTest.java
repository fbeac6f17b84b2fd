package se.vardag.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import se.vardag.ExitCode;
import se.vardag.VardagException;
import se.vardag.ingest.UsageFile;

/** SPEC 7 (rev 2): what the usage logs cover, and the stop of a run for a date they do not cover. */
class FreshnessTest {
  private static final LocalDate RUN = LocalDate.parse("2026-11-28");

  private static UsageFile file(String name) {
    return new UsageFile("usage/" + name, "/nowhere/" + name, 42, 0);
  }

  private static OptionalInt day(String d) {
    return OptionalInt.of((int) LocalDate.parse(d).toEpochDay());
  }

  @Test
  void aFileNameCarriesADateAnywhereInIt() {
    assertThat(Freshness.nameDate("usage/usage-2026-11-27.csv")).hasValue(LocalDate.parse("2026-11-27"));
    assertThat(Freshness.nameDate("usage/2026-11-27_servicenow.csv")).hasValue(LocalDate.parse("2026-11-27"));
    assertThat(Freshness.nameDate("usage/export-2026-11-01-to-2026-11-07.csv")).hasValue(LocalDate.parse("2026-11-07"));
    assertThat(Freshness.nameDate("usage/usage.csv")).isEmpty();
    assertThat(Freshness.nameDate("usage/usage-2026-13-45.csv")).isEmpty();
    assertThat(Freshness.nameDate("usage/usage-20261127.csv")).isEmpty();
    assertThat(Freshness.nameDate("usage/x12026-11-27.csv")).isEmpty(); // part of a longer number
  }

  @Test
  void theLastCoveredDateIsTheLaterOfTheLastEventAndTheLastNamedFile() {
    Freshness.Coverage events = Freshness.of(day("2026-11-26"), List.of(file("usage-2026-11-25.csv")), RUN, 1);
    assertThat(events.lastCovered()).hasValue(LocalDate.parse("2026-11-26"));
    // A header-only file named for 11-27 covers 11-27 though it holds no event.
    Freshness.Coverage named = Freshness.of(day("2026-11-26"), List.of(file("usage-2026-11-26.csv"),
        file("usage-2026-11-27.csv")), RUN, 1);
    assertThat(named.lastCovered()).hasValue(LocalDate.parse("2026-11-27"));
    assertThat(named.lastEvent()).hasValue(LocalDate.parse("2026-11-26"));
    assertThat(named.lastNamed()).hasValue(LocalDate.parse("2026-11-27"));
    assertThat(named.warnings()).isEmpty();
    Freshness.Coverage nothing = Freshness.of(OptionalInt.empty(), List.of(file("usage.csv")), RUN, 1);
    assertThat(nothing.lastCovered()).isEmpty();
  }

  @Test
  void aNameDatedAfterTheRunsDatePlusMaxFutureDaysDoesNotCountAndIsWarnedAbout() {
    // Run on 11-28, max_future_days 1: a name dated 11-29 counts, 11-30 does not.
    Freshness.Coverage c = Freshness.of(day("2026-11-27"), List.of(file("usage-2026-11-29.csv"),
        file("usage-2026-11-30.csv")), RUN, 1);
    assertThat(c.lastCovered()).hasValue(LocalDate.parse("2026-11-29"));
    assertThat(c.warnings()).containsExactly("usage/usage-2026-11-30.csv: the date 2026-11-30 in the file name is"
        + " more than 1 day(s) after the run's date 2026-11-28 (quality.max_future_days); it does not count as"
        + " covering that date");
  }

  @Test
  void aRunForADateTheLogsDoNotCoverStopsWithItsOwnExitCode() {
    Freshness.Coverage c = Freshness.of(day("2026-11-26"), List.of(), RUN, 1);
    // Lag 0: 11-26 is covered, 11-27 is not.
    Freshness.check(LocalDate.parse("2026-11-26"), c, 0);
    assertThatThrownBy(() -> Freshness.check(LocalDate.parse("2026-11-27"), c, 0))
        .isInstanceOfSatisfying(VardagException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE_NOT_FRESH))
        .hasMessage("Cannot publish 2026-11-27: the usage logs are not fresh. They cover up to 2026-11-26 (the last"
            + " covered date), and a run for 2026-11-27 needs them to cover 2026-11-27 (quality.max_usage_lag_days"
            + " = 0). Wait for the usage export of the missing day(s) and run again, or run for the last covered date"
            + " with --as-of 2026-11-26. Nothing was published and no report was sent.");
    // Lag 1: 11-27 needs 11-26, which is covered; 11-28 needs 11-27, which is not.
    Freshness.check(LocalDate.parse("2026-11-27"), c, 1);
    assertThatThrownBy(() -> Freshness.check(LocalDate.parse("2026-11-28"), c, 1))
        .hasMessageContaining("needs them to cover 2026-11-27 (quality.max_usage_lag_days = 1)");
    Freshness.Coverage none = Freshness.of(OptionalInt.empty(), List.of(), RUN, 1);
    assertThatThrownBy(() -> Freshness.check(LocalDate.parse("2026-11-27"), none, 5))
        .hasMessage("Cannot publish 2026-11-27: the usage logs are not fresh. They cover no date (no accepted event,"
            + " and no usage file named for a date), and a run for 2026-11-27 needs them to cover 2026-11-22"
            + " (quality.max_usage_lag_days = 5). Wait for the usage export and run again. Nothing was published and"
            + " no report was sent.");
    assertThat(Optional.of(ExitCode.USAGE_NOT_FRESH.code())).hasValue(7);
  }
}
