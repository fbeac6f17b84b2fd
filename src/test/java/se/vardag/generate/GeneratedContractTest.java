package se.vardag.generate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.vardag.generate.GeneratedFolders.Generated;

/** Every generated file read under SPEC section 2, independently of the generator. */
class GeneratedContractTest {
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");

  @Test
  void withoutBadRowsEveryRowKeepsTheContract() throws IOException {
    Generated g = GeneratedFolders.of(GeneratorOptions.defaults());
    ContractReader reader = new ContractReader(g.options().zone());
    Map<String, Long> rows = readAll(g.dir(), reader);

    assertThat(reader.rejected()).isEmpty();
    for (GenerationResult.FileRows f : g.result().files()) {
      assertThat(rows.get(f.file())).as(f.file()).isEqualTo(f.rows()).isPositive();
    }
  }

  @Test
  void headersAreExactlyTheContractColumns() throws IOException {
    Generated g = GeneratedFolders.samples();
    for (String file : Generator.FILES) {
      String header = Files.readAllLines(g.dir().resolve(file), UTF_8).get(0);
      List<String> expected = ContractReader.CONTRACT.get(file).stream().map(ContractReader.Column::name)
          .collect(Collectors.toList());
      assertThat(List.of(header.split(","))).as(file).isEqualTo(expected);
    }
    List<String> expected = ContractReader.CONTRACT.get("usage").stream().map(ContractReader.Column::name)
        .collect(Collectors.toList());
    for (Path f : usageFiles(g.dir())) {
      String header = Files.readAllLines(f, UTF_8).get(0);
      assertThat(List.of(header.split(","))).as(f.toString()).isEqualTo(expected);
    }
  }

  @Test
  void theBadRowsAreExactlyTheRejectedRowsAndEachWellUnderOnePercent() throws IOException {
    Generated g = GeneratedFolders.samples();
    ContractReader reader = new ContractReader(g.options().zone());
    Map<String, Long> rows = readAll(g.dir(), reader);

    Set<String> rejected = new HashSet<>();
    reader.rejected().forEach(r -> rejected.add(r.file() + ":" + r.line()));
    Set<String> promised = new HashSet<>();
    g.result().badRows().forEach(b -> promised.add(b.file() + ":" + b.line()));
    assertThat(rejected).isEqualTo(promised);
    assertThat(g.result().badRows()).extracting(GenerationResult.BadRow::file).contains("employees.csv",
        "trainings.csv", "learning_activities.csv", "outcomes.csv").anyMatch(f -> f.startsWith("usage/"));

    Map<String, Integer> perFile = new HashMap<>();
    reader.rejected().forEach(r -> perFile.merge(r.file(), 1, Integer::sum));
    perFile.forEach((file, n) -> {
      long total = file.startsWith("usage/") ? countRows(g.dir().resolve(file)) : rows.get(file) + n;
      assertThat(n / (double) total).as(file).isLessThan(0.01);
    });
  }

  @Test
  void timestampsCarryTheStockholmOffsetOfTheirDateAndFallOnTheFilesDay() throws IOException {
    Generated g = GeneratedFolders.samples();
    var rules = g.options().zone().getRules();
    Set<ZoneOffset> offsets = new HashSet<>();
    for (Path f : usageFiles(g.dir())) {
      LocalDate day = LocalDate.parse(f.getFileName().toString().substring(6, 16));
      List<String> lines = Files.readAllLines(f, UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        String ts = line.substring(0, line.indexOf(','));
        assertThat(ts).matches(TIMESTAMP);
        OffsetDateTime t = OffsetDateTime.parse(ts);
        LocalDateTime local = t.toLocalDateTime();
        assertThat(rules.getValidOffsets(local)).as(ts).contains(t.getOffset());
        assertThat(t.atZoneSameInstant(g.options().zone()).toLocalDate()).as(ts).isEqualTo(day);
        offsets.add(t.getOffset());
      }
    }
    // The sample spans the switch from summer time (CEST) to CET on 2026-10-25.
    assertThat(offsets).containsExactlyInAnyOrder(ZoneOffset.ofHours(2), ZoneOffset.ofHours(1));
  }

  @Test
  void decimalsUseAPointAndListsASemicolon() throws IOException {
    Generated g = GeneratedFolders.of(GeneratorOptions.defaults());
    ContractReader reader = new ContractReader(g.options().zone());
    List<ContractReader.Row> initiatives = reader.read(g.dir().resolve("initiatives.csv"), "initiatives.csv", "i");
    assertThat(initiatives).extracting(r -> r.get("practice_hours_per_week")).filteredOn(v -> !v.isEmpty())
        .allMatch(v -> v.matches("\\d+\\.\\d"));
    assertThat(initiatives).extracting(r -> r.get("usage_signals")).anyMatch(v -> v.contains(";"));
    List<ContractReader.Row> learning = reader.read(g.dir().resolve("learning_activities.csv"),
        "learning_activities.csv", "l");
    assertThat(learning).extracting(r -> r.get("hours")).allMatch(v -> v.matches("\\d+\\.\\d"));
    List<ContractReader.Row> outcomes = reader.read(g.dir().resolve("outcomes.csv"), "outcomes.csv", "o");
    assertThat(outcomes).extracting(r -> r.get("value")).allMatch(v -> v.matches("\\d+(\\.\\d+)?"))
        .anyMatch(v -> v.contains("."));
    assertThat(reader.rejected()).isEmpty();
  }

  private static Map<String, Long> readAll(Path dir, ContractReader reader) throws IOException {
    Map<String, Long> rows = new HashMap<>();
    for (String file : Generator.FILES) {
      rows.put(file, (long) reader.read(dir.resolve(file), file, file).size());
    }
    long usage = 0;
    for (Path f : usageFiles(dir)) {
      usage += reader.read(f, "usage", "usage/" + f.getFileName()).size();
    }
    rows.put(Generator.USAGE_DIR + "/", usage);
    return rows;
  }

  static List<Path> usageFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve(Generator.USAGE_DIR))) {
      return s.sorted().collect(Collectors.toCollection(ArrayList::new));
    }
  }

  private static long countRows(Path file) {
    try (Stream<String> lines = Files.lines(file, UTF_8)) {
      return lines.count() - 1;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
