package se.vardag.publish;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import se.vardag.Checkpoint;

/**
 * {@code output.format = parquet}: each date's version folder is published by switching its
 * symbolic link ({@link Publisher#publish}); the analysts read {@code <table>/as_of=D/}.
 */
public final class ParquetPublishing implements Publishing {
  private final Publisher publisher;

  public ParquetPublishing(Publisher publisher) {
    this.publisher = requireNonNull(publisher, "publisher is null");
  }

  @Override
  public String format() {
    return "parquet";
  }

  @Override
  public void publish(String runId, List<LocalDate> dates, RunManifest manifest) {
    requireNonNull(runId, "runId is null");
    for (LocalDate d : dates) {
      Checkpoint.reached(Checkpoint.BEFORE_SWITCH);
      publisher.publish(d, publisher.versionDir(runId, d));
    }
  }
}
