package dev.zonegate.rules;

import dev.zonegate.model.Change;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

// Risk: Key changes outside a planned rollover make a signed zone bogus for validating resolvers.
// Source: RFC 6781 (DNSSEC operational practices), RFC 7583 (key rollover timing), RFC 7344 (CDS/CDNSKEY).
//
// Trigger, as re-read: the zone's own key material (DNSKEY, and the CDS/CDNSKEY it asks its parent
// to publish) changes. A DS below the apex is not this zone's key: it is a child's, published at
// the delegation when the child rolls its KSK, which in a parent zone (a registry, the root, a
// company delegating dev.example.com) is routine work the child drives. It is delegation-change's,
// which warns with what to check. A TTL-only change cannot make anything bogus (validators cap
// cached data at the RRSIG's original TTL); it only shifts rollover timing, so it warns.
final class DnssecChange implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "dnssec-change",
          Severity.BLOCK,
          "the zone's own DNSKEY, CDS or CDNSKEY sets (or a DS at the apex) change; a TTL-only change warns",
          List.of(),
          DnssecChange::new,
          new RuleType.Example("@ DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n", "\n"));

  private final RuleSpec spec;

  DnssecChange(RuleSpec spec) {
    this.spec = spec;
  }

  private static final Set<String> TYPES = Set.of("DNSKEY", "DS", "CDS", "CDNSKEY");

  @Override
  public void check(RuleInput in, Findings out) {
    for (Change c : in.changes()) {
      if (!TYPES.contains(c.type()) || c.type().equals("DS") && !c.name().equals(in.zone())) {
        continue;
      }
      String what = c.type() + " set at " + c.name();
      switch (c.action()) {
        case ADD:
          out.add(c, what + " added: " + describe(c.type(), c.added()) + deleteSignal(c));
          break;
        case DELETE:
          out.add(c, what + " deleted: " + describe(c.type(), c.removed()));
          break;
        default:
          if (c.added().isEmpty() && c.removed().isEmpty()) {
            // TTL-only still warns: the TTL sets how long old keys stay cached, which is what
            // rollover timing (RFC 7583) is computed from.
            out.add(Severity.WARN, c.name(), c.type(), what + " changes TTL only, " + c.ttlBefore() + " to "
                + c.ttlAfter() + ": rollover timing depends on it (RFC 7583)", c.beforeRdata(), c.afterRdata(),
                c.location());
          } else {
            StringBuilder msg = new StringBuilder(what).append(" changes");
            if (!c.removed().isEmpty()) {
              msg.append(": removes ").append(describe(c.type(), c.removed()));
            }
            if (!c.added().isEmpty()) {
              msg.append(c.removed().isEmpty() ? ": adds " : "; adds ").append(describe(c.type(), c.added()));
            }
            out.add(c, msg + deleteSignal(c));
          }
      }
    }
  }

  /** Keys and digests by what people compare in a rollover: flags, key tag, algorithm. */
  static String describe(String type, List<String> rdata) {
    List<String> parts = new ArrayList<>();
    for (String r : rdata) {
      parts.add(describe(type, r));
    }
    return String.join(", ", parts);
  }

  static String describe(String type, String rdata) {
    String[] f = rdata.trim().split("\\s+");
    if ((type.equals("DS") || type.equals("CDS")) && f.length >= 4) {
      return "key tag " + f[0] + " algorithm " + f[1] + " digest type " + f[2];
    }
    if ((type.equals("DNSKEY") || type.equals("CDNSKEY")) && f.length >= 4) {
      String role = "257".equals(f[0]) ? "KSK" : "256".equals(f[0]) ? "ZSK" : "flags " + f[0];
      try {
        Record r = Record.fromString(Name.root, Type.value(type), DClass.IN, 0, rdata, Name.root);
        if (r instanceof DNSKEYRecord) {
          return role + " key tag " + ((DNSKEYRecord) r).getFootprint() + " algorithm " + f[2];
        }
      } catch (IOException | RuntimeException e) {
        // fall through: the reader accepted it, so at worst the message shows less
      }
      return role + " algorithm " + f[2];
    }
    return rdata.length() > 60 ? rdata.substring(0, 60) + "\u2026" : rdata;
  }

  /** CDS {@code 0 0 0 00} / CDNSKEY {@code 0 3 0 AA==} ask the parent to remove the DS (RFC 8078 §4). */
  private static String deleteSignal(Change c) {
    for (String r : c.added()) {
      String[] f = r.trim().split("\\s+");
      if (f.length >= 4 && f[0].equals("0") && f[2].equals("0")
          && (c.type().equals("CDS") && f[1].equals("0") || c.type().equals("CDNSKEY") && f[1].equals("3"))) {
        return "; this is a delete request: the parent will remove the DS and the zone goes insecure (RFC 8078)";
      }
    }
    return "";
  }
}
