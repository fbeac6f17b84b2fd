package se.vardag.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import se.vardag.ExitCode;
import se.vardag.VardagException;
import se.vardag.Version;

/** Entry point of {@code jobs/vardag} and of {@code spark-submit --class se.vardag.cli.Main}. */
@Command(
    name = "vardag",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Which pilots became everyday practice, and which lack follow-through.",
    subcommands = {
        NightlyCommand.class,
        BackfillCommand.class,
        ReportCommand.class,
        ValidateCommand.class,
        ConfigCommand.class,
        GenerateCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:internal error (see the log)",
        "2:bad arguments or configuration",
        "3:input contract broken (required file or column missing); nothing published",
        "4:data-quality gate failed (too many rejected rows in a file); nothing published",
        "5:delivery failed; tables published, mail pending for the next run",
        "6:another run holds the output folder's lock",
        "7:usage logs not fresh for D; nothing published",
        "8:the output folder's file system is full; nothing new published",
    })
public final class Main implements Runnable {
  /** {@code --version}: "vardag <version>". */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"vardag " + Version.current()};
    }
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: nightly, backfill, report, validate, generate or config");
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command and returns its exit code; never calls System.exit (tests call this). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("vardag: " + ex.getMessage());
      c.getErr().println("Run 'jobs/vardag " + (c.getCommandName().equals("vardag") ? "" : c.getCommandName() + " ")
          + "--help' for the options.");
      c.getErr().flush();
      return ExitCode.BAD_ARGUMENTS_OR_CONFIG.code();
    });
    cli.setExecutionExceptionHandler((ex, c, parseResult) -> {
      if (ex instanceof VardagException) {
        VardagException ve = (VardagException) ex;
        c.getErr().println("vardag: " + ve.getMessage());
        c.getErr().flush();
        return ve.exitCode().code();
      }
      c.getErr().println("vardag: internal error: " + ex);
      ex.printStackTrace(c.getErr());
      c.getErr().flush();
      return ExitCode.INTERNAL_ERROR.code();
    });
    return cli;
  }
}
