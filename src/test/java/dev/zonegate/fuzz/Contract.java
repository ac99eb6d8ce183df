package dev.zonegate.fuzz;

import dev.zonegate.config.ConfigException;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The contract every fuzz target checks (SPEC §10): bad input never crashes. A target may end in
 * one of the project's own error types, which must carry a message a user can read; any other
 * throwable escapes the target and Jazzer reports it as a finding.
 *
 * <p>A slow input is a finding too. Each input runs on a worker thread and must finish within
 * {@link #LIMIT_SECONDS}; past that the target fails with an {@link AssertionError} that carries
 * the worker's stack at that moment, so the finding shows where it hung. (JUnit's
 * {@code @Timeout} is no use here: in fuzzing mode it would time the whole campaign, which runs
 * inside one test invocation.) The hung worker is abandoned, a daemon, and a new one is started.
 * Before its first input each target runs once on one of its seeds, under
 * {@link #WARM_UP_SECONDS}: that run loads and, when fuzzing, instruments Jackson, the schema
 * validator, dnsjava or CEL, which can take longer than 5 s on a busy machine.
 *
 * <p>Each target says {@code @FuzzTest(maxDuration = "60s")}, so a fuzzing run that forgets
 * {@code -Djazzer.max_duration} stays short on a shared machine; that property overrides it.
 */
final class Contract {
  static final long LIMIT_SECONDS = 5;
  static final long WARM_UP_SECONDS = 300;

  private static final Set<String> WARM = new HashSet<>();

  private static ExecutorService worker = newWorker();

  private Contract() {}

  /** A clean refusal: the error must say what is wrong. */
  static void expected(ZoneReadException e) {
    requireMessage(e, e.problem());
    if (e.location() == null) {
      throw new AssertionError("ZoneReadException without a location", e);
    }
  }

  static void expected(ConfigException e) {
    requireMessage(e, e.getMessage());
  }

  static void expected(RulePackException e) {
    requireMessage(e, e.getMessage());
  }

  static void expected(IllegalArgumentException e) {
    requireMessage(e, e.getMessage());
  }

  private static void requireMessage(Throwable e, String message) {
    if (message == null || message.isBlank()) {
      throw new AssertionError(e.getClass().getSimpleName() + " without a message", e);
    }
  }

  /**
   * Runs {@code target} on one input under the time limit. What it throws is rethrown as it is,
   * so Jazzer sees the real exception and its stack. The first call for a target first runs it on
   * {@code warmUpSeed} (a seed file of the target, under {@link #WARM_UP_SECONDS}), so class
   * loading and instrumentation are not charged to a fuzzed input.
   */
  static synchronized void inTime(String name, String warmUpSeed, byte[] input, Target target)
      throws Throwable {
    if (!WARM.contains(name)) {
      byte[] seed = seed(name, warmUpSeed);
      WARM.add(name);
      run(seed, target, WARM_UP_SECONDS);
    }
    run(input, target, LIMIT_SECONDS);
  }

  private static void run(byte[] input, Target target, long limit) throws Throwable {
    Thread[] thread = new Thread[1];
    Future<?> f =
        worker.submit(
            () -> {
              thread[0] = Thread.currentThread();
              target.run(input);
              return null;
            });
    try {
      f.get(limit, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (TimeoutException e) {
      AssertionError hang =
          new AssertionError(
              "one input ran longer than " + limit + " s; input starts: " + preview(input));
      if (thread[0] != null) {
        hang.setStackTrace(thread[0].getStackTrace());
      }
      f.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      throw hang;
    }
  }

  /** {@code name} is {@code Class#method}; seeds live in {@code ClassInputs/method/}. */
  private static byte[] seed(String name, String file) throws IOException {
    String path = name.replace("#", "Inputs/") + "/" + file;
    try (InputStream in = Contract.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("warm-up seed " + path + " is missing");
      }
      return in.readAllBytes();
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "fuzz-input");
          t.setDaemon(true);
          return t;
        });
  }

  static String preview(byte[] input) {
    String s = new String(input, 0, Math.min(input.length, 160), StandardCharsets.ISO_8859_1);
    return s.replace("\n", "\\n");
  }

  @FunctionalInterface
  interface Target {
    void run(byte[] input) throws Exception;
  }
}
