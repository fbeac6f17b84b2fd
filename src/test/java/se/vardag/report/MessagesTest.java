package se.vardag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
  static Properties bundle(String lang) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/se/vardag/report/messages_" + lang + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
    Set<String> sv = new TreeSet<>(bundle("sv").stringPropertyNames());
    Set<String> en = new TreeSet<>(bundle("en").stringPropertyNames());
    assertThat(sv).isEqualTo(en);
  }

  @Test
  void everyPatternIsAValidMessageFormatWithoutAsciiApostrophes() throws IOException {
    for (String lang : new String[] {"sv", "en"}) {
      Properties p = bundle(lang);
      for (String key : p.stringPropertyNames()) {
        String v = p.getProperty(key);
        assertThat(v).as(lang + " " + key).doesNotContain("'");
        if (key.startsWith("format.")) {
          continue;
        }
        Object[] args = {3L, 8L, "x", "y", "z"};
        String out = new MessageFormat(v, Locale.forLanguageTag(lang)).format(args);
        assertThat(out).as(lang + " " + key).doesNotContain("{").doesNotContain("}");
      }
    }
  }

  @Test
  void everyFlagCodeHasATitleInBothLanguages() {
    for (String lang : new String[] {"sv", "en"}) {
      Messages m = new Messages(lang);
      for (String code : ReportBuilder.FLAG_ORDER) {
        assertThat(m.has("flag." + code + ".title")).as(lang + " " + code).isTrue();
      }
      for (String p : new String[] {"ownership", "strategy", "follow-up", "time", "competence", "usage", "effect"}) {
        assertThat(m.has("pillar." + p)).isTrue();
      }
      for (String v : ReportBuilder.VERDICT_ORDER) {
        assertThat(m.has("verdict." + v)).isTrue();
      }
    }
  }

  @Test
  void swedishFormatsNumbersDatesAndPluralsTheSwedishWay() {
    Messages sv = new Messages("sv");
    assertThat(sv.percent(0.62)).isEqualTo("62\u00a0%");
    assertThat(sv.decimal(1.5, 1)).isEqualTo("1,5");
    assertThat(sv.date(LocalDate.of(2026, 9, 30))).isEqualTo("30 september 2026");
    assertThat(sv.get("value.target_group", "IT", 1L)).isEqualTo("IT (1 person)");
    assertThat(sv.get("value.target_group", "IT", 60L)).isEqualTo("IT (60 personer)");
    assertThat(sv.get("others.flags.both", 1L, 2L)).isEqualTo("1 hög, 2 medel");
    Messages en = new Messages("en");
    assertThat(en.percent(0.62)).isEqualTo("62%");
    assertThat(en.date(LocalDate.of(2026, 9, 30))).isEqualTo("30 September 2026");
    assertThat(en.get("headline.lacking", 1L, 5L)).isEqualTo("1 of 5 initiatives past the pilot lacks follow-through");
    assertThat(en.get("headline.lacking", 2L, 1L)).contains("initiative past");
  }

  @Test
  void aShareNextToItsThresholdGetsTheDecimalsThatKeepItsSide() {
    Messages sv = new Messages("sv");
    Messages en = new Messages("en");
    assertThat(sv.percent(0.695, 0.7)).isEqualTo("69,5\u00a0%");
    assertThat(en.percent(0.695, 0.7)).isEqualTo("69.5%");
    assertThat(sv.percent(0.3004, 0.3)).isEqualTo("30,04\u00a0%");
    assertThat(en.percent(0.7004, 0.7)).isEqualTo("70.04%");
    assertThat(sv.percent(0.69999, 0.7)).isEqualTo("69,999\u00a0%");
    // Exactly at the threshold, and far from it: whole percentages.
    assertThat(sv.percent(0.7, 0.7)).isEqualTo("70\u00a0%");
    assertThat(sv.percent(0.4, 0.4)).isEqualTo("40\u00a0%");
    assertThat(sv.percent(0.62, 0.4)).isEqualTo("62\u00a0%");
    assertThat(en.percent(0.2894736842105263, 0.7)).isEqualTo("29%");
    assertThat(en.percent(1.0, 0.5)).isEqualTo("100%");
  }

  @Test
  void decimalsAndListsAreWrittenTheLocalesWay() {
    Messages sv = new Messages("sv");
    Messages en = new Messages("en");
    assertThat(sv.decimal(22.5, 23, 1)).isEqualTo("22,5");
    assertThat(en.decimal(22.5, 23, 1)).isEqualTo("22.5");
    assertThat(sv.decimal(45.0, 112, 1)).isEqualTo("45");
    assertThat(sv.decimal(9.999, 10, 1)).isEqualTo("9,999");
    assertThat(sv.decimal(new java.math.BigDecimal("1234.50"))).isEqualTo("1\u00a0234,5");
    assertThat(sv.list(java.util.List.of("a"))).isEqualTo("a");
    assertThat(sv.list(java.util.List.of("a", "b"))).isEqualTo("a och b");
    assertThat(sv.list(java.util.List.of("a", "b", "c"))).isEqualTo("a, b och c");
    assertThat(en.list(java.util.List.of("a", "b", "c"))).isEqualTo("a, b and c");
    assertThat(en.list(java.util.List.of())).isEqualTo("");
  }
}
