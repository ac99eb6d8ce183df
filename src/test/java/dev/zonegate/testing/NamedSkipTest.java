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
 * Tests that need a real named must not vanish where it is missing: each is reported as skipped,
 * with the reason, so "Tests run: 0" can never pass for a green run. Runs the live-state tests in a
 * nested JUnit with named made unfindable.
 */
class NamedSkipTest {
  @Test
  void withoutNamedEachLiveTestIsReportedSkippedWithTheReason() {
    List<String> skipped = new ArrayList<>();
    List<String> started = new ArrayList<>();
    String named = System.getProperty(NamedServer.NAMED_PROPERTY);
    String require = System.getProperty(NamedServer.REQUIRE_PROPERTY);
    System.setProperty(NamedServer.NAMED_PROPERTY, "/nonexistent/named");
    System.setProperty(NamedServer.REQUIRE_PROPERTY, "0");
    try {
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(DiscoverySelectors.selectClass("dev.zonegate.cli.LiveCheckTest"))
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
      restore(NamedServer.NAMED_PROPERTY, named);
      restore(NamedServer.REQUIRE_PROPERTY, require);
    }
    assertThat(started).isEmpty();
    assertThat(skipped).hasSizeGreaterThan(5).allMatch(r -> r.equals(NamedServer.MISSING));
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
