package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

// Risk: An endpoint left with no address: every client of it fails at once.
// Source: The 2025-10-20 cloud database endpoint outage (record left EMPTY by automation).
//
// Trigger, as re-read against routine edits: a host name that answered an address query no longer
// does, and something says it is still wanted. Two kinds of name are not hosts and are left out:
// - attribute leaves (RFC 8552 underscored names: _acme-challenge, _dmarc, selector._domainkey,
//   _443._tcp.www): nobody resolves them to an address, so swapping an ACME CNAME for a TXT, or a
//   DKIM CNAME for a TXT key, keeps "other records" there without emptying any endpoint;
// - names at or below a delegation, in either snapshot: their addresses are glue or occluded data,
//   served for real by the child zone (a retired child takes its glue with it; glue an NS still
//   needs is dangling-reference's to judge).
// A pool is counted per address family: a host with one A and one AAAA is one dual-stack host, not
// a load-balanced endpoint, so retiring it whole stays routine.
final class AddressEmptied implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "address-emptied",
          Severity.BLOCK,
          "a host name that resolved (A/AAAA/CNAME) no longer does, while it still has other records, is referenced by an in-zone CNAME/MX/NS/SRV target, is critical, or had at least minPool addresses of one family; underscored attribute names and glue below a delegation are not hosts",
          List.of(
              new Param("minPool", 2L, "a name with at least this many addresses of one family (A or AAAA) is a load-balanced endpoint whose loss always blocks")),
          AddressEmptied::new,
          new RuleType.Example("db A 192.0.2.51\ndb A 192.0.2.52\n", "\n"));

  // The type tests below are switches, not sets: rules ask them of every set of a zone, a
  // million times in a lint, and a switch on a string's cached hash is a few instructions.

  /** Whether the type answers an address query: addresses, an alias, or a provider ALIAS. */
  static boolean answering(String type) {
    return switch (type) {
      case "A", "AAAA", "CNAME", "ALIAS" -> true;
      default -> false;
    };
  }

  /** Signatures and denial records only accompany other data; they are not data of their own. */
  static boolean dnssecMeta(String type) {
    return switch (type) {
      case "RRSIG", "NSEC", "NSEC3" -> true;
      default -> false;
    };
  }

  private final RuleSpec spec;

  AddressEmptied(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    Zone before = in.before();
    Zone after = in.after();
    if (after == null) {
      return;
    }
    long minPool = spec.longParam("minPool");
    OncePerName judged = new OncePerName();
    for (Change c : in.changes()) {
      // Only a change that takes something away from an answering type can stop a name resolving;
      // the verdict is per name, so A and AAAA vanishing together give one finding.
      if (c.before() == null || !answering(c.type()) || !judged.first(c.name())) {
        continue;
      }
      String name = c.name();
      if (!answers(before, name) || answers(after, name) || AttributeLeaf.is(name)) {
        continue;
      }
      if (DanglingReference.delegation(before, name) != null || DanglingReference.delegation(after, name) != null) {
        continue; // glue or occluded data: the child zone serves this name
      }
      List<String> addresses = addressesAt(before, name);
      List<String> reasons = new ArrayList<>();
      // (b) someone in the zone still points at it: their lookups fail too. A DNAME names a
      // subtree, not a host, so it needs no address here.
      List<References.Reference> refs = new ArrayList<>();
      for (References.Reference r : in.afterReferences().to(name)) {
        if (!r.type().equals("DNAME")) {
          refs.add(r);
        }
      }
      if (!refs.isEmpty()) {
        reasons.add(pointers(refs));
      }
      // (a) the name lives on with other data: it was emptied, not retired.
      List<RRset> rest = otherData(after, name);
      if (!rest.isEmpty()) {
        Set<String> types = new LinkedHashSet<>();
        rest.forEach(s -> types.add(s.type()));
        reasons.add("the name keeps its other records (" + String.join(", ", types) + ")");
      }
      // (c) the configuration says this name must never lose its addresses.
      if (Scope.matchesAny(in.critical(), name, in.zone())) {
        reasons.add("it is a critical name");
      }
      // (d) a pool of addresses is a load-balanced endpoint, never a host retired in passing. One
      // family counts: A plus AAAA of one host is dual stack, not a pool.
      if (!addresses.isEmpty() && largestFamily(addresses) >= minPool) {
        reasons.add("it was a load-balanced endpoint (at least minPool " + minPool + " addresses)");
      }
      if (reasons.isEmpty()) {
        continue; // a single host retired entirely, nothing points at it: routine
      }
      Location where =
          !rest.isEmpty() && rest.get(0).location() != null
              ? rest.get(0).location()
              : referenceLocation(after, refs, c.location() != null ? c.location() : in.afterFile());
      out.add(
          name,
          c.type(),
          name + " no longer resolves: " + lost(before, name, addresses) + " and " + String.join("; ", reasons),
          answerRdata(before, name),
          List.of(),
          where);
    }
  }

  /** How many addresses the larger of the two families holds (IPv6 literals hold a colon). */
  static int largestFamily(List<String> addresses) {
    int v6 = 0;
    for (String a : addresses) {
      if (a.indexOf(':') >= 0) {
        v6++;
      }
    }
    return Math.max(v6, addresses.size() - v6);
  }

  /** "its 3 addresses are removed", "its CNAME to x. is removed". */
  private static String lost(Zone before, String name, List<String> addresses) {
    List<String> parts = new ArrayList<>();
    if (addresses.size() == 1) {
      parts.add("its address " + addresses.get(0) + " is removed");
    } else if (!addresses.isEmpty()) {
      parts.add("its " + addresses.size() + " addresses are removed");
    }
    for (RRset s : before.at(name)) {
      if ((s.type().equals("CNAME") || s.type().equals("ALIAS")) && !s.rdata().isEmpty()) {
        parts.add("its " + s.type() + " to " + s.rdata().get(0) + " is removed");
      }
    }
    return String.join(" and ", parts);
  }

  /** "2 CNAMEs and 1 MX still point at it (a., b., …)", for a message. */
  static String pointers(List<References.Reference> refs) {
    Map<String, Integer> byType = new LinkedHashMap<>();
    Set<String> owners = new LinkedHashSet<>();
    for (References.Reference r : refs) {
      byType.merge(r.type(), 1, Integer::sum);
      owners.add(r.owner());
    }
    List<String> counts = new ArrayList<>();
    byType.forEach((t, n) -> counts.add(n + " " + (n == 1 ? t : t.equals("NS") ? "NS records" : t + "s")));
    return String.join(" and ", counts)
        + (refs.size() == 1 ? " still points at it (" : " still point at it (")
        + firstFew(owners)
        + ")";
  }

  static String firstFew(Set<String> items) {
    List<String> shown = new ArrayList<>();
    for (String s : items) {
      if (shown.size() == 3) {
        shown.add("…");
        break;
      }
      shown.add(s);
    }
    return String.join(", ", shown);
  }

  private static Location referenceLocation(Zone after, List<References.Reference> refs, Location fallback) {
    for (References.Reference r : refs) {
      RRset s = after.get(r.owner(), r.type());
      if (s != null && s.location() != null) {
        return s.location();
      }
    }
    return fallback;
  }

  /** Non-empty sets at the name other than answering types and DNSSEC bookkeeping. */
  private static List<RRset> otherData(Zone z, String name) {
    List<RRset> out = new ArrayList<>();
    for (RRset s : z.at(name)) {
      if (!s.rdata().isEmpty() && !answering(s.type()) && !dnssecMeta(s.type())) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Whether the name answers an address query (A, AAAA, CNAME or ALIAS), but an empty set does not answer: a provider or generator can
   * leave an A set with no records (the 2025 outage), which resolves to nothing.
   */
  static boolean answers(Zone z, String name) {
    if (z == null) {
      return false;
    }
    for (RRset s : z.at(name)) {
      if (answering(s.type()) && !s.rdata().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Distinct A and AAAA records at a name across all its sets (Route 53 weighted and latency sets
   * included, which a lookup keyed by type alone would miss).
   */
  static List<String> addressesAt(Zone z, String name) {
    Set<String> out = new LinkedHashSet<>();
    if (z != null) {
      for (RRset s : z.at(name)) {
        if (s.type().equals("A") || s.type().equals("AAAA")) {
          out.addAll(s.rdata());
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Everything that answers at a name: addresses as-is, aliases as "CNAME target" / "ALIAS …". */
  static List<String> answerRdata(Zone z, String name) {
    List<String> out = addressesAt(z, name);
    if (z == null) {
      return out;
    }
    for (RRset s : z.at(name)) {
      if (s.type().equals("CNAME") || s.type().equals("ALIAS")) {
        for (String r : s.rdata()) {
          out.add(s.type() + " " + r);
        }
      }
    }
    return out;
  }
}
