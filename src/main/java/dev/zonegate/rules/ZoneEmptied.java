package dev.zonegate.rules;

import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.util.List;
import java.util.Set;

// Risk: A generator or export bug that writes an empty zone removes every name at once.
// Source: octoDNS/DNSControl 'safety' thresholds; the 2025-10-20 empty-record outage.
final class ZoneEmptied implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "zone-emptied",
          Severity.BLOCK,
          "the proposed zone has no records but SOA/NS (or its file is gone) while the live zone had others",
          List.of(),
          ZoneEmptied::new,
          new RuleType.Example("@ NS ns1.example.net.\nwww A 192.0.2.1\napi A 192.0.2.2\n", "@ NS ns1.example.net.\n"));

  /**
   * Apex sets every zone carries whatever it serves: the SOA and NS, and the key material and
   * denial chain of a signed zone. A zone holding only these serves no user data.
   */
  private static final Set<String> APEX_INFRASTRUCTURE =
      Set.of("SOA", "NS", "DNSKEY", "CDS", "CDNSKEY", "NSEC3PARAM");

  private final RuleSpec spec;

  ZoneEmptied(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    Zone after = in.after();
    if (after == null) {
      return;
    }
    // A live zone of a million sets is judged by the first user set of the proposed one, so the
    // common case stops at once; only an emptied proposal is counted through.
    for (RRset s : after.sets()) {
      if (isUserData(s, after.origin())) {
        return;
      }
    }
    int vanishing = 0;
    int records = 0;
    for (RRset s : in.before().sets()) {
      if (isUserData(s, in.before().origin())) {
        vanishing++;
        records += s.rdata().size();
      }
    }
    if (vanishing == 0) {
      return; // nothing to lose: a new or already empty zone
    }
    String what =
        after.marks().isPartial()
            ? "every record of the zone the plan manages goes (the zone holds " + after.marks().partial() + ")"
            : after.isEmpty()
            ? "the proposed zone is empty (is its file gone?)"
            : "the proposed zone has nothing but SOA/NS at the apex";
    out.add(
        in.zone(),
        null,
        what + ": " + vanishing + (vanishing == 1 ? " RRset" : " RRsets") + " (" + records
            + (records == 1 ? " record" : " records") + ") that are live would vanish",
        List.of(),
        List.of(),
        in.afterFile());
  }

  /** Anything but apex infrastructure and signatures/denial records, which only accompany data. */
  private static boolean isUserData(RRset s, String origin) {
    if (s.rdata().isEmpty() || AddressEmptied.dnssecMeta(s.type())) {
      return false;
    }
    return !(s.name().equals(origin) && APEX_INFRASTRUCTURE.contains(s.type()));
  }
}
