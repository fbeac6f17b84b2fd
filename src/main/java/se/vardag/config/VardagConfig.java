package se.vardag.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The effective configuration of one run: reference.conf, overridden by the --config file,
 * overridden by VARDAG_* environment variables. Built and validated by {@link ConfigLoader}.
 */
public final class VardagConfig {
  private final ZoneId timezone;
  private final String reportLocale;
  private final String organisation;
  private final List<String> mailTo;
  private final String mailFrom;
  private final String outboxDir;
  private final SmtpSettings smtp;
  private final int minGroupSize;
  private final Optional<Path> pseudonymKeyFile;
  private final Optional<String> pseudonymKeyFromEnv;
  private final double maxRejectedShare;
  private final int maxFieldChars;
  private final int minRejectedRows;
  private final int maxUsageLagDays;
  private final int maxFutureDays;
  private final int retentionDays;
  private final OutputFormat outputFormat;
  private final String sparkMaster;
  private final int shufflePartitions;
  private final FlagThresholds flags;
  private final Audience audience;
  private final Cadence cadence;
  private final Map<String, Object> effective;

  VardagConfig(ZoneId timezone, String reportLocale, String organisation, List<String> mailTo,
      String mailFrom, String outboxDir, SmtpSettings smtp, int minGroupSize,
      Optional<Path> pseudonymKeyFile, Optional<String> pseudonymKeyFromEnv, double maxRejectedShare,
      int maxFieldChars,
      int minRejectedRows, int maxUsageLagDays, int maxFutureDays,
      int retentionDays, OutputFormat outputFormat, String sparkMaster, int shufflePartitions,
      FlagThresholds flags, Audience audience, Cadence cadence, Map<String, Object> effective) {
    this.timezone = requireNonNull(timezone, "timezone is null");
    this.reportLocale = requireNonNull(reportLocale, "reportLocale is null");
    this.organisation = requireNonNull(organisation, "organisation is null");
    this.mailTo = List.copyOf(mailTo);
    this.mailFrom = requireNonNull(mailFrom, "mailFrom is null");
    this.outboxDir = requireNonNull(outboxDir, "outboxDir is null");
    this.smtp = requireNonNull(smtp, "smtp is null");
    this.minGroupSize = minGroupSize;
    this.pseudonymKeyFile = requireNonNull(pseudonymKeyFile, "pseudonymKeyFile is null");
    this.pseudonymKeyFromEnv = requireNonNull(pseudonymKeyFromEnv, "pseudonymKeyFromEnv is null");
    this.maxRejectedShare = maxRejectedShare;
    this.maxFieldChars = maxFieldChars;
    this.minRejectedRows = minRejectedRows;
    this.maxUsageLagDays = maxUsageLagDays;
    this.maxFutureDays = maxFutureDays;
    this.retentionDays = retentionDays;
    this.outputFormat = requireNonNull(outputFormat, "outputFormat is null");
    this.sparkMaster = requireNonNull(sparkMaster, "sparkMaster is null");
    this.shufflePartitions = shufflePartitions;
    this.flags = requireNonNull(flags, "flags is null");
    this.audience = requireNonNull(audience, "audience is null");
    this.cadence = requireNonNull(cadence, "cadence is null");
    this.effective = Collections.unmodifiableMap(new TreeMap<>(effective));
  }

  public ZoneId timezone() {
    return timezone;
  }

  /** {@code sv} or {@code en}. */
  public String reportLocale() {
    return reportLocale;
  }

  public String organisation() {
    return organisation;
  }

  public List<String> mailTo() {
    return mailTo;
  }

  public String mailFrom() {
    return mailFrom;
  }

  /** As configured; relative to the output folder unless absolute. */
  public String outboxDir() {
    return outboxDir;
  }

  public SmtpSettings smtp() {
    return smtp;
  }

  public int minGroupSize() {
    return minGroupSize;
  }

  public Optional<Path> pseudonymKeyFile() {
    return pseudonymKeyFile;
  }

  /** The key given in VARDAG_PRIVACY_PSEUDONYM_KEY, if any. Never logged. */
  public Optional<String> pseudonymKeyFromEnv() {
    return pseudonymKeyFromEnv;
  }

  public double maxRejectedShare() {
    return maxRejectedShare;
  }

  public int maxFieldChars() {
    return maxFieldChars;
  }

  /** {@code quality.min_rejected_rows}: a file fails the quality gate only with at least this many rejected rows. */
  public int minRejectedRows() {
    return minRejectedRows;
  }

  /** {@code quality.max_usage_lag_days}: a run for D needs usage logs that cover D minus this many days. */
  public int maxUsageLagDays() {
    return maxUsageLagDays;
  }

  /** {@code quality.max_future_days}: a usage event dated more days than this after the run's date is rejected. */
  public int maxFutureDays() {
    return maxFutureDays;
  }

  public int retentionDays() {
    return retentionDays;
  }

  /** {@code output.format}: how the analysts' tables are published. */
  public OutputFormat outputFormat() {
    return outputFormat;
  }

  public String sparkMaster() {
    return sparkMaster;
  }

  public int shufflePartitions() {
    return shufflePartitions;
  }

  public FlagThresholds flags() {
    return flags;
  }

  /** Who receives which report: mail.to, mail.owners and mail.recipients_file. */
  public Audience audience() {
    return audience;
  }

  /** {@code report.cadence} and {@code report.alerts}. */
  public Cadence cadence() {
    return cadence;
  }

  /**
   * Every key with its effective value, sorted by key, for the run manifest. Holds no secret: passwords and
   * keys are not keys of this map, only the paths of the files that hold them.
   */
  public Map<String, Object> effective() {
    return effective;
  }

  @Override
  public String toString() {
    return "VardagConfig" + effective;
  }
}
