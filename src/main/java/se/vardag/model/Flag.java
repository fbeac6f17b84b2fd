package se.vardag.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raised flag with its evidence: an English sentence a person can act on, and the values it
 * quotes by name (so the report can say the same in Swedish). Never quotes a suppressed figure.
 */
public record Flag(FlagCode code, String evidence, Map<String, String> args) {
  public Flag {
    requireNonNull(code, "code is null");
    requireNonNull(evidence, "evidence is null");
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }
}
