package se.vardag.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

/**
 * The Swedish working calendar: weekends, public holidays ("röda dagar", Easter-based ones
 * computed) and the eves that are days off in practice (midsommarafton, julafton, nyårsafton).
 */
final class SwedishCalendar {
  private SwedishCalendar() {}

  static boolean isWorkingDay(LocalDate date) {
    return !isWeekend(date) && holidayName(date).isEmpty();
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  /** The holiday or day-off eve on this date, if any (Sundays are not named unless a holiday). */
  static Optional<String> holidayName(LocalDate date) {
    int year = date.getYear();
    LocalDate easter = easterSunday(year);
    long fromEaster = date.toEpochDay() - easter.toEpochDay();
    if (fromEaster == -2) {
      return Optional.of("Långfredagen");
    }
    if (fromEaster == -1) {
      return Optional.of("Påskafton");
    }
    if (fromEaster == 0) {
      return Optional.of("Påskdagen");
    }
    if (fromEaster == 1) {
      return Optional.of("Annandag påsk");
    }
    if (fromEaster == 39) {
      return Optional.of("Kristi himmelsfärdsdag");
    }
    if (fromEaster == 49) {
      return Optional.of("Pingstdagen");
    }
    Month month = date.getMonth();
    int day = date.getDayOfMonth();
    DayOfWeek dow = date.getDayOfWeek();
    if (month == Month.JANUARY && day == 1) {
      return Optional.of("Nyårsdagen");
    }
    if (month == Month.JANUARY && day == 6) {
      return Optional.of("Trettondedag jul");
    }
    if (month == Month.MAY && day == 1) {
      return Optional.of("Första maj");
    }
    if (month == Month.JUNE && day == 6) {
      return Optional.of("Sveriges nationaldag");
    }
    if (month == Month.JUNE && dow == DayOfWeek.FRIDAY && day >= 19 && day <= 25) {
      return Optional.of("Midsommarafton");
    }
    if (month == Month.JUNE && dow == DayOfWeek.SATURDAY && day >= 20 && day <= 26) {
      return Optional.of("Midsommardagen");
    }
    if (dow == DayOfWeek.SATURDAY
        && ((month == Month.OCTOBER && day == 31) || (month == Month.NOVEMBER && day <= 6))) {
      return Optional.of("Alla helgons dag");
    }
    if (month == Month.DECEMBER && day == 24) {
      return Optional.of("Julafton");
    }
    if (month == Month.DECEMBER && day == 25) {
      return Optional.of("Juldagen");
    }
    if (month == Month.DECEMBER && day == 26) {
      return Optional.of("Annandag jul");
    }
    if (month == Month.DECEMBER && day == 31) {
      return Optional.of("Nyårsafton");
    }
    return Optional.empty();
  }

  /** Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  /** This date if it is a working day, else the next working day. */
  static LocalDate onOrAfterWorkingDay(LocalDate date) {
    LocalDate d = date;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The Monday of this date's week. */
  static LocalDate monday(LocalDate date) {
    return date.minusDays(date.getDayOfWeek().getValue() - 1L);
  }
}
