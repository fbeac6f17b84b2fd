package se.vardag.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the sample report (no Spark) into a folder, for looking at it and for the README screenshot.
 * Arguments: folder, locale (sv/en), and {@code rev2} for {@link ReportFixtures#sampleRevision2()}.
 */
public final class SampleReportMain {
  public static void main(String[] args) {
    String locale = args.length > 1 ? args[1] : "sv";
    Path out = Path.of(args.length > 0 ? args[0] : "target/report-sample");
    RenderedReport r = new ReportRenderer(ReportFixtures.config(locale,
        Map.of("VARDAG_REPORT_ORGANISATION", "Exempelkommunen"))).render(args.length > 2 && args[2].equals("rev2")
            ? ReportFixtures.sampleRevision2() : ReportFixtures.sample());
    r.writeTo(out);
    System.out.println(r.subject());
    System.out.println(out.toAbsolutePath().resolve(RenderedReport.HTML_FILE));
  }
}
