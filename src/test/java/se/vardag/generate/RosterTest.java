package se.vardag.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.vardag.generate.GeneratedFolders.Generated;

/** employees.csv: a plausible Swedish roster with the edge cases the pipeline must handle. */
class RosterTest {

  @Test
  void joinersLeaversAndFutureHires() throws IOException {
    Generated g = GeneratedFolders.of(GeneratorOptions.defaults());
    List<ContractReader.Row> roster = roster(g);
    LocalDate start = g.options().startDate();
    LocalDate end = g.options().endDate();

    assertThat(roster).hasSize(g.options().employees());
    assertThat(roster).filteredOn(r -> date(r, "hired_on").isAfter(end)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(roster).filteredOn(r -> !date(r, "hired_on").isBefore(start) && !date(r, "hired_on").isAfter(end))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(roster).filteredOn(r -> !r.get("left_on").isEmpty() && !date(r, "left_on").isBefore(start)
        && !date(r, "left_on").isAfter(end)).hasSizeGreaterThanOrEqualTo(3);
    assertThat(roster).filteredOn(r -> !r.get("left_on").isEmpty() && date(r, "left_on").isAfter(end)).isNotEmpty();
    assertThat(roster).filteredOn(r -> !r.get("left_on").isEmpty() && date(r, "left_on").isBefore(start))
        .isNotEmpty();
    assertThat(roster).allMatch(r -> r.get("left_on").isEmpty() || date(r, "left_on").isAfter(date(r, "hired_on")));
  }

  @Test
  void swedishNamesUniqueAsciiEmailsAndManagersInTheRoster() throws IOException {
    Generated g = GeneratedFolders.of(GeneratorOptions.defaults());
    List<ContractReader.Row> roster = roster(g);
    Set<String> ids = roster.stream().map(r -> r.get("employee_id")).collect(Collectors.toSet());
    String names = roster.stream().map(r -> r.get("display_name")).collect(Collectors.joining(" "));

    assertThat(ids).hasSize(roster.size());
    assertThat(names).contains("å").contains("ä").contains("ö");
    assertThat(roster.stream().map(r -> r.get("email")).collect(Collectors.toSet())).hasSize(roster.size());
    assertThat(roster).allMatch(r -> r.get("email").matches("[a-z0-9.-]+@vardagsverket\\.example"));
    assertThat(roster).filteredOn(r -> r.get("manager_id").isEmpty()).hasSize(1);
    assertThat(roster).filteredOn(r -> !r.get("manager_id").isEmpty())
        .allMatch(r -> ids.contains(r.get("manager_id")) && !r.get("manager_id").equals(r.get("employee_id")));
    assertThat(roster).extracting(r -> r.get("org_unit")).contains("IT/Service Desk Nord", "IT/Service Desk Syd",
        "IT/Drift", "HR", "Ekonomi/Redovisning", "Juridik", "Kundtjänst/Team Öst");
  }

  @Test
  void largerRostersAddRegionalSitesWithTheSameUnits() {
    Organisation org = Organisation.build(3300);
    assertThat(org.sites()).isEqualTo(Organisation.siteCount(3300)).isGreaterThan(5);
    int total = org.units().stream().mapToInt(OrgUnit::size).sum();
    assertThat(total).isEqualTo(3300 - Organisation.formerCount(3300));
    for (int site = 0; site < org.sites(); site++) {
      assertThat(org.unit(site, "IT/Service Desk Nord")).isPresent();
      assertThat(org.unit(site, "Juridik/Dataskydd")).get().extracting(OrgUnit::size).isEqualTo(4);
    }
    assertThat(org.unit(1, "HR")).get().extracting(OrgUnit::path).isEqualTo("Region Göteborg/HR");
  }

  private static List<ContractReader.Row> roster(Generated g) throws IOException {
    return new ContractReader(g.options().zone()).read(g.dir().resolve("employees.csv"), "employees.csv", "e");
  }

  private static LocalDate date(ContractReader.Row r, String column) {
    return LocalDate.parse(r.get(column));
  }
}
