package dev.zonegate.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server a test class starts (named, pdns_server, moto) as a JUnit extension: started
 * before all its tests, stopped and its directory removed after. Where the server cannot run,
 * every test of the class is reported skipped with the reason, one by one, rather than the class
 * vanishing from the counts; where it is required (CI), the tests run and fail instead.
 */
abstract class TestServer implements BeforeAllCallback, AfterAllCallback, ExecutionCondition, AutoCloseable {
  /** The server's working directory, removed on {@link #close()}. */
  Path dir;
  /** The running server, or null. */
  Process process;

  /** Why the server cannot run here, or null when it can. */
  abstract String cannotRun();

  /** True when a server that cannot run must fail the tests rather than skip them. */
  abstract boolean mustRun();

  abstract TestServer start() throws Exception;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isEmpty() || mustRun()) {
      return ConditionEvaluationResult.enabled("required, or this is the class");
    }
    String why = cannotRun();
    return why == null ? ConditionEvaluationResult.enabled("it can run") : ConditionEvaluationResult.disabled(why);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!mustRun() && cannotRun() != null) {
      return; // each test is disabled with the reason (evaluateExecutionCondition)
    }
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Stops the server, leaving its directory. */
  synchronized void destroy() {
    Process p = process;
    process = null;
    Processes.stop(p);
  }

  @Override
  public synchronized void close() {
    destroy();
    Processes.deleteTree(dir);
    dir = null;
  }
}
