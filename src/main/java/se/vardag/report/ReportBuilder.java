package se.vardag.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import se.vardag.Text;
import se.vardag.config.FlagThresholds;
import se.vardag.model.Columns;
import se.vardag.model.FlagCode;
import se.vardag.model.Pillar;
import se.vardag.model.Verdict;
import se.vardag.report.ReportData.FlagRow;
import se.vardag.report.ReportData.UnitRow;
import se.vardag.report.ReportData.WeekRow;
import se.vardag.report.ReportModel.Cell;
import se.vardag.report.ReportModel.ChartRef;
import se.vardag.report.ReportModel.InitiativeSection;
import se.vardag.report.ReportModel.Stat;
import se.vardag.report.ReportModel.Table;

/**
 * Turns the published data into the report's words, numbers and charts (one {@link ReportModel}): the
 * headline, the overview and its charts, the other initiatives and the footer. A headline initiative's
 * page is {@link InitiativePage}'s, the changes' words {@link ChangeWords}'.
 */
final class ReportBuilder {
  /** Verdicts in the order the report lists them: {@link Verdict}'s. */
  static final List<String> VERDICT_ORDER = Arrays.stream(Verdict.values()).map(Verdict::code).toList();
  /** Flag codes in the order of the spec's table: {@link FlagCode}'s. */
  static final List<String> FLAG_ORDER = Arrays.stream(FlagCode.values()).map(Enum::name).toList();
  /** The spec's three questions and the pillars whose flags answer each, from {@link Pillar}. */
  static final List<List<String>> QUESTION_PILLARS = IntStream.rangeClosed(1, 3)
      .mapToObj(q -> Arrays.stream(Pillar.values()).filter(p -> p.question() == q).map(Pillar::code).toList())
      .toList();
  /** The optional inputs, in the order the footer names them. */
  static final List<String> OPTIONAL_INPUTS =
      List.of("goals.csv", "learning_activities.csv", "follow_ups.csv", "outcomes.csv");
  static final int MAX_OVERVIEW_BARS = 40;
  static final int SUBJECT_NAME_CHARS = 50;

  private final Messages m;
  private final Labels labels;
  private final ChangeWords changeWords;
  private final InitiativePage page;
  private final String organisation;
  private final int minGroupSize;
  private final FlagThresholds thresholds;

  ReportBuilder(Messages m, String organisation, int minGroupSize, FlagThresholds thresholds) {
    this.m = m;
    EvidenceText evidence = new EvidenceText(m, thresholds);
    this.labels = new Labels(m);
    this.changeWords = new ChangeWords(m, evidence, labels);
    this.page = new InitiativePage(m, evidence, labels, thresholds, minGroupSize);
    this.organisation = organisation == null ? "" : organisation.trim();
    this.minGroupSize = minGroupSize;
    this.thresholds = thresholds;
  }

  /** The changes in words, for the report and the alert. */
  ChangeWords changeWords() {
    return changeWords;
  }

  /** The headline initiatives' pages. */
  InitiativePage page() {
    return page;
  }

  ReportModel build(ReportData data) {
    return build(data, Scope.all());
  }

