package dev.zonegate.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test classes in a nested JUnit with system properties set (a server made unfindable, and
 * required or not), to see that their tests are reported skipped with the reason, or fail when the
 * server is required, rather than vanish from the counts.
 */
final class SkipProbe {
  /**
   * The tests that started, the reasons of those skipped before starting (a condition), the
   * reasons of those that started and aborted (an assumption, through Require), and the failures
   * of tests and classes.
   */
  record Outcome(List<String> started, List<String> skipped, List<String> aborted, List<String> failed) {}

  private SkipProbe() {}

  static Outcome run(Map<String, String> properties, String... classes) {
    List<String> skipped = new ArrayList<>();
    List<String> started = new ArrayList<>();
    List<String> aborted = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    Map<String, String> saved = new LinkedHashMap<>();
    properties.forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
    try {
      LauncherFactory.create().execute(
          LauncherDiscoveryRequestBuilder.request()
              .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toList())
              .build(),
          new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
              if (id.isTest()) {
                skipped.add(reason);
              }
            }

            @Override
            public void executionStarted(TestIdentifier id) {
              if (id.isTest()) {
                started.add(id.getDisplayName());
              }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
              if (result.getStatus() == TestExecutionResult.Status.ABORTED && id.isTest()) {
                aborted.add(result.getThrowable().map(Throwable::getMessage).orElse(""));
              }
              if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failed.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
              }
            }
          });
    } finally {
      saved.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
    return new Outcome(started, skipped, aborted, failed);
  }
}
