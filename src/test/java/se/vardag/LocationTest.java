package se.vardag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocationTest {
  @Test
  void aUriWithAnAuthorityIsAHadoopFileSystemAndLosesItsTrailingSlash() {
    Location l = Location.of("s3a://bucket/vardag/in/");
    assertThat(l.isLocal()).isFalse();
    assertThat(l.toString()).isEqualTo("s3a://bucket/vardag/in");
    assertThat(l.resolve("usage").resolve("a.csv").toString()).isEqualTo("s3a://bucket/vardag/in/usage/a.csv");
    assertThat(l.name()).isEqualTo("in");
    assertThat(l.sparkPath()).isEqualTo("s3a://bucket/vardag/in");
  }

  @Test
  void plainPathsFileUrisAndNamesWithAColonAreLocal() {
    Path abs = Path.of("in").toAbsolutePath().normalize();
    assertThat(Location.of("in").isLocal()).isTrue();
    assertThat(Location.of("in").path()).isEqualTo(abs);
    assertThat(Location.of("file:" + abs).path()).isEqualTo(abs);
    assertThat(Location.of("file://" + abs).path()).isEqualTo(abs);
    assertThat(Location.of("in:2026").path()).isEqualTo(Path.of("in:2026").toAbsolutePath().normalize());
    assertThat(Location.of("in").sparkPath()).isEqualTo("file://" + abs);
  }

  @Test
  void aUriWithoutItsBucketIsRefused() {
    assertThatThrownBy(() -> Location.of("s3a:///in"))
        .hasMessage("Cannot read the location s3a:///in: a s3a:// location names its bucket or container, as in"
            + " s3a://bucket/folder");
    assertThatThrownBy(() -> Location.of("s3a://bucket/in").path())
        .hasMessage("Cannot use s3a://bucket/in as a local path: it is on a Hadoop file system");
  }
}
