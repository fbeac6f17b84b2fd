package se.vardag.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code report.cadence} and {@code report.alerts}: the full report goes out every day, or on one
 * weekday (of D, the date reported on, so reruns and catch-ups decide alike); on the other days an
 * alert goes out only when something got worse, if alerts are on.
 */
public record Cadence(Optional<DayOfWeek> weekday, boolean alerts) {
  public Cadence {
    weekday = weekday == null ? Optional.empty() : weekday;
  }

  /** Parses {@code daily} or {@code monday} … {@code sunday} (any case); empty when it is neither. */
  static Optional<Optional<DayOfWeek>> parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("daily")) {
      return Optional.of(Optional.empty());
    }
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase(Locale.ROOT).equals(v)) {
        return Optional.of(Optional.of(d));
      }
    }
    return Optional.empty();
  }

  public boolean daily() {
    return weekday.isEmpty();
  }

  /** True when D is a day of the full report. */
  public boolean fullReportOn(LocalDate d) {
    return weekday.map(w -> d.getDayOfWeek() == w).orElse(true);
  }

  /** "daily" or the weekday in lower case, as configured. */
  public String describe() {
    return weekday.map(w -> w.name().toLowerCase(Locale.ROOT)).orElse("daily");
  }
}
