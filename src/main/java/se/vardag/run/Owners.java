package se.vardag.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.vardag.ingest.ReferenceChecks;
import se.vardag.metrics.FollowThrough;

/**
 * The roster's facts about each initiative's owner (employed from, until, display name, email), from the
 * owners' rows alone ({@link ReferenceChecks#owners()}), never the roster.
 */
final class Owners {
  private Owners() {}

  /** The owners named in the register that are in the roster; an owner not in it is absent. */
  static Map<String, FollowThrough.Owner> lookup(List<ReferenceChecks.Owner> owners) {
    Map<String, FollowThrough.Owner> out = new HashMap<>();
    for (ReferenceChecks.Owner o : owners) {
      out.put(o.employeeId(), new FollowThrough.Owner(true, o.hired(), o.left(), o.displayName(), o.email()));
    }
    return out;
  }
}
