package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.RRset;
import java.util.List;

// Risk: Moving a zone's name servers to servers that do not serve it takes the whole zone off the internet.
// Source: RFC 1034 §4.1, RFC 2182 (secondary servers); the parent delegation must match.
final class ApexNsChange implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "apex-ns-change",
          Severity.BLOCK,
          "the apex NS set or SOA MNAME changes, or fewer than minNs NS remain",
          List.of(
              new Param("minNs", 2L, "fewest name servers the apex may keep (RFC 1034 \u00a74.1 asks for at least two)")),
          ApexNsChange::new,
          new RuleType.Example("@ NS ns1.example.net.\n@ NS ns2.example.net.\n", "@ NS ns1.example.net.\n@ NS ns3.example.org.\n"));

  private final RuleSpec spec;

  ApexNsChange(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    String apex = in.zone();
    // Only the records count: a TTL-only change moves no server and is left to ttl-guard.
    Change ns = in.change(apex, "NS");
    // A zone that had no apex NS before is new to this repository (first push, zone added): its
    // servers are being set, not moved, and there is no delegation yet to break.
    if (ns != null && ns.before() != null && (!ns.added().isEmpty() || !ns.removed().isEmpty())) {
      StringBuilder msg = new StringBuilder(ns.after() == null ? "apex NS set deleted" : "apex NS set changes");
      if (!ns.removed().isEmpty()) {
        msg.append(": removes ").append(String.join(", ", ns.removed()));
      }
      if (!ns.added().isEmpty()) {
        msg.append(ns.removed().isEmpty() ? ": adds " : "; adds ").append(String.join(", ", ns.added()));
      }
      int left = ns.afterRdata().size();
      long minNs = spec.longParam("minNs");
      if (left < minNs) {
        msg.append("; only ").append(left).append(left == 1 ? " name server remains" : " name servers remain")
            .append(" (at least ").append(minNs).append(" expected, RFC 1034 \u00a74.1)");
      }
      msg.append("; the parent's delegation must match and every listed server must serve the zone");
      out.add(ns, msg.toString());
    }
    // The SOA is in the changes only when both sides have one and MNAME, RNAME or timers differ.
    Change soa = in.change(apex, "SOA");
    if (soa != null && soa.before() != null && soa.after() != null) {
      String from = mname(soa.before());
      String to = mname(soa.after());
      if (from != null && to != null && !from.equals(to)) {
        out.add(soa, "SOA MNAME (primary server) changes from " + from + " to " + to
            + ": secondaries and dynamic updates follow the primary");
      }
    }
  }

  /** First field of the SOA rdata, or null if there is none. */
  private static String mname(RRset soa) {
    if (soa.rdata().isEmpty()) {
      return null;
    }
    String[] f = soa.rdata().get(0).trim().split("\\s+");
    return f.length == 0 || f[0].isEmpty() ? null : f[0];
  }
}
