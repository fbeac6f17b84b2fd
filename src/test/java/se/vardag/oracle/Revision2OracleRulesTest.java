package se.vardag.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle itself against figures computed by hand on a tiny organisation, at the edges of
 * revision 2's rules (so that a difference from the pipeline is the pipeline's, not the oracle's).
 *
 * <p>D = 2026-11-27, so D-28 = 10-30, W28 = 10-31 … 11-27, b0 = 11-21 … 11-27. Units: A = E1…E5
 * and E8 (hired on D); E7 left on D and E9 is hired on D+1, so neither counts; B = E11…E13 (3,
 * small); C = E21…E26 (6, ties with A). X targets A;B;C (15 people), Y targets C, Z targets A.
 */
class Revision2OracleRulesTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 27);
  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  @TempDir
  Path in;

  @BeforeEach
  void organisation() throws IOException {
    StringBuilder employees = new StringBuilder("employee_id,display_name,email,org_unit,manager_id,hired_on,left_on\n");
    for (int e : new int[] {1, 2, 3, 4, 5}) {
      employees.append("E").append(e).append(",,,A,,2020-01-01,\n");
    }
    employees.append("E7,,,A,,2020-01-01,2026-11-27\n");
    employees.append("E8,,,A,,2026-11-27,\n");
    employees.append("E9,,,A,,2026-11-28,\n");
    for (int e = 11; e <= 13; e++) {
      employees.append("E").append(e).append(",,,B,,2020-01-01,\n");
    }
    for (int e = 21; e <= 26; e++) {
      employees.append("E").append(e).append(",,,C/Team,,2020-01-01,\n");
    }
    Files.writeString(in.resolve("employees.csv"), employees);
    Files.writeString(in.resolve("goals.csv"), "goal_id,title\nG1,Snabbare\n");
    Files.writeString(in.resolve("initiatives.csv"),
        "\uFEFFInitiative_ID ,name,goal_id,owner_id,owner_has_mandate,pilot_start,pilot_end,status,target_org_units,"
            + "course_ids,usage_signals,practice_hours_per_week,follow_up_every_days,kpi,kpi_direction\n"
            + "X,Ex,G1,E1, ja ,2026-09-01,2026-10-30,operational,A;B;C,K1, Tool : Use ,1,30,,\n"
            + "Y,Ypsilon,,,,2026-08-01,,scaling,C,K2,legacy:*,,,,\n"
            + "Z,Zeta,G9,E99,Nej,2026-06-01,2026-09-30,operational,A,K1,,,,,\n"
            + "W,Wee,G1,E11,JA,2026-06-01,2026-12-20,pilot,B,K1,tool:use,,,,\n");
    Files.writeString(in.resolve("trainings.csv"), "employee_id,course_id,course_name,completed_on,certified,hours\n"
        + "E1,K1,,2026-08-01,,\n"
        + "E1,K1,,2026-09-20,,\n" // a later completion: the earliest counts
        + "E2,K1,,2026-10-30,,\n"
        + "E3,K1,,2026-10-31,,\n"
        + "E11,K1,,2026-09-15,,\n"
        + "E21,K2,,2026-06-01,,\nE22,K2,,2026-06-01,,\nE23,K2,,2026-06-01,,\nE24,K2,,2026-06-01,,\n"
        + "E25,K2,,2026-06-01,,\n"
        + "E4,K1,,2026-11-28,,\n"); // after D: not trained
    Files.writeString(in.resolve("learning_activities.csv"), "employee_id,initiative_id,activity,held_on,hours\n"
        + "E1,X,workshop,2026-11-10,2\n"
        + "E2,X,workshop,2026-11-10,2\n" // same (held_on, activity): one session
        + "E7,X,practice,2026-11-12,5\n"); // E7 is not in the target population at D
    Files.createDirectories(in.resolve("usage"));
    Files.writeString(in.resolve("usage").resolve("u.csv"), "event_time,employee_id,source,action,count\n"
        + "2026-09-03T10:00:00+02:00,E1,TOOL,use,1\n"
        + "2026-09-14T23:30:00Z,E11,tool,use,1\n" // 00:30 on 09-15 in Stockholm
        + "2026-11-20T09:00:00,E2,tool,use,1\n" // no offset: Stockholm time
        + "2026-11-26T09:00:00+01:00,E7,tool,use,1\n"
        + "2026-11-26T09:00:00+01:00,X99,tool,use,1\n"
        + "2026-11-20T09:00:00+01:00,E26,legacy,run,1\n"
        + "2026-11-26T09:00:00+01:00,E1,tool,other,1\n" // another action: does not signal X
        + "2027-11-26T09:00:00+01:00,E5,tool,use,1\n"); // in the future: rejected
  }

  private Revision2Oracle.Result at(LocalDate d) throws IOException {
    return new Revision2Oracle(in, ZONE, D.plusDays(1)).evaluate(d);
  }

  @Test
  void startDateIsTheLaterOfTrainingAndPilotStart() throws IOException {
    Map<String, Object> x = at(D).initiative("X");
    assertThat(x.get("target_population")).isEqualTo(15L);
    assertThat(x.get("trained")).isEqualTo(4L); // E1, E2, E3, E11; E4 completes after D
    assertThat((Double) x.get("training_coverage")).isCloseTo(4 / 15.0, within(1e-12));
    // Start dates E1 09-01 (course 08-01), E2 10-30 (= D-28), E3 10-31, E11 09-15: base E1, E2, E11.
    assertThat(x.get("trained_not_using_base")).isEqualTo(3L);
    assertThat(x.get("trained_not_using")).isEqualTo(2L); // E1 and E11 not active in W28
    assertThat((Double) x.get("trained_not_using_rate")).isCloseTo(2 / 3.0, within(1e-12));
    // First use - start: E1 09-03 - 09-01 = 2 (from the training date it would be 33), E2 21, E11 0.
    assertThat(x.get("median_days_to_first_use")).isEqualTo(2.0);
    assertThat(x.get("active_users")).isEqualTo(1L);
    assertThat(x.get("sustained_users")).isEqualTo(0L);
    assertThat(x.get("current_wau")).isEqualTo(0L);
    assertThat(x.get("pilot_peak_wau")).isEqualTo(1L);
    assertThat(x.get("post_pilot_retention")).isEqualTo(0.0);
    assertThat(x.get("usage_signals")).isEqualTo("tool:use");
  }

  @Test
  void practiceFollowUpsAndEffectOfAPostPilotInitiative() throws IOException {
    Map<String, Object> x = at(D).initiative("X");
    assertThat((Double) x.get("practice_hours_per_person_week")).isCloseTo(4 / 15.0 / 4, within(1e-12));
    assertThat((Double) x.get("practice_time_ratio")).isCloseTo(4 / 15.0 / 4, within(1e-12));
    assertThat(x.get("learning_sessions_90d")).isEqualTo(1L);
    assertThat(x.get("outside_target_users")).isNull(); // E7 and X99: 2, under 5
    assertThat(x.get("owner_has_mandate")).isEqualTo(true); // " ja "
    assertThat(x.get("post_pilot")).isEqualTo(true);
    assertThat(x.get("flag_codes")).isEqualTo(
        "PRACTICE_TIME_UNUSED;LOW_TRAINING_COVERAGE;LOW_ADOPTION;ADOPTION_DECAY;NO_EFFECT_MEASURE");
    assertThat(x.get("verdict")).isEqualTo("lacks_follow_through");
    assertThat(x.get("high_flag_count")).isEqualTo(2L);
    assertThat(x.get("headline")).isEqualTo(true);
    // follow_ups.csv and outcomes.csv are not delivered here: their figures are null, not 0.
    assertThat(x.get("follow_ups_90d")).isNull();
    assertThat(x.get("follow_up_adherence")).isNull();
    assertThat(x.get("kpi_current_observations")).isNull();
    assertThat(List.of(x.get("has_owner_with_mandate"), x.get("has_goal"), x.get("has_practice_time"),
        x.get("has_learning_follow_up"), x.get("has_follow_up"), x.get("ingredient_count")))
        .containsExactly(true, true, false, true, false, 3L);
  }

  @Test
  void withFollowUpsDeliveredTheCadenceDecides() throws IOException {
    Files.writeString(in.resolve("follow_ups.csv"), "initiative_id,held_on,forum,maturity,note\n"
        + "X,2026-10-13,lg,2,\nX,2026-09-01,lg,,\nX,2026-12-15,lg,4,\n"); // the last one is after D
    Map<String, Object> x = at(D).initiative("X");
    assertThat(x.get("last_follow_up")).isEqualTo(LocalDate.of(2026, 10, 13));
    assertThat(x.get("days_since_follow_up")).isEqualTo(45L); // = 1.5 x 30: not overdue
    assertThat(x.get("follow_ups_90d")).isEqualTo(2L); // 09-01 is D-87
    assertThat((Double) x.get("follow_up_adherence")).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(x.get("last_maturity")).isEqualTo(2L);
    assertThat(x.get("has_follow_up")).isEqualTo(true);
    assertThat(at(D).flagCodes("X")).doesNotContain("FOLLOW_UP_OVERDUE");
    Map<String, Object> later = at(D.plusDays(1)).initiative("X");
    assertThat(later.get("has_follow_up")).isEqualTo(false);
    assertThat(later.get("flag_codes").toString()).contains("FOLLOW_UP_OVERDUE");
  }

  @Test
  void silentSourcesWithholdTheUsageFlags() throws IOException {
    // The last legacy event is 11-20 = D-7: silent at D, not at D-1.
    assertThat(at(D).flagCodes("Y")).containsExactly("NO_OWNER", "NO_GOAL", "NO_FOLLOW_UP_CADENCE",
        "NO_PRACTICE_TIME", "NO_LEARNING_FOLLOW_UP", "NO_EFFECT_MEASURE", "NO_PILOT_END", "USAGE_DATA_MISSING");
    Map<String, Object> y = at(D).initiative("Y");
    assertThat(y.get("post_pilot")).isEqualTo(true); // scaling without pilot_end
    assertThat(y.get("trained_not_using_rate")).isEqualTo(1.0); // published as measured
    assertThat(y.get("verdict")).isEqualTo("lacks_follow_through");
    assertThat(at(D.minusDays(1)).flagCodes("Y")).containsExactly("NO_OWNER", "NO_GOAL", "NO_FOLLOW_UP_CADENCE",
        "NO_PRACTICE_TIME", "TRAINED_NOT_USING", "NO_LEARNING_FOLLOW_UP", "NO_EFFECT_MEASURE", "NO_PILOT_END");
  }

  @Test
  void withoutUsageSignalsTheUsageFiguresAreNullAndOnlyNoUsageSignalIsRaised() throws IOException {
    Revision2Oracle.Result r = at(D);
    Map<String, Object> z = r.initiative("Z");
    for (String column : List.of("active_users", "adoption_rate", "sustained_users", "sustained_rate",
        "trained_not_using", "trained_not_using_rate", "median_days_to_first_use", "current_wau", "pilot_peak_wau",
        "post_pilot_retention", "outside_target_users")) {
      assertThat(z.get(column)).as(column).isNull();
    }
    assertThat(z.get("trained")).isEqualTo(3L);
    assertThat(z.get("trained_not_using_base")).isNull(); // published with the usage figures, and null like them
    assertThat(r.flagCodes("Z")).containsExactly("OWNER_LEFT", "NO_MANDATE", "NO_GOAL", "NO_FOLLOW_UP_CADENCE",
        "NO_PRACTICE_TIME", "NO_LEARNING_FOLLOW_UP", "NO_USAGE_SIGNAL", "NO_EFFECT_MEASURE");
    assertThat(r.weeklyActive.stream().filter(w -> w.get("initiative_id").equals("Z"))
        .map(w -> w.get("active_users"))).hasSize(12).containsOnlyNulls();
  }

  @Test
  void missingGoalsFileSilencesNoGoalOnlyWhereAGoalIsSet() throws IOException {
    Files.delete(in.resolve("goals.csv"));
    Revision2Oracle.Result r = at(D);
    assertThat(r.initiative("Z").get("goal_linked")).isNull();
    assertThat(r.flagCodes("Z")).doesNotContain("NO_GOAL");
    assertThat(r.initiative("Y").get("goal_linked")).isEqualTo(false);
    assertThat(r.flagCodes("Y")).contains("NO_GOAL");
  }

  @Test
  void missingLearningFileNullsItsFiguresAndSilencesItsFlags() throws IOException {
    Files.delete(in.resolve("learning_activities.csv"));
    Revision2Oracle.Result r = at(D);
    assertThat(r.initiative("X").get("practice_time_ratio")).isNull();
    assertThat(r.initiative("X").get("learning_sessions_90d")).isNull();
    assertThat(r.flagCodes("X")).doesNotContain("PRACTICE_TIME_UNUSED");
    assertThat(r.flagCodes("Y")).doesNotContain("NO_LEARNING_FOLLOW_UP");
  }

  @Test
  void smallGroupsAreSuppressedAndOneSmallUnitTakesTheSmallestOtherWithIt() throws IOException {
    Revision2Oracle.Result r = at(D);
    Map<String, Object> w = r.initiative("W");
    assertThat(w.get("suppressed")).isEqualTo(true);
    assertThat(w.get("target_population")).isEqualTo(3L);
    assertThat(w.get("trained")).isNull();
    assertThat(w.get("active_users")).isNull();
    assertThat(w.get("owner_has_mandate")).isEqualTo(true); // "JA"
    assertThat(w.get("verdict")).isEqualTo("in_pilot");
    assertThat(r.unitAdoption.stream().filter(u -> u.get("initiative_id").equals("X"))
        .map(u -> u.get("org_unit") + " " + u.get("target_population") + " " + u.get("suppression") + " "
            + u.get("trained"))
        .collect(Collectors.toList()))
        .containsExactly("A 6 complementary null", "B 3 small_group null", "C/Team 6 null 0");
  }

  @Test
  void booleansOutsideTheContractAreNotGuessed() {
    assertThat(Revision2Oracle.bool("Nej")).isFalse();
    assertThat(Revision2Oracle.bool("")).isNull();
    assertThatThrownBy(() -> Revision2Oracle.bool("kanske")).hasMessage(
        "Cannot read a boolean: 'kanske' is not true/false/yes/no/ja/nej/1/0");
  }
}