  /** The report of {@code data} for one recipient's {@code scope} (already applied to the data); its title says whose. */
  ReportModel build(ReportData data, Scope scope) {
    LocalDate d = data.asOf();
    List<InitiativeRow> headline = data.initiatives().stream().filter(InitiativeRow::headline)
        .sorted(headlineOrder(data)).collect(Collectors.toList());
    List<InitiativeRow> others = data.initiatives().stream().filter(i -> !i.headline())
        .sorted(otherOrder()).collect(Collectors.toList());
    Map<String, List<FlagRow>> flagsBy = data.flags().stream()
        .collect(Collectors.groupingBy(FlagRow::initiativeId, LinkedHashMap::new, Collectors.toList()));
    Map<String, List<WeekRow>> weeksBy = data.weeks().stream()
        .collect(Collectors.groupingBy(WeekRow::initiativeId, LinkedHashMap::new, Collectors.toList()));
    Map<String, List<UnitRow>> unitsBy = data.units().stream()
        .collect(Collectors.groupingBy(UnitRow::initiativeId, LinkedHashMap::new, Collectors.toList()));

    String title = organisation.isEmpty() ? m.get("report.title", m.date(d))
        : m.get("report.title.org", m.date(d), organisation);
    if (!scope.isAll()) {
      title = m.get("report.title.scoped", title, scopeLabel(scope));
    }

    long lacking = data.initiatives().stream().filter(i -> Verdict.LACKS_FOLLOW_THROUGH.code().equals(i.verdict())).count();
    long postPilot = data.initiatives().stream()
        .filter(i -> i.isTrue(Columns.POST_PILOT) && !"stopped".equals(i.verdict())).count();
    long endingSoon = headline.stream().filter(i -> "in_pilot".equals(i.verdict())).count();
    String main = postPilot == 0 ? m.get("headline.none_post_pilot")
        : lacking == 0 ? m.get("headline.none_lacking", postPilot) : m.get("headline.lacking", lacking, postPilot);
    String ending = endingSoon == 0 ? "" : m.get("headline.ending_soon", endingSoon);
    String sentence = main + ending + ".";
    String subjectMain = postPilot == 0 ? m.get("subject.none_post_pilot")
        : lacking == 0 ? m.get("subject.none_lacking") : m.get("subject.lacking", lacking, postPilot);
    Changes changes = data.earlier() == null ? null
        : Changes.between(data.earlier(), data.initiatives(), data.flags());
    String lead = changes == null || changes.none() ? null : changeWords.subjectLead(changes.changes().get(0));
    String subject = lead != null
        ? m.get("subject.layout", m.date(d), lead + m.get("subject.then", subjectMain))
        : m.get("subject.layout", m.date(d), subjectMain
            + (endingSoon == 0 ? "" : m.get("subject.ending", endingSoon))
            + (headline.isEmpty() ? "" : m.get("subject.first", truncate(headline.get(0).name(), SUBJECT_NAME_CHARS))));
    subject = Text.oneLine(subject);

    List<Stat> stats = new ArrayList<>();
    for (String v : VERDICT_ORDER) {
      long n = data.initiatives().stream().filter(i -> v.equals(i.verdict())).count();
      if (n > 0) {
        stats.add(new Stat(v, m.raw("verdict." + v), n));
      }
    }

    // Sections (each with its chart, the expensive part) are independent: built in parallel, kept in order.
    List<InitiativeSection> sections = java.util.stream.IntStream.range(0, headline.size()).parallel()
        .mapToObj(k -> {
          InitiativeRow i = headline.get(k);
          return page.section(i, flagsBy.getOrDefault(i.id(), List.of()), weeksBy.getOrDefault(i.id(), List.of()),
              unitsBy.getOrDefault(i.id(), List.of()), data, k + 1);
        })
        .collect(Collectors.toList());

    List<InitiativeRow> inOverview = new ArrayList<>(headline);
    others.stream().filter(i -> !"stopped".equals(i.verdict())).forEach(inOverview::add);
    ChartRef overview = null;
    StringBuilder overviewText = new StringBuilder();
    if (!inOverview.isEmpty()) {
      List<Charts.Bar> bars = new ArrayList<>();
      for (InitiativeRow i : inOverview.subList(0, Math.min(MAX_OVERVIEW_BARS, inOverview.size()))) {
        Double share = i.suppressed() || i.str(Columns.USAGE_SIGNALS) == null ? null : i.dbl(Columns.SUSTAINED_RATE);
        String text = i.suppressed() ? m.raw("value.too_small_short")
            : i.str(Columns.USAGE_SIGNALS) == null ? m.raw("value.no_usage_signal")
            : share == null ? m.raw("value.none") : m.percent(share, thresholds.lowAdoptionMinSustainedRate());
        bars.add(new Charts.Bar(i.name(), i.verdict(), share, text));
        overviewText.append(m.get("overview.text.line", Text.oneLine(i.name()), text)).append('\n');
      }
      List<String[]> legend = new ArrayList<>();
      for (String v : VERDICT_ORDER) {
        if (!"stopped".equals(v) && inOverview.stream().anyMatch(i -> v.equals(i.verdict()))) {
          legend.add(new String[] {v, m.raw("verdict." + v)});
        }
      }
      double threshold = thresholds.lowAdoptionMinSustainedRate();
      Charts.Png png = Charts.overview(new Charts.OverviewLabels(m.raw("overview.chart.title"),
          m.get("overview.chart.threshold", m.percent(threshold)), m.raw("overview.chart.axis"), legend,
          List.of(m.percent(0), m.percent(0.25), m.percent(0.5), m.percent(0.75), m.percent(1))), bars, threshold);
      String alt = inOverview.size() > MAX_OVERVIEW_BARS
          ? m.get("overview.alt.first", MAX_OVERVIEW_BARS, (long) inOverview.size()) : m.raw("overview.alt");
      overview = new ChartRef("overview.png", contentId("overview", d), alt, png.bytes(), png.print(), png.width(), png.height());
    }

    List<Ingredients.Group> groups = Ingredients.groups(data.initiatives());
    ChartRef ingredientsChart = groups.isEmpty() ? null : ingredientsChart(groups, d);
    List<String> ingredientsLines = groups.isEmpty() ? List.of() : ingredientsLines(groups);

    Table othersTable = others.isEmpty() ? null : overviewTable(others, flagsBy);

    List<String> footer = footer(data);
    List<String> register = registerLines(data.quality());
    String attachmentNote = m.get("attachment.note", attachmentName(m, d));

    return new ReportModel(m.language(), title, subject, sentence, stats,
        m.raw("headline.heading"), headline.isEmpty() ? m.raw("headline.empty") : m.get("headline.intro",
            (long) thresholds.endingSoonDays()),
        sections, overview, overviewText.toString().strip(), m.raw("others.heading"),
        others.isEmpty() ? m.raw("others.empty") : m.raw("others.intro"), othersTable,
        m.raw("footer.heading"), footer, attachmentNote, register.isEmpty() ? null : m.raw("register.heading"),
        register, changes == null ? null : m.get("changes.heading", m.date(changes.comparedWith())),
        changes == null ? List.of() : changeWords.changeLines(changes), ingredientsChart,
        groups.isEmpty() ? null : m.raw("ingredients.intro"), ingredientsLines,
        headline.isEmpty() ? null : overviewTable(headline, flagsBy));
  }

