package se.vardag.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Who receives the report (SPEC section 7): {@code mail.to} (leadership, the whole organisation),
 * the initiatives' owners when {@code mail.owners} is true (their own initiatives), and the
 * recipients of {@code mail.recipients_file} (each with its scopes).
 */
public record Audience(List<String> leadership, boolean owners, Optional<Path> recipientsFile,
    List<Recipient> listed) {
  public Audience {
    leadership = List.copyOf(leadership);
    requireNonNull(recipientsFile, "recipientsFile is null");
    listed = List.copyOf(listed);
  }
}
