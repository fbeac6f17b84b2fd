package se.vardag.ingest;

import java.util.List;

/** A broken input contract found while reading (for example a header that changed under us). */
public final class IngestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public IngestException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
