package dev.zonegate.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test classes in a nested JUnit and says what became of them, for the tests that check
 * that tests needing a server are skipped with the reason (or fail, when required) where it is
 * missing, rather than vanish from the counts.
 */
final class NestedJUnit {
  private NestedJUnit() {}

  /** Tests started, skip reasons of the tests skipped, and the failures of tests and classes. */
  record Outcome(List<String> started, List<String> skipped, List<String> failed) {}

  static Outcome run(List<String> classes) {
    List<String> started = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    for (String c : classes) {
      request.selectors(DiscoverySelectors.selectClass(c));
    }
    LauncherFactory.create()
        .execute(
            request.build(),
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
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                  failed.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
                }
              }
            });
    return new Outcome(started, skipped, failed);
  }
}
