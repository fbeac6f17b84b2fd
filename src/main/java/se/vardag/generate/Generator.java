package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import se.vardag.generate.GenerationResult.BadRow;
import se.vardag.generate.GenerationResult.FileRows;

/**
 * Writes a complete input folder (SPEC section 2) for a fictional organisation whose initiatives
 * tell the stories in {@link Stories}. The output is a pure function of the options.
 */
public final class Generator {
  /** The files the generator writes, in the order it writes them; usage/ comes last. */
  public static final List<String> FILES = List.of("employees.csv", "goals.csv", "initiatives.csv",
      "trainings.csv", "learning_activities.csv", "follow_ups.csv", "outcomes.csv");
  public static final String USAGE_DIR = "usage";

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private final GeneratorOptions options;

  public Generator(GeneratorOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  /**
   * Writes the input folder. The folder may exist and hold other files (a README), but none of
   * the files this method writes: it never overwrites or deletes.
   */
  public GenerationResult generate(Path out) throws IOException {
    requireNonNull(out, "out is null");
    checkOutput(out);
    World world = World.build(options);
    InputFiles files = new InputFiles(options, world.org(), world.workforce(), world.initiatives(), world.adoption());
    List<FileRows> summary = new ArrayList<>();
    List<BadRow> bad = new ArrayList<>();
    Files.createDirectories(out.resolve(USAGE_DIR));

    CsvTable employees = files.employees();
    CsvTable trainings = files.trainings();
    CsvTable learning = files.learningActivities();
    CsvTable outcomes = files.outcomes();
    if (options.withBadRows()) {
      duplicateEmployeeId(employees, world.workforce(), bad);
      impossibleDate(trainings, options.endDate().getYear(), bad);
      decimalComma(learning, bad);
      unquotedDecimalComma(outcomes, bad);
    }
    for (CsvTable t : List.of(employees, files.goals(), files.initiatives(), trainings, learning, files.followUps(),
        outcomes)) {
      write(out.resolve(t.fileName()), t);
      summary.add(new FileRows(t.fileName(), 1, t.rows().size()));
    }
    summary.add(writeUsage(out.resolve(USAGE_DIR), world, bad));
    bad.sort((a, b) -> a.file().equals(b.file()) ? Long.compare(a.line(), b.line()) : a.file().compareTo(b.file()));
    return new GenerationResult(summary, bad);
  }

  private static void checkOutput(Path out) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw GenerateErrors.outputIsFile(out);
    }
    for (String f : FILES) {
      if (Files.exists(out.resolve(f))) {
        throw GenerateErrors.outputHolds(out, f);
      }
    }
    if (Files.exists(out.resolve(USAGE_DIR))) {
      throw GenerateErrors.outputHolds(out, USAGE_DIR + "/");
    }
  }

  private static void write(Path file, CsvTable table) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, FORMAT)) {
      printer.printRecord(table.header());
      for (List<String> row : table.rows()) {
        printer.printRecord(row);
      }
    }
  }

  private FileRows writeUsage(Path dir, World world, List<BadRow> bad) throws IOException {
    UsageWriter writer = new UsageWriter(options, world.workforce(), world.adoption(), world.catalog());
    LocalDate start = options.startDate();
    LocalDate broken = options.withBadRows()
        ? SwedishCalendar.onOrAfterWorkingDay(start.plusDays(options.days() / 2)) : null;
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "vardag-generate");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<UsageWriter.Result>> results = new ArrayList<>();
      List<LocalDate> days = new ArrayList<>();
      for (LocalDate d = start; !d.isAfter(options.endDate()); d = d.plusDays(1)) {
        LocalDate day = d;
        days.add(day);
        results.add(pool.submit(() -> writer.write(day, dir.resolve(UsageWriter.fileName(day)), day.equals(broken))));
      }
      long rows = 0;
      for (int i = 0; i < results.size(); i++) {
        UsageWriter.Result r = results.get(i).get();
        rows += r.rows();
        if (r.badRowLine() > 0) {
          bad.add(new BadRow(USAGE_DIR + "/" + UsageWriter.fileName(days.get(i)), r.badRowLine(),
              "action is empty (a required value is missing)"));
        }
      }
      return new FileRows(USAGE_DIR + "/", days.size(), rows);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Cannot finish the usage files: interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new UncheckedIOException(new IOException("Cannot write a usage file: " + cause, cause));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A re-hire exported twice: a former employee's row (old unit, old dates) carries a current
   * employee's id, name and e-mail.
   */
  private static void duplicateEmployeeId(CsvTable employees, Workforce workforce, List<BadRow> bad) {
    // The most recent hire in a unit no initiative targets, and someone who left before that.
    Person current = null;
    Person former = null;
    for (Person p : workforce.people()) {
      if (p.unit().site() == 0 && p.unit().localPath().equals("Kommunikation") && p.slot() >= 2 && p.leftOn() == null
          && (current == null || p.hiredOn().isAfter(current.hiredOn()))) {
        current = p;
      }
    }
    for (Person p : workforce.people()) {
      if (current != null && p.slot() < 0 && p.leftOn().isBefore(current.hiredOn())
          && (former == null || p.leftOn().isAfter(former.leftOn()))) {
        former = p;
      }
    }
    if (current == null || former == null) {
      return;
    }
    List<String> old = employees.rows().get(former.index());
    old.set(employees.column("employee_id"), current.employeeId());
    old.set(employees.column("display_name"), current.displayName());
    old.set(employees.column("email"), current.email());
    String what = "employee_id " + current.employeeId() + " appears twice (line "
        + employees.lineOf(Math.min(current.index(), former.index())) + " and line "
        + employees.lineOf(Math.max(current.index(), former.index())) + ", a re-hire exported twice): "
        + "both copies are rejected";
    bad.add(new BadRow("employees.csv", employees.lineOf(current.index()), what));
    bad.add(new BadRow("employees.csv", employees.lineOf(former.index()), what));
  }

  /** February 30th of the end date's year in an everyday course completion. */
  private static void impossibleDate(CsvTable trainings, int year, List<BadRow> bad) {
    int date = trainings.column("completed_on");
    int course = trainings.column("course_id");
    List<List<String>> rows = trainings.rows();
    for (int i = rows.size() / 3; i < rows.size(); i++) {
      if (rows.get(i).get(course).equals("INFOSEC-" + year)) {
        String impossible = year + "-02-30";
        rows.get(i).set(date, impossible);
        bad.add(new BadRow("trainings.csv", trainings.lineOf(i), "completed_on " + impossible + " is not a date"));
        return;
      }
    }
  }

  /** A decimal comma, quoted as a spreadsheet would export it. */
  private static void decimalComma(CsvTable learning, List<BadRow> bad) {
    int hours = learning.column("hours");
    List<List<String>> rows = learning.rows();
    for (int i = rows.size() / 2; i < rows.size(); i++) {
      if (rows.get(i).get(hours).equals("1.5")) {
        rows.get(i).set(hours, "1,5");
        bad.add(new BadRow("learning_activities.csv", learning.lineOf(i),
            "hours \"1,5\" has a decimal comma (not a number)"));
        return;
      }
    }
  }

  /** A decimal comma without quotes: the value spills into an extra field. */
  private static void unquotedDecimalComma(CsvTable outcomes, List<BadRow> bad) {
    int value = outcomes.column("value");
    List<List<String>> rows = outcomes.rows();
    for (int i = rows.size() / 2; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      int dot = row.get(value).indexOf('.');
      if (dot > 0) {
        List<String> broken = new ArrayList<>(row.subList(0, value));
        broken.add(row.get(value).substring(0, dot));
        broken.add(row.get(value).substring(dot + 1));
        broken.addAll(row.subList(value + 1, row.size()));
        rows.set(i, broken);
        bad.add(new BadRow("outcomes.csv", outcomes.lineOf(i), "value " + row.get(value).replace('.', ',')
            + " written with a decimal comma and no quotes: " + broken.size() + " fields instead of "
            + row.size()));
        return;
      }
    }
  }
}
