package se.vardag.generate;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every {@code source:action} the usage logs hold, numbered, and the everyday "noise" of each
 * kind of unit: mail, chat, the unit's own systems. No noise action signals any initiative
 * (a test checks this against every story's patterns).
 */
final class ActionCatalog {
  private record Noise(String action, int weight, int maxCount) {}

  private static final List<Noise> COMMON = List.of(
      new Noise("outlook:mail.send", 10, 3),
      new Noise("outlook:mail.read", 7, 9),
      new Noise("teams:chat.message", 10, 5),
      new Noise("teams:meeting.join", 5, 1),
      new Noise("sharepoint:page.view", 4, 6),
      new Noise("windows:logon", 3, 1),
      new Noise("intranet:news.read", 2, 1));

  private static final Map<UnitKind, List<Noise>> OWN = new EnumMap<>(Map.ofEntries(
      Map.entry(UnitKind.MANAGEMENT, List.of(
          new Noise("powerbi:report.view", 8, 3), new Noise("platina:decision.sign", 3, 1))),
      Map.entry(UnitKind.IT_MANAGEMENT, List.of(
          new Noise("powerbi:report.view", 6, 3), new Noise("servicenow:change.approve", 4, 2))),
      Map.entry(UnitKind.SERVICE_DESK, List.of(
          new Noise("servicenow:incident.update", 14, 3), new Noise("servicenow:incident.resolve", 8, 2),
          new Noise("servicenow:ticket.view", 10, 6), new Noise("telefoni:call.answer", 8, 1))),
      Map.entry(UnitKind.OPERATIONS, List.of(
          new Noise("monitoring:alert.ack", 10, 4), new Noise("ssh:session.open", 8, 3),
          new Noise("servicenow:change.view", 5, 2), new Noise("servicenow:incident.update", 5, 2))),
      Map.entry(UnitKind.DEVELOPMENT, List.of(
          new Noise("git:commit.push", 10, 4), new Noise("jira:issue.update", 10, 3),
          new Noise("ci:build.start", 6, 2))),
      Map.entry(UnitKind.HR, List.of(
          new Noise("hrsystem:employee.view", 10, 4), new Noise("hrsystem:case.update", 8, 2))),
      Map.entry(UnitKind.FINANCE, List.of(
          new Noise("visma:invoice.view", 10, 6), new Noise("visma:invoice.approve", 8, 4),
          new Noise("excel:workbook.open", 6, 2), new Noise("visma:report.run", 3, 1))),
      Map.entry(UnitKind.LEGAL, List.of(
          new Noise("platina:document.open", 10, 4), new Noise("platina:case.update", 8, 2))),
      Map.entry(UnitKind.CUSTOMER_SERVICE, List.of(
          new Noise("telefoni:call.answer", 14, 3), new Noise("crm:case.update", 12, 3),
          new Noise("crm:case.create", 8, 2), new Noise("crm:knowledge.search", 6, 2))),
      Map.entry(UnitKind.COMMUNICATION, List.of(
          new Noise("episerver:page.publish", 6, 2), new Noise("sharepoint:news.publish", 4, 1))),
      Map.entry(UnitKind.CASEWORK, List.of(
          new Noise("platina:case.update", 12, 3), new Noise("platina:document.open", 10, 4),
          new Noise("platina:decision.draft", 6, 1))),
      Map.entry(UnitKind.INSPECTION, List.of(
          new Noise("platina:case.update", 8, 2), new Noise("outlook:calendar.book", 5, 1),
          new Noise("word:document.save", 6, 2)))));

  private final List<String> actions = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final Map<UnitKind, int[]> noiseActions = new EnumMap<>(UnitKind.class);
  private final Map<UnitKind, int[]> noiseCumulative = new EnumMap<>(UnitKind.class);
  private final List<Integer> maxCounts = new ArrayList<>();
  private final byte[][] bytes;
  private final int[] maxCount;

  /** The noise of every kind of unit, then the given signal actions. Immutable once built. */
  ActionCatalog(List<String> signalActions) {
    for (UnitKind kind : UnitKind.values()) {
      List<Noise> table = new ArrayList<>(COMMON);
      table.addAll(OWN.get(kind));
      int[] a = new int[table.size()];
      int[] c = new int[table.size()];
      int total = 0;
      for (int i = 0; i < table.size(); i++) {
        Noise n = table.get(i);
        a[i] = register(n.action(), n.maxCount());
        total += n.weight();
        c[i] = total;
      }
      noiseActions.put(kind, a);
      noiseCumulative.put(kind, c);
    }
    for (String action : signalActions) {
      register(action, 4);
    }
    bytes = new byte[actions.size()][];
    for (int i = 0; i < actions.size(); i++) {
      // "source:action" is written as the two columns "source,action".
      bytes[i] = actions.get(i).replaceFirst(":", ",").getBytes(UTF_8);
    }
    maxCount = maxCounts.stream().mapToInt(Integer::intValue).toArray();
  }

  private int register(String sourceAction, int max) {
    Integer id = ids.get(sourceAction);
    if (id == null) {
      if (sourceAction.indexOf(':') < 0 || sourceAction.indexOf(',') >= 0 || sourceAction.indexOf('"') >= 0) {
        throw new IllegalArgumentException("Cannot register action: " + sourceAction);
      }
      id = actions.size();
      actions.add(sourceAction);
      ids.put(sourceAction, id);
      maxCounts.add(max);
    }
    return id;
  }

  /** The id of a registered action. */
  int idOf(String sourceAction) {
    Integer id = ids.get(sourceAction);
    if (id == null) {
      throw new IllegalArgumentException("Cannot find action: " + sourceAction);
    }
    return id;
  }

  /** "source,action" as UTF-8, ready for a usage row. */
  byte[] columns(int id) {
    return bytes[id];
  }

  /** A noise action for a person of this kind of unit. */
  int noise(UnitKind kind, SplittableRandom rng) {
    return noiseActions.get(kind)[Rng.weighted(rng, noiseCumulative.get(kind))];
  }

  /** The count of an event: 1 mostly; actions logged in batches may carry more. */
  int count(int id, SplittableRandom rng) {
    int max = maxCount[id];
    return max <= 1 || rng.nextInt(3) != 0 ? 1 : 1 + rng.nextInt(max);
  }

  /** Every noise action of every kind of unit. */
  List<String> noiseActions() {
    List<String> out = new ArrayList<>();
    for (int[] a : noiseActions.values()) {
      for (int id : a) {
        if (!out.contains(actions.get(id))) {
          out.add(actions.get(id));
        }
      }
    }
    return out;
  }
}
