package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.vardag.report.ReportFixtures.flag;

import org.junit.jupiter.api.Test;
import se.vardag.config.FlagThresholds;
import se.vardag.report.ReportData.FlagRow;

/** SPEC revision 2, section 4: the two new flags, and quoted figures on the same side of their threshold. */
class EvidenceTextTest {
  private static final EvidenceText SV = new EvidenceText(new Messages("sv"), FlagThresholds.specDefaults());
  private static final EvidenceText EN = new EvidenceText(new Messages("en"), FlagThresholds.specDefaults());

  private static FlagRow f(String code, String pillar, String... args) {
    return flag("I-1", "n", code, pillar, "medium", "at_risk", "english evidence", args);
  }

  @Test
  void usageDataMissingNamesEverySilentSourceWithItsLastEventDate() {
    FlagRow two = f("USAGE_DATA_MISSING", "usage", "sources", "servicenow=2026-11-20;jira=");
    assertThat(SV.title("USAGE_DATA_MISSING")).isEqualTo("Användningsdata saknas");
    assertThat(SV.text(two)).isEqualTo("Källorna servicenow (senaste händelse 20 november 2026) och jira (ingen "
        + "händelse alls) har tystnat: ingen händelse de senaste 7 dagarna. Tills loggarna kommer igen bedöms "
        + "användningen inte som låg eller avtagande.");
    assertThat(EN.title("USAGE_DATA_MISSING")).isEqualTo("Usage data missing");
    assertThat(EN.text(two)).isEqualTo("The sources servicenow (last event 20 November 2026) and jira (no event ever) "
        + "have gone silent: no event in the last 7 days. Until the logs arrive again, use is not judged low or "
        + "declining.");

    FlagRow one = f("USAGE_DATA_MISSING", "usage", "sources", "servicenow=2026-11-20");
    assertThat(SV.text(one)).startsWith("Källan servicenow (senaste händelse 20 november 2026) har tystnat: ");
    assertThat(EN.text(one)).startsWith("The source servicenow (last event 20 November 2026) has gone silent: ");

    FlagRow three = f("USAGE_DATA_MISSING", "usage", "sources", "a=;b=2026-01-05;c=");
    assertThat(SV.text(three)).startsWith("Källorna a (ingen händelse alls), b (senaste händelse 5 januari 2026) "
        + "och c (ingen händelse alls) har tystnat");
    assertThat(EN.text(three)).startsWith("The sources a (no event ever), b (last event 5 January 2026) "
        + "and c (no event ever) have gone silent");

    // No source to name: the title, not a broken sentence.
    assertThat(SV.text(f("USAGE_DATA_MISSING", "usage", "sources", ""))).isEqualTo("Användningsdata saknas.");
    assertThat(SV.text(f("USAGE_DATA_MISSING", "usage"))).isEqualTo("Användningsdata saknas.");
  }

  @Test
  void noPilotEndSaysTheStatusInTheReportsLanguage() {
    assertThat(SV.title("NO_PILOT_END")).isEqualTo("Inget slutdatum för piloten");
    assertThat(SV.text(f("NO_PILOT_END", "follow-up", "status", "operational"))).isEqualTo(
        "Registret anger status ”i drift”, alltså är piloten över, men inget slutdatum för piloten är satt.");
    assertThat(SV.text(f("NO_PILOT_END", "follow-up", "status", "scaling"))).isEqualTo(
        "Registret anger status ”skalas upp”, alltså är piloten över, men inget slutdatum för piloten är satt.");
    assertThat(EN.title("NO_PILOT_END")).isEqualTo("No pilot end date");
    assertThat(EN.text(f("NO_PILOT_END", "follow-up", "status", "scaling"))).isEqualTo(
        "The register gives the status “scaling up”, so the pilot is over, but no pilot end date is set.");
    assertThat(EN.text(f("NO_PILOT_END", "follow-up", "status", "operational"))).isEqualTo(
        "The register gives the status “in operation”, so the pilot is over, but no pilot end date is set.");
  }

  @Test
  void aFigureJustUnderItsThresholdIsQuotedUnderIt() {
    FlagRow decay = f("ADOPTION_DECAY", "usage", "current_wau", "139", "pilot_peak_wau", "200",
        "retention", "0.695", "threshold", "0.7");
    assertThat(SV.text(decay)).isEqualTo("139 aktiva denna vecka mot 200 när piloten toppade (69,5\u00a0% kvar).");
    assertThat(EN.text(decay)).isEqualTo("139 active this week against 200 at the pilot peak (69.5% retained).");
    // Published without a threshold (an older date): the configured one keeps the side.
    FlagRow old = f("ADOPTION_DECAY", "usage", "current_wau", "139", "pilot_peak_wau", "200", "retention", "0.695");
    assertThat(SV.text(old)).isEqualTo("139 aktiva denna vecka mot 200 när piloten toppade (69,5\u00a0% kvar).");
    // The flag's own threshold wins over the configured one: 0.695 is above 69 %, and 70 % says so too.
    FlagRow lower = f("ADOPTION_DECAY", "usage", "current_wau", "139", "pilot_peak_wau", "200",
        "retention", "0.695", "threshold", "0.69");
    assertThat(SV.text(lower)).isEqualTo("139 aktiva denna vecka mot 200 när piloten toppade (70\u00a0% kvar).");
    // Far from the threshold: a whole percentage, as in revision 1.
    FlagRow far = f("ADOPTION_DECAY", "usage", "current_wau", "11", "pilot_peak_wau", "38",
        "retention", "0.2894736842105263", "threshold", "0.7");
    assertThat(SV.text(far)).isEqualTo("11 aktiva denna vecka mot 38 när piloten toppade (29\u00a0% kvar).");
  }

