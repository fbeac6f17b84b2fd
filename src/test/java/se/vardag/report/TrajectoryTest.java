package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.vardag.report.ReportData.HistoryRow;

/** The verdict over the twelve weeks of initiative_history, oldest first, as runs of weeks. */
class TrajectoryTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 27);

  /** Week k = 0 is D; verdicts are given oldest first (k = 11 first). */
  private static List<HistoryRow> weeks(String... oldestFirst) {
    List<HistoryRow> out = new ArrayList<>();
    for (int n = 0; n < oldestFirst.length; n++) {
      int k = oldestFirst.length - 1 - n;
      out.add(new HistoryRow("I", k, D.minusDays(7L * k), oldestFirst[n]));
    }
    return out;
  }

  private static ReportBuilder builder(String language) {
    return new ReportBuilder(new Messages(language), "", 5, ReportFixtures.config(language, Map.of()).flags());
  }

  @Test
  void runsOfWeeksOldestFirst() {
    List<HistoryRow> h = weeks("on_track", "on_track", "on_track", "on_track", "on_track", "on_track",
        "at_risk", "at_risk", "lacks_follow_through", "lacks_follow_through", "lacks_follow_through",
        "lacks_follow_through");
    assertThat(builder("sv").page().trajectory(h))
        .isEqualTo("På rätt spår (6 v) \u2192 I riskzonen (2 v) \u2192 Saknar förankring (4 v)");
    assertThat(builder("en").page().trajectory(h))
        .isEqualTo("On track (6 wk) \u2192 At risk (2 wk) \u2192 Lacks follow-through (4 wk)");
  }

  @Test
  void oneVerdictAllWeeksAndAReturnAreTheirOwnRuns() {
    assertThat(builder("sv").page().trajectory(weeks("at_risk", "at_risk", "at_risk")))
        .isEqualTo("I riskzonen alla 3 veckorna");
    assertThat(builder("en").page().trajectory(weeks("at_risk", "on_track", "at_risk")))
        .isEqualTo("At risk (1 wk) \u2192 On track (1 wk) \u2192 At risk (1 wk)");
  }

  @Test
  void aHeadlineInitiativeShowsItsTwelveWeeksAsAStripOfOpaqueCellsAndAsText() {
    ReportData sample = ReportFixtures.sample();
    InitiativeRow first = sample.initiatives().stream().filter(InitiativeRow::headline).findFirst().orElseThrow();
    List<HistoryRow> history = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      history.add(new HistoryRow(first.id(), k, sample.asOf().minusDays(7L * k), k < 4 ? first.verdict() : "on_track"));
    }
    ReportData data = new ReportData(sample.asOf(), sample.initiatives(), sample.flags(), sample.weeks(),
        sample.units(), sample.quality(), null, history);
    RenderedReport r = new ReportRenderer(ReportFixtures.config("sv", Map.of())).render(data);
    String html = r.fileHtml();
    String onTrack = Charts.hex(Charts.verdictColor("on_track"));
    String now = Charts.hex(Charts.verdictColor(first.verdict()));
    // The strip of the initiative's section: eight weeks on track, then four of today's verdict, oldest first.
    int section = html.indexOf(first.name());
    int strip = html.indexOf("cellspacing=\"2\"", section);
    assertThat(section).isPositive();
    assertThat(strip).isGreaterThan(section);
    String cells = html.substring(strip, html.indexOf("</tr></table>", strip));
    List<String> colours = java.util.regex.Pattern.compile("bgcolor=\"(#[0-9a-f]{6})\"").matcher(cells).results()
        .map(x -> x.group(1)).toList();
    List<String> expected = new ArrayList<>(java.util.Collections.nCopies(8, onTrack));
    expected.addAll(java.util.Collections.nCopies(4, now));
    assertThat(colours).containsExactlyElementsOf(expected);
    assertThat(r.text().replaceAll("\\s+", " ")).contains("Bedömning, senaste 12 veckorna: På rätt spår (8 v) \u2192 "
        + builder("sv").page().trajectory(history).substring(builder("sv").page().trajectory(history).indexOf("\u2192 ") + 2));
  }
}
