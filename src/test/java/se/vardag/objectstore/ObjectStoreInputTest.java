package se.vardag.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.ExitCode;
import se.vardag.Location;
import se.vardag.SparkTestSupport;
import se.vardag.VardagException;
import se.vardag.cli.TestStages;
import se.vardag.cluster.PublishedTablesDiff;
import se.vardag.config.ConfigLoader;
import se.vardag.config.VardagConfig;
import se.vardag.run.Pipeline;

/**
 * {@code --input s3a://…} (issue 12): data-samples in a bucket of a real S3 API server (S3Mock), read
 * through Hadoop's S3A connector, publish exactly the tables (quarantine included, with its file
 * names and line numbers) that the same files publish from a local folder; the contract's errors
 * name the URI.
 */
class ObjectStoreInputTest {
  private static final LocalDate D = LocalDate.parse("2026-11-27");
  private static final Clock NIGHT_AFTER_D = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

  @TempDir
  static Path dir;

  static S3MockServer s3;
  static Path samples;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3MockServer.shared();
    SparkSession spark = SparkTestSupport.spark();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    s3.hadoopSettings().forEach(hadoop::set);
    samples = Path.of(System.getProperty("vardag.project.dir", ".")).resolve("data-samples");
    Configuration conf = new Configuration();
    s3.hadoopSettings().forEach(conf::set);
    FileSystem fs = FileSystem.get(URI.create(s3.uri("")), conf);
    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(samples.toUri()),
        new org.apache.hadoop.fs.Path(s3.uri("in")));
  }

  private static ExitCode nightly(VardagConfig config, Location input, Path out) {
    return new Pipeline(config, new Pipeline.Options(input, out, null, false), NIGHT_AFTER_D, dir.resolve("home"),
        TestStages.reportAndOutbox(config, out)).nightly(Optional.of(D));
  }

  @Test
  void anInputFolderOnS3PublishesWhatTheSameLocalFolderPublishes() throws Exception {
    VardagConfig config = ConfigLoader.load(Optional.empty(), Map.of());
    Path local = dir.resolve("local");
    Path remote = dir.resolve("remote");
    assertThat(nightly(config, Location.of(samples), local)).isEqualTo(ExitCode.OK);
    assertThat(nightly(config, Location.of(s3.uri("in")), remote)).isEqualTo(ExitCode.OK);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    boolean equal = PublishedTablesDiff.compare(local, remote, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(equal).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8)).endsWith("All published tables are equal.\n");

    JsonNode manifest = new ObjectMapper().readTree(remote.resolve("manifests").resolve("as_of=" + D + ".json").toFile());
    assertThat(manifest.path("input_folder").asText()).isEqualTo("s3a://vardag/in");
    JsonNode usage = manifest.path("usage_files");
    long csv;
    try (var files = Files.list(samples.resolve("usage"))) {
      csv = files.filter(f -> f.getFileName().toString().endsWith(".csv")).count();
    }
    assertThat(usage.size()).isEqualTo(csv);
    assertThat(manifest.path("inputs").toString()).isEqualTo(
        new ObjectMapper().readTree(local.resolve("manifests").resolve("as_of=" + D + ".json").toFile())
            .path("inputs").toString());
  }

  @Test
  void aMissingFolderOnS3IsABrokenContractNamingTheUri() {
    VardagConfig config = ConfigLoader.load(Optional.empty(), Map.of());
    assertThatThrownBy(() -> nightly(config, Location.of(s3.uri("nowhere")), dir.resolve("none")))
        .isInstanceOf(VardagException.class)
        .hasMessage("Cannot read the input folder s3a://vardag/nowhere: it does not exist or is not a folder. Pass the"
            + " folder holding employees.csv, initiatives.csv, trainings.csv and usage/ with --input; nothing was"
            + " published.");
  }
}
