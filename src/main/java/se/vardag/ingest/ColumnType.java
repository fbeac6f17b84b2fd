package se.vardag.ingest;

/** The kinds of cell the input contract knows (SPEC section 2). */
public enum ColumnType {
  /** Text, trimmed; empty means absent. */
  STRING,
  /** One of a fixed set of words, case-insensitive; stored lower-case. */
  ENUM,
  /** {@code YYYY-MM-DD}; stored as an epoch day. */
  DATE,
  /** ISO-8601 timestamp; stored as the epoch day of its date in the configured time zone. */
  TIMESTAMP,
  /** Decimal number with '.'; stored as a double. */
  DECIMAL,
  /** Whole number; stored as an int. */
  INT,
  /** true/false/yes/no/ja/nej/1/0 in any case (empty: unknown, null); stored as a boolean. */
  BOOLEAN,
  /** {@code ;}-separated list; stored as its elements joined by {@code ;} after trimming. */
  LIST,
  /** A list of {@code source:action} usage signal patterns; stored lower-case, joined by {@code ;}. */
  SIGNAL_LIST
}
