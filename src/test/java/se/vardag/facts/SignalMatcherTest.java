package se.vardag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.vardag.model.Initiative;

class SignalMatcherTest {
  private static Initiative initiative(String id, Initiative.Signal... signals) {
    return new Initiative(id, id, null, null, null, (int) LocalDate.parse("2026-01-01").toEpochDay(), null, "pilot",
        List.of("IT"), List.of(), List.of(signals), null, null, null, "lower_is_better");
  }

  @Test
  void exactActionsAndWildcardsMergePerPersonAndInitiative() {
    SignalMatcher m = new SignalMatcher(List.of(
        initiative("EXACT", new Initiative.Signal("servicenow", "incident.resolve")),
        initiative("ANY", new Initiative.Signal("servicenow", "*")),
        initiative("BOTH", new Initiative.Signal("servicenow", "incident.resolve"),
            new Initiative.Signal("teams", "chat"))));
    List<DayFactsFile.Fact> facts = List.of(
        new DayFactsFile.Fact(1, "servicenow", "incident.resolve", 10, new long[] {1L}),
        new DayFactsFile.Fact(1, "servicenow", "incident.create", 10, new long[] {2L}),
        new DayFactsFile.Fact(1, "teams", "chat", 11, new long[] {4L}),
        new DayFactsFile.Fact(2, "teams", "meeting", 10, new long[] {8L}),
        new DayFactsFile.Fact(3, "outlook", "mail.send", 10, new long[] {8L}));
    List<String> out = new ArrayList<>();
    m.match(facts, (id, pid, first, words) -> out.add(id + " " + pid + " " + first + " " + java.util.Arrays.toString(words)));
    assertThat(out).containsExactlyInAnyOrder(
        "EXACT 1 10 [1]",
        "ANY 1 10 [3]",
        "BOTH 1 10 [1, 4]");
  }
}
