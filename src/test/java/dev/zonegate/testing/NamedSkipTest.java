package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests that need a real named must not vanish where it is missing: each is reported as skipped,
 * with the reason, so "Tests run: 0" can never pass for a green run. Runs the live-state tests in a
 * nested JUnit with named made unfindable.
 */
class NamedSkipTest {
  @Test
  void withoutNamedEachLiveTestIsReportedSkippedWithTheReason() {
    SkipProbe.Outcome o = SkipProbe.run(
        Map.of(NamedServer.NAMED_PROPERTY, "/nonexistent/named", NamedServer.REQUIRE_PROPERTY, "0"),
        "dev.zonegate.cli.LiveCheckTest");
    assertThat(o.started()).isEmpty();
    assertThat(o.skipped()).hasSizeGreaterThan(5).allMatch(r -> r.equals(NamedServer.MISSING));
  }
}
