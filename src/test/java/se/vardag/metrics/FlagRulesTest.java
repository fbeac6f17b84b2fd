package se.vardag.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import se.vardag.model.FlagCode;

class FlagRulesTest {
  @Test
  void everyFlagHasItsRule() {
    assertThat(FlagRules.RULES.keySet()).isEqualTo(EnumSet.allOf(FlagCode.class));
  }
}
