package se.vardag.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import se.vardag.report.ReportModel.Fact;
import se.vardag.report.ReportModel.FlagLine;
import se.vardag.report.ReportModel.InitiativeSection;
import se.vardag.report.ReportModel.PillarFlags;
import se.vardag.report.ReportModel.Question;
import se.vardag.report.ReportModel.Stat;
import se.vardag.report.ReportModel.Table;

/** Turns the published data into the report's words, numbers and charts (one {@link ReportModel}). */
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
  static final int MAX_UNIT_ROWS = 8;
  static final int SUBJECT_NAME_CHARS = 50;

  private final Messages m;
  private final EvidenceText evidence;
  private final String organisation;
  private final int minGroupSize;
  private final FlagThresholds thresholds;

  ReportBuilder(Messages m, String organisation, int minGroupSize, FlagThresholds thresholds) {
    this.m = m;
    this.evidence = new EvidenceText(m, thresholds);
    this.organisation = organisation == null ? "" : organisation.trim();
    this.minGroupSize = minGroupSize;
    this.thresholds = thresholds;
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
    String lead = changes == null || changes.none() ? null : subjectLead(changes.changes().get(0));
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
          return section(i, flagsBy.getOrDefault(i.id(), List.of()), weeksBy.getOrDefault(i.id(), List.of()),
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
      overview = new ChartRef("overview.png", contentId("overview", d), alt, png.bytes(), png.width(), png.height());
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
        changes == null ? List.of() : changeLines(changes), ingredientsChart,
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
        png.width(), png.height());
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

  /** One item of an alert: the change, the owner, and for a raised flag its evidence and next step (null: none). */
  record AlertItem(String line, String owner, String evidence, String nextStep) {}

  /**
   * The alert's items (SPEC section 7): the verdicts that got worse and the high flags raised since the
   * earlier report, most important first; empty when there is nothing to compare with or nothing worse.
   */
  List<AlertItem> alertItems(ReportData data) {
    if (data.earlier() == null) {
      return List.of();
    }
    Changes changes = Changes.between(data.earlier(), data.initiatives(), data.flags());
    Map<String, InitiativeRow> byId = new LinkedHashMap<>();
    data.initiatives().forEach(i -> byId.put(i.id(), i));
    List<AlertItem> out = new ArrayList<>();
    for (Changes.Change c : changes.changes()) {
      InitiativeRow i = byId.get(c.initiativeId());
      if (c.kind() == Changes.Kind.WORSE) {
        out.add(new AlertItem(changeLine(c), ownerText(i), null, null));
      } else if (c.kind() == Changes.Kind.RAISED && c.high()) {
        FlagRow f = data.flags().stream()
            .filter(x -> x.initiativeId().equals(c.initiativeId()) && x.code().equals(c.flag())).findFirst().orElse(null);
        out.add(new AlertItem(changeLine(c), ownerText(i), f == null ? null : evidence.text(f, ownerLabelFor(i, f)),
            nextStep(c.flag())));
      }
    }
    return out;
  }

  /** The alert's subject: the date and its most important item. */
  String alertSubject(ReportData data) {
    Changes changes = Changes.between(data.earlier(), data.initiatives(), data.flags());
    Changes.Change first = changes.changes().stream()
        .filter(c -> c.kind() == Changes.Kind.WORSE || (c.kind() == Changes.Kind.RAISED && c.high()))
        .findFirst().orElseThrow(() -> new IllegalStateException("Cannot word an alert without a change for the worse"));
    return Text.oneLine(m.get("alert.subject", m.date(data.asOf()), subjectLead(first)));
  }

  private String ownerText(InitiativeRow i) {
    String label = i == null ? null : ownerLabel(i);
    return m.get("alert.owner", label == null ? m.raw("value.no_owner") : label);
  }

  /** Most changes a report lists; the rest are counted in one line (the CSV has every initiative). */
  static final int MAX_CHANGE_LINES = 15;

  /** The changes since the earlier report, one line each, most important first; one line when none. */
  List<String> changeLines(Changes changes) {
    if (changes.none()) {
      return List.of(m.get("changes.none", m.date(changes.comparedWith())));
    }
    List<String> out = new ArrayList<>();
    List<Changes.Change> all = changes.changes();
    for (Changes.Change c : all.subList(0, Math.min(MAX_CHANGE_LINES, all.size()))) {
      out.add(changeLine(c));
    }
    if (all.size() > MAX_CHANGE_LINES) {
      out.add(m.get("changes.more", (long) (all.size() - MAX_CHANGE_LINES)));
    }
    return out;
  }

  private String changeLine(Changes.Change c) {
    String name = Text.oneLine(c.name());
    switch (c.kind()) {
      case WORSE:
      case BETTER:
      case CHANGED:
        return m.get("changes." + c.kind().name().toLowerCase(java.util.Locale.ROOT), name,
            m.raw("verdict." + c.from()), m.raw("verdict." + c.to()));
      case NEW:
        return m.get("changes.new", name, m.raw("verdict." + c.to()));
      case GONE:
        return m.get("changes.gone", name, m.raw("verdict." + c.from()));
      case RAISED:
        return m.get(c.high() ? "changes.raised_high" : "changes.raised", name, flagTitle(c.flag()));
      case RESOLVED:
        return m.get("changes.resolved", name, flagTitle(c.flag()));
      default:
        throw new IllegalStateException("Cannot word a change of kind " + c.kind());
    }
  }

  /**
   * The verdict over initiative_history's weeks, oldest first, as runs: "På rätt spår (6 v) → I
   * riskzonen (2 v) → Saknar förankring (4 v)"; one run reads "Saknar förankring alla 12 veckor".
   */
  String trajectory(List<ReportData.HistoryRow> weeks) {
    List<ReportData.HistoryRow> oldestFirst = new ArrayList<>(weeks);
    oldestFirst.sort(Comparator.comparingInt(ReportData.HistoryRow::weekIndex).reversed());
    List<String> verdicts = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (ReportData.HistoryRow h : oldestFirst) {
      if (!verdicts.isEmpty() && verdicts.get(verdicts.size() - 1).equals(h.verdict())) {
        counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
      } else {
        verdicts.add(h.verdict());
        counts.add(1L);
      }
    }
    if (verdicts.size() == 1) {
      return m.get("trajectory.same", m.raw("verdict." + verdicts.get(0)), counts.get(0));
    }
    List<String> runs = new ArrayList<>();
    for (int k = 0; k < verdicts.size(); k++) {
      runs.add(m.get("trajectory.run", m.raw("verdict." + verdicts.get(k)), counts.get(k)));
    }
    return String.join(" \u2192 ", runs);
  }

  /** The flag's next step in the report's language; null for a flag this version has no words for. */
  String nextStep(String code) {
    String key = "flag." + code + ".next";
    return m.has(key) ? m.raw(key) : null;
  }

  private String flagTitle(String code) {
    try {
      return m.raw("flag." + code + ".title");
    } catch (IllegalStateException e) {
      return code; // a flag this version has no words for (published by a later one)
    }
  }

  /** The subject's lead: the most important change, in a few words. */
  private String subjectLead(Changes.Change c) {
    String name = truncate(c.name(), SUBJECT_NAME_CHARS);
    switch (c.kind()) {
      case WORSE:
      case BETTER:
      case CHANGED:
      case NEW:
        return m.get("subject.change." + c.kind().name().toLowerCase(java.util.Locale.ROOT), name,
            m.raw("verdict." + c.to()).toLowerCase(m.locale()));
      case RAISED:
        return m.get("subject.change.raised", name, flagTitle(c.flag()));
      case RESOLVED:
        return m.get("subject.change.resolved", name, flagTitle(c.flag()));
      case GONE:
        return m.get("subject.change.gone", name);
      default:
        throw new IllegalStateException("Cannot word a change of kind " + c.kind());
    }
  }

  static String contentId(String name, LocalDate d) {
    return name + "." + d + "@vardag";
  }

  /** The CSV attachment's name in the report's language ("initiativmått-2026-11-03.csv"). */
  static String attachmentName(Messages m, LocalDate d) {
    return m.get("attachment.name", d.toString());
  }

  private InitiativeSection section(InitiativeRow i, List<FlagRow> flags, List<WeekRow> weeks, List<UnitRow> units,
      ReportData data, int chartNo) {
    String verdict = i.verdict();
    long high = flags.stream().filter(FlagRow::high).count();
    String why;
    if ("in_pilot".equals(verdict)) {
      why = i.date(Columns.PILOT_END) == null ? m.get("why.ending_soon.plain", high)
          : m.get("why.ending_soon", m.date(i.date(Columns.PILOT_END)), high);
    } else {
      why = i.date(Columns.PILOT_END) == null ? m.get("why.lacking.plain", high)
          : m.get("why.lacking", m.date(i.date(Columns.PILOT_END)), high);
    }

    List<Fact> meta = new ArrayList<>();
    meta.add(new Fact(m.raw("fact.owner"), i.isTrue(Columns.OWNER_PRESENT) ? ownerLabel(i) : m.raw("value.no_owner"),
        !i.isTrue(Columns.OWNER_PRESENT) || !i.isTrue(Columns.OWNER_ACTIVE)));
    meta.add(new Fact(m.raw("fact.status"), statusLabel(i.str("status")), false));
    meta.add(new Fact(m.raw("fact.pilot"), pilotPeriod(i), false));
    meta.add(new Fact(m.raw("fact.target_group"), m.get("value.target_group",
        Text.oneLine(i.str(Columns.TARGET_ORG_UNITS)).replace(";", ", "), i.lng(Columns.TARGET_POPULATION)), false));
    List<ReportData.HistoryRow> weeksOfVerdicts = data.history().stream()
        .filter(h -> h.initiativeId().equals(i.id())).toList();
    if (!weeksOfVerdicts.isEmpty()) {
      String oldest = weeksOfVerdicts.stream().max(Comparator.comparingInt(ReportData.HistoryRow::weekIndex))
          .orElseThrow().verdict();
      meta.add(new Fact(m.get("fact.trajectory", (long) weeksOfVerdicts.size()), trajectory(weeksOfVerdicts),
          Changes.direction(oldest, i.verdict()) == Changes.Kind.WORSE));
    }

    String suppressedNote = i.suppressed() ? m.get("suppressed.initiative", (long) minGroupSize) : null;

    Map<String, List<FlagRow>> byPillar = new LinkedHashMap<>();
    for (FlagRow f : flags) {
      byPillar.computeIfAbsent(f.pillar(), p -> new ArrayList<>()).add(f);
    }
    List<String> known = QUESTION_PILLARS.stream().flatMap(List::stream).collect(Collectors.toList());
    List<String> unknown = byPillar.keySet().stream().filter(p -> !known.contains(p)).sorted()
        .collect(Collectors.toList());

    List<Question> questions = new ArrayList<>();
    questions.add(new Question(m.raw("question.1"), ownershipFacts(i, data),
        pillars(QUESTION_PILLARS.get(0), byPillar, i), null, null, null, null));
    questions.add(new Question(m.raw("question.2"), competenceFacts(i, data),
        pillars(QUESTION_PILLARS.get(1), byPillar, i), null, null, null, null));

    List<String> q3 = new ArrayList<>(QUESTION_PILLARS.get(2));
    q3.addAll(unknown);
    ChartRef chart = null;
    String chartText = null;
    List<WeekRow> series = weeks.stream().sorted(Comparator.comparingInt(WeekRow::weekIndex).reversed())
        .collect(Collectors.toList());
    boolean weeksShown = !series.isEmpty() && !i.suppressed() && i.str(Columns.USAGE_SIGNALS) != null
        && series.stream().noneMatch(WeekRow::suppressed);
    if (weeksShown) {
      List<LocalDate> ends = series.stream().map(WeekRow::weekEnd).collect(Collectors.toList());
      List<Long> values = series.stream().map(WeekRow::activeUsers).collect(Collectors.toList());
      Long peak = i.lng(Columns.PILOT_PEAK_WAU);
      LocalDate pilotEnd = i.date(Columns.PILOT_END);
      Charts.Png png = Charts.weekly(new Charts.WeeklyLabels(m.get("weekly.chart.title", (long) series.size()),
          peak == null ? "" : m.get("weekly.chart.peak", m.count(peak)), m.raw("weekly.chart.pilot_end"),
          m.raw("weekly.chart.during"), m.raw("weekly.chart.after"),
          ends.stream().map(m::shortDate).collect(Collectors.toList())), ends, values, peak, pilotEnd, verdict);
      String name = String.format(java.util.Locale.ROOT, "weekly-%02d", chartNo);
      chart = new ChartRef(name + ".png", contentId(name, data.asOf()),
          m.get("weekly.alt", Text.oneLine(i.name())), png.bytes(), png.width(), png.height());
      String list = values.stream().map(m::count).collect(Collectors.joining(", "));
      chartText = peak == null ? m.get("weekly.text", list) : m.get("weekly.text.peak", list, m.count(peak));
    }
    Table unitTable = unitTable(units);
    questions.add(new Question(m.raw("question.3"), usageFacts(i, data), pillars(q3, byPillar, i), chart, chartText,
        unitTable == null ? null : m.raw("units.heading"), unitTable));

    List<String> strip = weeksOfVerdicts.stream()
        .sorted(Comparator.comparingInt(ReportData.HistoryRow::weekIndex).reversed())
        .map(ReportData.HistoryRow::verdict).toList();
    return new InitiativeSection(i.name(), verdict, m.raw("verdict." + verdict), why, meta, suppressedNote, questions,
        strip);
  }

  private List<PillarFlags> pillars(List<String> pillars, Map<String, List<FlagRow>> byPillar, InitiativeRow i) {
    List<PillarFlags> out = new ArrayList<>();
    for (String p : pillars) {
      List<FlagRow> fs = byPillar.get(p);
      if (fs == null || fs.isEmpty()) {
        continue;
      }
      List<FlagLine> lines = fs.stream()
          .sorted(Comparator.comparing((FlagRow f) -> !f.high()).thenComparing(f -> flagRank(f.code())))
          .map(f -> new FlagLine(f.severity(), severityLabel(f.severity()), evidence.title(f.code()),
              evidence.text(f, ownerLabelFor(i, f)), nextStep(f.code())))
          .collect(Collectors.toList());
      String key = "pillar." + p;
      out.add(new PillarFlags(p, m.has(key) ? m.raw(key) : p, lines));
    }
    return out;
  }

  private String severityLabel(String severity) {
    String key = "severity." + severity;
    return m.has(key) ? m.raw(key) : severity;
  }

  private static int flagRank(String code) {
    int i = FLAG_ORDER.indexOf(code);
    return i < 0 ? FLAG_ORDER.size() : i;
  }

  /**
   * The owner by display name and id ("Anna Svensson (E1019)"), by id alone when the table has no name
   * (an owner not in the roster, or a date published before revision 2); null without an owner.
   */
  private String ownerLabel(InitiativeRow i) {
    String id = i.str(Columns.OWNER_ID);
    if (id == null) {
      return null;
    }
    String name = Text.oneLine(i.str(Columns.OWNER_NAME));
    return name.isEmpty() ? id : m.get("value.owner_name", name, id);
  }

  /** The owner's label for a flag's evidence, when the flag names this initiative's owner; else null (the id). */
  private String ownerLabelFor(InitiativeRow i, FlagRow f) {
    String id = f.evidenceArgs().get(Columns.OWNER_ID);
    return id != null && id.equals(i.str(Columns.OWNER_ID)) ? ownerLabel(i) : null;
  }

  private String cannotAnswer(String file) {
    return m.get("value.cannot_answer", file);
  }

  private List<Fact> ownershipFacts(InitiativeRow i, ReportData data) {
    List<Fact> facts = new ArrayList<>();
    if (!i.isTrue(Columns.OWNER_PRESENT)) {
      facts.add(new Fact(m.raw("fact.owner"), m.raw("value.no_owner"), true));
    } else {
      boolean active = i.isTrue(Columns.OWNER_ACTIVE);
      facts.add(new Fact(m.raw("fact.owner"), m.get(active ? "value.owner.active" : "value.owner.inactive",
          ownerLabel(i)), !active));
      Boolean mandate = i.bool(Columns.OWNER_HAS_MANDATE);
      facts.add(new Fact(m.raw("fact.mandate"), m.raw(mandate == null ? "value.mandate.unknown"
          : mandate ? "value.mandate.yes" : "value.mandate.no"), !Boolean.TRUE.equals(mandate)));
    }
    String goalId = i.str(Columns.GOAL_ID);
    if (i.isTrue(Columns.GOAL_LINKED)) {
      String title = i.str(Columns.GOAL_TITLE);
      facts.add(new Fact(m.raw("fact.goal"), title == null ? goalId : m.get("value.goal", title, goalId), false));
    } else if (goalId == null) {
      facts.add(new Fact(m.raw("fact.goal"), m.raw("value.goal.none"), true));
    } else if (data.quality().missing("goals.csv")) {
      facts.add(new Fact(m.raw("fact.goal"), cannotAnswer("goals.csv"), false));
    } else {
      facts.add(new Fact(m.raw("fact.goal"), m.get("value.goal.not_found", goalId), true));
    }

    if (data.quality().missing("follow_ups.csv")) {
      facts.add(new Fact(m.raw("fact.follow_up"), cannotAnswer("follow_ups.csv"), false));
      return facts;
    }
    Integer cadence = (Integer) i.get(Columns.FOLLOW_UP_EVERY_DAYS);
    boolean post = i.isTrue(Columns.POST_PILOT);
    facts.add(new Fact(m.raw("fact.cadence"), cadence == null ? m.raw("value.cadence.none")
        : m.get("value.cadence", (long) cadence), cadence == null && post));
    LocalDate last = i.date(Columns.LAST_FOLLOW_UP);
    Integer maturity = (Integer) i.get(Columns.LAST_MATURITY);
    if (last == null) {
      facts.add(new Fact(m.raw("fact.last_follow_up"), m.raw("value.follow_up.never"), post));
    } else {
      Integer since = (Integer) i.get(Columns.DAYS_SINCE_FOLLOW_UP);
      String v = m.get("value.follow_up.last", m.date(last), since == null ? 0L : (long) since);
      if (maturity != null) {
        v += m.get("value.follow_up.maturity", (long) maturity);
      }
      boolean overdue = cadence != null && since != null && since > thresholds.followUpOverdueFactor() * cadence;
      facts.add(new Fact(m.raw("fact.last_follow_up"), v, post && overdue));
    }
    long n90 = i.lng(Columns.FOLLOW_UPS_90D) == null ? 0 : i.lng(Columns.FOLLOW_UPS_90D);
    Double adherence = i.dbl(Columns.FOLLOW_UP_ADHERENCE);
    facts.add(new Fact(m.raw("fact.follow_ups_90d"), adherence == null ? m.get("value.follow_ups_90d", n90)
        : m.get("value.follow_ups_90d.adherence", n90, m.percent(adherence)), false));
    return facts;
  }

  private List<Fact> competenceFacts(InitiativeRow i, ReportData data) {
    List<Fact> facts = new ArrayList<>();
    boolean post = i.isTrue(Columns.POST_PILOT);
    String tooSmall = m.get("value.too_small", (long) minGroupSize);
    if (i.str(Columns.COURSE_IDS) == null) {
      facts.add(new Fact(m.raw("fact.trained"), m.raw("value.no_training_plan"), true));
    } else if (i.suppressed()) {
      facts.add(new Fact(m.raw("fact.trained"), tooSmall, false));
    } else {
      Double cov = i.dbl(Columns.TRAINING_COVERAGE);
      facts.add(new Fact(m.raw("fact.trained"), m.get("value.of", m.count(i.lng("trained")),
          m.count(i.lng(Columns.TARGET_POPULATION)),
          cov == null ? m.raw("value.none") : m.percent(cov, thresholds.lowTrainingCoverageMin())),
          post && cov != null && cov < thresholds.lowTrainingCoverageMin()));
      Long base = i.lng(Columns.TRAINED_NOT_USING_BASE);
      if (i.str(Columns.USAGE_SIGNALS) == null) {
        // Without a usage signal nobody can be seen using it: not "nobody trained 28 days ago".
        facts.add(new Fact(m.raw("fact.trained_not_using"), m.raw("value.no_usage_signal_long"), false));
      } else if (base == null || base == 0) {
        facts.add(new Fact(m.raw("fact.trained_not_using"), m.raw("value.trained_not_using.none"), false));
      } else {
        Double rate = i.dbl(Columns.TRAINED_NOT_USING_RATE);
        facts.add(new Fact(m.raw("fact.trained_not_using"), m.get("value.trained_not_using",
            m.count(i.lng(Columns.TRAINED_NOT_USING)), m.count(base),
            rate == null ? m.raw("value.none") : m.percent(rate, thresholds.trainedNotUsingMaxRate())),
            rate != null && rate > thresholds.trainedNotUsingMaxRate()));
      }
      Double days = i.dbl(Columns.MEDIAN_DAYS_TO_FIRST_USE);
      if (days != null) {
        facts.add(new Fact(m.raw("fact.days_to_first_use"), m.get("value.days", m.decimal(days, 1)), false));
      }
    }

    Double alloc = i.dbl(Columns.PRACTICE_HOURS_PER_WEEK);
    if (data.quality().missing("learning_activities.csv")) {
      // The allocation is the register's; what was practised and learnt cannot be answered, said once.
      facts.add(new Fact(m.raw("fact.practice"), alloc == null || alloc <= 0 ? m.raw("value.practice.none")
          : m.get("value.practice.allocated", m.decimal(alloc, 1)), alloc == null || alloc <= 0));
      facts.add(new Fact(m.raw("fact.practice_and_learning"), cannotAnswer("learning_activities.csv"), false));
      return facts;
    }
    Double used = i.dbl(Columns.PRACTICE_HOURS_PER_PERSON_WEEK);
    if (alloc == null || alloc <= 0) {
      facts.add(new Fact(m.raw("fact.practice"), used == null || used == 0 ? m.raw("value.practice.none")
          : m.get("value.practice.none_used", m.decimal(used, 1)), true));
    } else if (i.suppressed() || used == null) {
      facts.add(new Fact(m.raw("fact.practice"), m.get("value.practice.allocated", m.decimal(alloc, 1))
          + (i.suppressed() ? " " + m.get("value.practice.too_small", (long) minGroupSize) : ""), false));
    } else {
      Double ratio = i.dbl(Columns.PRACTICE_TIME_RATIO);
      facts.add(new Fact(m.raw("fact.practice"), m.get("value.practice", m.decimal(used, 1), m.decimal(alloc, 1),
          ratio == null ? m.raw("value.none") : m.percent(ratio, thresholds.practiceTimeUnusedMinRatio())),
          ratio != null && ratio < thresholds.practiceTimeUnusedMinRatio()));
    }
    Long sessions = i.lng(Columns.LEARNING_SESSIONS_90D);
    facts.add(new Fact(m.raw("fact.learning_sessions"), sessions == null ? m.raw("value.none")
        : m.get("value.learning_sessions", sessions), post && sessions != null && sessions == 0));
    return facts;
  }

  private List<Fact> usageFacts(InitiativeRow i, ReportData data) {
    List<Fact> facts = new ArrayList<>();
    if (i.str(Columns.USAGE_SIGNALS) == null) {
      facts.add(new Fact(m.raw("fact.everyday_use"), m.raw("value.no_usage_signal_long"), true));
    } else if (i.suppressed()) {
      facts.add(new Fact(m.raw("fact.everyday_use"), m.get("value.too_small", (long) minGroupSize), false));
    } else {
      Double sr = i.dbl(Columns.SUSTAINED_RATE);
      facts.add(new Fact(m.raw("fact.everyday_use"), m.get("value.of", m.count(i.lng(Columns.SUSTAINED_USERS)),
          m.count(i.lng(Columns.TARGET_POPULATION)),
          sr == null ? m.raw("value.none") : m.percent(sr, thresholds.lowAdoptionMinSustainedRate())),
          sr != null && sr < thresholds.lowAdoptionMinSustainedRate()));
      Double ar = i.dbl(Columns.ADOPTION_RATE);
      facts.add(new Fact(m.raw("fact.active_28d"), m.get("value.count_share", m.count(i.lng(Columns.ACTIVE_USERS)),
          ar == null ? m.raw("value.none") : m.percent(ar)), false));
      Long cur = i.lng(Columns.CURRENT_WAU);
      Long peak = i.lng(Columns.PILOT_PEAK_WAU);
      Double ret = i.dbl(Columns.POST_PILOT_RETENTION);
      String trend;
      if (peak == null) {
        trend = m.get("value.trend.no_peak", m.count(cur));
      } else if (ret == null) {
        trend = m.get("value.trend", m.count(cur), m.count(peak));
      } else {
        trend = m.get("value.trend.retention", m.count(cur), m.count(peak),
            m.percent(ret, thresholds.adoptionDecayMinRetention()));
      }
      facts.add(new Fact(m.raw("fact.trend"), trend, ret != null && ret < thresholds.adoptionDecayMinRetention()));
      Long outside = i.lng(Columns.OUTSIDE_TARGET_USERS);
      if (outside != null && outside > 0) {
        facts.add(new Fact(m.raw("fact.outside"), m.count(outside), false));
      }
    }

    String kpi = i.str("kpi");
    boolean post = i.isTrue(Columns.POST_PILOT);
    if (kpi == null) {
      facts.add(new Fact(m.raw("fact.effect"), m.raw("value.kpi.none"), post));
    } else if (data.quality().missing("outcomes.csv")) {
      facts.add(new Fact(m.raw("fact.effect"), cannotAnswer("outcomes.csv"), false));
    } else {
      String k = Text.oneLine(kpi);
      String direction = m.raw("higher_is_better".equals(i.str(Columns.KPI_DIRECTION))
          ? "value.kpi.higher_is_better" : "value.kpi.lower_is_better");
      Double base = i.dbl(Columns.KPI_BASELINE_MEDIAN);
      Double cur = i.dbl(Columns.KPI_CURRENT_MEDIAN);
      Double change = i.dbl(Columns.KPI_CHANGE);
      Double share = i.dbl(Columns.KPI_IMPROVED_SHARE);
      String v;
      boolean attention = false;
      if (base == null) {
        v = m.get("value.kpi.no_baseline", k);
        attention = true;
      } else if (cur == null) {
        v = m.get("value.kpi.no_current", k, m.decimal(base, 2));
        attention = true;
      } else {
        v = m.get("value.kpi", k, m.decimal(base, 2), m.decimal(cur, 2),
            change == null ? m.raw("value.none") : m.signedPercent(change), direction);
        if (share != null) {
          v += m.get("value.kpi.improved_share", m.percent(share, thresholds.noEffectMinImprovedShare()),
              i.lng(Columns.KPI_CURRENT_OBSERVATIONS));
          attention = share < thresholds.noEffectMinImprovedShare();
        }
      }
      facts.add(new Fact(m.raw("fact.effect"), v, attention));
    }
    return facts;
  }

  private Table unitTable(List<UnitRow> units) {
    if (units.size() < 2) {
      return null;
    }
    List<UnitRow> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparing(UnitRow::suppressed)
        .thenComparing(u -> u.sustainedRate() == null ? Double.MAX_VALUE : u.sustainedRate())
        .thenComparing(UnitRow::orgUnit));
    List<List<Cell>> rows = new ArrayList<>();
    for (UnitRow u : sorted.subList(0, Math.min(MAX_UNIT_ROWS, sorted.size()))) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(u.orgUnit()));
      row.add(Cell.of(m.count(u.targetPopulation())));
      if (u.suppressed()) {
        String why = m.raw("complementary".equals(u.suppression()) ? "value.unit.complementary" : "value.unit.too_small");
        row.add(Cell.muted(why));
        row.add(Cell.muted(""));
      } else {
        row.add(Cell.of(pct(u.trainingCoverage(), thresholds.lowTrainingCoverageMin())));
        row.add(Cell.of(pct(u.sustainedRate(), thresholds.lowAdoptionMinSustainedRate())));
      }
      rows.add(row);
    }
    if (sorted.size() > MAX_UNIT_ROWS) {
      rows.add(List.of(Cell.muted(m.get("units.more", (long) (sorted.size() - MAX_UNIT_ROWS))), Cell.muted(""),
          Cell.muted(""), Cell.muted("")));
    }
    return new Table(List.of(m.raw("units.col.unit"), m.raw("units.col.people"), m.raw("units.col.trained"),
        m.raw("units.col.everyday_use")), List.of(false, true, true, true), rows);
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
      row.add(i.isTrue(Columns.OWNER_PRESENT) ? Cell.of(ownerLabel(i)) : Cell.muted(m.raw("value.no_owner_short")));
      row.add(Cell.of(m.count(i.lng(Columns.TARGET_POPULATION))));
      if ("stopped".equals(i.verdict())) {
        row.add(Cell.muted(m.raw("value.none")));
        row.add(Cell.muted(m.raw("value.none")));
      } else if (i.suppressed()) {
        row.add(Cell.muted(tooSmall));
        row.add(Cell.muted(tooSmall));
      } else {
        row.add(i.str(Columns.COURSE_IDS) == null ? Cell.muted(m.raw("value.no_training_plan_short"))
            : Cell.of(pct(i.dbl(Columns.TRAINING_COVERAGE), thresholds.lowTrainingCoverageMin())));
        row.add(i.str(Columns.USAGE_SIGNALS) == null ? Cell.muted(m.raw("value.no_usage_signal"))
            : Cell.of(pct(i.dbl(Columns.SUSTAINED_RATE), thresholds.lowAdoptionMinSustainedRate())));
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

  /** A share quoted next to the threshold it is judged by (same side, SPEC section 4); "–" for null. */
  private String pct(Double d, double threshold) {
    return d == null ? m.raw("value.none") : m.percent(d, threshold);
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

  private String statusLabel(String status) {
    String key = "status." + Objects.requireNonNullElse(status, "pilot");
    return m.has(key) ? m.raw(key) : status;
  }

  private String pilotPeriod(InitiativeRow i) {
    LocalDate start = i.date(Columns.PILOT_START);
    LocalDate end = i.date(Columns.PILOT_END);
    return end == null ? m.get("value.pilot.open", m.date(start)) : m.get("value.pilot", m.date(start), m.date(end));
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
