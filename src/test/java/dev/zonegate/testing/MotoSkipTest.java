package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests that need moto must not vanish where it cannot run: each is reported skipped with the
 * reason, and fails where moto is required. Runs the moto tests in a nested JUnit with moto made
 * unfindable.
 */
class MotoSkipTest {
  static final List<String> CLASSES =
      List.of("dev.zonegate.live.route53.Route53SourceTest", "dev.zonegate.cli.Route53CheckTest", "dev.zonegate.cli.Route53JarIT");

  static SkipProbe.Outcome run(String require) {
    return SkipProbe.run(
        Map.of(MotoServer.MOTO_PROPERTY, "/nonexistent/moto", MotoServer.REQUIRE_PROPERTY, require),
        CLASSES.toArray(String[]::new));
  }

  @Test
  void withoutMotoEachRoute53TestIsReportedSkippedWithTheReason() {
    SkipProbe.Outcome o = run("0");
    assertThat(o.started()).isEmpty();
    assertThat(o.failed()).isEmpty();
    assertThat(o.skipped()).hasSizeGreaterThan(10)
        .allMatch(r -> r.startsWith(MotoServer.MISSING + "/nonexistent/moto/bin/moto-server is missing; needs ../shared/peers/moto"))
        .allMatch(r -> r.contains("python3-flask-cors"));
  }

  @Test
  void requiredMotoThatCannotRunFails() {
    SkipProbe.Outcome o = run("1");
    assertThat(o.skipped()).isEmpty();
    assertThat(o.failed()).isNotEmpty()
        .allMatch(f -> f.contains(MotoServer.MISSING) && f.contains(MotoServer.REQUIRE_ENV + "=1 requires it"));
  }
}
