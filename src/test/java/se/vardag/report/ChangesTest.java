package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.vardag.report.Changes.Kind;
import se.vardag.report.ReportData.FlagRow;

/** What changed since the previous report, computed by hand for a small register. */
class ChangesTest {
  private static final LocalDate BEFORE = LocalDate.of(2026, 11, 26);
  private static final LocalDate D = LocalDate.of(2026, 11, 27);

  private static InitiativeRow row(String id, String verdict) {
    return new InitiativeRow(Map.of("initiative_id", id, "name", "Name " + id, "verdict", verdict));
  }

  private static FlagRow flag(String id, String code, String severity) {
    return new FlagRow(id, "Name " + id, code, "ownership", severity, "", Map.of(), "x");
  }

  /**
   * Before: A on_track, B at_risk (NO_GOAL), C lacks (OWNER_LEFT), E in_pilot, G on_track (gone now).
   * Now: A at_risk (NO_GOAL raised), B on_track (NO_GOAL resolved), C lacks (OWNER_LEFT, and NO_OWNER
   * raised, high), E stopped, F new (in_pilot).
   */
  private static Changes example() {
    Changes.Earlier earlier = new Changes.Earlier(BEFORE,
        Map.of("A", "Name A", "B", "Name B", "C", "Name C", "E", "Name E", "G", "Name G"),
        Map.of("A", "on_track", "B", "at_risk", "C", "lacks_follow_through", "E", "in_pilot", "G", "on_track"),
        Map.of("B", Set.of("NO_GOAL"), "C", Set.of("OWNER_LEFT")));
    List<InitiativeRow> now = List.of(row("A", "at_risk"), row("B", "on_track"), row("C", "lacks_follow_through"),
        row("E", "stopped"), row("F", "in_pilot"));
    List<FlagRow> flags = List.of(flag("A", "NO_GOAL", "medium"), flag("C", "OWNER_LEFT", "high"),
        flag("C", "NO_MANDATE", "medium"), flag("C", "NO_OWNER", "high"), flag("F", "NO_OWNER", "high"));
    return Changes.between(earlier, now, flags);
  }

  @Test
  void everyChangeOnceMostImportantFirst() {
    Changes c = example();
    assertThat(c.comparedWith()).isEqualTo(BEFORE);
    assertThat(c.changes()).extracting(x -> x.kind() + " " + x.initiativeId() + " "
        + (x.flag() != null ? x.flag() : x.from() + ">" + x.to())).containsExactly(
        "WORSE A on_track>at_risk",
        "NEW F null>in_pilot", // its flags are news in its own line
        "RAISED C NO_OWNER", // high before medium
        "RAISED C NO_MANDATE", // the same severity: the spec's order, NO_MANDATE before NO_GOAL
        "RAISED A NO_GOAL",
        "BETTER B at_risk>on_track",
        "CHANGED E in_pilot>stopped", // a decision: neither better nor worse
        "RESOLVED B NO_GOAL",
        "GONE G on_track>null");
  }

  @Test
  void movesAreWorseTowardsLackingFollowThroughAndStoppedIsNeither() {
    assertThat(Changes.direction("on_track", "at_risk")).isEqualTo(Kind.WORSE);
    assertThat(Changes.direction("at_risk", "lacks_follow_through")).isEqualTo(Kind.WORSE);
    assertThat(Changes.direction("in_pilot", "lacks_follow_through")).isEqualTo(Kind.WORSE);
    assertThat(Changes.direction("in_pilot", "on_track")).isEqualTo(Kind.BETTER);
    assertThat(Changes.direction("lacks_follow_through", "at_risk")).isEqualTo(Kind.BETTER);
    assertThat(Changes.direction("on_track", "stopped")).isEqualTo(Kind.CHANGED);
    assertThat(Changes.direction("stopped", "lacks_follow_through")).isEqualTo(Kind.CHANGED);
  }

  @Test
  void theSameVerdictsAndFlagsAreNoChange() {
    Changes.Earlier earlier = new Changes.Earlier(BEFORE, Map.of("A", "Name A"), Map.of("A", "at_risk"),
        Map.of("A", Set.of("NO_GOAL")));
    Changes c = Changes.between(earlier, List.of(row("A", "at_risk")), List.of(flag("A", "NO_GOAL", "medium")));
    assertThat(c.none()).isTrue();
  }

  @Test
  void theReportOpensWithTheChangesAndTheSubjectLeadsWithTheWorstInBothLanguages() {
    Changes c = example();
    ReportBuilder sv = new ReportBuilder(new Messages("sv"), "", 5, ReportFixtures.config("sv", Map.of()).flags());
    assertThat(sv.changeWords().changeLines(c)).containsExactly(
        "Sämre: Name A: På rätt spår → I riskzonen",
        "Nytt: Name F (I pilot)",
        "Ny allvarlig flagga: Name C: Ingen ägare",
        "Ny flagga: Name C: Saknar mandat",
        "Ny flagga: Name A: Inget strategiskt mål",
        "Bättre: Name B: I riskzonen → På rätt spår",
        "Ändrat: Name E: I pilot → Stoppat",
        "Åtgärdat: Name B: Inget strategiskt mål",
        "Finns inte längre i registret: Name G (var På rätt spår)");
    ReportBuilder en = new ReportBuilder(new Messages("en"), "", 5, ReportFixtures.config("en", Map.of()).flags());
    assertThat(en.changeWords().changeLines(c).get(0)).isEqualTo("Worse: Name A: On track → At risk");
    assertThat(en.changeWords().changeLines(Changes.between(new Changes.Earlier(BEFORE, Map.of(), Map.of(), Map.of()), List.of(),
        List.of()))).containsExactly("Nothing changed since 26 November 2026: the same verdicts and flags.");
  }
}
