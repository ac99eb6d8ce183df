package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.rules.Outcome;
import org.junit.jupiter.api.Test;

/** The outcome's exit code is the one docs/exit-codes.md gives, and the one Main documents. */
class OutcomeExitCodeTest {
  @Test
  void passIsZeroAndBlockIsOneAndEachPrintsItsWord() {
    assertThat(Outcome.PASS.exitCode()).isEqualTo(Main.PASS).isZero();
    assertThat(Outcome.BLOCK.exitCode()).isEqualTo(Main.BLOCK).isEqualTo(1);
    assertThat(Outcome.of(false)).isEqualTo(Outcome.PASS);
    assertThat(Outcome.of(true)).isEqualTo(Outcome.BLOCK);
    assertThat(Outcome.PASS.word()).isEqualTo("pass").isEqualTo(Outcome.PASS.toString());
    assertThat(Outcome.BLOCK.word()).isEqualTo("block").isEqualTo(Outcome.BLOCK.toString());
  }
}
