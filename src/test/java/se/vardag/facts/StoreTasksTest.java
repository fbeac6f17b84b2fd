package se.vardag.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardag.Location;

class StoreTasksTest {
  @TempDir
  Path dir;

  @Test
  void eachFileHandsOverEveryFileInTheListsOrderWhateverTheReadAhead() throws Exception {
    List<Location> files = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    // More files than are read at a time, of very different sizes, so reads finish out of order.
    for (int i = 0; i < 3 * StoreTasks.READ_AHEAD + 1; i++) {
      String content = i + ":" + "x".repeat((i * 7919) % 200_000);
      Path f = dir.resolve("f" + i);
      Files.writeString(f, content);
      files.add(Location.of(f));
      expected.add(content);
    }
    List<String> seen = new ArrayList<>();
    List<Location> order = new ArrayList<>();
    StoreTasks.eachFile(files, (f, bytes) -> {
      order.add(f);
      seen.add(new String(bytes, StandardCharsets.UTF_8));
    });
    assertThat(order).containsExactlyElementsOf(files);
    assertThat(seen).containsExactlyElementsOf(expected);

    List<Location> none = new ArrayList<>();
    StoreTasks.eachFile(List.of(), (f, bytes) -> none.add(f));
    assertThat(none).isEmpty();
  }

  @Test
  void aFileThatCannotBeReadIsNamedAndStopsTheTask() throws Exception {
    Path good = dir.resolve("good");
    Files.writeString(good, "ok");
    Location missing = Location.of(dir.resolve("files").resolve("k1").resolve("facts.vdf"));
    List<Location> handed = new ArrayList<>();
    assertThatThrownBy(() -> StoreTasks.eachFile(List.of(Location.of(good), missing, Location.of(good)),
        (f, bytes) -> handed.add(f)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("Cannot read the day facts in " + missing + ": ");
    assertThat(handed).containsExactly(Location.of(good));
  }
}
