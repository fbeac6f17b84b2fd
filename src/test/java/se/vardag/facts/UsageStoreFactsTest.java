package se.vardag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.vardag.facts.DayFactsFile;
import se.vardag.facts.UsageStore;
import se.vardag.ingest.UsageFileParser;

/** A file's sorted bits become the same facts as merging them one by one would give. */
class UsageStoreFactsTest {
  private static List<String> describe(List<DayFactsFile.Fact> facts) {
    List<String> out = new ArrayList<>();
    for (DayFactsFile.Fact f : facts) {
      out.add(f.pid() + "|" + f.source() + "|" + f.action() + "|" + f.firstWord() + "|" + Arrays.toString(f.words()));
    }
    return out;
  }

  @Test
  void runsOfEqualKeysBecomeOneFactEachAsTheMergerGives() {
    Random random = new Random(7);
    String[] sources = {"jira", "outlook", "servicenow"};
    String[] actions = {"a", "b", "incident.resolve"};
    List<UsageFileParser.Bits> bits = new ArrayList<>();
    for (int n = 0; n < 2_000; n++) {
      // Words near each other, so that one key often spans neighbouring and distant 64-day words.
      bits.add(new UsageFileParser.Bits(random.nextInt(40) - 20, sources[random.nextInt(3)], actions[random.nextInt(3)],
          320 + random.nextInt(4) * (random.nextBoolean() ? 1 : 3), 1L << random.nextInt(64)));
    }
    UsageFileParser.sortBits(bits);

    DayFactsFile.Merger merger = new DayFactsFile.Merger();
    for (UsageFileParser.Bits b : bits) {
      merger.accept(b.pid(), b.source(), b.action(), b.wordIndex(), new long[] {b.word()});
    }
    List<DayFactsFile.Fact> expected = merger.facts();

    assertThat(describe(StoreTasks.facts(bits))).containsExactlyElementsOf(describe(expected));
    assertThat(expected).hasSizeLessThan(bits.size());
  }

  @Test
  void aSingleBitIsOneFactAndNoBitsAreNoFacts() {
    assertThat(StoreTasks.facts(List.of())).isEmpty();
    List<DayFactsFile.Fact> one = StoreTasks.facts(List.of(new UsageFileParser.Bits(5, "s", "a", 320, 1L << 3)));
    assertThat(describe(one)).containsExactly("5|s|a|320|[8]");
  }
}
