package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

// Risk: Names the business cannot lose (api, login, database endpoints) changing in a way that can take them down.
// Source: The 2025-10-20 outage: a regional endpoint record emptied by an automated update.
//
// Trigger, as re-read: what clients connect to (the addresses or alias of a critical name) is
// removed, mostly removed, or replaced at once. A critical glob such as "*.prod" also matches the
// attribute leaves below the endpoints (_acme-challenge.api.prod, RFC 8552); those are looked up
// for TXT by a CA, never connected to, so retargeting their CNAME is left out.
final class CriticalEndpoint implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "critical-endpoint",
          Severity.BLOCK,
          "a critical name is deleted, loses more than maxRemovedFraction of its addresses, or has all addresses swapped at once",
          List.of(
              new Param("names", List.of(), "globs of critical names, relative to the zone or absolute; added to the zone's critical: list"),
              new Param("maxRemovedFraction", 0.5, "largest share of a critical name's addresses one change may remove")),
          CriticalEndpoint::new,
          new RuleType.Example("api A 192.0.2.1\napi A 192.0.2.2\n", "api A 198.51.100.1\napi A 198.51.100.2\n", Map.of("names", List.of("api"))));

  private final RuleSpec spec;

  CriticalEndpoint(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    List<String> globs = new ArrayList<>(spec.stringsParam("names"));
    globs.addAll(in.critical());
    if (globs.isEmpty() || in.after() == null) {
      return;
    }
    double maxFraction = spec.doubleParam("maxRemovedFraction");
    OncePerName judged = new OncePerName();
    for (Change c : in.changes()) {
      if (!AddressEmptied.answering(c.type())
          || AttributeLeaf.is(c.name())
          || !Scope.matchesAny(globs, c.name(), in.zone())
          || !judged.first(c.name())) {
        continue;
      }
      // What the name answers, before and after: its addresses, or its alias target when it is
      // an alias. Moving from addresses to an alias replaces every answer at once.
      List<String> was = answers(in.before(), c.name());
      List<String> now = answers(in.after(), c.name());
      List<String> kept = new ArrayList<>(was);
      kept.retainAll(now);
      int removed = was.size() - kept.size();
      String why;
      if (was.isEmpty() || removed == 0) {
        continue; // new, or only gaining answers: adding capacity never hurts
      } else if (now.isEmpty()) {
        why = "is deleted: " + noun(was) + (was.size() == 1 ? " is" : " are all") + " removed";
      } else if (kept.isEmpty()) {
        why = "has " + (was.size() == 1 ? "" : "all ") + noun(was) + " replaced at once by "
            + (now.size() == 1 ? noun(now).substring("its ".length()) : now.size() + " new addresses")
            + "; keep some old ones serving while the new ones take traffic";
      } else if (removed > maxFraction * was.size()) {
        why = "loses " + removed + " of its " + was.size() + " addresses ("
            + Math.round(100.0 * removed / was.size()) + "% > maxRemovedFraction " + maxFraction + ")";
      } else {
        continue;
      }
      out.add(c.name(), c.type(), "critical name " + c.name() + " " + why, was, now, location(in, c));
    }
  }

  /** "its 3 addresses", "its address 192.0.2.1", "its CNAME to lb.example.net.". */
  private static String noun(List<String> answers) {
    if (answers.size() == 1) {
      String a = answers.get(0);
      return a.startsWith("CNAME ") || a.startsWith("ALIAS ") ? "its " + a.replaceFirst(" ", " to ") : "its address " + a;
    }
    return "its " + answers.size() + " addresses";
  }

  /** Addresses, or "CNAME target" / "ALIAS …" when the name answers through an alias. */
  private static List<String> answers(Zone z, String name) {
    return AddressEmptied.answerRdata(z, name);
  }

  private static Location location(RuleInput in, Change c) {
    if (c.location() != null) {
      return c.location();
    }
    for (RRset s : in.after().at(c.name())) {
      if (s.location() != null) {
        return s.location();
      }
    }
    return in.afterFile();
  }
}
