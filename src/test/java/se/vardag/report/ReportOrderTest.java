package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's orders come from the model's enums and read as SPEC sections 4 and 5 list them. */
class ReportOrderTest {
  @Test
  void verdictsMostUrgentFirst() {
    assertThat(ReportBuilder.VERDICT_ORDER)
        .containsExactly("lacks_follow_through", "at_risk", "in_pilot", "on_track", "stopped");
  }

  @Test
  void theThreeQuestionsAndTheirPillars() {
    assertThat(ReportBuilder.QUESTION_PILLARS).containsExactly(List.of("ownership", "strategy", "follow-up"),
        List.of("competence", "time"), List.of("usage", "effect"));
  }

  @Test
  void flagsInTheSpecsTableOrder() {
    assertThat(ReportBuilder.FLAG_ORDER).containsExactly("NO_OWNER", "OWNER_LEFT", "NO_MANDATE", "NO_GOAL",
        "NO_FOLLOW_UP_CADENCE", "FOLLOW_UP_OVERDUE", "NO_PRACTICE_TIME", "PRACTICE_TIME_UNUSED", "NO_TRAINING_PLAN",
        "LOW_TRAINING_COVERAGE", "TRAINED_NOT_USING", "NO_LEARNING_FOLLOW_UP", "NO_USAGE_SIGNAL", "LOW_ADOPTION",
        "ADOPTION_DECAY", "NO_EFFECT_MEASURE", "NO_EFFECT", "NO_PILOT_END", "USAGE_DATA_MISSING");
  }
}
