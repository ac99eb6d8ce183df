package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.zonegate.config.ConfigLoader;
import dev.zonegate.git.GitRepo;
import dev.zonegate.rules.RulePack;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The start-up work done beside picocli: each step must be one the command really takes. */
class WarmupTest {
  @Test
  void everyStepSucceedsSoItLeavesSomethingTheCommandReuses() {
    // A step that failed would be dropped in silence and warm nothing.
    assertThatCode(() -> ConfigLoader.zonegate("(warm-up)", Warmup.CONFIG)).doesNotThrowAnyException();
    assertThatCode(GitRepo::warm).doesNotThrowAnyException();
    assertThat(RulePack.defaults()).isSameAs(RulePack.defaults());
    assertThat(RulePack.defaults().rules()).isNotEmpty();
  }

  @Test
  void onlyCommandsThatJudgeZonesWarmUpAndTheThreadEnds() throws InterruptedException {
    assertThat(Warmup.start(new String[] {"--version"})).isNull();
    assertThat(Warmup.start(new String[] {"rules", "list"})).isNull();
    assertThat(Warmup.start(new String[] {"dif", "a", "b"})).isNull();
    Thread t = Warmup.start(new String[] {"--debug", "hook", "pre-push", "origin"});
    assertThat(t).isNotNull();
    assertThat(t.isDaemon()).isTrue();
    Assertions.assertTimeoutPreemptively(Duration.ofMinutes(2), () -> t.join());
  }

  @Test
  void aFailingStepIsDroppedForTheCommandToMeetAgain() {
    assertThatCode(() -> Warmup.quietly(() -> {
      throw new IOException("no such repository");
    })).doesNotThrowAnyException();
    assertThatCode(() -> Warmup.quietly(() -> {
      throw new StackOverflowError();
    })).doesNotThrowAnyException();
  }
}
