package se.vardag.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.metrics.TestInitiatives.day;
import static se.vardag.metrics.TestInitiatives.initiative;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vardag.facts.DayFactsFile;
import se.vardag.model.Initiative;

/** Silent signal sources (SPEC section 4): no event of the source, from anyone, dated in D-6 … D. */
class UsageSourcesTest {
  private static final int D = day("2026-11-27");

  private static DayFactsFile.Fact fact(long pid, String source, String... dates) {
    se.vardag.facts.DaySet set = new se.vardag.facts.DaySet();
    for (String d : dates) {
      set.add(day(d));
    }
    return new DayFactsFile.Fact(pid, source, "any.action", set.firstWord(), set.words());
  }

  @Test
  void anEventOnDMinus6IsNotSilentTheLastOnDMinus7Is() {
    UsageSources onDMinus6 = UsageSources.ofFacts(List.of(fact(1, "servicenow", "2026-11-21")));
    assertThat(onDMinus6.silent("servicenow", D)).isFalse();
    assertThat(onDMinus6.lastEventOnOrBefore("servicenow", D)).isEqualTo(day("2026-11-21"));

    UsageSources onDMinus7 = UsageSources.ofFacts(List.of(fact(1, "servicenow", "2026-11-20", "2026-11-28")));
    assertThat(onDMinus7.silent("servicenow", D)).isTrue(); // the event after D does not count
    assertThat(onDMinus7.lastEventOnOrBefore("servicenow", D)).isEqualTo(day("2026-11-20"));
    assertThat(onDMinus7.silent("servicenow", D + 1)).isFalse();

    UsageSources onD = UsageSources.ofFacts(List.of(fact(1, "servicenow", "2026-11-27")));
    assertThat(onD.silent("servicenow", D)).isFalse();
  }

  @Test
  void aSourceWithoutEventsIsSilentWithNoLastDate() {
    UsageSources sources = UsageSources.ofFacts(List.of(fact(1, "servicenow", "2026-11-27")));
    assertThat(sources.silent("jira", D)).isTrue();
    assertThat(sources.lastEventOnOrBefore("jira", D)).isNull();
  }

  @Test
  void sourcesAreComparedCaseInsensitivelyAfterTrimmingAndAnyonesEventsCount() {
    UsageSources sources = UsageSources.ofFacts(List.of(fact(1, " ServiceNow", "2026-11-01"),
        fact(2, "servicenow ", "2026-11-25"), fact(3, "SERVICENOW", "2026-10-01")));
    assertThat(sources.sources()).containsExactly("servicenow");
    assertThat(sources.lastEventOnOrBefore("ServiceNow", D)).isEqualTo(day("2026-11-25"));
    assertThat(sources.silent(" SERVICENOW ", D)).isFalse();
  }

  @Test
  void theCollectorUnionsDaysIdempotently() {
    Map<String, Map<Integer, Long>> a = new HashMap<>();
    UsageSources.addWords(a, "jira", Math.floorDiv(D, 64), new long[] {1L << Math.floorMod(D, 64)});
    Map<String, Map<Integer, Long>> b = new HashMap<>();
    int early = day("2026-01-05");
    UsageSources.addWords(b, "Jira", Math.floorDiv(early, 64), new long[] {1L << Math.floorMod(early, 64)});
    UsageSources.Collector c = new UsageSources.Collector();
    assertThat(c.isZero()).isTrue();
    c.add(a);
    c.add(a); // a re-run task adds the same days again: nothing changes
    UsageSources.Collector other = new UsageSources.Collector();
    other.add(b);
    c.merge(other);
    UsageSources sources = UsageSources.ofWords(c.value());
    assertThat(sources.lastEventOnOrBefore("jira", D)).isEqualTo(D);
    assertThat(sources.lastEventOnOrBefore("jira", D - 1)).isEqualTo(early);
    assertThat(UsageSources.ofWords(c.copy().value()).lastEventOnOrBefore("jira", D)).isEqualTo(D);
    c.reset();
    assertThat(c.isZero()).isTrue();
  }

  @Test
  void theManifestListsEveryNamedSourceWithItsLastDateAndSilence() {
    TestInitiatives one = initiative();
    one.signals = List.of(new Initiative.Signal("servicenow", "incident.resolve"), new Initiative.Signal("jira", "*"));
    TestInitiatives two = initiative();
    two.id = "I2";
    two.signals = List.of(new Initiative.Signal("teams", "*"));
    UsageSources sources = UsageSources.ofDates(Map.of("servicenow", List.of(LocalDate.parse("2026-11-20")),
        "teams", List.of(LocalDate.parse("2026-11-21")), "unnamed", List.of(LocalDate.parse("2026-11-27"))));
    List<Map<String, Object>> states = AdoptionTables.sourceStates(List.of(one.build(), two.build()), sources,
        LocalDate.parse("2026-11-27"));
    assertThat(states).hasSize(3);
    assertThat(states.get(0)).containsOnlyKeys("source", "last_event_date", "silent").containsEntry("source", "jira")
        .containsEntry("last_event_date", null).containsEntry("silent", true);
    assertThat(states.get(1)).containsEntry("source", "servicenow").containsEntry("last_event_date", "2026-11-20")
        .containsEntry("silent", true);
    assertThat(states.get(2)).containsEntry("source", "teams").containsEntry("last_event_date", "2026-11-21")
        .containsEntry("silent", false);
  }
}
