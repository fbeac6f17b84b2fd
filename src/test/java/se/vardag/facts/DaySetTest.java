package se.vardag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DaySetTest {

  @Test
  void findsDaysAcrossWordBoundariesAndNegativeDays() {
    DaySet s = new DaySet();
    s.add(63);
    s.add(64);
    s.add(-1);
    s.add(200);
    assertThat(s.firstIn(0, 1000)).isEqualTo(63);
    assertThat(s.firstIn(64, 64)).isEqualTo(64);
    assertThat(s.firstIn(65, 199)).isEqualTo(Integer.MIN_VALUE);
    assertThat(s.firstIn(-100, -1)).isEqualTo(-1);
    assertThat(s.anyIn(201, 5000)).isFalse();
    assertThat(s.anyIn(200, 200)).isTrue();
    assertThat(s.anyIn(5, 4)).isFalse();
  }

  /** Against a TreeSet of days as the reference, on random sets and windows. */
  @Test
  void agreesWithASortedSetOnRandomQueries() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      DaySet s = new DaySet();
      TreeSet<Integer> ref = new TreeSet<>();
      int origin = 20000 + random.nextInt(300) - 150;
      for (int i = 0; i < random.nextInt(40); i++) {
        int d = origin + random.nextInt(400) - 200;
        s.add(d);
        ref.add(d);
      }
      for (int q = 0; q < 50; q++) {
        int from = origin + random.nextInt(500) - 250;
        int to = from + random.nextInt(120) - 10;
        Integer expected = from > to ? null : ref.ceiling(from);
        if (expected != null && expected > to) {
          expected = null;
        }
        assertThat(s.firstIn(from, to)).isEqualTo(expected == null ? Integer.MIN_VALUE : expected);
      }
      int span = random.nextInt(10);
      DaySet spread = s.spread(span);
      for (int d = origin - 260; d < origin + 260; d++) {
        Integer lower = ref.ceiling(d - span);
        boolean expected = lower != null && lower <= d;
        assertThat(spread.contains(d)).as("day %s span %s", d, span).isEqualTo(expected);
      }
      List<Integer> visited = new ArrayList<>();
      s.forEachIn(origin - 50, origin + 50, visited::add);
      assertThat(visited).containsExactlyElementsOf(ref.subSet(origin - 50, true, origin + 50, true));
    }
  }
}
