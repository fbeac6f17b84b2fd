package se.vardag.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How to reach the SMTP server. {@link #password()} is the secret, read from the environment or a
 * file; {@link #toString()} never shows it.
 */
public final class SmtpSettings {
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final boolean starttls;
  private final int connectTimeoutMs;
  private final int readTimeoutMs;
  private final int writeTimeoutMs;
  private final int maxAttempts;
  private final long retryBackoffMs;

  public SmtpSettings(String host, int port, String user, String password, boolean starttls,
      int connectTimeoutMs, int readTimeoutMs, int writeTimeoutMs, int maxAttempts, long retryBackoffMs) {
    this.host = requireNonNull(host, "host is null");
    this.port = port;
    this.user = requireNonNull(user, "user is null");
    this.password = password;
    this.starttls = starttls;
    this.connectTimeoutMs = connectTimeoutMs;
    this.readTimeoutMs = readTimeoutMs;
    this.writeTimeoutMs = writeTimeoutMs;
    this.maxAttempts = maxAttempts;
    this.retryBackoffMs = retryBackoffMs;
  }

  /** Empty when reports go to the outbox. */
  public String host() {
    return host;
  }

  public boolean enabled() {
    return !host.isEmpty();
  }

  public int port() {
    return port;
  }

  public String user() {
    return user;
  }

  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  public boolean starttls() {
    return starttls;
  }

  public int connectTimeoutMs() {
    return connectTimeoutMs;
  }

  public int readTimeoutMs() {
    return readTimeoutMs;
  }

  public int writeTimeoutMs() {
    return writeTimeoutMs;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public long retryBackoffMs() {
    return retryBackoffMs;
  }

  @Override
  public String toString() {
    return "SmtpSettings{host=" + host + ", port=" + port + ", user=" + user
        + ", password=" + (password == null ? "<none>" : "<redacted>") + ", starttls=" + starttls + "}";
  }
}
