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
 * Tests that need moto must not vanish where it cannot run: each is reported skipped with the
 * reason (and, required, fails). Runs the moto tests in a nested JUnit with moto made unfindable.
 */
class MotoSkipTest {
  static final List<String> CLASSES =
      List.of("dev.zonegate.live.route53.Route53SourceTest", "dev.zonegate.cli.Route53CheckTest");

  record Outcome(List<String> started, List<String> skipped, List<String> failed) {}

  static Outcome run(String require) {
    List<String> skipped = new ArrayList<>();
    List<String> started = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    String moto = System.getProperty(MotoServer.MOTO_PROPERTY);
    String req = System.getProperty(MotoServer.REQUIRE_PROPERTY);
    System.setProperty(MotoServer.MOTO_PROPERTY, "/nonexistent/moto");
    System.setProperty(MotoServer.REQUIRE_PROPERTY, require);
    try {
      LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request();
      for (String c : CLASSES) {
        b.selectors(DiscoverySelectors.selectClass(c));
      }
      LauncherDiscoveryRequest request = b.build();
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

            @Override
            public void executionFinished(TestIdentifier id, org.junit.platform.engine.TestExecutionResult result) {
              if (result.getStatus() == org.junit.platform.engine.TestExecutionResult.Status.FAILED) {
                failed.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
              }
            }
          });
    } finally {
      restore(MotoServer.MOTO_PROPERTY, moto);
      restore(MotoServer.REQUIRE_PROPERTY, req);
    }
    return new Outcome(started, skipped, failed);
  }

  @Test
  void withoutMotoEachRoute53TestIsReportedSkippedWithTheReason() {
    Outcome o = run("0");
    assertThat(o.started()).isEmpty();
    assertThat(o.failed()).isEmpty();
    assertThat(o.skipped()).hasSizeGreaterThan(10)
        .allMatch(r -> r.startsWith(MotoServer.MISSING + "/nonexistent/moto/bin/moto-server is missing; needs ../shared/peers/moto"))
        .allMatch(r -> r.contains("python3-flask-cors"));
  }

  @Test
  void requiredMotoThatCannotRunFails() {
    Outcome o = run("1");
    assertThat(o.skipped()).isEmpty();
    assertThat(o.failed()).isNotEmpty()
        .allMatch(f -> f.contains(MotoServer.MISSING) && f.contains(MotoServer.REQUIRE_ENV + "=1 requires it"));
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
