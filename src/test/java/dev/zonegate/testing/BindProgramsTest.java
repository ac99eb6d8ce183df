package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing BIND program skips the test with its message, or fails it where BIND is required. */
class BindProgramsTest {
  private static final String PROPERTY = "zonegate.test.requireNamed";

  @AfterEach
  void clear() {
    System.clearProperty(PROPERTY);
  }

  @Test
  void aMissingProgramSkipsTheTestNamingWhatIsMissing() {
    System.setProperty(PROPERTY, "0");
    assertThatThrownBy(() -> BindPrograms.require("no-such-program-zg", "no-such-program-zg is not installed"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no-such-program-zg is not installed");
  }

  @Test
  void aMissingProgramFailsTheTestWhereBindIsRequired() {
    System.setProperty(PROPERTY, "1");
    assertThatThrownBy(() -> BindPrograms.require("no-such-program-zg", "no-such-program-zg is not installed"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("no-such-program-zg is not installed")
        .hasMessageContaining("ZONEGATE_REQUIRE_NAMED=1");
  }

  @Test
  void aProgramGivenAsAFallbackIsFound() {
    Path sh = Path.of("/bin/sh");
    org.junit.jupiter.api.Assumptions.assumeTrue(sh.toFile().canExecute(), "no /bin/sh");
    assertThat(BindPrograms.require("no-such-program-zg", "missing", sh)).isEqualTo(sh);
  }
}
