package dev.zonegate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The one skip helper: a message always, a skip where not required, a failure where required. */
class RequireTest {
  static final String ENV = "ZG_TEST_REQUIRE_SOMETHING";

  @AfterEach
  void clear() {
    System.clearProperty(ENV);
  }

  @Test
  void presentDoesNothing() {
    System.setProperty(ENV, "1");
    Require.require(true, "thing is not installed (apt-get install thing)", ENV);
  }

  @Test
  void missingSkipsWithTheMessage() {
    System.setProperty(ENV, "0");
    assertThatThrownBy(() -> Require.require(false, "thing is not installed (apt-get install thing)", ENV))
        .isExactlyInstanceOf(TestAbortedException.class)
        .hasMessageContaining("thing is not installed (apt-get install thing)");
  }

  @Test
  void missingFailsWhereTheVariableRequiresIt() {
    System.setProperty(ENV, "1");
    assertThatThrownBy(() -> Require.require(false, "thing is not installed (apt-get install thing)", ENV))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("thing is not installed (apt-get install thing), and " + ENV + "=1 requires it");
  }

  @Test
  void withoutAVariableItCanOnlySkip() {
    assertThatThrownBy(() -> Require.require(false, "GIT_DIR is set; run without it", null))
        .isExactlyInstanceOf(TestAbortedException.class);
  }

  @Test
  void aSkipWithoutAMessageIsRefused() {
    assertThatThrownBy(() -> Require.require(false, " ", ENV)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Require.require(false, null, ENV)).isInstanceOf(IllegalArgumentException.class);
    Require.require(true, null, ENV); // present: nothing to say
    assertThatThrownBy(() -> Require.condition("", ENV)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void asAConditionItDisablesWithTheMessageOrRunsWhereRequired() {
    System.setProperty(ENV, "0");
    assertThat(Require.condition(null, ENV).isDisabled()).isFalse();
    assertThat(Require.condition("named not installed", ENV).isDisabled()).isTrue();
    assertThat(Require.condition("named not installed", ENV).getReason()).hasValue("named not installed");
    System.setProperty(ENV, "1");
    assertThat(Require.condition("named not installed", ENV).isDisabled()).isFalse();
  }

  @Test
  void aMissingCorpusFileNamesTheCorpusAndHowToGetIt() {
    System.setProperty(Require.CORPUS_PROPERTY, "/nonexistent/corpus");
    System.setProperty(Require.CORPUS_ENV, "0");
    try {
      assertThatThrownBy(() -> Require.corpus("root-2023110500/root.zone"))
          .isExactlyInstanceOf(TestAbortedException.class)
          .hasMessageContaining("no root-2023110500/root.zone in /nonexistent/corpus")
          .hasMessageContaining("shared/corpus beside the checkout");
    } finally {
      System.clearProperty(Require.CORPUS_PROPERTY);
      System.clearProperty(Require.CORPUS_ENV);
    }
  }
}
