package se.vardag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.run.Pipeline;
import se.vardag.run.ReportStages;

/** {@code jobs/vardag validate}: check the input contract, print every problem, publish nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the input folder against the contract and print every problem as file:line: column: "
        + "what was expected. Writes nothing. Exit 0 when a run would publish, 3 when the contract is broken, "
        + "4 when too many rows would be rejected.")
public final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--input", paramLabel = "DIR", defaultValue = "data-samples",
      description = "Input folder (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(names = "--config", paramLabel = "FILE", description = "HOCON configuration file.")
  Path config;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
  String master;

  @Override
  public Integer call() {
    VardagConfig cfg = ConfigLoader.load(Optional.ofNullable(config), System.getenv());
    Pipeline pipeline = new Pipeline(cfg, new Pipeline.Options(input, Path.of("out"), master, false),
        Clock.systemUTC(), RunOptions.home(), ReportStages.none());
    PrintWriter out = spec.commandLine().getOut();
    return pipeline.validate(out).code();
  }
}
