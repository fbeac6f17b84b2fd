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

  @Test
  void parentAndRelativizeStayInsideTheBucketAndTellAChildFromAPrefix() {
    Location out = Location.of("s3a://bucket/lake");
    assertThat(out.resolve("_versions/r/2026-11-27").parent().toString()).isEqualTo("s3a://bucket/lake/_versions/r");
    assertThat(out.parent().toString()).isEqualTo("s3a://bucket");
    assertThatThrownBy(() -> Location.of("s3a://bucket").parent())
        .hasMessage("Cannot take the folder of s3a://bucket: it is the root of its bucket");
    assertThat(out.relativize(out.resolve("_published/as_of=2026-11-27.json")))
        .isEqualTo("_published/as_of=2026-11-27.json");
    assertThatThrownBy(() -> out.relativize(Location.of("s3a://bucket/lakehouse/x")))
        .hasMessage("Cannot name s3a://bucket/lakehouse/x relative to s3a://bucket/lake: it is not inside it");
    assertThatThrownBy(() -> out.relativize(out))
        .hasMessage("Cannot name s3a://bucket/lake relative to s3a://bucket/lake: it is not inside it");
    Path local = Path.of("out").toAbsolutePath().normalize();
    assertThat(Location.of(local).relativize(Location.of(local.resolve("runs/x.json")))).isEqualTo("runs/x.json");
  }

  @Test
  void aFolderUriWithAQueryAFragmentOrDotPartsIsRefused() {
    for (String bad : new String[] {"s3a://bucket/out?versionId=3", "s3a://bucket/out#x", "s3a://bucket/x/../in",
        "s3a://bucket/./out"}) {
      assertThatThrownBy(() -> Location.of(bad)).as(bad)
          .hasMessage("Cannot read the location " + bad + ": a folder URI has no ?, # or . and .. parts; name the"
              + " folder itself, as in s3a://bucket/folder");
    }
  }

  @Test
  void theSettingsTravelWithResolvedLocationsAndDoNotChangeEquality() {
    FsConf fs = FsConf.of(configuration("fs.s3a.endpoint", "http://127.0.0.1:9"));
    Location out = Location.of("s3a://bucket/out").with(fs);
    assertThat(out.resolve("a").resolve("b").fs()).isEqualTo(fs);
    assertThat(out.resolve("a").parent().fs()).isEqualTo(fs);
    assertThat(out).isEqualTo(Location.of("s3a://bucket/out"));
    assertThat(fs).isEqualTo(FsConf.of(configuration("fs.s3a.endpoint", "http://127.0.0.1:9")))
        .isNotEqualTo(FsConf.none());
    Location local = Location.of(Path.of("out"));
    assertThat(local.with(fs)).isSameAs(local);
  }

  private static org.apache.hadoop.conf.Configuration configuration(String key, String value) {
    org.apache.hadoop.conf.Configuration c = new org.apache.hadoop.conf.Configuration(false);
    c.set(key, value);
    return c;
  }
}
