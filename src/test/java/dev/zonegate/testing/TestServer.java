package dev.zonegate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
  /** Where the server's output goes. */
  Path log;

  /** Why the server cannot run here, or null when it can. */
  abstract String cannotRun();

  /** The variable that, set to 1, makes a server that cannot run fail the tests rather than skip them. */
  abstract String requireEnv();

  /** True when a server that cannot run must fail the tests rather than skip them. */
  final boolean mustRun() {
    return Require.required(requireEnv());
  }

  abstract TestServer start() throws Exception;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      return ConditionEvaluationResult.enabled("the class: each test is decided on its own");
    }
    return Require.condition(cannotRun(), requireEnv());
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

  /** The server's output so far, for failure messages. */
  public String log() {
    try {
      return log == null || !Files.exists(log) ? "" : Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  /** A check that the server is up; an exception means not yet. */
  interface Ready {
    boolean now() throws Exception;
  }

  /**
   * Starts {@code command} in {@link #dir}, its output appended to {@code log}, and waits up to
   * {@code timeout} until {@code ready}: null when it is up, else why not (it exited, or never got
   * ready, and is stopped).
   */
  String launch(List<String> command, Path log, Duration timeout, String notReady, Ready ready)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = pb.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        int status = process.exitValue();
        process = null;
        return "it exited with status " + status;
      }
      try {
        if (ready.now()) {
          return null;
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    destroy();
    return notReady + " within " + timeout.toSeconds() + " s";
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
