package dev.zonegate.zone;

import dev.zonegate.model.Names;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What named checks of a primary zone once its file has been read, before it serves it (BIND
 * 9.18: the master loader's checks of a whole name, and the zone's integrity checks). The reader
 * takes records one at a time, so a file that breaks one of these reads; named refuses to load the
 * zone, and after the next reload or restart nothing of it is served. {@code BindDifferentialTest}
 * holds these to {@code named-checkzone} on its corpus (a zone reads and passes these exactly when
 * named loads it).
 *
 * <p>What named checks, and only that: its warnings (MX or SRV targets without address, a
 * delegation without glue, NSEC3 iterations above 150) do not stop a load and are not here.
 */
public final class BindZoneChecks {
  private BindZoneChecks() {}

  /** The kinds of problem, each one reason named gives for not loading a zone. */
  public enum Kind {
    NO_SOA,
    SEVERAL_SOA,
    NO_NS,
    NS_NO_ADDRESS,
    NS_CNAME,
    NS_BELOW_DNAME,
    SEVERAL_DNAME,
    SEVERAL_CNAME,
    CNAME_AND_OTHER_DATA,
    CDS_WITHOUT_DNSKEY,
    CDNSKEY_WITHOUT_DNSKEY,
    NSEC3PARAM_UNSUPPORTED;

    /** A CNAME's own problems: cname-conflict judges them where a change touches them. */
    public boolean aboutCname() {
      return this == SEVERAL_CNAME || this == CNAME_AND_OTHER_DATA;
    }
  }

  /**
   * One reason named would not load the zone. {@code subject} tells two problems of one kind at
   * one name apart (the NS target, the algorithm); {@link #key} is the same for the same problem in
   * two snapshots of the zone.
   */
  public record Problem(Kind kind, String name, String type, String subject, String message) {
    public String key() {
      return kind + " " + name + " " + subject;
    }
  }

  /** Types named keeps beside a CNAME (BIND's "at CNAME" types): DNSSEC's own records. */
  private static final Set<String> BESIDE_CNAME = Set.of("CNAME", "RRSIG", "NSEC", "KEY", "SIG");

  /** The CDS and CDNSKEY that ask the parent to remove the DS (RFC 8078 §4): no key needed. */
  private static final String CDS_DELETE = "0 0 0 00";

  private static final String CDNSKEY_DELETE = "0 3 0 AA==";

  /**
   * Every reason named would refuse the zone, apex first, then in the zone's order; empty when it
   * would load. {@code cnames}: include a CNAME's own problems (beside other data, several at one
   * name), which the master loader refuses.
   */
  public static List<Problem> of(Zone z, boolean cnames) {
    List<Problem> out = new ArrayList<>();
    String origin = z.origin();
    RRset soa = z.get(origin, "SOA");
    int soas = soa == null ? 0 : soa.rdataCount();
    if (soas == 0) {
      out.add(new Problem(Kind.NO_SOA, origin, "SOA", "", "the zone has no SOA record"));
    } else if (soas > 1) {
      out.add(new Problem(Kind.SEVERAL_SOA, origin, "SOA", "", "the zone has " + soas + " SOA records; it takes one"));
    }
    RRset ns = z.get(origin, "NS");
    if (ns == null || ns.rdataCount() == 0) {
      out.add(new Problem(Kind.NO_NS, origin, "NS", "", "the zone has no NS records"));
    } else {
      for (String target : ns.rdata()) {
        Problem p = nsTarget(z, target);
        if (p != null) {
          out.add(p);
        }
      }
    }
    keyRequests(z, "CDS", CDS_DELETE, 1, Kind.CDS_WITHOUT_DNSKEY, out);
    keyRequests(z, "CDNSKEY", CDNSKEY_DELETE, 2, Kind.CDNSKEY_WITHOUT_DNSKEY, out);
    nsec3param(z, out);
    for (RRset s : z.setsOf(t -> t.equals("DNAME") || cnames && t.equals("CNAME"))) {
      if (s.rdataCount() > 1) {
        Kind k = s.type().equals("DNAME") ? Kind.SEVERAL_DNAME : Kind.SEVERAL_CNAME;
        out.add(new Problem(k, s.name(), s.type(), "", s.name() + " has " + s.rdataCount() + " " + s.type()
            + " records; it takes one"));
      }
      if (s.type().equals("CNAME")) {
        TreeSet<String> others = new TreeSet<>();
        for (RRset o : z.at(s.name())) {
          if (o.rdataCount() > 0 && !BESIDE_CNAME.contains(o.type())) {
            others.add(o.type());
          }
        }
        if (!others.isEmpty()) {
          out.add(new Problem(Kind.CNAME_AND_OTHER_DATA, s.name(), "CNAME", "", s.name() + " has a CNAME beside other data ("
              + String.join(", ", others) + ")"));
        }
      }
    }
    return out;
  }

