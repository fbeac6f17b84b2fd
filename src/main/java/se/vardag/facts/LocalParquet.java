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
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import se.vardag.model.Tables;

/**
 * Writes one small Parquet file from inside a Spark task. The usage ingest uses it for each usage
 * file's rejected rows, which become part of the quarantine table, without a Spark write per file.
 * Spark, DuckDB and pandas read the result like any other Parquet file.
 */
final class LocalParquet {
  /** The quarantine's rows, as {@link Tables#REJECTED_ROWS_SCHEMA} defines them. */
  static final MessageType REJECTED = messageType(Tables.REJECTED_ROWS, Tables.REJECTED_ROWS_SCHEMA);

  private LocalParquet() {}

  /**
   * The Parquet schema of a flat Spark schema of strings and longs, as Spark writes it (a string is
   * binary annotated STRING, a long int64, a non-nullable column required).
   */
  static MessageType messageType(String name, StructType schema) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (StructField f : schema.fields()) {
      Type.Repetition repetition = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
      if (f.dataType().equals(DataTypes.StringType)) {
        message.primitive(PrimitiveType.PrimitiveTypeName.BINARY, repetition)
            .as(LogicalTypeAnnotation.stringType()).named(f.name());
      } else if (f.dataType().equals(DataTypes.LongType)) {
        message.primitive(PrimitiveType.PrimitiveTypeName.INT64, repetition).named(f.name());
      } else {
        throw new IllegalArgumentException("Cannot write column " + f.name() + " of type " + f.dataType()
            + " with LocalParquet: only strings and longs");
      }
    }
    return message.named(name);
  }

  interface RowWriter<T> {
    void write(T row, Group group);
  }

  static <T> void write(Path file, MessageType schema, List<T> rows, RowWriter<T> writer) throws IOException {
    write(se.vardag.Location.of(file), schema, rows, writer);
  }

  /** As {@link #write(Path, MessageType, List, RowWriter)}; on a Hadoop file system through its {@code FileSystem}. */
  static <T> void write(se.vardag.Location file, MessageType schema, List<T> rows, RowWriter<T> writer)
      throws IOException {
    Configuration conf = file.isLocal() ? new Configuration(false) : file.fs().configuration();
    org.apache.parquet.io.OutputFile target = file.isLocal() ? new LocalOutputFile(file.path()) : new UploadFile(file);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> out = ExampleParquetWriter.builder(target)
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

  /**
   * A Parquet file written through {@link se.vardag.Location#create()} (the JVM's one client per
   * bucket), not through a {@code FileSystem} Parquet would open, and never close, for each file.
   */
  private record UploadFile(se.vardag.Location file) implements org.apache.parquet.io.OutputFile {
    @Override
    public org.apache.parquet.io.PositionOutputStream create(long blockSizeHint) throws IOException {
      return createOrOverwrite(blockSizeHint);
    }

    @Override
    public org.apache.parquet.io.PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      java.io.OutputStream out = file.create();
      return new org.apache.parquet.io.PositionOutputStream() {
        private long pos;

        @Override
        public long getPos() {
          return pos;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          pos += len;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return file.toString();
    }
  }
}
