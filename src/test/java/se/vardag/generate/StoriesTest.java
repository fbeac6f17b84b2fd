package se.vardag.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.vardag.generate.GeneratedFolders.Generated;

/**
 * The stories of data-samples/README.md: their register facts, and the verdict and flags that
 * SPEC sections 3-4 give them at D = the end date (re-derived by {@link SpecOracle}).
 */
class StoriesTest {

  @Test
  void eachStoryGetsItsPromisedVerdictAndFlagsAtTheEndDate() throws IOException {
    Generated g = GeneratedFolders.samples();
    Map<String, SpecOracle.Outcome> outcomes = oracle(g);

    assertThat(outcomes).hasSize(Stories.count());
    for (int i = 0; i < Stories.count(); i++) {
      Story story = Stories.all().get(i);
      SpecOracle.Outcome o = outcomes.get(Initiative.idOf(i));
      assertThat(o.verdict()).as(story.key() + " " + o.metrics()).isEqualTo(story.expectedVerdict());
      assertThat(o.flags()).as(story.key() + " " + o.metrics()).isEqualTo(story.expectedFlags());
    }
  }

  @Test
  void theVerdictsCoverTheMixTheReportNeeds() {
    List<String> verdicts = Stories.all().stream().map(Story::expectedVerdict).collect(Collectors.toList());
    assertThat(verdicts).contains("on_track", "lacks_follow_through", "in_pilot", "at_risk", "stopped");
  }

  @Test
  void organisationBFollowsThrough() throws IOException {
    Generated g = GeneratedFolders.samples();
    SpecOracle.Outcome b = oracle(g).get("INI-001");
    Map<String, Object> m = b.metrics();
    assertThat((Double) m.get("training_coverage")).isGreaterThanOrEqualTo(0.8);
    assertThat((Double) m.get("practice_time_ratio")).isGreaterThanOrEqualTo(0.5);
    assertThat((Double) m.get("sustained_rate")).isGreaterThan(0.6);
    assertThat((Double) m.get("post_pilot_retention")).isGreaterThanOrEqualTo(0.7);
    assertThat((Double) m.get("kpi_improved_share")).isGreaterThanOrEqualTo(0.5);
    assertThat((Integer) m.get("learning_sessions_90d")).isGreaterThanOrEqualTo(3);
    assertThat((Long) m.get("days_since_follow_up")).isLessThanOrEqualTo(30);
    ContractReader.Row ini = register(g).get("INI-001");
    assertThat(ini.get("owner_id")).isNotEmpty();
    assertThat(ini.get("owner_has_mandate")).isEqualTo("ja");
    assertThat(ini.get("follow_up_every_days")).isEqualTo("30");
    assertThat(LocalDate.parse(ini.get("pilot_end"))).isBefore(g.options().endDate().minusMonths(2));
    assertThat(maturities(g, "INI-001")).isSorted().hasSizeGreaterThanOrEqualTo(3);
    assertThat(maturities(g, "INI-001").get(0)).isLessThan(maturities(g, "INI-001").get(2));
  }

  @Test
  void organisationATreatsTheSameCourseAsAOneOff() throws IOException {
    Generated g = GeneratedFolders.samples();
    Map<String, ContractReader.Row> register = register(g);
    ContractReader.Row a = register.get("INI-002");
    ContractReader.Row b = register.get("INI-001");
    assertThat(a.get("course_ids")).isEqualTo(b.get("course_ids"));
    assertThat(a.get("usage_signals")).isEqualTo(b.get("usage_signals"));
    assertThat(a.get("owner_id")).isEmpty();
    assertThat(a.get("practice_hours_per_week")).isEmpty();
    assertThat(a.get("follow_up_every_days")).isEmpty();
    assertThat(maturities(g, "INI-002")).isEmpty();
    ContractReader reader = new ContractReader(g.options().zone());
    assertThat(reader.read(g.dir().resolve("learning_activities.csv"), "learning_activities.csv", "l"))
        .noneMatch(r -> r.get("initiative_id").equals("INI-002"));
    Map<String, Object> m = oracle(g).get("INI-002").metrics();
    assertThat((Double) m.get("post_pilot_retention")).isLessThan(0.7);
    assertThat((Double) m.get("sustained_rate")).isLessThan(0.4);
    assertThat((Double) m.get("kpi_improved_share")).isLessThan(0.5);
  }

