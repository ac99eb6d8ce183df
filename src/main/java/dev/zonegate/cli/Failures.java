package dev.zonegate.cli;

import dev.zonegate.config.ConfigException;
import dev.zonegate.gate.CheckException;
import dev.zonegate.git.GitException;
import dev.zonegate.live.LiveException;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns any failure into one line on standard error and exit 2: the gate could not decide, so it
 * does not pass (docs/exit-codes.md). The stack trace is for {@code --debug} only.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  private final boolean debug;

  Failures(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    return report(e, cl.getErr(), debug);
  }

  /** A command's failure as one line on {@code err}, exit 2 (with picocli or without, see PlainArgs). */
  static int report(Exception e, PrintWriter err, boolean debug) {
    err.println("zonegate: error: " + describe(e) + (debug || known(e) ? "" : " (run again with --debug for details)"));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return Main.UNDECIDED;
  }

  /**
   * The last word on a failure nothing else handled (an Error, an exception outside a command):
   * one line saying what to do, exit 2. It allocates as little as it can: it may run out of
   * memory itself.
   */
  static int fatal(PrintStream err, Throwable e, boolean debug) {
    try {
      if (e instanceof OutOfMemoryError) {
        err.println("zonegate: error: out of memory, so no verdict; give Java more heap (ZONEGATE_JAVA_OPTS=-Xmx4g) or raise the machine's memory");
      } else if (e instanceof StackOverflowError) {
        err.println("zonegate: error: the input nests too deeply to judge (stack overflow), so no verdict");
      } else {
        err.println("zonegate: error: internal error, so no verdict: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + (debug ? "" : " (run again with --debug for details)"));
      }
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
    } catch (Throwable ignored) {
      // nothing more can be said; the exit code still says it
    }
    return Main.UNDECIDED;
  }

  /** Failures whose message is already one sentence for the user. */
  private static boolean known(Exception e) {
    return e instanceof ZoneReadException
        || e instanceof RulePackException
        || e instanceof ConfigException
        || e instanceof GitException
        || e instanceof CheckException
        || e instanceof LiveException
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
