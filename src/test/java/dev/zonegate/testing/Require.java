package dev.zonegate.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * The one way a test skips. Where something a test needs is missing here (a program such as
 * {@code named}, a peer under {@code ../shared/peers}, the shared corpus), {@link #require} reports
 * the test skipped with a message saying what is missing and how to get it; where the named
 * environment variable is {@code 1} (.ci/run sets each one) it fails the test instead, so a
 * machine that should have it cannot pass by skipping. A system property of the same name as the
 * variable overrides it (the tests of the skipping itself).
 *
 * <p>{@code NoSilentSkipTest} fails on any other skip in src/test/java ({@code Assumptions},
 * {@code abort}, {@code @Disabled}, a disabling condition), so none can creep back unsaid.
 *
 * <table>
 *   <caption>The variables</caption>
 *   <tr><td>{@value #CORPUS_ENV}</td><td>the shared corpus, {@code ../shared/corpus}</td></tr>
 *   <tr><td>ZONEGATE_REQUIRE_NAMED</td><td>named, named-checkzone (bind9, bind9-utils)</td></tr>
 *   <tr><td>ZONEGATE_REQUIRE_PDNS</td><td>pdns_server and its sqlite backend</td></tr>
 *   <tr><td>ZONEGATE_REQUIRE_MOTO</td><td>moto ({@code ../shared/peers/moto}) and its Python packages</td></tr>
 *   <tr><td>ZONEGATE_REQUIRE_OCTODNS</td><td>octoDNS ({@code ../shared/peers/octodns}) and its Python packages</td></tr>
 *   <tr><td>ZONEGATE_REQUIRE_HOOK_TOOLS</td><td>pre-commit and lefthook</td></tr>
 *   <tr><td>ZONEGATE_REQUIRE_ZSH</td><td>zsh</td></tr>
 *   <tr><td>ZONEGATE_REQUIRE_GITLAB_CI_LOCAL</td><td>gitlab-ci-local and rsync</td></tr>
 *   <tr><td>ZONEGATE_REQUIRE_JAVA25</td><td>a Java 25+ under /usr/lib/jvm (the AOT cache tests)</td></tr>
 * </table>
 */
public final class Require {
  /** Set to 1 where the shared corpus must be there (CI): its tests fail instead of skipping. */
  public static final String CORPUS_ENV = "ZONEGATE_REQUIRE_CORPUS";
  /** Where the corpus is instead of ../shared/corpus (tests of the skipping itself). */
  static final String CORPUS_PROPERTY = "zonegate.test.corpus";

  private Require() {}

  /**
   * Nothing when {@code present}; else skips the calling test with {@code what} as its message,
   * or fails it when {@code envVar} is 1. {@code what} names what is missing and how to get it.
   * {@code envVar} null: nothing can require it, for a skip that depends on how the build is run
   * (a variable git set), not on anything to install.
   */
  public static void require(boolean present, String what, String envVar) {
    if (present) {
      return; // what may be null here: callers often compute it only when something is missing
    }
    if (what == null || what.isBlank()) {
      throw new IllegalArgumentException("a skip must say what is missing and how to get it");
    }
    if (envVar != null && required(envVar)) {
      Assertions.fail(what + ", and " + envVar + "=1 requires it");
    }
    Assumptions.abort(what);
  }

  /** True when {@code envVar} (or the system property of that name, which wins) is 1. */
  public static boolean required(String envVar) {
    String forced = System.getProperty(envVar);
    return forced != null ? forced.equals("1") : "1".equals(System.getenv(envVar));
  }

  /**
   * {@link #require} as a JUnit condition, for an extension that decides for each test of a class
   * before any runs (TestServer): disabled with {@code missing} as the reason, enabled when nothing
   * is missing ({@code missing} null) or when {@code envVar} is 1, where the test runs and fails
   * on what is missing.
   */
  public static ConditionEvaluationResult condition(String missing, String envVar) {
    if (missing == null) {
      return ConditionEvaluationResult.enabled("nothing it needs is missing");
    }
    if (missing.isBlank()) {
      throw new IllegalArgumentException("a skip must say what is missing and how to get it");
    }
    return required(envVar)
        ? ConditionEvaluationResult.enabled(envVar + "=1: it runs, and fails on what is missing")
        : ConditionEvaluationResult.disabled(missing);
  }

  /** The shared corpus directory: ../shared/corpus beside the checkout, as CI lays it out. */
  public static Path corpusDir() {
    String forced = System.getProperty(CORPUS_PROPERTY);
    return forced != null ? Path.of(forced) : Path.of("..", "shared", "corpus");
  }

  /**
   * {@code relative} in the shared corpus (a file or directory, e.g. {@code
   * root-2023110500/root.zone}); skips the calling test saying so when it is not there, or fails it
   * when {@value #CORPUS_ENV}=1.
   */
  public static Path corpus(String relative) {
    Path p = corpusDir().resolve(relative);
    require(Files.exists(p), corpusMissing(relative), CORPUS_ENV);
    return p;
  }

  /** The message of a corpus skip. */
  static String corpusMissing(String relative) {
    return "the shared test corpus is missing: no " + relative + " in " + corpusDir().toAbsolutePath().normalize()
        + " (the IANA root zones and octoDNS's test data live in shared/corpus beside the checkout, as CI"
        + " lays it out; put that folder there to run this test)";
  }
}
