package se.vardag.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.VardagException;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private static VardagConfig defaults() {
    return ConfigLoader.load(Optional.empty(), Map.of());
  }

  /** Every default, pinned: a change here is a change of the product's behaviour. */
  @Test
  void everyDefaultIsPinned() {
    VardagConfig c = defaults();
    assertThat(c.timezone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
    assertThat(c.reportLocale()).isEqualTo("sv");
    assertThat(c.organisation()).isEmpty();
    assertThat(c.mailTo()).containsExactly("ledningsgruppen@example.org");
    assertThat(c.mailFrom()).isEqualTo("Vardag <vardag@localhost>");
    assertThat(c.outboxDir()).isEqualTo("outbox");
    assertThat(c.smtp().host()).isEmpty();
    assertThat(c.smtp().enabled()).isFalse();
    assertThat(c.smtp().port()).isEqualTo(587);
    assertThat(c.smtp().user()).isEmpty();
    assertThat(c.smtp().password()).isEmpty();
    assertThat(c.smtp().starttls()).isTrue();
    assertThat(c.smtp().connectTimeoutMs()).isEqualTo(10_000);
    assertThat(c.smtp().readTimeoutMs()).isEqualTo(30_000);
    assertThat(c.smtp().writeTimeoutMs()).isEqualTo(30_000);
    assertThat(c.smtp().maxAttempts()).isEqualTo(4);
    assertThat(c.smtp().retryBackoffMs()).isEqualTo(2_000);
    assertThat(c.minGroupSize()).isEqualTo(5);
    assertThat(c.pseudonymKeyFile()).isEmpty();
    assertThat(c.pseudonymKeyFromEnv()).isEmpty();
    assertThat(c.maxRejectedShare()).isEqualTo(0.01);
    assertThat(c.maxFieldChars()).isEqualTo(100_000);
    // SPEC 7/8 (rev 2): the gate needs a share and a count; freshness; events in the future.
    assertThat(c.minRejectedRows()).isEqualTo(10);
    assertThat(c.maxUsageLagDays()).isZero();
    assertThat(c.maxFutureDays()).isEqualTo(1);
    assertThat(c.retentionDays()).isEqualTo(90);
    // SPEC 5/8 (rev 2): the Parquet layout stays the default.
    assertThat(c.outputFormat()).isEqualTo(OutputFormat.PARQUET);
    assertThat(c.sparkMaster()).isEqualTo("local[*]");
    assertThat(c.shufflePartitions()).isEqualTo(8);
    assertThat(c.flags()).isEqualTo(FlagThresholds.specDefaults());
    // SPEC 7 (rev 2): owners and scoped recipients are opt-in; the full report goes out daily.
    assertThat(c.audience().leadership()).containsExactly("ledningsgruppen@example.org");
    assertThat(c.audience().owners()).isFalse();
    assertThat(c.audience().recipientsFile()).isEmpty();
    assertThat(c.audience().listed()).isEmpty();
    assertThat(c.cadence().daily()).isTrue();
    assertThat(c.cadence().alerts()).isTrue();
    assertThat(c.effective()).hasSize(42);
    assertThat(c.effective()).containsEntry("mail.owners", false).containsEntry("mail.recipients_file", "")
        .containsEntry("report.cadence", "daily").containsEntry("report.alerts", true);
    assertThat(c.effective()).containsEntry("output.format", "parquet")
        .containsEntry("quality.min_rejected_rows", 10)
        .containsEntry("quality.max_usage_lag_days", 0).containsEntry("quality.max_future_days", 1);
  }

  @Test
  void theNewQualityKeysAreSetFromTheEnvironmentAndChecked() {
    VardagConfig c = ConfigLoader.load(Optional.empty(), Map.of("VARDAG_QUALITY_MIN_REJECTED_ROWS", "25",
        "VARDAG_QUALITY_MAX_USAGE_LAG_DAYS", "2", "VARDAG_QUALITY_MAX_FUTURE_DAYS", "0"));
    assertThat(c.minRejectedRows()).isEqualTo(25);
    assertThat(c.maxUsageLagDays()).isEqualTo(2);
    assertThat(c.maxFutureDays()).isZero();
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_QUALITY_MIN_REJECTED_ROWS", "0")))
        .hasMessageContaining("quality.min_rejected_rows").hasMessageContaining("a whole number from 1 to 2147483647");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_QUALITY_MAX_USAGE_LAG_DAYS", "-1")))
        .hasMessageContaining("quality.max_usage_lag_days").hasMessageContaining("a whole number from 0 to 3650");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_QUALITY_MAX_FUTURE_DAYS", "1.5")))
        .hasMessageContaining("quality.max_future_days").hasMessageContaining("a whole number");
  }

  @Test
  void outputFormatIsParquetOrDeltaFromTheFileOrTheEnvironment() throws IOException {
    assertThat(ConfigLoader.load(Optional.empty(), Map.of("VARDAG_OUTPUT_FORMAT", "delta")).outputFormat())
        .isEqualTo(OutputFormat.DELTA);
    assertThat(ConfigLoader.load(Optional.empty(), Map.of("VARDAG_OUTPUT_FORMAT", " Delta ")).outputFormat())
        .isEqualTo(OutputFormat.DELTA);
    Path file = dir.resolve("delta.conf");
    Files.writeString(file, "output { format = parquet }\n");
    assertThat(ConfigLoader.load(Optional.of(file), Map.of()).outputFormat()).isEqualTo(OutputFormat.PARQUET);
    Files.writeString(file, "output.format = delta\n");
    assertThat(ConfigLoader.load(Optional.of(file), Map.of()).outputFormat()).isEqualTo(OutputFormat.DELTA);
    assertThat(ConfigLoader.load(Optional.of(file), Map.of()).effective()).containsEntry("output.format", "delta");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_OUTPUT_FORMAT", "orc")))
        .isInstanceOfSatisfying(VardagException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS_OR_CONFIG))
        .hasMessage("Cannot use 'orc' for configuration key output.format: expected parquet or delta"
            + " (environment variable VARDAG_OUTPUT_FORMAT or the --config file).");
    Files.writeString(file, "output.format = \"\"\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .hasMessage("Cannot use '' for configuration key output.format: expected parquet or delta"
            + " (environment variable VARDAG_OUTPUT_FORMAT or the --config file).");
  }

  @Test
  void cadenceIsDailyOrAWeekdayOfDAndAlertsCanBeTurnedOff() throws IOException {
    Cadence weekly = ConfigLoader.load(Optional.empty(), Map.of("VARDAG_REPORT_CADENCE", " Monday ")).cadence();
    assertThat(weekly.weekday()).contains(java.time.DayOfWeek.MONDAY);
    assertThat(weekly.describe()).isEqualTo("monday");
    assertThat(weekly.fullReportOn(java.time.LocalDate.of(2026, 11, 30))).isTrue(); // a Monday
    assertThat(weekly.fullReportOn(java.time.LocalDate.of(2026, 12, 1))).isFalse();
    assertThat(defaults().cadence().fullReportOn(java.time.LocalDate.of(2026, 12, 1))).isTrue();
    Path file = dir.resolve("cadence.conf");
    Files.writeString(file, "report { cadence = friday, alerts = false }\n");
    Cadence friday = ConfigLoader.load(Optional.of(file), Map.of()).cadence();
    assertThat(friday.weekday()).contains(java.time.DayOfWeek.FRIDAY);
    assertThat(friday.alerts()).isFalse();
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_REPORT_CADENCE", "måndag")))
        .isInstanceOfSatisfying(VardagException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS_OR_CONFIG))
        .hasMessage("Cannot use 'måndag' for configuration key report.cadence: expected daily or a weekday in "
            + "English: monday, tuesday, … sunday.");
  }

  @Test
  void theRecipientsFileIsReadWhenTheConfigurationIsLoaded() throws IOException {
    Path file = dir.resolve("recipients.csv");
    Files.writeString(file, "\uFEFFemail,scope\nchef.it@example.se,IT\n\nCHEF.IT@example.se, IT/Service Desk Nord \n"
        + "\"controller@example.se\",all\n");
    VardagConfig c = ConfigLoader.load(Optional.empty(), Map.of("VARDAG_MAIL_RECIPIENTS_FILE", file.toString(),
        "VARDAG_MAIL_OWNERS", "true"));
    assertThat(c.audience().owners()).isTrue();
    assertThat(c.audience().recipientsFile()).contains(file);
    // One address on two lines is one recipient with both scopes.
    assertThat(c.audience().listed()).containsExactly(
        new Recipient("chef.it@example.se", java.util.List.of("IT", "IT/Service Desk Nord")),
        new Recipient("controller@example.se", java.util.List.of("all")));
    assertThat(c.audience().listed().get(1).all()).isTrue();
  }

  @Test
  void aBadLineOfTheRecipientsFileIsAConfigurationErrorNamingTheLine() throws IOException {
    Path file = dir.resolve("recipients.csv");
    Map<String, String> env = Map.of("VARDAG_MAIL_RECIPIENTS_FILE", file.toString());
    Files.writeString(file, "email,scope\nchef.it@example.se,IT\nnot an address,IT\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), env))
        .isInstanceOfSatisfying(VardagException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS_OR_CONFIG))
        .hasMessage("Cannot read mail.recipients_file " + file + ", line 3, column email: found 'not an address', "
            + "expected an e-mail address such as chef.it@example.se. Fix the line and run again: no run starts "
            + "while the file has a bad line.");
    Files.writeString(file, "email,scope\r\n\r\nchef.it@example.se,/IT\r\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), env))
        .hasMessage("Cannot read mail.recipients_file " + file + ", line 3, column scope: found '/IT', expected "
            + "'all' or an org-unit prefix such as IT/Service Desk (no leading, trailing or double '/'). Fix the line "
            + "and run again: no run starts while the file has a bad line.");
    Files.writeString(file, "email,scope\nchef.it@example.se,\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), env))
        .hasMessageStartingWith("Cannot read mail.recipients_file " + file + ", line 2, column scope: found an empty "
            + "value");
    Files.writeString(file, "email,scope\nchef.it@example.se,IT,extra\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), env))
        .hasMessageStartingWith("Cannot read mail.recipients_file " + file + ", line 2: found 3 fields, expected 2 "
            + "fields: email,scope.");
    Files.writeString(file, "mail,unit\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), env))
        .hasMessageStartingWith("Cannot read mail.recipients_file " + file + ", line 1: found the column 'mail', "
            + "expected the header email,scope and no other column.");
    Files.delete(file);
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), env))
        .hasMessage("Cannot read the file named by mail.recipients_file, " + file + ": it does not exist. Create it "
            + "(a CSV file with the header email,scope) or leave mail.recipients_file empty.");
  }

  @Test
  void aRecipientsFileWithThePlaceholderDomainIsRefusedForSmtp() throws IOException {
    Path file = dir.resolve("recipients.csv");
    Files.writeString(file, "email,scope\nchef@example.org,all\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_MAIL_RECIPIENTS_FILE",
        file.toString(), "VARDAG_MAIL_TO", "ledning@firma.se", "VARDAG_MAIL_SMTP_HOST", "smtp.firma.se")))
        .hasMessageContaining("chef@example.org");
  }

  @Test
  void theSpecsThresholdsAreTheDefaults() {
    FlagThresholds f = defaults().flags();
    assertThat(f.endingSoonDays()).isEqualTo(30);
    assertThat(f.followUpOverdueFactor()).isEqualTo(1.5);
    assertThat(f.practiceTimeUnusedAfterDays()).isEqualTo(27);
    assertThat(f.practiceTimeUnusedMinRatio()).isEqualTo(0.5);
    assertThat(f.lowTrainingCoverageMin()).isEqualTo(0.5);
    assertThat(f.trainedNotUsingMaxRate()).isEqualTo(0.3);
    assertThat(f.lowAdoptionAfterDays()).isEqualTo(28);
    assertThat(f.lowAdoptionMinSustainedRate()).isEqualTo(0.4);
    assertThat(f.adoptionDecayMinRetention()).isEqualTo(0.7);
    assertThat(f.noEffectAfterDays()).isEqualTo(28);
    assertThat(f.noEffectMinImprovedShare()).isEqualTo(0.5);
  }

  @Test
  void environmentOverridesTheFileWhichOverridesTheDefaults() throws IOException {
    Path file = dir.resolve("vardag.conf");
    Files.writeString(file, "privacy.min_group_size = 7\nmail { to = \"a@x.se, b@x.se\", smtp.host = smtp.x.se }\n"
        + "report.locale = en\n");
    VardagConfig c = ConfigLoader.load(Optional.of(file), Map.of("VARDAG_PRIVACY_MIN_GROUP_SIZE", "9",
        "VARDAG_FLAGS_LOW_ADOPTION_MIN_SUSTAINED_RATE", "0.55", "VARDAG_MAIL_SMTP_STARTTLS", "false",
        "VARDAG_TIMEZONE", "UTC"));
    assertThat(c.minGroupSize()).isEqualTo(9);
    assertThat(c.mailTo()).containsExactly("a@x.se", "b@x.se");
    assertThat(c.smtp().host()).isEqualTo("smtp.x.se");
    assertThat(c.smtp().starttls()).isFalse();
    assertThat(c.reportLocale()).isEqualTo("en");
    assertThat(c.flags().lowAdoptionMinSustainedRate()).isEqualTo(0.55);
    assertThat(c.timezone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(ConfigLoader.envName("mail.smtp.host")).isEqualTo("VARDAG_MAIL_SMTP_HOST");
  }

  @Test
  void unknownKeysAndWrongTypesAreRejectedWithTheirName() throws IOException {
    Path file = dir.resolve("typo.conf");
    Files.writeString(file, "privacy.min_grup_size = 7\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOfSatisfying(VardagException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS_OR_CONFIG))
        .hasMessage("Cannot use configuration key privacy.min_grup_size from " + file
            + ": it is not a Vardag key. See docs/configuration.md for the keys and their spelling.");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_QUALITY_MAX_REJECTED_SHARE", "1%")))
        .hasMessage("Cannot use '1%' for configuration key quality.max_rejected_share: expected a number written"
            + " with digits and an optional '.' decimal point (environment variable VARDAG_QUALITY_MAX_REJECTED_SHARE"
            + " or the --config file).");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_PRIVACY_MIN_GROUP_SIZE", "0")))
        .hasMessage("Cannot use 0 for configuration key privacy.min_group_size: expected a whole number from 1 to 1000000.");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_REPORT_LOCALE", "de")))
        .hasMessage("Cannot use 'de' for configuration key report.locale: expected sv or en.");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_TIMEZONE", "Mars/Olympus")))
        .hasMessageContaining("expected a time zone id such as Europe/Stockholm");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(dir.resolve("missing.conf")), Map.of()))
        .hasMessageContaining("it does not exist");
  }

  @Test
  void addressesMustBeSingleLineAndValid() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_MAIL_TO", "a@x.se\r\nBcc: evil@x.se")))
        .hasMessage("Cannot use a value with a line break for configuration key mail.to: expected an e-mail address on one line.");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_MAIL_TO", "not an address")))
        .hasMessageContaining("expected an e-mail address");
  }

  @Test
  void thePlaceholderRecipientIsNeverSentToThroughSmtp() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("VARDAG_MAIL_SMTP_HOST", "smtp.x.se")))
        .hasMessage("Cannot send the report through smtp.x.se to ledningsgruppen@example.org: mail.to still holds"
            + " the placeholder of the defaults. Set mail.to (or VARDAG_MAIL_TO) to the real recipients.");
    assertThat(ConfigLoader.load(Optional.empty(), Map.of("VARDAG_MAIL_SMTP_HOST", "smtp.x.se",
        "VARDAG_MAIL_TO", "ledning@vardagsverket.se")).mailTo()).containsExactly("ledning@vardagsverket.se");
  }

  @Test
  void secretsNeverComeFromTheConfigurationFile() throws IOException {
    Path file = dir.resolve("secret.conf");
    Files.writeString(file, "mail.smtp.password = hunter2\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .hasMessageContaining("secrets never go into configuration files")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void thePasswordComesFromAFileOrTheEnvironmentAndIsNeverPrinted() throws IOException {
    Path secret = dir.resolve("smtp.pw");
    Files.writeString(secret, "s3cret-from-file\n");
    VardagConfig fromFile = ConfigLoader.load(Optional.empty(),
        Map.of("VARDAG_MAIL_SMTP_PASSWORD_FILE", secret.toString()));
    assertThat(fromFile.smtp().password()).contains("s3cret-from-file");
    VardagConfig fromEnv = ConfigLoader.load(Optional.empty(), Map.of("VARDAG_MAIL_SMTP_PASSWORD", "canary-env"));
    assertThat(fromEnv.smtp().password()).contains("canary-env");
    assertThat(fromEnv.toString()).doesNotContain("canary-env");
    assertThat(fromEnv.smtp().toString()).doesNotContain("canary-env").contains("<redacted>");
    assertThat(fromEnv.effective().toString()).doesNotContain("canary-env");
  }
}
