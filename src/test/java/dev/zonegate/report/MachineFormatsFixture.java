package dev.zonegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.RRset;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.rules.Allowance;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Outcome;
import dev.zonegate.rules.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Reports built by hand for the junit, codequality and SARIF renderer tests. */
final class MachineFormatsFixture {
  private MachineFormatsFixture() {}

  static final String COM = "example.com.";
  static final String NET = "example.net.";
  static final String ORG = "example.org.";
  static final String COM_FILE = "zones/example.com.zone";

  /** Record data a hostile change could carry: markup, CDATA end, controls, odd code units. */
  static final String HOSTILE = "<script>alert(1)</script> ]]> & \" ' ` | \u001b[31mred\u001b[0m \u0000 \u0007\u0008"
      + "\u000b\u000c\r\n\u0085 \ufffe\uffff \ud800 [[ATTACHMENT|../../secret.txt]] \u202eevil"
      + " <![CDATA[x]]> --> <!-- ";

  static final String LONG = "y".repeat(4000);

  static Change update(String zone, String name, String before, String after, Location at) {
    return new Change(zone,
        new RRset(RRsetKey.of(name, "A"), 300, List.of(before), null),
        new RRset(RRsetKey.of(name, "A"), 300, List.of(after), at));
  }

  static Finding finding(String rule, Severity s, String zone, String name, String type, String message,
      List<String> before, List<String> after, Location at) {
    return new Finding(rule, s, zone, name, type, message, before, after, at, true, null);
  }

  /**
   * Three zones: example.com. with two blocking address-emptied findings (one without a
   * location), an allowed critical-endpoint and a finding of a rule with no description;
   * example.net. with a warning; example.org. with a zone-wide note and no located data at all.
   */
  static Report report(String countWord) {
    List<Change> changes = List.of(
        update(COM, "api.example.com.", "192.0.2.1", "192.0.2.9", new Location(COM_FILE, 12)),
        new Change(COM, new RRset(RRsetKey.of("old.example.com.", "A"), 60, List.of("192.0.2.7"), null), null),
        new Change(NET, null, new RRset(RRsetKey.of("www.example.net.", "AAAA"), 300, List.of("2001:db8::1"),
            new Location("./zones/example.net.zone", 3))));
    List<Finding> findings = List.of(
        finding("address-emptied", Severity.BLOCK, COM, "old.example.com.", "A",
            "the last address of old.example.com. is deleted", List.of("192.0.2.7"), List.of(), null),
        finding("address-emptied", Severity.BLOCK, COM, "api.example.com.", "A",
            "all addresses of api.example.com. are replaced", List.of("192.0.2.1"), List.of("192.0.2.9"),
            new Location(COM_FILE, 12)),
        finding("critical-endpoint", Severity.BLOCK, COM, "api.example.com.", "A",
            "api.example.com. is critical", List.of("192.0.2.1"), List.of("192.0.2.9"), new Location(COM_FILE, 12))
            .allow(new Allowance("trailer", "commit 0123abc by Ann", "planned migration")),
        finding("soa-serial", Severity.BLOCK, COM, "example.com.", "SOA",
            "the SOA serial did not increase", List.of(), List.of(), new Location(COM_FILE, 0)),
        finding("ttl-guard", Severity.WARN, NET, "www.example.net.", "AAAA",
            "TTL 300 is below 600", List.of(), List.of("2001:db8::1"), new Location("./zones/example.net.zone", 3)),
        finding("change-threshold", Severity.INFO, ORG, null, null,
            countWord + " changes in example.org.", List.of(), List.of(), null));
    Map<String, String> descriptions = Map.of(
        "address-emptied", "A name loses its last address. Clients get NXDOMAIN or NODATA.",
        "critical-endpoint", "A critical name changes.",
        "ttl-guard", "A TTL below the configured minimum.",
        "change-threshold", "More changes than the threshold.",
        "dnssec-change", "DNSSEC records change.");
    return new Report(Outcome.BLOCK, List.of(COM, NET, ORG), changes, findings, descriptions, List.of());
  }

  static Report report() {
    return report("12");
  }

  /** A report whose finding name and message are hostile, in a zone named with markup. */
  static Report hostile() {
    String name = HOSTILE + ".example.com.";
    List<Finding> findings = List.of(
        finding("address-emptied", Severity.BLOCK, COM, name, "A", HOSTILE + " " + LONG,
            List.of(HOSTILE), List.of(), new Location("zones/a b\u001b.zone", 7)),
        finding("ttl-guard", Severity.WARN, COM, name, "TXT", LONG, List.of(LONG), List.of(HOSTILE), null),
        finding("critical-endpoint", Severity.BLOCK, "<zone>&\u0000.", name, "A", HOSTILE, List.of(), List.of(), null)
            .allow(new Allowance("label", HOSTILE, HOSTILE)));
    return new Report(Outcome.BLOCK, List.of(COM), List.of(), findings,
        Map.of("address-emptied", HOSTILE, "ttl-guard", "ok"), List.of());
  }

  /** Checked one by one: an assertion on a whole hostile report would print tens of kilobytes. */
  static void containsEach(String actual, String... expected) {
    for (String e : expected) {
      assertThat(actual.contains(e)).as("output contains %s", e).isTrue();
    }
  }

  static void containsNone(String actual, String... unexpected) {
    for (String u : unexpected) {
      assertThat(actual.contains(u)).as("output contains %s", u.chars().mapToObj(Integer::toHexString).toList())
          .isFalse();
    }
  }

  static String render(Renderer r, Report report) throws IOException {
    StringWriter w = new StringWriter();
    r.render(report, w);
    return w.toString();
  }
}
