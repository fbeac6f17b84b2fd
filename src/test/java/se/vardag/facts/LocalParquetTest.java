package se.vardag.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class LocalParquetTest {
  @Test
  void theQuarantinesParquetSchemaIsDerivedFromTheTableDefinition() {
    assertThat(LocalParquet.REJECTED).isEqualTo(MessageTypeParser.parseMessageType(
        "message rejected_rows {"
            + " required binary source_file (STRING);"
            + " optional int64 line;"
            + " optional binary column (STRING);"
            + " required binary reason (STRING);"
            + " required binary record (STRING);"
            + "}"));
  }

  @Test
  void aColumnOfAnotherTypeIsRefused() {
    assertThatThrownBy(() -> LocalParquet.messageType("t", new StructType().add("d", DataTypes.DateType, true)))
        .hasMessage("Cannot write column d of type DateType with LocalParquet: only strings and longs");
  }
}
