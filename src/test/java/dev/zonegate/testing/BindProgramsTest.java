package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing BIND program skips the test with its message, or fails it where BIND is required. */
class BindProgramsTest {
  private static final String PROPERTY = BindPrograms.REQUIRE_PROPERTY;

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
  void aProgramGivenAsAFallbackIsFound(@TempDir Path dir) throws Exception {
    Path program = Files.writeString(dir.resolve("no-such-program-zg"), "#!/bin/sh\n");
    assertThat(program.toFile().setExecutable(true)).isTrue();
    assertThat(BindPrograms.require("no-such-program-zg", "missing", program)).isEqualTo(program);
  }
}
