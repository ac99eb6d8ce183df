package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests that need a real named must not vanish where it is missing: each is reported as skipped,
 * with the reason, so "Tests run: 0" can never pass for a green run. Runs the live-state tests in a
 * nested JUnit with named made unfindable.
 */
class NamedSkipTest {
  @Test
  void withoutNamedEachLiveTestIsReportedSkippedWithTheReason() {
    String named = System.getProperty(NamedServer.NAMED_PROPERTY);
    String require = System.getProperty(NamedServer.REQUIRE_PROPERTY);
    System.setProperty(NamedServer.NAMED_PROPERTY, "/nonexistent/named");
    System.setProperty(NamedServer.REQUIRE_PROPERTY, "0");
    NestedJUnit.Outcome o;
    try {
      o = NestedJUnit.run(List.of("dev.zonegate.cli.LiveCheckTest"));
    } finally {
      restore(NamedServer.NAMED_PROPERTY, named);
      restore(NamedServer.REQUIRE_PROPERTY, require);
    }
    assertThat(o.started()).isEmpty();
    assertThat(o.skipped()).hasSizeGreaterThan(5).allMatch(r -> r.equals(NamedServer.MISSING));
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
