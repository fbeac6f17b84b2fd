package se.vardag.generate;

import java.nio.file.Path;
import se.vardag.ExitCode;
import se.vardag.VardagException;

/** Every error of the {@code generate} command, each naming the value and the remedy. */
public final class GenerateErrors {
  private GenerateErrors() {}

  private static VardagException badArgument(String message) {
    return new VardagException(ExitCode.BAD_ARGUMENTS_OR_CONFIG, message);
  }

  public static VardagException tooFewEmployees(int employees, int minimum) {
    return badArgument("Cannot generate " + employees + " employees: the sample organisation needs at least "
        + minimum + " to staff its units. Pass --employees " + minimum + " or more.");
  }

  public static VardagException tooManyEmployees(int employees, int maximum) {
    return badArgument("Cannot generate " + employees + " employees: at most " + maximum + " are supported.");
  }

  public static VardagException negativeInitiatives(int initiatives) {
    return badArgument("Cannot generate " + initiatives + " initiatives: pass --initiatives 0 or more.");
  }

  public static VardagException tooManyInitiatives(int initiatives, int employees, int maximum) {
    return badArgument("Cannot generate " + initiatives + " initiatives for " + employees + " employees: "
        + "each site of about " + Organisation.SITE_SIZE + " employees carries one set of "
        + Stories.count() + " stories, so at most " + maximum + " fit. Raise --employees or lower --initiatives.");
  }

  public static VardagException daysOutOfRange(int days, int maximum) {
    return badArgument("Cannot generate " + days + " days of usage logs: pass --days between 1 and "
        + maximum + ".");
  }

  public static VardagException endOutOfRange(Object end) {
    return badArgument("Cannot use end date " + end + ": pass --end YYYY-MM-DD between 2000-01-01 and 2099-12-31.");
  }

  public static VardagException outputHolds(Path out, String file) {
    return badArgument("Cannot generate into " + out + ": it already holds " + file
        + ". Remove the generated files (*.csv and usage/) or pass a new folder with --out; "
        + "the generator never overwrites or deletes files.");
  }

  public static VardagException outputIsFile(Path out) {
    return badArgument("Cannot generate into " + out + ": it is a file. Pass a folder with --out.");
  }
}
