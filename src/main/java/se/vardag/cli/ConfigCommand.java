package se.vardag.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.vardag.ExitCode;
import se.vardag.config.ConfigErrors;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;

/** Prints the effective configuration (or one key of it). Secrets are never part of it. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Print the effective configuration (defaults, --config file, VARDAG_* variables), "
        + "or the value of one key. Passwords and keys are never printed.")
public final class ConfigCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "HOCON configuration file.")
  Path config;

  @Parameters(arity = "0..1", paramLabel = "KEY", description = "Print only this key's value.")
  String key;

  @Override
  public Integer call() {
    VardagConfig cfg = ConfigLoader.load(Optional.ofNullable(config), System.getenv());
    Map<String, Object> effective = cfg.effective();
    if (key != null) {
      if (!effective.containsKey(key)) {
        throw ConfigErrors.unknownKey("the command line", key);
      }
      spec.commandLine().getOut().println(effective.get(key));
    } else {
      effective.forEach((k, v) -> spec.commandLine().getOut().println(k + " = " + v));
    }
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
