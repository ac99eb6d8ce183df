package dev.zonegate.rules;

import dev.zonegate.model.Change;
import dev.zonegate.model.RRset;
import dev.zonegate.zone.ZoneFormat;
import java.util.List;

// Risk: Secondaries only transfer a zone whose serial increased: the change would never reach them.
// Source: RFC 1034 §4.3.5, RFC 1982 (serial number arithmetic).
final class SoaSerial implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "soa-serial",
          Severity.WARN,
          "a master file's content changed and its SOA serial did not increase",
          List.of(),
          SoaSerial::new,
          new RuleType.Example("@ SOA ns1 hostmaster 2024010101 7200 900 1209600 300\nwww A 192.0.2.1\n", "@ SOA ns1 hostmaster 2024010101 7200 900 1209600 300\nwww A 192.0.2.2\n"));

  private final RuleSpec spec;

  SoaSerial(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    // Only master files carry a serial someone maintains; octoDNS and providers set their own.
    if (in.afterFormat() != ZoneFormat.MASTER || in.before() == null || in.after() == null) {
      return;
    }
    RRset was = in.before().get(in.zone(), "SOA");
    RRset now = in.after().get(in.zone(), "SOA");
    if (was == null || now == null) {
      return;
    }
    // The diff ignores the serial, so "content changed" means any change but the SOA itself.
    boolean content = false;
    for (Change c : in.changes()) {
      if (!(c.type().equals("SOA") && c.name().equals(in.zone()))) {
        content = true;
        break;
      }
    }
    if (!content) {
      return;
    }
    Long s1 = serial(was);
    Long s2 = serial(now);
    if (s1 == null || s2 == null || greater(s2, s1)) {
      return;
    }
    String msg =
        s1.equals(s2)
            ? "the zone's content changes but its SOA serial stays " + s1
            : "the SOA serial goes from " + s1 + " to " + s2 + ", which is not an increase in RFC 1982 serial arithmetic";
    out.add(in.zone(), "SOA", msg + ": secondaries will not transfer the change (RFC 1034 \u00a74.3.5)",
        was.rdata(), now.rdata(), now.location());
  }

  /** SOA rdata is {@code mname rname serial refresh retry expire minimum}. */
  static Long serial(RRset soa) {
    if (soa.rdata().isEmpty()) {
      return null;
    }
    String[] f = soa.rdata().get(0).trim().split("\\s+");
    try {
      long s = f.length == 7 ? Long.parseLong(f[2]) : -1;
      return s >= 0 && s <= 0xFFFFFFFFL ? s : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** RFC 1982 §3.2 with SERIAL_BITS = 32; a difference of exactly 2^31 is undefined: not greater. */
  static boolean greater(long s2, long s1) {
    long half = 1L << 31;
    return (s1 < s2 && s2 - s1 < half) || (s1 > s2 && s1 - s2 > half);
  }
}
