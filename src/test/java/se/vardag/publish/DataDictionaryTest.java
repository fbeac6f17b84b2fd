package se.vardag.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import se.vardag.model.Tables;

/** docs/data-dictionary.md and the code's schemas name the same columns in the same order. */
class DataDictionaryTest {
  private static final Pattern NAME = Pattern.compile("`([a-z0-9_]+)`");

  private static List<String> documented(String doc, String heading) {
    int at = doc.indexOf("\n## " + heading + "\n");
    assertThat(at).as("section ## %s", heading).isPositive();
    int end = doc.indexOf("\n## ", at + 4);
    String section = doc.substring(at, end < 0 ? doc.length() : end);
    List<String> names = new ArrayList<>();
    for (String line : section.split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String first = line.substring(1, line.indexOf('|', 1));
      Matcher m = NAME.matcher(first);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  @Test
  void everyTableIsDocumentedColumnByColumn() throws Exception {
    String doc = Files.readString(Path.of(System.getProperty("vardag.project.dir", "."), "docs", "data-dictionary.md"));
    for (String table : Tables.ANALYST_TABLES) {
      assertThat(documented(doc, table)).as(table)
          .containsExactly(java.util.Arrays.stream(Tables.schemaOf(table).fields()).map(StructField::name)
              .toArray(String[]::new));
    }
    assertThat(documented(doc, "quarantine/rejected_rows"))
        .containsExactly(java.util.Arrays.stream(Tables.REJECTED_ROWS_SCHEMA.fields()).map(StructField::name)
            .toArray(String[]::new));
  }
}
