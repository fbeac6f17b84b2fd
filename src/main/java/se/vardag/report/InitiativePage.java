package se.vardag.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import se.vardag.Text;
import se.vardag.config.FlagThresholds;
import se.vardag.model.Columns;
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
import se.vardag.report.ReportModel.Table;

/** One headline initiative's page: why it is there, its facts and flags under the three questions, its weeks and units. */
final class InitiativePage {
  static final int MAX_UNIT_ROWS = 8;

  private final Messages m;
  private final EvidenceText evidence;
  private final Labels labels;
  private final QuestionFacts facts;
  private final FlagThresholds thresholds;
  private final int minGroupSize;

  InitiativePage(Messages m, EvidenceText evidence, Labels labels, FlagThresholds thresholds, int minGroupSize) {
    this.m = m;
    this.evidence = evidence;
    this.labels = labels;
    this.facts = new QuestionFacts(m, labels, thresholds, minGroupSize);
    this.thresholds = thresholds;
    this.minGroupSize = minGroupSize;
  }

  InitiativeSection section(InitiativeRow i, List<FlagRow> flags, List<WeekRow> weeks, List<UnitRow> units,
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
    meta.add(new Fact(m.raw("fact.owner"), i.isTrue(Columns.OWNER_PRESENT) ? labels.ownerLabel(i) : m.raw("value.no_owner"),
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
    List<String> known = ReportBuilder.QUESTION_PILLARS.stream().flatMap(List::stream).collect(Collectors.toList());
    List<String> unknown = byPillar.keySet().stream().filter(p -> !known.contains(p)).sorted()
        .collect(Collectors.toList());

    List<Question> questions = new ArrayList<>();
    questions.add(new Question(m.raw("question.1"), facts.ownershipFacts(i, data),
        pillars(ReportBuilder.QUESTION_PILLARS.get(0), byPillar, i), null, null, null, null));
    questions.add(new Question(m.raw("question.2"), facts.competenceFacts(i, data),
        pillars(ReportBuilder.QUESTION_PILLARS.get(1), byPillar, i), null, null, null, null));

    List<String> q3 = new ArrayList<>(ReportBuilder.QUESTION_PILLARS.get(2));
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
      chart = new ChartRef(name + ".png", ReportBuilder.contentId(name, data.asOf()),
          m.get("weekly.alt", Text.oneLine(i.name())), png.bytes(), png.print(), png.width(), png.height());
      String list = values.stream().map(m::count).collect(Collectors.joining(", "));
      chartText = peak == null ? m.get("weekly.text", list) : m.get("weekly.text.peak", list, m.count(peak));
    }
    Table unitTable = unitTable(units);
    questions.add(new Question(m.raw("question.3"), facts.usageFacts(i, data), pillars(q3, byPillar, i), chart, chartText,
        unitTable == null ? null : m.raw("units.heading"), unitTable));

    List<String> strip = weeksOfVerdicts.stream()
        .sorted(Comparator.comparingInt(ReportData.HistoryRow::weekIndex).reversed())
        .map(ReportData.HistoryRow::verdict).toList();
    return new InitiativeSection(i.name(), verdict, m.raw("verdict." + verdict), why, meta, suppressedNote, questions,
        strip);
  }

  List<PillarFlags> pillars(List<String> pillars, Map<String, List<FlagRow>> byPillar, InitiativeRow i) {
    List<PillarFlags> out = new ArrayList<>();
    for (String p : pillars) {
      List<FlagRow> fs = byPillar.get(p);
      if (fs == null || fs.isEmpty()) {
        continue;
      }
      List<FlagLine> lines = fs.stream()
          .sorted(Comparator.comparing((FlagRow f) -> !f.high()).thenComparing(f -> flagRank(f.code())))
          .map(f -> new FlagLine(f.severity(), severityLabel(f.severity()), evidence.title(f.code()),
              evidence.text(f, labels.ownerLabelFor(i, f)), labels.nextStep(f.code())))
          .collect(Collectors.toList());
      String key = "pillar." + p;
      out.add(new PillarFlags(p, m.has(key) ? m.raw(key) : p, lines));
    }
    return out;
  }

  String severityLabel(String severity) {
    String key = "severity." + severity;
    return m.has(key) ? m.raw(key) : severity;
  }

  static int flagRank(String code) {
    int i = ReportBuilder.FLAG_ORDER.indexOf(code);
    return i < 0 ? ReportBuilder.FLAG_ORDER.size() : i;
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

  Table unitTable(List<UnitRow> units) {
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
        row.add(Cell.of(labels.pct(u.trainingCoverage(), thresholds.lowTrainingCoverageMin())));
        row.add(Cell.of(labels.pct(u.sustainedRate(), thresholds.lowAdoptionMinSustainedRate())));
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

  String statusLabel(String status) {
    String key = "status." + Objects.requireNonNullElse(status, "pilot");
    return m.has(key) ? m.raw(key) : status;
  }

  String pilotPeriod(InitiativeRow i) {
    LocalDate start = i.date(Columns.PILOT_START);
    LocalDate end = i.date(Columns.PILOT_END);
    return end == null ? m.get("value.pilot.open", m.date(start)) : m.get("value.pilot", m.date(start), m.date(end));
  }
}
