package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.vardag.model.FlagCode;

/** Every raised flag on an initiative's page ends with one concrete next step, its own, in both languages. */
class NextStepTest {
  @Test
  void everyFlagHasItsOwnNextStepInSwedishAndEnglish() {
    for (String language : List.of("sv", "en")) {
      Messages m = new Messages(language);
      Set<String> seen = new HashSet<>();
      for (FlagCode code : FlagCode.values()) {
        assertThat(m.has("flag." + code + ".next")).as(language + " " + code).isTrue();
        String step = m.raw("flag." + code + ".next");
        assertThat(step).as(language + " " + code).isNotBlank().endsWith(".");
        assertThat(seen.add(step)).as(language + " " + code + " shares its next step").isTrue();
      }
    }
  }

  @Test
  void theReportShowsTheNextStepUnderEachRaisedFlag() {
    ReportData data = ReportFixtures.sample();
    ReportData.FlagRow raised = data.flags().stream().filter(f -> data.initiatives().stream()
        .anyMatch(i -> i.headline() && i.id().equals(f.initiativeId()))).findFirst().orElseThrow();
    for (String language : List.of("sv", "en")) {
      Messages m = new Messages(language);
      RenderedReport r = new ReportRenderer(ReportFixtures.config(language, Map.of())).render(data);
      String step = m.raw("flag." + raised.code() + ".next");
      assertThat(r.fileHtml()).contains(m.raw("flag.next.label") + ":</em> " + step.replace("&", "&amp;"));
      assertThat(r.text().replaceAll("\\s+", " ")).contains(m.raw("flag.next.label") + ": " + step);
    }
  }
}
