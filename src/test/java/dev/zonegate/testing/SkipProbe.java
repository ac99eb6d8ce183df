package dev.zonegate.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test classes in a nested JUnit with system properties set (a server made unfindable and
 * not required), to see that their tests are reported skipped, with the reason, not vanish.
 */
final class SkipProbe {
  /** The tests that started, and the reasons of those skipped. */
  record Outcome(List<String> started, List<String> skipped) {}

  private SkipProbe() {}

  static Outcome run(Map<String, String> properties, String... classes) {
    List<String> skipped = new ArrayList<>();
    List<String> started = new ArrayList<>();
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
    return new Outcome(started, skipped);
  }
}
