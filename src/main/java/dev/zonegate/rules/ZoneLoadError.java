package dev.zonegate.rules;

import dev.zonegate.model.Location;
import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import dev.zonegate.zone.BindZoneChecks;
import dev.zonegate.zone.ZoneFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

// Risk: named refuses to load a primary zone that fails its load checks, however small the edit
// that broke it: the reload keeps the old data only until the next restart, after which no name
// of the zone resolves (SERVFAIL), and every later change to the file is ignored meanwhile.
// Source: BIND 9's zone load checks; RFC 1035 §5.2 (SOA and NS at the top of a zone), RFC 1034
// §4.2.2 and RFC 2181 §10.3 (an NS name needs an address and is no alias), RFC 6672 §2.4 (a
// DNAME redirects every name below it), RFC 7344 and 8078 (CDS/CDNSKEY), RFC 5155 §4 (NSEC3PARAM).
//
// Trigger: the proposed master file has a problem that named refuses and the zone it replaces did
// not have; a problem already there is old news (that zone is not what named serves, or the file
// is loaded by something else) and does not block an unrelated change. An empty file is
// zone-emptied's, and a CNAME beside other data or several at one name is cname-conflict's.
final class ZoneLoadError implements Rule {
  static final RuleType TYPE =
      new RuleType(
          "zone-load-error",
          Severity.BLOCK,
          "named would refuse to load the proposed master file, and the zone it replaces loaded: no SOA or NS at the apex, several SOA or DNAME records at one name, an apex NS name in the zone without an address, a CNAME or below a DNAME, a CDS/CDNSKEY of an algorithm no apex DNSKEY has (or a delete request beside others), an NSEC3PARAM without a supported hash",
          List.of(),
          ZoneLoadError::new,
          new RuleType.Example(
              "@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\n@ NS ns2.example.net.\nns1 A 192.0.2.53\n",
              "@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\n@ NS ns2.example.net.\nns1 CNAME dns.example.net.\n"));

  private final RuleSpec spec;

  ZoneLoadError(RuleSpec spec) {
    this.spec = spec;
  }

  @Override
  public void check(RuleInput in, Findings out) {
    Zone after = in.after();
    // Only a master file is loaded by named as it is; octoDNS and provider data have no SOA.
    if (in.afterFormat() != ZoneFormat.MASTER || after == null || after.isEmpty()) {
      return;
    }
    List<BindZoneChecks.Problem> now = BindZoneChecks.of(after, false);
    if (now.isEmpty()) {
      return;
    }
    Set<String> before = new HashSet<>();
    if (in.before() != null && !in.before().isEmpty()) {
      for (BindZoneChecks.Problem p : BindZoneChecks.of(in.before(), false)) {
        before.add(p.key());
      }
    }
    for (BindZoneChecks.Problem p : now) {
      if (before.contains(p.key())) {
        continue;
      }
      RRset was = in.before() == null ? null : in.before().get(p.name(), p.type());
      RRset set = after.get(p.name(), p.type());
      Location where = set != null && set.location() != null ? set.location() : in.afterFile();
      out.add(
          p.name(),
          p.type(),
          "named would not load the zone: " + p.message(),
          was == null ? List.of() : was.rdata(),
          set == null ? List.of() : set.rdata(),
          where);
    }
  }
}
