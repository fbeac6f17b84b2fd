package se.vardag.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * D's report for each recipient: scoped to the recipient's initiatives and compared with the date of
 * the recipient's last mail. One earlier date's published verdicts and flags are read once, however
 * many recipients compare with it.
 */
public final class ReportVariants {
  private final ReportRenderer renderer;
  private final ReportData base;
  private final Function<LocalDate, Optional<Changes.Earlier>> source;
  private final Map<LocalDate, Optional<Changes.Earlier>> earlier = new ConcurrentHashMap<>();

  /**
   * {@code base}: D's data compared with nothing; {@code versionDirOf}: the version folder that holds an
   * earlier date's tables (empty when that date is not published).
   */
  public ReportVariants(ReportRenderer renderer, SparkSession spark, ReportData base,
      Function<LocalDate, Optional<se.vardag.Location>> versionDirOf) {
    this(renderer, base, d -> versionDirOf.apply(d).map(dir -> TableReader.readEarlier(spark, dir, d)));
  }

  private ReportVariants(ReportRenderer renderer, ReportData base, Function<LocalDate, Optional<Changes.Earlier>> source) {
    this.renderer = requireNonNull(renderer, "renderer is null");
    this.base = requireNonNull(base, "base is null");
    if (base.earlier() != null) {
      throw new IllegalArgumentException("Cannot vary a report that is already compared with " + base.earlier().asOf());
    }
    this.source = requireNonNull(source, "source is null");
  }

  /** Variants of {@code base} compared with earlier dates' data already in memory (tests, no Spark). */
  public static ReportVariants inMemory(ReportRenderer renderer, ReportData base, Map<LocalDate, ReportData> earlier) {
    Map<LocalDate, ReportData> copy = Map.copyOf(earlier);
    return new ReportVariants(renderer, base, d -> Optional.ofNullable(copy.get(d)).map(ReportVariants::facts));
  }

  private static Changes.Earlier facts(ReportData d) {
    Map<String, String> names = new java.util.HashMap<>();
    Map<String, String> verdicts = new java.util.HashMap<>();
    for (InitiativeRow i : d.initiatives()) {
      names.put(i.id(), i.name());
      verdicts.put(i.id(), i.verdict());
    }
    Map<String, java.util.Set<String>> flags = new java.util.HashMap<>();
    for (ReportData.FlagRow f : d.flags()) {
      flags.computeIfAbsent(f.initiativeId(), k -> new java.util.TreeSet<>()).add(f.code());
    }
    return new Changes.Earlier(d.asOf(), names, verdicts, flags);
  }

  /** D's rows, for working out who receives what. */
  public ReportData base() {
    return base;
  }

  /** True when the tables of {@code d} can be compared with. */
  public boolean comparable(LocalDate d) {
    return earlier(d).isPresent();
  }

  /** The full report for {@code scope}, with the changes since {@code comparedWith} (null: none). */
  public RenderedReport report(Scope scope, LocalDate comparedWith) {
    return renderer.render(data(scope, comparedWith), scope);
  }

  /** The alert for {@code scope} since {@code comparedWith}, or empty when nothing in it got worse. */
  public Optional<RenderedReport> alert(Scope scope, LocalDate comparedWith, LocalDate nextFullReport) {
    requireNonNull(comparedWith, "comparedWith is null");
    return renderer.renderAlert(data(scope, comparedWith), scope, nextFullReport);
  }

  private ReportData data(Scope scope, LocalDate comparedWith) {
    ReportData data = base;
    if (comparedWith != null) {
      Changes.Earlier e = earlier(comparedWith).orElseThrow(() -> new IllegalArgumentException(
          "Cannot compare the report for " + base.asOf() + " with " + comparedWith + ": it is not published"));
      data = data.comparedWith(e);
    }
    return data.scopedTo(scope);
  }

  private Optional<Changes.Earlier> earlier(LocalDate d) {
    return earlier.computeIfAbsent(d, source);
  }
}