  /** Null when named would load the zone; else the first reason it would not. */
  public static String loadProblem(Zone z) {
    List<Problem> problems = of(z, true);
    return problems.isEmpty() ? null : "named would not load the zone: " + problems.get(0).message();
  }

  /**
   * An apex NS name inside the zone must have an address named can find: looked up as named's
   * database finds it, from the top down. A delegation on the way (or at the name) makes the
   * address glue, which named does not judge here; a DNAME on the way (the apex's included)
   * redirects the name, which named refuses; at the name, an A or AAAA answers, a CNAME is
   * refused, anything else (other types only, an empty non-terminal, nothing) has no address
   * unless a wildcard answers for a name that does not exist.
   */
  private static Problem nsTarget(Zone z, String target) {
    String origin = z.origin();
    if (!Names.isAtOrBelow(target, origin)) {
      return null; // out of zone: named does not look it up
    }
    List<String> above = new ArrayList<>(); // the names above the target, from the apex down
    for (String n = Names.parent(target); n != null && Names.isAtOrBelow(n, origin); n = Names.parent(n)) {
      above.add(0, n);
      if (n.equals(origin)) {
        break;
      }
    }
    for (String n : above) {
      if (!n.equals(origin) && has(z, n, "NS")) {
        return null; // below a delegation: glue
      }
      if (has(z, n, "DNAME")) {
        return new Problem(Kind.NS_BELOW_DNAME, origin, "NS", target,
            "the apex NS " + target + " is below the DNAME at " + n);
      }
    }
    if (!target.equals(origin) && has(z, target, "NS")) {
      return null; // a delegation point: glue
    }
    String at = target;
    if (!z.hasAtOrBelow(target)) {
      String wild = z.wildcardFor(target);
      if (wild == null) {
        return noAddress(origin, target);
      }
      at = wild;
    }
    if (has(z, at, "A") || has(z, at, "AAAA")) {
      return null;
    }
    if (has(z, at, "CNAME")) {
      return new Problem(Kind.NS_CNAME, origin, "NS", target, "the apex NS " + target + " is a CNAME"
          + (at.equals(target) ? "" : " (by the wildcard " + at + ")"));
    }
    return noAddress(origin, target);
  }

  private static Problem noAddress(String origin, String target) {
    return new Problem(Kind.NS_NO_ADDRESS, origin, "NS", target,
        "the apex NS " + target + " is in the zone and has no address records (A or AAAA)");
  }

  /**
   * The apex CDS or CDNSKEY set: the delete request alone, or records whose every algorithm an
   * apex DNSKEY has (named 9.18 matches by algorithm; the key or digest itself is not compared).
   */
  private static void keyRequests(Zone z, String type, String delete, int algField, Kind kind, List<Problem> out) {
    String origin = z.origin();
    RRset s = z.get(origin, type);
    if (s == null || s.rdataCount() == 0) {
      return;
    }
    TreeSet<Integer> keys = new TreeSet<>();
    RRset dnskey = z.get(origin, "DNSKEY");
    if (dnskey != null) {
      for (String r : dnskey.rdata()) {
        keys.add(field(r, 2));
      }
    }
    boolean deletes = false;
    TreeSet<Integer> missing = new TreeSet<>();
    for (String r : s.rdata()) {
      if (r.equals(delete)) {
        deletes = true;
      } else {
        int alg = field(r, algField);
        if (alg < 0 || !keys.contains(alg)) {
          missing.add(alg);
        }
      }
    }
    if (deletes && s.rdataCount() > 1) {
      out.add(new Problem(kind, origin, type, "delete", "the " + type + " delete request (" + delete
          + ") is not alone in its set"));
    }
    for (int alg : missing) {
      out.add(new Problem(kind, origin, type, String.valueOf(alg), "the " + type + " set names algorithm "
          + (alg < 0 ? "(unreadable)" : alg) + " and no apex DNSKEY has it"));
    }
  }

  /** An apex NSEC3PARAM set needs one record whose hash named supports (SHA-1, RFC 5155 §11). */
  private static void nsec3param(Zone z, List<Problem> out) {
    String origin = z.origin();
    RRset s = z.get(origin, "NSEC3PARAM");
    if (s == null || s.rdataCount() == 0) {
      return;
    }
    for (String r : s.rdata()) {
      if (field(r, 0) == 1) {
        return;
      }
    }
    out.add(new Problem(Kind.NSEC3PARAM_UNSUPPORTED, origin, "NSEC3PARAM", "",
        "no NSEC3PARAM record has a hash algorithm named supports (1, SHA-1)"));
  }

  /** The {@code i}th field of canonical rdata as a number, or -1. */
  private static int field(String rdata, int i) {
    String[] f = rdata.trim().split("\\s+");
    if (f.length <= i) {
      return -1;
    }
    try {
      return Integer.parseInt(f[i]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean has(Zone z, String name, String type) {
    RRset s = z.get(name, type);
    return s != null && s.rdataCount() > 0;
  }
}