  private ChartRef ingredientsChart(List<Ingredients.Group> groups, LocalDate d) {
    double threshold = thresholds.lowAdoptionMinSustainedRate();
    List<Charts.Bar> bars = new ArrayList<>();
    for (Ingredients.Group g : groups) {
      bars.add(new Charts.Bar(m.get("ingredients.bar", (long) g.ingredients(), (long) g.initiatives()), Charts.NEUTRAL,
          g.medianSustainedRate(), m.percent(g.medianSustainedRate(), threshold)));
    }
    Charts.Png png = Charts.overview(new Charts.OverviewLabels(m.raw("ingredients.chart.title"),
        m.get("overview.chart.threshold", m.percent(threshold)), m.raw("ingredients.chart.axis"), List.of(),
        List.of(m.percent(0), m.percent(0.25), m.percent(0.5), m.percent(0.75), m.percent(1))), bars, threshold);
    return new ChartRef("ingredients.png", contentId("ingredients", d), m.raw("ingredients.alt"), png.bytes(),
        png.print(), png.width(), png.height());
  }

  /** The chart's figures as text, one line per group, and what they say, worded as an association. */
  List<String> ingredientsLines(List<Ingredients.Group> groups) {
    double threshold = thresholds.lowAdoptionMinSustainedRate();
    List<String> out = new ArrayList<>();
    for (Ingredients.Group g : groups) {
      out.add(m.get("ingredients.text.line", (long) g.ingredients(), (long) g.initiatives(),
          m.percent(g.medianSustainedRate(), threshold)));
    }
    if (groups.size() < 2) {
      out.add(m.raw("ingredients.too_few"));
    } else {
      Ingredients.Group fewest = groups.get(0);
      Ingredients.Group most = groups.get(groups.size() - 1);
      out.add(m.get(most.medianSustainedRate() > fewest.medianSustainedRate() ? "ingredients.more"
              : "ingredients.not_more", m.percent(most.medianSustainedRate(), threshold), (long) most.ingredients(),
          m.percent(fewest.medianSustainedRate(), threshold), (long) fewest.ingredients()));
    }
    return out;
  }

