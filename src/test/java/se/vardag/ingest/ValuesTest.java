package se.vardag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private static LocalDate day(String timestamp) throws BadValue {
    return LocalDate.ofEpochDay(Values.timestampDay(timestamp, new Values.DayResolver(STOCKHOLM)));
  }

  @Test
  void datesAreStrict() throws BadValue {
    assertThat(Values.date("2026-11-03")).isEqualTo((int) LocalDate.parse("2026-11-03").toEpochDay());
    assertThat(Values.date("2024-02-29")).isEqualTo((int) LocalDate.parse("2024-02-29").toEpochDay());
    assertThatThrownBy(() -> Values.date("2026-02-30")).hasMessage("expected a date YYYY-MM-DD (no such day), got '2026-02-30'");
    assertThatThrownBy(() -> Values.date("2025-02-29")).hasMessageContaining("no such day");
    assertThatThrownBy(() -> Values.date("2026-13-01")).hasMessageContaining("no such day");
    assertThatThrownBy(() -> Values.date("03/11/2026")).hasMessage("expected a date YYYY-MM-DD, got '03/11/2026'");
    assertThatThrownBy(() -> Values.date("2026-1-3")).isInstanceOf(BadValue.class);
    assertThatThrownBy(() -> Values.date("2026-11-03T00:00")).isInstanceOf(BadValue.class);
  }

  @Test
  void eventsNearMidnightInAnotherOffsetFallOnTheStockholmDate() throws BadValue {
    // 23:30 UTC in winter is 00:30 the next day in Stockholm (UTC+1).
    assertThat(day("2026-11-26T23:30:00Z")).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(day("2026-11-26T22:59:59Z")).isEqualTo(LocalDate.parse("2026-11-26"));
    // In summer Stockholm is UTC+2: 22:30 UTC is already the next day.
    assertThat(day("2026-07-01T22:30:00+00:00")).isEqualTo(LocalDate.parse("2026-07-02"));
    // An event logged in New York in the evening is the next day in Stockholm.
    assertThat(day("2026-11-26T19:00:00-05:00")).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(day("2026-11-27T00:15:00+01:00")).isEqualTo(LocalDate.parse("2026-11-27"));
  }

  @Test
  void timestampsWithoutOffsetAreLocalTimeInTheConfiguredZone() throws BadValue {
    assertThat(day("2026-11-26T23:59:59")).isEqualTo(LocalDate.parse("2026-11-26"));
    assertThat(day("2026-11-27T00:00")).isEqualTo(LocalDate.parse("2026-11-27"));
    // 02:30 on the spring-forward night does not exist as a clock time, but its date does.
    assertThat(day("2026-03-29T02:30:00")).isEqualTo(LocalDate.parse("2026-03-29"));
  }

  @Test
  void offsetFormsAndFractionsAreAccepted() throws BadValue {
    assertThat(day("2026-11-03T08:15:00.123+01:00")).isEqualTo(LocalDate.parse("2026-11-03"));
    assertThat(day("2026-11-03T08:15+0100")).isEqualTo(LocalDate.parse("2026-11-03"));
    assertThat(day("2026-11-03T08:15:00+01")).isEqualTo(LocalDate.parse("2026-11-03"));
  }

  @Test
  void malformedTimestampsAreRejectedWithTheExpectedForm() {
    assertThatThrownBy(() -> day("2026-11-03 08:15:00"))
        .hasMessage("expected an ISO-8601 timestamp such as 2026-11-03T08:15:00+01:00, got '2026-11-03 08:15:00'");
    assertThatThrownBy(() -> day("2026-11-03T25:00:00Z")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> day("2026-11-03T08:15:00+1:00")).isInstanceOf(BadValue.class);
    assertThatThrownBy(() -> day("2026-02-30T08:15:00Z")).hasMessageContaining("no such day");
    assertThatThrownBy(() -> day("2026-11-03T08:15:00CET")).isInstanceOf(BadValue.class);
  }

  /** The cached zone lookup against java.time on random instants around DST changes. */
  @Test
  void dayResolverAgreesWithJavaTime() throws BadValue {
    Random random = new Random(11);
    Values.DayResolver resolver = new Values.DayResolver(STOCKHOLM);
    long from = Instant.parse("2025-10-20T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      long s = from + (long) (random.nextDouble() * 400 * 86400);
      LocalDate expected = Instant.ofEpochSecond(s).atZone(STOCKHOLM).toLocalDate();
      assertThat(LocalDate.ofEpochDay(resolver.epochDay(s))).isEqualTo(expected);
    }
    OffsetDateTime t = OffsetDateTime.parse("2026-03-29T00:59:59Z");
    assertThat(day(t.toString())).isEqualTo(LocalDate.parse("2026-03-29"));
  }

  @Test
  void decimalsUseAPointAndNothingElse() throws BadValue {
    assertThat(Values.decimal("1.5")).isEqualTo(1.5);
    assertThat(Values.decimal("-2")).isEqualTo(-2.0);
    assertThatThrownBy(() -> Values.decimal("1,5"))
        .hasMessage("expected a decimal number with '.' as the decimal point (a decimal comma is not accepted), got '1,5'");
    assertThatThrownBy(() -> Values.decimal("1e3")).isInstanceOf(BadValue.class);
    assertThatThrownBy(() -> Values.decimal("NaN")).isInstanceOf(BadValue.class);
    assertThatThrownBy(() -> Values.decimal(".5")).isInstanceOf(BadValue.class);
    assertThatThrownBy(() -> Values.decimal("1.")).isInstanceOf(BadValue.class);
  }

  @Test
  void integersAndBooleans() throws BadValue {
    assertThat(Values.integer("30")).isEqualTo(30);
    assertThatThrownBy(() -> Values.integer("3.0")).hasMessage("expected a whole number, got '3.0'");
    assertThatThrownBy(() -> Values.integer("99999999999")).isInstanceOf(BadValue.class);
    // SPEC 2 (rev 2): true/false/yes/no/ja/nej/1/0 in any case.
    for (String t : new String[] {"true", "TRUE", "Yes", "ja", "JA", "Ja", "1"}) {
      assertThat(Values.bool(t)).as(t).isTrue();
    }
    for (String f : new String[] {"false", "No", "nej", "NEJ", "Nej", "0"}) {
      assertThat(Values.bool(f)).as(f).isFalse();
    }
    assertThatThrownBy(() -> Values.bool("j")).hasMessage("expected true, false, yes, no, ja, nej, 1 or 0, got 'j'");
    assertThatThrownBy(() -> Values.bool("2")).hasMessage("expected true, false, yes, no, ja, nej, 1 or 0, got '2'");
    assertThatThrownBy(() -> Values.bool("sant")).isInstanceOf(BadValue.class);
  }

  @Test
  void trimmingRemovesWhitespaceUnicodeSpacesAndFormatCharactersAtBothEndsOnly() {
    // SPEC 2 (rev 2): whitespace, Unicode spaces and invisible format characters, both ends.
    assertThat(Values.trim("E1003\u00A0")).isEqualTo("E1003");
    assertThat(Values.trim("\u200BE1003")).isEqualTo("E1003");
    assertThat(Values.trim("\uFEFF\u2007 E1003\u202F\u3000\u2060\u200E\u200F\t\r\n")).isEqualTo("E1003");
    assertThat(Values.trim(" a\u00A0b ")).isEqualTo("a\u00A0b"); // inside a value: kept
    assertThat(Values.trim("\u00A0\u200B")).isEmpty();
    assertThat(Values.trim("")).isEmpty();
    assertThat(Values.trim("abc")).isEqualTo("abc");
    // A letter outside the BMP at an end is not trimmed (code points, not chars, are tested).
    assertThat(Values.trim("\uD835\uDC00\u00A0")).isEqualTo("\uD835\uDC00");
    assertThat(Values.trimmable('\u00A0')).isTrue();
    assertThat(Values.trimmable('\u200B')).isTrue();
    assertThat(Values.trimmable('a')).isFalse();
    assertThat(Values.trimmable('\u00E5')).isFalse();
  }

  @Test
  void visibleShowsInvisibleCharactersAsEscapes() {
    assertThat(Values.quoted("E1003\u00A0")).isEqualTo("'E1003\\u00A0'");
    assertThat(Values.quoted("\u200BE1\uFEFF")).isEqualTo("'\\u200BE1\\uFEFF'");
    assertThat(Values.quoted("a b\tc")).isEqualTo("'a b\\tc'");
    assertThat(Values.quoted("Åsa Öberg")).isEqualTo("'Åsa Öberg'");
    assertThat(Values.quoted("\u0085x")).isEqualTo("'\\u0085x'");
  }

  @Test
  void listsAreTrimmedAndEmptyElementsDropped() {
    assertThat(Values.list(" IT ; HR;;Ekonomi ")).containsExactly("IT", "HR", "Ekonomi");
    assertThat(Values.list(" ; ")).isEmpty();
  }

  @Test
  void quotedValuesShowControlCharactersAndAreShortened() {
    assertThat(Values.quoted("a\u0000b\n")).isEqualTo("'a\\u0000b\\n'");
    assertThat(Values.quoted("a\u001fb")).isEqualTo("'a\\u001Fb'");
    assertThat(Values.quoted("x".repeat(100))).isEqualTo("'" + "x".repeat(60) + "…(100 characters)'");
  }
}
