package se.vardag.run;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vardag.ExitCode;
import se.vardag.VardagException;
import se.vardag.ingest.UsageFile;

/**
 * Freshness (SPEC section 7): which dates the usage logs cover, and the stop of a run for a date
 * they do not cover. The logs cover a date X when an accepted event is dated X or later (events
 * in the future are rejected first, when their file is read), or when a usage file whose name
 * carries a date {@code YYYY-MM-DD} of X or later is present: a quiet day's header-only file
 * covers its day, a missing export does not. A name's date after the run's date plus {@code
 * quality.max_future_days} does not count (a warning says so).
 */
final class Freshness {
  private static final Pattern NAME_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

  /** What the usage logs cover. */
  record Coverage(Optional<LocalDate> lastCovered, Optional<LocalDate> lastEvent, Optional<LocalDate> lastNamed,
      List<String> warnings) {
    Coverage {
      warnings = List.copyOf(warnings);
    }
  }

  private Freshness() {}

  /** The latest valid date {@code YYYY-MM-DD} in a file name (not part of a longer run of digits). */
  static Optional<LocalDate> nameDate(String name) {
    String file = name.substring(name.lastIndexOf('/') + 1);
    Matcher m = NAME_DATE.matcher(file);
    LocalDate best = null;
    while (m.find()) {
      try {
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
        if (best == null || d.isAfter(best)) {
          best = d;
        }
      } catch (DateTimeException e) {
        // not a date (2026-13-45): the name carries none there
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The coverage of the usage folder {@code files} whose accepted events end on {@code
   * lastEventDay}, for a run on {@code runDate}.
   */
  static Coverage of(OptionalInt lastEventDay, List<UsageFile> files, LocalDate runDate, int maxFutureDays) {
    LocalDate limit = runDate.plusDays(maxFutureDays);
    List<String> warnings = new ArrayList<>();
    LocalDate named = null;
    for (UsageFile f : files) {
      Optional<LocalDate> d = nameDate(f.name());
      if (d.isEmpty()) {
        continue;
      }
      if (d.get().isAfter(limit)) {
        warnings.add(f.name() + ": the date " + d.get() + " in the file name is more than " + maxFutureDays
            + " day(s) after the run's date " + runDate + " (quality.max_future_days); it does not count as"
            + " covering that date");
      } else if (named == null || d.get().isAfter(named)) {
        named = d.get();
      }
    }
    Optional<LocalDate> event = lastEventDay.isPresent() ? Optional.of(LocalDate.ofEpochDay(lastEventDay.getAsInt()))
        : Optional.empty();
    Optional<LocalDate> covered = event;
    if (named != null && (covered.isEmpty() || named.isAfter(covered.get()))) {
      covered = Optional.of(named);
    }
    return new Coverage(covered, event, Optional.ofNullable(named), warnings);
  }

  /** The date a run for {@code d} needs covered. */
  static LocalDate needed(LocalDate d, int maxUsageLagDays) {
    return d.minusDays(maxUsageLagDays);
  }

  /** Stops a run for {@code d} (exit code 7) unless the logs cover {@code d} minus the allowed lag. */
  static void check(LocalDate d, Coverage coverage, int maxUsageLagDays) {
    LocalDate needed = needed(d, maxUsageLagDays);
    if (coverage.lastCovered().isPresent() && !coverage.lastCovered().get().isBefore(needed)) {
      return;
    }
    String covered = coverage.lastCovered().map(c -> "They cover up to " + c + " (the last covered date)")
        .orElse("They cover no date (no accepted event, and no usage file named for a date)");
    String remedy = coverage.lastCovered().map(c -> "Wait for the usage export of the missing day(s) and run again,"
        + " or run for the last covered date with --as-of " + c + ".").orElse("Wait for the usage export and run"
        + " again.");
    throw new VardagException(ExitCode.USAGE_NOT_FRESH, "Cannot publish " + d + ": the usage logs are not fresh. "
        + covered + ", and a run for " + d + " needs them to cover " + needed + " (quality.max_usage_lag_days = "
        + maxUsageLagDays + "). " + remedy + " Nothing was published and no report was sent.");
  }
}
