package se.vardag.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.vardag.ExitCode;
import se.vardag.cli.Main;

/** {@code vardag generate} through the real command line. */
class GenerateCommandTest {

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void writesTheFolderAndSummarisesEveryFile() throws IOException {
    Path dir = GeneratedFolders.freshDir("cli").resolve("out");
    Run r = run("generate", "--out", dir.toString(), "--days", "20", "--initiatives", "4", "--with-bad-rows");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK.code());
    for (String f : Generator.FILES) {
      assertThat(dir.resolve(f)).exists();
      assertThat(r.out()).containsPattern("(?m)^" + f.replace(".", "\\.") + " +[0-9,]+ rows$");
    }
    assertThat(r.out()).containsPattern("(?m)^usage/ +[0-9,]+ rows in 20 files$");
    assertThat(r.out()).contains("bad row: employees.csv line");
    try (var files = Files.list(dir.resolve("usage"))) {
      assertThat(files.count()).isEqualTo(20);
    }
  }

  @Test
  void refusesToOverwriteGeneratedFiles() throws IOException {
    Path dir = GeneratedFolders.freshDir("cli-twice");
    Files.writeString(dir.resolve("README.md"), "kept");
    assertThat(run("generate", "--out", dir.toString(), "--days", "3").exitCode()).isEqualTo(0);
    Run again = run("generate", "--out", dir.toString(), "--days", "3");

    assertThat(again.exitCode()).isEqualTo(ExitCode.BAD_ARGUMENTS_OR_CONFIG.code());
    assertThat(again.err()).contains("Cannot generate into").contains("employees.csv");
    assertThat(dir.resolve("README.md")).hasContent("kept");
  }

  @Test
  void badArgumentsExitWithCodeTwoAndSayWhy() throws IOException {
    String out = GeneratedFolders.freshDir("cli-bad").toString();
    assertBad(run("generate", "--out", out, "--employees", "10"), "Cannot generate 10 employees");
    assertBad(run("generate", "--out", out, "--days", "0"), "Cannot generate 0 days");
    assertBad(run("generate", "--out", out, "--initiatives", "-1"), "Cannot generate -1 initiatives");
    assertBad(run("generate", "--out", out, "--initiatives", "100"), "Cannot generate 100 initiatives for 330");
    assertBad(run("generate", "--out", out, "--end", "2026-02-30"), "Cannot use end date 2026-02-30");
    assertBad(run("generate", "--out", out, "--employees", "many"), "--employees");
    assertBad(run("generate"), "--out");
  }

  private static void assertBad(Run r, String message) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.BAD_ARGUMENTS_OR_CONFIG.code());
    assertThat(r.err()).contains(message);
  }
}
