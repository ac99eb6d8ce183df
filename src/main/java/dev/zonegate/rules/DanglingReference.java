package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

// Risk: A CNAME, MX, NS or SRV pointing at a name the zone no longer serves: lookups fail or mail bounces.
// Source: RFC 1034 §3.6.2 (CNAME), RFC 5321 §5.1 (MX), RFC 2782 (SRV); dangling CNAMEs are also a takeover risk.
//
// Trigger, as re-read: the change leaves an in-zone target naming nothing (or, for MX/NS/SRV,
// nothing with an address). It blocks what the change breaks. A changed set is still re-read whole,
// but a target the set already pointed at, and that was already dangling before, warns:
// the change did not break it (editing an SRV's port must not be blocked for a target that never
// existed in the zone), and the reviewer still sees it. Attribute leaves are judged like any name
// here: an ACME or DKIM CNAME to an in-zone name that does not exist makes the CA's or the
// verifier's TXT lookup fail, which is this rule's failure (targets in a delegated child or out of
// zone, as acme-dns hosts are, are not ours to judge).
final class DanglingReference implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "dangling-reference",
          Severity.BLOCK,
          "after the change an in-zone CNAME/MX/NS/SRV target names nothing, or nothing with an address",
          List.of(),
          DanglingReference::new,
          new RuleType.Example("www CNAME app\napp A 192.0.2.1\n", "www CNAME app\n"));

  /** Whether the type's targets must be hosts with an address, not merely names (RFC 2181 §10.3, RFC 2782). */
  static boolean needsAddress(String type) {
    return switch (type) {
      case "MX", "NS", "SRV" -> true;
      default -> false;
    };
  }

  /** CNAME chains longer than this are treated as broken; resolvers give up around here too. */
  private static final int MAX_CHAIN = 16;

  private final RuleSpec spec;

  DanglingReference(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    Zone before = in.before();
    Zone after = in.after();
    if (after == null) {
      return;
    }
    // (1) Referring sets the change adds or edits: judge every record the set will serve, since a
    // changed set is re-approved as a whole ("keeps broken in a changed RRset").
    List<String> reported = new ArrayList<>();
    // A zone known only in part (a Terraform plan): a target it does not hold is not in the plan,
    // never dangling; only a target the zone held before, and the change takes away, is.
    boolean partial = after.marks().isPartial();
    // The sets whose rdata names another host, every target of theirs in order, and where the
    // in-zone targets' sets lie, found all at once (lint asks about every target of the zone).
    List<Change> referring = new ArrayList<>();
    int[] counts = new int[16]; // per referring set, how many targets (its records)
    List<String> targets = new ArrayList<>();
    List<String> inZone = new ArrayList<>(); // the same, null for none or one out of zone
    for (Change c : in.changes()) {
      if (c.after() != null && References.refers(c.type())) {
        if (referring.size() == counts.length) {
          counts = Arrays.copyOf(counts, counts.length * 2);
        }
        RRset set = c.after();
        counts[referring.size()] = set.rdataCount();
        referring.add(c);
        for (int i = 0; i < set.rdataCount(); i++) {
          String target = References.target(c.type(), set.rdata(i));
          targets.add(target);
          inZone.add(target != null && Names.isAtOrBelow(target, after.origin()) ? target : null);
        }
      }
    }
    // Per target, where its sets lie (unused for none or one out of zone: problem() stops first).
    long[] here = References.spans(after, inZone);
    int next = 0;
    for (int r = 0; r < referring.size(); r++) {
      Change c = referring.get(r);
      List<Failure> bad = null; // made for the few sets that dangle
      List<String> evidence = null;
      boolean allOld = true;
      for (int i = 0; i < counts[r]; i++) { // the set itself is read only when a target fails
        String target = targets.get(next);
        String problem = problem(after, c.type(), target, here[next++]);
        if (problem != null && partial && problem(before, c.type(), target) != null) {
          continue; // not in the plan
        }
        if (problem != null) {
          // Old: the set pointed at this target before (a port or weight may have changed) and
          // it failed then too.
          boolean old = pointedAt(c, target) && problem(before, c.type(), target) != null;
          allOld &= old;
          if (bad == null) {
            bad = new ArrayList<>(1);
            evidence = new ArrayList<>(1);
          }
          bad.add(new Failure(target, problem, old));
          evidence.add(c.after().rdata(i));
        }
      }
      if (bad != null) {
        reported.add(c.name());
        // Only what the change breaks blocks; a record it keeps dangling as before warns.
        out.add(allOld ? Severity.WARN : Severity.BLOCK, c.name(), c.type(), pointsAt(c, bad), c.beforeRdata(), evidence, c.location());
      }
    }
    // (2) Names that lose data: who still points at them, and does that reference break now?
    // One look-up in the reference index per changed name, never a scan of the zone.
    Map<String, Change> losing = new LinkedHashMap<>();
    for (Change c : in.changes()) {
      if (c.before() != null) {
        losing.putIfAbsent(c.name(), c);
      }
    }
    Set<String> reportedNames = losing.isEmpty() ? Set.of() : new HashSet<>(reported);
    for (Map.Entry<String, Change> e : losing.entrySet()) {
      String name = e.getKey();
      if (reportedNames.contains(name)) {
        continue; // its own alias dangles, reported above; its referrers only inherit that
      }
      List<String> broken = new ArrayList<>();
      Location where = null;
      for (References.Reference r : in.afterReferences().to(name)) {
        Change own = in.change(r.owner(), r.type());
        if (own != null && own.after() != null) {
          continue; // its own set changed: judged and reported in (1)
        }
        String now = problem(after, r.type(), r.target());
        if (now != null && problem(before, r.type(), r.target()) == null) {
          broken.add(r.owner() + " " + r.type() + " " + r.rdata() + " (the target " + now + ")");
          RRset s = after.get(r.owner(), r.type());
          if (where == null && s != null) {
            where = s.location();
          }
        }
      }
      if (broken.isEmpty()) {
        continue;
      }
      Change c = e.getValue();
      out.add(
          name,
          c.type(),
          "the change to " + name + " leaves " + (broken.size() == 1 ? "a reference" : broken.size() + " references")
              + " dangling: " + String.join(", ", broken),
          c.beforeRdata(),
          c.afterRdata(),
          where != null ? where : c.location() != null ? c.location() : in.afterFile());
    }
  }

  /** A target of a set that fails, and why; {@code old}: it failed before the change too. */
  private record Failure(String target, String problem, boolean old) {
    private static final String OLD = " (already so before this change)";

    int length() {
      return target.length() + ", which ".length() + problem.length() + (old ? OLD.length() : 0);
    }
  }

  /**
   * "NAME TYPE points at TARGET, which PROBLEM; ...", made at its length at once: a lint says
   * this of tens of thousands of sets, and a message grown piece by piece is copied as it grows.
   */
  private static String pointsAt(Change c, List<Failure> bad) {
    int length = c.name().length() + 1 + c.type().length() + " points at ".length() + 2 * (bad.size() - 1);
    for (Failure f : bad) {
      length += f.length();
    }
    StringBuilder m = new StringBuilder(length).append(c.name()).append(' ').append(c.type()).append(" points at ");
    for (int k = 0; k < bad.size(); k++) {
      Failure f = bad.get(k);
      if (k > 0) {
        m.append("; ");
      }
      m.append(f.target()).append(", which ").append(f.problem());
      if (f.old()) {
        m.append(Failure.OLD);
      }
    }
    return m.toString();
  }

  /**
   * Why a record of {@code type} pointing at {@code target} fails in snapshot {@code z}, or null
   * when it works or is not ours to judge (out of zone, inside a delegated child). A CNAME on
   * the way is followed: an alias to something that exists counts as existing.
   */
  static String problem(Zone z, String type, String target) {
    return problem(z, type, target, -1);
  }

  /** {@link #problem}, given where the target's sets lie when that is known ({@link Zone#span}), else -1. */
  private static String problem(Zone z, String type, String target, long here) {
    if (z == null || target == null) {
      return null;
    }
    String origin = z.origin();
    boolean needsAddress = needsAddress(type);
    // The names passed on the way, [0, hop): a chain is at most MAX_CHAIN long, so a loop is found
    // by looking through them; made at the first CNAME followed (most targets are not aliases).
    String[] seen = null;
    String name = target;
    for (int hop = 0; hop < MAX_CHAIN; hop++) {
      if (!Names.isAtOrBelow(name, origin)) {
        return null; // another zone's business
      }
      if (hop > 0) {
        if (seen == null) {
          seen = new String[MAX_CHAIN];
          seen[0] = target;
        }
        for (int k = 0; k < hop; k++) {
          if (seen[k].equals(name)) {
            return "is a CNAME loop";
          }
        }
        seen[hop] = name;
      }
      String cut = delegation(z, name);
      if (cut != null) {
        // The child zone serves this name; only an NS target below the cut is ours, as glue.
        if (type.equals("NS") && hop == 0 && !hasAddress(z.at(name))) {
          return "is below the delegation " + cut + " and has no glue address (A/AAAA)";
        }
        return null;
      }
      if (type.equals("DNAME") && hop == 0) {
        // A DNAME names a subtree: it is fine as long as anything lives at or below its target.
        return z.hasAtOrBelow(name) ? null : "names nothing in the zone";
      }
      // The sets with data here (DNSSEC bookkeeping alone is none): an alias to follow, an
      // address, a provider ALIAS.
      boolean any = false;
      boolean address = false;
      boolean alias = false;
      String next = null;
      // Types from the zone's column: a set itself is read only for a CNAME's target (or when
      // the zone may hold empty sets), as lint asks this of every target of a million-set zone.
      long span = hop == 0 && here >= 0 ? here : z.span(name);
      boolean mayBeEmpty = z.hasEmptySets();
      for (int i = (int) (span >>> 32); i < (int) span; i++) {
        String t = z.typeAt(i);
        if (AddressEmptied.dnssecMeta(t) || mayBeEmpty && z.setAt(i).rdataCount() == 0) {
          continue;
        }
        any = true;
        switch (t) {
          case "CNAME" -> next = next != null ? next : References.target("CNAME", z.setAt(i).rdata(0));
          case "A", "AAAA" -> address = true;
          case "ALIAS" -> alias = true;
          default -> { }
        }
      }
      if (!any) {
        // Where the absent name would stand, from the look-up at hop 0: its subtree begins there.
        if (wildcardCovers(z, name, hop == 0 && here >= 0 ? (int) (here >>> 32) : -1)) {
          return null;
        }
        return hop == 0 ? "names nothing in the zone" : "leads via CNAME to " + name + ", which names nothing in the zone";
      }
      if (next == null) {
        if (needsAddress && !address && !alias) {
          return hop == 0 ? "has no address (A/AAAA)" : "leads via CNAME to " + name + ", which has no address (A/AAAA)";
        }
        return null;
      }
      name = next;
    }
    return "is a CNAME chain longer than " + MAX_CHAIN;
  }

  /** True when an A or AAAA set with records is among the sets. */
  private static boolean hasAddress(Collection<RRset> sets) {
    for (RRset s : sets) {
      if ((s.type().equals("A") || s.type().equals("AAAA")) && !s.rdata().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** True when a record of the set before the change named {@code target}. */
  private static boolean pointedAt(Change c, String target) {
    for (String r : c.beforeRdata()) {
      if (target.equals(References.target(c.type(), r))) {
        return true;
      }
    }
    return false;
  }

  /** The delegation point (an NS set below the apex) at or above the name, or null. */
  static String delegation(Zone z, String name) {
    if (!z.hasNsBelowOrigin()) {
      return null; // only the apex has NS: no cut anywhere (lint asks this of every target)
    }
    String origin = z.origin();
    for (String n = name; n != null && !n.equals(origin); n = Names.parent(n)) {
      if (z.get(n, "NS") != null) {
        return n;
      }
    }
    return null;
  }

  /**
   * True when a wildcard would answer for a name that has no sets of its own (RFC 4592): the
   * wildcard child of its closest encloser exists. An empty non-terminal is not covered.
   */
  static boolean wildcardCovers(Zone z, String name) {
    return wildcardCovers(z, name, -1);
  }

  /**
   * {@link #wildcardCovers}, given where the name would stand in the zone's order when a batch
   * look-up ({@link Zone#spans}) found that already, else -1.
   */
  private static boolean wildcardCovers(Zone z, String name, int at) {
    boolean below = at >= 0 ? at < z.size() && Names.isAtOrBelow(z.setAt(at).name(), name) : z.hasAtOrBelow(name);
    return !below && z.wildcardFor(name) != null;
  }
}
