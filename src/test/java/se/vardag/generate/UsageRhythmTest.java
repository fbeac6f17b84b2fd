package se.vardag.generate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.vardag.generate.GeneratedFolders.Generated;

/** The usage logs follow the Swedish working year and stay inside the calendar and the roster. */
class UsageRhythmTest {

  @Test
  void oneFilePerDayOfThePeriodAndNothingElse() throws IOException {
    Generated g = GeneratedFolders.samples();
    List<String> expected = new ArrayList<>();
    for (LocalDate d = g.options().startDate(); !d.isAfter(g.options().endDate()); d = d.plusDays(1)) {
      expected.add("usage-" + d + ".csv");
    }
    List<String> actual = GeneratedContractTest.usageFiles(g.dir()).stream()
        .map(p -> p.getFileName().toString()).collect(Collectors.toList());
    assertThat(actual).isEqualTo(expected).hasSize(g.options().days());
  }

  @Test
  void weekendsHolidaysAndJulyHaveMarkedlyFewerEvents() throws IOException {
    Generated g = GeneratedFolders.samples();
    Map<LocalDate, Long> perDay = eventsPerDay(g.dir());
    double ordinary = mean(perDay, d -> SwedishCalendar.isWorkingDay(d) && d.getMonthValue() >= 9);
    double weekend = mean(perDay, SwedishCalendar::isWeekend);
    double holiday = mean(perDay, d -> !SwedishCalendar.isWeekend(d) && !SwedishCalendar.isWorkingDay(d));
    double july = mean(perDay, d -> SwedishCalendar.isWorkingDay(d) && d.getMonth() == Month.JULY);

    assertThat(weekend).isLessThan(0.1 * ordinary);
    assertThat(holiday).isLessThan(0.1 * ordinary); // midsommarafton is in the sample period
    assertThat(july).isLessThan(0.6 * ordinary).isGreaterThan(0.1 * ordinary);
  }

  @Test
  void everyEventIsBySomeoneEmployedThatDayOrByAConsultantOutsideTheRoster() throws IOException {
    Generated g = GeneratedFolders.samples();
    Map<String, List<String[]>> roster = new HashMap<>();
    List<String> lines = Files.readAllLines(g.dir().resolve("employees.csv"), UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      roster.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells);
    }
    Set<String> outsideRoster = new HashSet<>();
    for (Path f : GeneratedContractTest.usageFiles(g.dir())) {
      List<String> rows = Files.readAllLines(f, UTF_8);
      for (String row : rows.subList(1, rows.size())) {
        String[] c = row.split(",", -1);
        LocalDate date = OffsetDateTime.parse(c[0]).atZoneSameInstant(g.options().zone()).toLocalDate();
        List<String[]> entries = roster.get(c[1]);
        if (entries == null) {
          outsideRoster.add(c[1]);
          continue;
        }
        // hired_on <= date < left_on for one of the id's rows (the duplicated id has two).
        assertThat(entries).as(row).anyMatch(e -> !LocalDate.parse(e[5]).isAfter(date)
            && (e[6].isEmpty() || LocalDate.parse(e[6]).isAfter(date)));
      }
    }
    assertThat(outsideRoster).isNotEmpty().allMatch(id -> id.startsWith("K")).hasSizeLessThan(3);
  }

  @Test
  void usageHasNearMidnightEventsBatchCountsAndNoiseThatSignalsNothing() throws IOException {
    Generated g = GeneratedFolders.samples();
    long nearMidnight = 0;
    long batched = 0;
    for (Path f : GeneratedContractTest.usageFiles(g.dir())) {
      List<String> rows = Files.readAllLines(f, UTF_8);
      for (String row : rows.subList(1, rows.size())) {
        String time = row.substring(11, 16);
        if (time.compareTo("23:40") >= 0 || time.compareTo("00:20") < 0) {
          nearMidnight++;
        }
        if (!row.endsWith(",1")) {
          batched++;
        }
      }
    }
    assertThat(nearMidnight).isBetween(10L, 1000L);
    assertThat(batched).isGreaterThan(1000);

    List<String> noise = World.build(g.options()).catalog().noiseActions();
    for (Story story : Stories.all()) {
      for (String pattern : SpecOracle.list(story.signalsCell())) {
        String[] p = pattern.toLowerCase(Locale.ROOT).split(":");
        assertThat(noise).as(pattern).noneMatch(a -> a.split(":")[0].equals(p[0])
            && (p[1].equals("*") || a.split(":")[1].equals(p[1])));
      }
      // And what the target people log does signal it.
      for (String action : story.signalActions()) {
        String[] a = action.split(":");
        assertThat(SpecOracle.list(story.signalsCell())).as(action).anyMatch(pattern -> {
          String[] p = pattern.toLowerCase(Locale.ROOT).split(":");
          return p[0].equals(a[0]) && (p[1].equals("*") || p[1].equals(a[1]));
        });
      }
    }
  }

  @Test
  void someoneOutsideTheTargetUnitsUsesTheAiPilot() throws IOException {
    Generated g = GeneratedFolders.samples();
    Map<String, String> unitOf = new HashMap<>();
    List<String> lines = Files.readAllLines(g.dir().resolve("employees.csv"), UTF_8);
    lines.subList(1, lines.size()).forEach(l -> unitOf.putIfAbsent(l.split(",")[0], l.split(",")[3]));
    Set<String> outside = new HashSet<>();
    for (Path f : GeneratedContractTest.usageFiles(g.dir())) {
      for (String row : Files.readAllLines(f, UTF_8)) {
        String[] c = row.split(",");
        if (c[2].equals("copilot") && !unitOf.getOrDefault(c[1], "").startsWith("Kundtjänst/")) {
          outside.add(c[1]);
        }
      }
    }
    assertThat(outside).hasSizeGreaterThanOrEqualTo(SpecOracle.MIN_GROUP_SIZE);
  }

  private static Map<LocalDate, Long> eventsPerDay(Path dir) throws IOException {
    Map<LocalDate, Long> out = new HashMap<>();
    for (Path f : GeneratedContractTest.usageFiles(dir)) {
      out.put(LocalDate.parse(f.getFileName().toString().substring(6, 16)),
          (long) Files.readAllLines(f, UTF_8).size() - 1);
    }
    return out;
  }

  private static double mean(Map<LocalDate, Long> perDay, java.util.function.Predicate<LocalDate> which) {
    List<Long> values = perDay.entrySet().stream().filter(e -> which.test(e.getKey())).map(Map.Entry::getValue)
        .collect(Collectors.toList());
    assertThat(values).isNotEmpty();
    return values.stream().mapToLong(Long::longValue).average().orElseThrow();
  }
}
