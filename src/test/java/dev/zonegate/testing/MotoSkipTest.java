package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests that need moto must not vanish where it cannot run: each is reported skipped with the
 * reason, and fails where moto is required. Runs the moto tests in a nested JUnit with moto made
 * unfindable.
 */
class MotoSkipTest {
  static final List<String> CLASSES =
      List.of("dev.zonegate.live.route53.Route53SourceTest", "dev.zonegate.cli.Route53CheckTest", "dev.zonegate.cli.Route53JarIT");

  static NestedJUnit.Outcome run(String require) {
    String moto = System.getProperty(MotoServer.MOTO_PROPERTY);
    String req = System.getProperty(MotoServer.REQUIRE_PROPERTY);
    System.setProperty(MotoServer.MOTO_PROPERTY, "/nonexistent/moto");
    System.setProperty(MotoServer.REQUIRE_PROPERTY, require);
    try {
      return NestedJUnit.run(CLASSES);
    } finally {
      restore(MotoServer.MOTO_PROPERTY, moto);
      restore(MotoServer.REQUIRE_PROPERTY, req);
    }
  }

  @Test
  void withoutMotoEachRoute53TestIsReportedSkippedWithTheReason() {
    NestedJUnit.Outcome o = run("0");
    assertThat(o.started()).isEmpty();
    assertThat(o.failed()).isEmpty();
    assertThat(o.skipped()).hasSizeGreaterThan(10)
        .allMatch(r -> r.startsWith(MotoServer.MISSING + "/nonexistent/moto/bin/moto-server is missing; needs ../shared/peers/moto"))
        .allMatch(r -> r.contains("python3-flask-cors"));
  }

  @Test
  void requiredMotoThatCannotRunFails() {
    NestedJUnit.Outcome o = run("1");
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
