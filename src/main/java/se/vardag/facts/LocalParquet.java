package se.vardag.facts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes one small Parquet file from inside a Spark task. The usage ingest uses it for each usage
 * file's rejected rows, which become part of the quarantine table, without a Spark write per file.
 * Spark, DuckDB and pandas read the result like any other Parquet file.
 */
final class LocalParquet {
  static final MessageType REJECTED = MessageTypeParser.parseMessageType(
      "message rejected_rows {"
          + " required binary source_file (STRING);"
          + " optional int64 line;"
          + " optional binary column (STRING);"
          + " required binary reason (STRING);"
          + " required binary record (STRING);"
          + "}");

  private LocalParquet() {}

  interface RowWriter<T> {
    void write(T row, Group group);
  }

  static <T> void write(Path file, MessageType schema, List<T> rows, RowWriter<T> writer) throws IOException {
    Configuration conf = new Configuration(false);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> out = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(conf)
        .withType(schema)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build()) {
      for (T row : rows) {
        Group g = groups.newGroup();
        writer.write(row, g);
        out.write(g);
      }
    }
  }
}
