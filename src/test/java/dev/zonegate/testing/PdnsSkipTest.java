package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests that need a real PowerDNS must not vanish where it is missing: each is reported skipped,
 * with the reason. Runs them in a nested JUnit with pdns_server made unfindable and not required.
 */
class PdnsSkipTest {
  @Test
  void withoutPdnsEachPowerDnsTestIsReportedSkippedWithTheReason() {
    SkipProbe.Outcome o = SkipProbe.run(
        Map.of(PdnsServer.PDNS_PROPERTY, "/nonexistent/pdns_server", PdnsServer.REQUIRE_PROPERTY, "0"),
        "dev.zonegate.cli.PowerDnsCheckTest",
        "dev.zonegate.live.powerdns.PowerDnsSourceTest",
        "dev.zonegate.live.powerdns.OctoDnsPowerDnsParityTest");
    assertThat(o.started()).isEmpty();
    assertThat(o.skipped()).hasSizeGreaterThan(20).allMatch(r -> r.equals(PdnsServer.MISSING));
  }
}
