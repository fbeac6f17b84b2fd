package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the generator makes. The output is a pure function of these values: the end date has a
 * fixed default (not "today"), so the same options give byte-identical files on any day.
 *
 * @param employees rows of employees.csv (current staff, a few former employees, future hires)
 * @param initiatives rows of initiatives.csv; the first {@link Stories#count()} are the stories
 *     in order, further ones repeat them on other sites
 * @param days length of the usage log, one file per day, ending on {@code endDate}
 * @param seed seed of every random choice
 * @param endDate last day of the usage logs, the natural as-of date D
 * @param zone time zone of the timestamps (their offset is the zone's offset on that date)
 * @param withBadRows add a handful of contract-breaking rows (for data-samples)
 */
public record GeneratorOptions(
    int employees, int initiatives, int days, long seed, LocalDate endDate, ZoneId zone, boolean withBadRows) {

  public static final int DEFAULT_EMPLOYEES = 330;
  public static final int DEFAULT_INITIATIVES = 9;
  public static final int DEFAULT_DAYS = 190;
  public static final long DEFAULT_SEED = 20261127L;
  public static final LocalDate DEFAULT_END = LocalDate.of(2026, 11, 27);
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Stockholm");

  static final int MIN_EMPLOYEES = 50;
  static final int MAX_EMPLOYEES = 2_000_000;
  static final int MAX_DAYS = 3660;

  public GeneratorOptions {
    requireNonNull(endDate, "endDate is null");
    requireNonNull(zone, "zone is null");
    if (employees < MIN_EMPLOYEES) {
      throw GenerateErrors.tooFewEmployees(employees, MIN_EMPLOYEES);
    }
    if (employees > MAX_EMPLOYEES) {
      throw GenerateErrors.tooManyEmployees(employees, MAX_EMPLOYEES);
    }
    if (initiatives < 0) {
      throw GenerateErrors.negativeInitiatives(initiatives);
    }
    int maxInitiatives = Organisation.siteCount(employees) * Stories.count();
    if (initiatives > maxInitiatives) {
      throw GenerateErrors.tooManyInitiatives(initiatives, employees, maxInitiatives);
    }
    if (days < 1 || days > MAX_DAYS) {
      throw GenerateErrors.daysOutOfRange(days, MAX_DAYS);
    }
    if (endDate.getYear() < 2000 || endDate.getYear() > 2099) {
      throw GenerateErrors.endOutOfRange(endDate);
    }
  }

  /** The data-samples arguments. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(DEFAULT_EMPLOYEES, DEFAULT_INITIATIVES, DEFAULT_DAYS, DEFAULT_SEED,
        DEFAULT_END, DEFAULT_ZONE, false);
  }

  public GeneratorOptions withEmployees(int value) {
    return new GeneratorOptions(value, initiatives, days, seed, endDate, zone, withBadRows);
  }

  public GeneratorOptions withInitiatives(int value) {
    return new GeneratorOptions(employees, value, days, seed, endDate, zone, withBadRows);
  }

  public GeneratorOptions withDays(int value) {
    return new GeneratorOptions(employees, initiatives, value, seed, endDate, zone, withBadRows);
  }

  public GeneratorOptions withSeed(long value) {
    return new GeneratorOptions(employees, initiatives, days, value, endDate, zone, withBadRows);
  }

  public GeneratorOptions withEndDate(LocalDate value) {
    return new GeneratorOptions(employees, initiatives, days, seed, value, zone, withBadRows);
  }

  public GeneratorOptions withZone(ZoneId value) {
    return new GeneratorOptions(employees, initiatives, days, seed, endDate, value, withBadRows);
  }

  public GeneratorOptions withBadRows(boolean value) {
    return new GeneratorOptions(employees, initiatives, days, seed, endDate, zone, value);
  }

  /** The first day of the usage logs. */
  public LocalDate startDate() {
    return endDate.minusDays(days - 1L);
  }
}
