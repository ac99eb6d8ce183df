package dev.zonegate.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * A bound on a possible hang, never on speed: tests that must end (a hostile input, a server that
 * never answers) run their work through {@link #within}, which fails only when it has not ended
 * after {@link #HANG}. That is far beyond any honest run on a slow or stalled machine, and an
 * endless loop or a read that never returns still fails. How long the work took is not asserted:
 * where the code has a timeout of its own, the test asserts that its error came, with its message.
 */
public final class Bounded {
  /** Generous on purpose: what these tests guard against never ends at all. */
  public static final Duration HANG = Duration.ofMinutes(2);

  private Bounded() {}

  /** Runs {@code work} on another thread and gives its result; fails if it has not ended after {@link #HANG}. */
  public static <T> T within(ThrowingSupplier<T> work) {
    return assertTimeoutPreemptively(HANG, work, () -> "still running after " + HANG.toSeconds() + " s: a hang");
  }
}