  /** What a scoped report covers, in words: "your initiatives as owner and those for IT/Service Desk". */
  String scopeLabel(Scope scope) {
    List<String> parts = new ArrayList<>();
    if (scope.owner()) {
      parts.add(m.raw("scope.owner"));
    }
    for (String unit : scope.units()) {
      parts.add(m.get("scope.unit", Text.oneLine(unit)));
    }
    return parts.isEmpty() ? m.get("scope.initiatives", (long) scope.initiativeIds().size()) : m.list(parts);
  }

  static String contentId(String name, LocalDate d) {
    return name + "." + d + "@vardag";
  }

  /** The CSV attachment's name in the report's language ("initiativmått-2026-11-03.csv"). */
  static String attachmentName(Messages m, LocalDate d) {
    return m.get("attachment.name", d.toString());
  }

  /** The overview table's columns a phone does not show in the digest (people, trained): in the PDF and CSV. */
  static final java.util.Set<Integer> OVERVIEW_PHONE_HIDDEN = java.util.Set.of(3, 4);

  /** One row per initiative: name, verdict, owner, people, trained, everyday use, flags. */
  private Table overviewTable(List<InitiativeRow> initiatives, Map<String, List<FlagRow>> flagsBy) {
    List<List<Cell>> rows = new ArrayList<>();
    String tooSmall = m.raw("value.too_small_short");
    for (InitiativeRow i : initiatives) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(i.name()));
      row.add(new Cell(m.raw("verdict." + i.verdict()), i.verdict(), false));
      row.add(i.isTrue(Columns.OWNER_PRESENT) ? Cell.of(labels.ownerLabel(i)) : Cell.muted(m.raw("value.no_owner_short")));
      row.add(Cell.of(m.count(i.lng(Columns.TARGET_POPULATION))));
      if ("stopped".equals(i.verdict())) {
        row.add(Cell.muted(m.raw("value.none")));
        row.add(Cell.muted(m.raw("value.none")));
      } else if (i.suppressed()) {
        row.add(Cell.muted(tooSmall));
        row.add(Cell.muted(tooSmall));
      } else {
        row.add(i.str(Columns.COURSE_IDS) == null ? Cell.muted(m.raw("value.no_training_plan_short"))
            : Cell.of(labels.pct(i.dbl(Columns.TRAINING_COVERAGE), thresholds.lowTrainingCoverageMin())));
        row.add(i.str(Columns.USAGE_SIGNALS) == null ? Cell.muted(m.raw("value.no_usage_signal"))
            : Cell.of(labels.pct(i.dbl(Columns.SUSTAINED_RATE), thresholds.lowAdoptionMinSustainedRate())));
      }
      List<FlagRow> fs = flagsBy.getOrDefault(i.id(), List.of());
      long high = fs.stream().filter(FlagRow::high).count();
      long other = fs.size() - high;
      row.add(fs.isEmpty() ? Cell.muted(m.raw("value.none"))
          : Cell.of(high == 0 ? m.get("others.flags.medium", other)
              : other == 0 ? m.get("others.flags.high", high) : m.get("others.flags.both", high, other)));
      rows.add(row);
    }
    return new Table(List.of(m.raw("others.col.initiative"), m.raw("others.col.verdict"), m.raw("others.col.owner"),
        m.raw("others.col.people"), m.raw("others.col.trained"), m.raw("others.col.everyday_use"),
        m.raw("others.col.flags")), List.of(false, false, false, true, true, true, false), rows);
  }

  /**
   * The register rows that could not be read, for the top of the report (SPEC section 7): one line each
   * with line, reason, and initiative_id and name where readable. A manifest without the names (written
   * before revision 2) still gives their count from the rejected rows of initiatives.csv.
   */
  private List<String> registerLines(ReportData.DataQuality q) {
    List<String> lines = new ArrayList<>();
    List<ReportData.RegisterRejection> rs = q.registerRejections();
    if (rs.isEmpty()) {
      long n = q.rejectedByFile().getOrDefault("initiatives.csv", 0L);
      if (n > 0) {
        lines.add(m.get("register.count_only", n));
      }
      return lines;
    }
    lines.add(m.get("register.intro", (long) rs.size()));
    for (ReportData.RegisterRejection r : rs) {
      String where = r.line() == null ? m.raw("register.where.unknown")
          : m.get("register.where.line", String.valueOf(r.line()));
      String id = Text.oneLine(r.initiativeId());
      String name = Text.oneLine(r.name());
      String what = !id.isEmpty() && !name.isEmpty() ? m.get("register.what.id_name", id, name)
          : !id.isEmpty() ? m.get("register.what.id", id)
          : !name.isEmpty() ? m.get("register.what.name", name) : m.raw("register.what.none");
      lines.add(m.get("register.line", where, what, Text.oneLine(r.reason())));
    }
    return lines;
  }

  private List<String> footer(ReportData data) {
    ReportData.DataQuality q = data.quality();
    List<String> lines = new ArrayList<>();
    if (!q.manifestFound()) {
      lines.add(m.raw("footer.no_manifest"));
    }
    if (q.rejectedRowsTotal() == 0) {
      lines.add(m.raw("footer.rejected.none"));
    } else {
      String per = q.rejectedByFile().entrySet().stream()
          .map(e -> m.get("footer.rejected.file", Text.oneLine(e.getKey()), m.count(e.getValue())))
          .collect(Collectors.joining(", "));
      lines.add(per.isEmpty() ? m.get("footer.rejected.total", q.rejectedRowsTotal())
          : m.get("footer.rejected", q.rejectedRowsTotal(), per));
    }
    List<String> missing = new ArrayList<>(q.missingOptionalInputs());
    missing.sort(Comparator.comparing((String f) -> OPTIONAL_INPUTS.indexOf(f) < 0 ? 99 : OPTIONAL_INPUTS.indexOf(f))
        .thenComparing(f -> f));
    if (q.manifestFound() && missing.isEmpty()) {
      lines.add(m.raw("footer.missing.none"));
    }
    for (String f : missing) {
      String key = "footer.question." + f;
      String question = m.has(key) ? m.raw(key) : m.raw("footer.question.unknown");
      lines.add(m.get("footer.missing", Text.oneLine(f), question));
    }
    List<ReportData.UsageSource> silent = q.usageSources().stream().filter(ReportData.UsageSource::silent)
        .sorted(Comparator.comparing(ReportData.UsageSource::source)).collect(Collectors.toList());
    if (!silent.isEmpty()) {
      List<String> parts = silent.stream().map(u -> u.lastEventDate() == null
          ? m.get("flag.USAGE_DATA_MISSING.source.never", Text.oneLine(u.source()))
          : m.get("flag.USAGE_DATA_MISSING.source", Text.oneLine(u.source()), m.date(u.lastEventDate())))
          .collect(Collectors.toList());
      lines.add(m.get("footer.silent", (long) silent.size(), m.list(parts)));
    } else if (!q.usageSources().isEmpty()) {
      lines.add(m.raw("footer.silent.none"));
    }
    long suppressed = data.initiatives().stream().filter(InitiativeRow::suppressed).count();
    if (suppressed > 0) {
      lines.add(m.get("footer.suppressed", suppressed, (long) minGroupSize));
    }
    lines.add(m.get("footer.about", m.date(data.asOf())));
    return lines;
  }

  private Comparator<InitiativeRow> headlineOrder(ReportData data) {
    Map<String, Long> high = data.flags().stream().filter(FlagRow::high)
        .collect(Collectors.groupingBy(FlagRow::initiativeId, Collectors.counting()));
    return Comparator.comparing((InitiativeRow i) -> Verdict.LACKS_FOLLOW_THROUGH.code().equals(i.verdict()) ? 0 : 1)
        .thenComparing(i -> -high.getOrDefault(i.id(), 0L))
        .thenComparing(i -> -(i.get(Columns.FLAG_COUNT) == null ? 0 : ((Number) i.get(Columns.FLAG_COUNT)).intValue()))
        .thenComparing(InitiativeRow::name)
        .thenComparing(InitiativeRow::id);
  }

  private static Comparator<InitiativeRow> otherOrder() {
    return Comparator.comparing((InitiativeRow i) -> {
      int k = VERDICT_ORDER.indexOf(i.verdict());
      return k < 0 ? VERDICT_ORDER.size() : k;
    }).thenComparing(InitiativeRow::name).thenComparing(InitiativeRow::id);
  }

  static String truncate(String s, int maxChars) {
    String one = Text.oneLine(s);
    int[] cps = one.codePoints().toArray();
    if (cps.length <= maxChars) {
      return one;
    }
    return new String(cps, 0, maxChars - 1).stripTrailing() + "\u2026";
  }
}
