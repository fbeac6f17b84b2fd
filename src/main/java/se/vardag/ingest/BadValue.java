package se.vardag.ingest;

/** A cell that does not hold what its column's type requires. Carries "expected ..., got ..." text. */
public final class BadValue extends Exception {
  private static final long serialVersionUID = 1L;

  public BadValue(String expectation, String value) {
    super(expectation + ", got " + Values.quoted(value), null, false, false);
  }

  public BadValue(String message) {
    super(message, null, false, false);
  }
}
