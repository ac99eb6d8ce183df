package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Tests that need a real PowerDNS must not vanish where it is missing: each is reported skipped,
 * with the reason. Runs them in a nested JUnit with pdns_server made unfindable and not required.
 */
class PdnsSkipTest {
  @Test
  void withoutPdnsEachPowerDnsTestIsReportedSkippedWithTheReason() {
    List<String> skipped = new ArrayList<>();
    List<String> started = new ArrayList<>();
    String pdns = System.getProperty(PdnsServer.PDNS_PROPERTY);
    String require = System.getProperty(PdnsServer.REQUIRE_PROPERTY);
    System.setProperty(PdnsServer.PDNS_PROPERTY, "/nonexistent/pdns_server");
    System.setProperty(PdnsServer.REQUIRE_PROPERTY, "0");
    try {
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(
                  DiscoverySelectors.selectClass("dev.zonegate.cli.PowerDnsCheckTest"),
                  DiscoverySelectors.selectClass("dev.zonegate.live.powerdns.PowerDnsSourceTest"),
                  DiscoverySelectors.selectClass("dev.zonegate.live.powerdns.OctoDnsPowerDnsParityTest"))
              .build();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(
          request,
          new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
              if (id.isTest()) {
                skipped.add(reason);
              }
            }

            @Override
            public void executionStarted(TestIdentifier id) {
              if (id.isTest()) {
                started.add(id.getDisplayName());
              }
            }
          });
    } finally {
      restore(PdnsServer.PDNS_PROPERTY, pdns);
      restore(PdnsServer.REQUIRE_PROPERTY, require);
    }
    assertThat(started).isEmpty();
    assertThat(skipped).hasSizeGreaterThan(20).allMatch(r -> r.equals(PdnsServer.MISSING));
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
