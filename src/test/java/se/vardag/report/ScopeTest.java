package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.report.ReportFixtures.flag;
import static se.vardag.report.ReportFixtures.init;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {
  static final List<InitiativeRow> ROWS = List.of(
      init("I-1", "Ett", "on_track").set("target_org_units", "IT").row(),
      init("I-2", "Två", "on_track").set("target_org_units", "IT/Drift;Ekonomi").row(),
      init("I-3", "Tre", "on_track").set("target_org_units", "ITX/Labb").row(),
      init("I-4", "Fyra", "on_track").set("target_org_units", "Ekonomi/Lön").row());

  @Test
  void aPrefixCoversTheInitiativesWhoseTargetsLieUnderItSegmentBySegment() {
    assertThat(Scope.underOrgUnit("IT", ROWS).initiativeIds()).containsExactly("I-1", "I-2");
    assertThat(Scope.underOrgUnit("IT/Drift", ROWS).initiativeIds()).containsExactly("I-2");
    assertThat(Scope.underOrgUnit("Ekonomi", ROWS).initiativeIds()).containsExactly("I-2", "I-4");
    assertThat(Scope.underOrgUnit("ITX", ROWS).initiativeIds()).containsExactly("I-3");
    // A target above the prefix (all of IT) is not under IT/Service Desk.
    assertThat(Scope.underOrgUnit("IT/Service Desk", ROWS).isEmpty()).isTrue();
  }

  @Test
  void unionsAndKeys() {
    Scope owner = Scope.ownerOf(List.of("I-4"));
    Scope both = owner.union(Scope.underOrgUnit("IT", ROWS));
    assertThat(both.initiativeIds()).containsExactly("I-1", "I-2", "I-4");
    assertThat(both.owner()).isTrue();
    assertThat(both.units()).containsExactly("IT");
    assertThat(both.toString()).isEqualTo("[I-1, I-2, I-4] (owner, IT)");
    assertThat(both.union(Scope.all()).isAll()).isTrue();
    assertThat(Scope.all().key()).isEqualTo("all");
    assertThat(both.key()).matches("s[0-9a-f]{12}").isEqualTo(
        Scope.underOrgUnit("IT", ROWS).union(Scope.ownerOf(List.of("I-4"))).key());
    assertThat(Scope.of(Set.of("I-1", "I-2", "I-4")).key()).isNotEqualTo(both.key());
  }

  @Test
  void scopedDataHoldsTheScopesRowsAloneAndComparesWithTheirEarlierFacts() {
    ReportData data = new ReportData(ReportFixtures.D, ROWS,
        List.of(flag("I-1", "Ett", "NO_GOAL", "strategy", "medium", "on_track", "no goal", "goal_status", "none"),
            flag("I-4", "Fyra", "NO_GOAL", "strategy", "medium", "on_track", "no goal", "goal_status", "none")),
        ReportFixtures.weeks("I-4", "Fyra", false, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
        List.of(ReportFixtures.unit("I-1", "Ett", "IT", 10, 5, 4, 3)),
        ReportFixtures.quality(0, List.of()), null,
        List.of(new ReportData.HistoryRow("I-1", 0, ReportFixtures.D, "on_track"),
            new ReportData.HistoryRow("I-4", 0, ReportFixtures.D, "on_track")))
        .comparedWith(new Changes.Earlier(ReportFixtures.D.minusDays(1), Map.of("I-1", "Ett", "I-9", "Nio"),
            Map.of("I-1", "at_risk", "I-9", "on_track"), Map.of("I-1", Set.of("NO_OWNER"))));
    ReportData scoped = data.scopedTo(Scope.ownerOf(List.of("I-1")));
    assertThat(scoped.initiatives()).extracting(InitiativeRow::id).containsExactly("I-1");
    assertThat(scoped.flags()).extracting(ReportData.FlagRow::initiativeId).containsExactly("I-1");
    assertThat(scoped.weeks()).isEmpty();
    assertThat(scoped.units()).hasSize(1);
    assertThat(scoped.history()).extracting(ReportData.HistoryRow::initiativeId).containsExactly("I-1");
    // I-9 left the register: only the whole organisation's changes name it.
    assertThat(scoped.earlier().verdicts()).containsOnlyKeys("I-1");
    assertThat(data.scopedTo(Scope.all())).isSameAs(data);
  }
}