  @Test
  void aRateJustOverItsThresholdIsQuotedOverIt() {
    FlagRow tnu = f("TRAINED_NOT_USING", "competence", "trained_not_using", "751", "trained_not_using_base", "2500",
        "rate", "0.3004", "threshold", "0.3");
    assertThat(SV.text(tnu)).isEqualTo(
        "751 av de 2\u00a0500 som utbildats och kunnat använda det i minst 28 dagar har inte använt det de senaste 28 dagarna (30,04\u00a0%).");
    assertThat(EN.text(tnu)).endsWith("(30.04%).");
    FlagRow low = f("LOW_ADOPTION", "usage", "sustained_users", "79", "target_population", "200",
        "sustained_rate", "0.395", "threshold", "0.4");
    assertThat(SV.text(low)).isEqualTo("Bara 79 av 200 använder det i vardagen (39,5\u00a0%).");
    FlagRow cov = f("LOW_TRAINING_COVERAGE", "competence", "trained", "999", "target_population", "2000",
        "coverage", "0.4995", "threshold", "0.5");
    assertThat(EN.text(cov)).endsWith("(49.95%).");
    FlagRow practice = f("PRACTICE_TIME_UNUSED", "time", "hours_per_person_week", "0.999", "allocated_hours", "2",
        "ratio", "0.4995", "threshold", "0.5");
    assertThat(SV.text(practice)).isEqualTo("Medarbetarna övade 1 timmar i veckan av 2 avsatta (49,95\u00a0%).");
    FlagRow effect = f("NO_EFFECT", "effect", "kpi", "Väntetid", "reason", "not_improved",
        "improved_share", "0.4999", "baseline_median", "6.5", "current_median", "6.25", "threshold", "0.5");
    assertThat(SV.text(effect)).isEqualTo("Väntetid: bara 49,99\u00a0% av de senaste mätningarna är bättre än före "
        + "piloten (median 6,5 före, 6,25 nu).");
  }

  @Test
  void theOverdueLimitIsADecimalInTheLocalesNotation() {
    FlagRow overdue = f("FOLLOW_UP_OVERDUE", "follow-up", "cadence_days", "15", "limit_days", "22.5",
        "last_follow_up", "2026-10-11", "days_since", "23");
    assertThat(SV.text(overdue)).isEqualTo("Senast uppföljt 11 oktober 2026, för 23 dagar sedan. Överenskommet "
        + "intervall är 15 dagar, så uppföljningen är försenad efter 22,5 dagar.");
    assertThat(EN.text(overdue)).isEqualTo("Last followed up 11 October 2026, 23 days ago; the agreed cadence is "
        + "every 15 days, so it is overdue after 22.5 days.");
    // A limit a whole-number rounding would make equal to the days since keeps its decimals (9.999 < 10).
    FlagRow close = f("FOLLOW_UP_OVERDUE", "follow-up", "cadence_days", "7", "limit_days", "9.999",
        "last_follow_up", "2026-10-11", "days_since", "10");
    assertThat(SV.text(close)).endsWith("försenad efter 9,999 dagar.");
    FlagRow whole = f("FOLLOW_UP_OVERDUE", "follow-up", "cadence_days", "30", "limit_days", "45",
        "last_follow_up", "2026-07-14", "days_since", "112");
    assertThat(SV.text(whole)).endsWith("försenad efter 45 dagar.");
  }

  @Test
  void theOwnerIsNamedByDisplayNameAndIdWhenTheReportKnowsTheName() {
    FlagRow mandate = f("NO_MANDATE", "ownership", "owner_id", "E1019", "mandate", "false");
    assertThat(SV.text(mandate, "Anna Svensson (E1019)")).isEqualTo(
        "Ägaren Anna Svensson (E1019) har inte mandat att ändra arbetssättet.");
    assertThat(SV.text(mandate)).isEqualTo("Ägaren E1019 har inte mandat att ändra arbetssättet.");
    FlagRow left = f("OWNER_LEFT", "ownership", "owner_id", "E1019", "owner_status", "left", "date", "2026-09-30");
    assertThat(EN.text(left, "Anna Svensson (E1019)")).isEqualTo("Owner Anna Svensson (E1019) left on 30 September 2026.");
  }
}
