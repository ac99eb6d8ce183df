package dev.zonegate.cli;

import dev.zonegate.rules.RulePackException;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import picocli.CommandLine;

/**
 * Turns any failure into one line on standard error and exit 2: the gate could not decide, so it
 * does not pass (SPEC §4). The stack trace is for {@code --debug} only.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  private final boolean debug;

  Failures(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    cl.getErr().println("zonegate: error: " + describe(e));
    if (debug) {
      e.printStackTrace(cl.getErr());
    } else if (!(known(e))) {
      cl.getErr().println("zonegate: run again with --debug for details");
    }
    cl.getErr().flush();
    return Main.UNDECIDED;
  }

  /** Failures whose message is already one sentence for the user. */
  private static boolean known(Exception e) {
    return e instanceof ZoneReadException
        || e instanceof RulePackException
        || e instanceof dev.zonegate.config.ConfigException
        || e instanceof dev.zonegate.git.GitException
        || e instanceof dev.zonegate.gate.CheckException
        || e instanceof dev.zonegate.live.LiveException
        || e instanceof IllegalArgumentException;
  }

  static String describe(Exception e) {
    if (known(e)) {
      return e.getMessage();
    }
    if (e instanceof IOException) {
      return "input/output failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
