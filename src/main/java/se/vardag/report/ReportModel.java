package se.vardag.report;

import java.util.List;

/**
 * The report as words and numbers, already in the report's language but not yet escaped or laid out.
 * The HTML body and the plain-text alternative are both rendered from this one model, so they say the
 * same. Every String here may hold input text: renderers must escape it.
 */
record ReportModel(
    String language,
    String title,
    String subject,
    String headlineSentence,
    List<Stat> verdictCounts,
    String headlineHeading,
    String headlineIntro,
    List<InitiativeSection> headline,
    ChartRef overview,
    String overviewText,
    String othersHeading,
    String othersIntro,
    Table others,
    String footerHeading,
    List<String> footerLines,
    String attachmentNote,
    String registerHeading,
    List<String> registerLines,
    String changesHeading,
    List<String> changesLines,
    ChartRef ingredients,
    String ingredientsIntro,
    List<String> ingredientsLines,
    Table headlineTable) {

  /**
   * The register rows that could not be read ({@code registerHeading} null when none), shown at
   * the top; then what changed since the previous report ({@code changesHeading} null when there
   * is no earlier report to compare with; one line when nothing changed). {@code ingredients} is
   * the ingredients chart (null when no initiative past its pilot has measured use), its figures as
   * text in {@code ingredientsLines}. {@code headlineTable}: the headline initiatives as rows of
   * the {@code others} table's columns, in the headline's order (the digest's short form; null when
   * there are none).
   */
  ReportModel {
    registerLines = List.copyOf(registerLines);
    changesLines = List.copyOf(changesLines);
    ingredientsLines = List.copyOf(ingredientsLines);
  }

  /** A verdict and how many initiatives have it. */
  record Stat(String verdict, String label, long count) {}

  /** {@code trajectory}: the verdict codes of initiative_history's weeks, oldest first (empty without it). */
  record InitiativeSection(String name, String verdict, String verdictLabel, String why, List<Fact> meta,
      String suppressedNote, List<Question> questions, List<String> trajectory) {}

  /** One of the spec's three questions, answered with facts and the raised flags of its pillars. */
  record Question(String title, List<Fact> facts, List<PillarFlags> pillars, ChartRef chart, String chartText,
      String tableHeading, Table table) {}

  /** A labelled figure; {@code attention} marks a value that is a problem. */
  record Fact(String label, String value, boolean attention) {}

  record PillarFlags(String pillar, String label, List<FlagLine> flags) {}

  /** A raised flag: what is wrong ({@code text}) and one concrete next step, who does what ({@code nextStep}). */
  record FlagLine(String severity, String severityLabel, String title, String text, String nextStep) {}

  /** A table; {@code numeric} says which columns are right-aligned. */
  record Table(List<String> header, List<Boolean> numeric, List<List<Cell>> rows) {}

  /** A cell; {@code verdict} set when the cell shows a verdict (coloured), {@code muted} for "too small". */
  record Cell(String text, String verdict, boolean muted) {
    static Cell of(String text) {
      return new Cell(text, null, false);
    }

    static Cell muted(String text) {
      return new Cell(text, null, true);
    }
  }

  /**
   * A chart: file name under charts/, Content-ID for mail, its alternative text, its PNG, the PDF's copy
   * of it at display size ({@code print}) and the display size.
   */
  record ChartRef(String fileName, String contentId, String alt, byte[] png, byte[] print, int width, int height) {}
}