  @Test
  void theOtherStoriesHaveTheirRegisterFacts() throws IOException {
    Generated g = GeneratedFolders.samples();
    LocalDate d = g.options().endDate();
    Map<String, ContractReader.Row> register = register(g);
    Map<String, ContractReader.Row> roster = roster(g);

    ContractReader.Row ai = register.get("INI-003");
    assertThat(ai.get("owner_id")).isEmpty();
    assertThat(LocalDate.parse(ai.get("pilot_end"))).isBetween(d, d.plusDays(30));
    // Enough people outside Kundtjänst use it for the figure to be published (not suppressed).
    assertThat((Long) oracle(g).get("INI-003").metrics().get("outside_target_users"))
        .isGreaterThanOrEqualTo(SpecOracle.MIN_GROUP_SIZE);

    ContractReader.Row ownerLeft = register.get("INI-004");
    assertThat(LocalDate.parse(roster.get(ownerLeft.get("owner_id")).get("left_on"))).isBefore(d);
    assertThat(LocalDate.parse(ownerLeft.get("pilot_end"))).isBefore(d);

    SpecOracle.Outcome small = oracle(g).get("INI-005");
    assertThat(small.suppressed()).isTrue();
    assertThat((Integer) small.metrics().get("target_population")).isBetween(1, SpecOracle.MIN_GROUP_SIZE - 1);

    assertThat(register.get("INI-006").get("status")).isEqualTo("stopped");

    // Pilots lie inside the usage logs, so their peak week is measurable.
    for (ContractReader.Row ini : register.values()) {
      assertThat(LocalDate.parse(ini.get("pilot_start"))).as(ini.get("initiative_id"))
          .isAfterOrEqualTo(g.options().startDate());
      assertThat(oracle(g).get(ini.get("initiative_id")).metrics().get("pilot_peak_wau")).isNotNull();
    }
  }

  @Test
  void fewerInitiativesKeepTheFirstStories() {
    World world = World.build(GeneratorOptions.defaults().withInitiatives(3));
    assertThat(world.initiatives()).extracting(Initiative::story)
        .containsExactlyElementsOf(Stories.all().subList(0, 3));
  }

  @Test
  void moreInitiativesRepeatTheStoriesOnRegionalSitesWithTheSameVerdicts() throws IOException {
    GeneratorOptions options = GeneratorOptions.defaults().withEmployees(660).withInitiatives(2 * Stories.count());
    Generated g = GeneratedFolders.of(options);
    Map<String, ContractReader.Row> register = register(g);
    Map<String, SpecOracle.Outcome> outcomes = oracle(g);
    for (int i = Stories.count(); i < 2 * Stories.count(); i++) {
      Story story = Stories.forInitiative(i);
      ContractReader.Row ini = register.get(Initiative.idOf(i));
      assertThat(ini.get("target_org_units")).as(ini.get("name")).startsWith(Organisation.sitePrefix(1));
      SpecOracle.Outcome o = outcomes.get(Initiative.idOf(i));
      assertThat(o.verdict()).as(story.key() + " " + o.metrics()).isEqualTo(story.expectedVerdict());
      assertThat(o.flags()).as(story.key()).isEqualTo(story.expectedFlags());
    }
  }

  private static final Map<Generated, Map<String, SpecOracle.Outcome>> ORACLE = new java.util.HashMap<>();

  private static synchronized Map<String, SpecOracle.Outcome> oracle(Generated g) throws IOException {
    Map<String, SpecOracle.Outcome> o = ORACLE.get(g);
    if (o == null) {
      o = SpecOracle.evaluate(g.dir(), g.options().endDate(), g.options().zone());
      ORACLE.put(g, o);
    }
    return o;
  }

  private static Map<String, ContractReader.Row> register(Generated g) throws IOException {
    return new ContractReader(g.options().zone())
        .read(g.dir().resolve("initiatives.csv"), "initiatives.csv", "initiatives.csv").stream()
        .collect(Collectors.toMap(r -> r.get("initiative_id"), Function.identity(), (a, b) -> a,
            java.util.TreeMap::new));
  }

  private static Map<String, ContractReader.Row> roster(Generated g) throws IOException {
    return new ContractReader(g.options().zone())
        .read(g.dir().resolve("employees.csv"), "employees.csv", "employees.csv").stream()
        .collect(Collectors.toMap(r -> r.get("employee_id"), Function.identity()));
  }

  private static List<Integer> maturities(Generated g, String initiative) throws IOException {
    return new ContractReader(g.options().zone())
        .read(g.dir().resolve("follow_ups.csv"), "follow_ups.csv", "follow_ups.csv").stream()
        .filter(r -> r.get("initiative_id").equals(initiative))
        .map(r -> Integer.parseInt(r.get("maturity"))).collect(Collectors.toList());
  }
}
