package se.vardag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.vardag.ExitCode;
import se.vardag.VardagException;
import se.vardag.generate.GenerationResult;
import se.vardag.generate.Generator;
import se.vardag.generate.GeneratorOptions;

/** Writes a synthetic input folder: the sample organisation and its initiatives' stories. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic input folder (SPEC section 2) for a fictional Swedish agency whose "
        + "initiatives tell the stories of data-samples/README.md. The same options give the same bytes.")
public final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder to write into; it must not hold generated files already.")
  Path out;

  @Option(names = "--employees", paramLabel = "N", description = "Employees in the roster (default: ${DEFAULT-VALUE}).")
  int employees = GeneratorOptions.DEFAULT_EMPLOYEES;

  @Option(names = "--initiatives", paramLabel = "N",
      description = "Initiatives in the register (default: ${DEFAULT-VALUE}, one of each story).")
  int initiatives = GeneratorOptions.DEFAULT_INITIATIVES;

  @Option(names = "--days", paramLabel = "N", description = "Days of usage logs (default: ${DEFAULT-VALUE}).")
  int days = GeneratorOptions.DEFAULT_DAYS;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = GeneratorOptions.DEFAULT_SEED;

  @Option(names = "--end", paramLabel = "YYYY-MM-DD",
      description = "Last day of the usage logs (default: ${DEFAULT-VALUE}).")
  String end = GeneratorOptions.DEFAULT_END.toString();

  @Option(names = "--with-bad-rows",
      description = "Add a handful of contract-breaking rows, as in data-samples.")
  boolean withBadRows;

  @Override
  public Integer call() {
    GeneratorOptions options = new GeneratorOptions(employees, initiatives, days, seed, endDate(),
        GeneratorOptions.DEFAULT_ZONE, withBadRows);
    long started = System.nanoTime();
    GenerationResult result;
    try {
      result = new Generator(options).generate(out);
    } catch (IOException | UncheckedIOException e) {
      throw new VardagException(ExitCode.INTERNAL_ERROR, "Cannot write the generated files to " + out + ": " + e, e);
    }
    PrintWriter w = spec.commandLine().getOut();
    for (GenerationResult.FileRows f : result.files()) {
      w.printf(Locale.ROOT, "%-26s %,12d rows%s%n", f.file(), f.rows(),
          f.fileCount() == 1 ? "" : String.format(Locale.ROOT, " in %d files", f.fileCount()));
    }
    for (GenerationResult.BadRow b : result.badRows()) {
      w.printf(Locale.ROOT, "bad row: %s line %d: %s%n", b.file(), b.line(), b.what());
    }
    w.printf(Locale.ROOT, "Wrote %s in %.1f s (usage %s to %s).%n", out, (System.nanoTime() - started) / 1e9,
        options.startDate(), options.endDate());
    w.flush();
    return ExitCode.OK.code();
  }

  private LocalDate endDate() {
    try {
      return LocalDate.parse(end);
    } catch (DateTimeParseException e) {
      throw new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG,
          "Cannot use end date " + end + ": pass --end as YYYY-MM-DD, e.g. 2026-11-27.");
    }
  }
}
