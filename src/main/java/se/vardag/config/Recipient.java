package se.vardag.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * A recipient of {@code mail.recipients_file}: an address and the scopes it receives, each either
 * {@link #ALL} (the whole organisation's report) or an org-unit prefix such as {@code IT/Service Desk}
 * (the initiatives whose targets lie under it). An address on several lines gets one mail with the
 * union of its scopes.
 */
public record Recipient(String email, List<String> scopes) {
  /** The scope of the whole organisation. */
  public static final String ALL = "all";

  public Recipient {
    requireNonNull(email, "email is null");
    scopes = List.copyOf(scopes);
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("Cannot make a recipient without a scope: " + email);
    }
  }

  /** True when one of the scopes is the whole organisation. */
  public boolean all() {
    return scopes.contains(ALL);
  }

  /** The address as a ledger key: lower case. */
  public String key() {
    return email.toLowerCase(Locale.ROOT);
  }
}
