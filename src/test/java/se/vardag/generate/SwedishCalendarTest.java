package se.vardag.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SwedishCalendarTest {

  @Test
  void easterSundayMatchesTheChurchCalendar() {
    assertThat(SwedishCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(SwedishCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
    assertThat(SwedishCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(SwedishCalendar.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    assertThat(SwedishCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
  }

  @Test
  void movableHolidaysOf2026() {
    assertThat(SwedishCalendar.holidayName(LocalDate.of(2026, 4, 3))).contains("Långfredagen");
    assertThat(SwedishCalendar.holidayName(LocalDate.of(2026, 4, 6))).contains("Annandag påsk");
    assertThat(SwedishCalendar.holidayName(LocalDate.of(2026, 5, 14))).contains("Kristi himmelsfärdsdag");
    assertThat(SwedishCalendar.holidayName(LocalDate.of(2026, 6, 19))).contains("Midsommarafton");
    assertThat(SwedishCalendar.holidayName(LocalDate.of(2026, 6, 20))).contains("Midsommardagen");
    assertThat(SwedishCalendar.holidayName(LocalDate.of(2026, 10, 31))).contains("Alla helgons dag");
    assertThat(SwedishCalendar.holidayName(LocalDate.of(2025, 11, 1))).contains("Alla helgons dag");
  }

  @Test
  void workingDays() {
    assertThat(SwedishCalendar.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue(); // a Friday
    assertThat(SwedishCalendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse(); // Saturday
    assertThat(SwedishCalendar.isWorkingDay(LocalDate.of(2026, 6, 19))).isFalse(); // midsommarafton
    assertThat(SwedishCalendar.isWorkingDay(LocalDate.of(2025, 12, 24))).isFalse(); // julafton, a Wednesday
    assertThat(SwedishCalendar.isWorkingDay(LocalDate.of(2026, 1, 6))).isFalse(); // trettondedag jul
    assertThat(SwedishCalendar.isWorkingDay(LocalDate.of(2026, 5, 1))).isFalse();
    assertThat(SwedishCalendar.isWorkingDay(LocalDate.of(2026, 5, 15))).isTrue(); // klämdag, still a working day
    assertThat(SwedishCalendar.onOrAfterWorkingDay(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 28));
  }
}
