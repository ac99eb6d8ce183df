package dev.zonegate.cli;

import java.io.PrintStream;

/** The streams of the current run, so commands can be driven from tests without System.out. */
final class Context {
  private static final ThreadLocal<PrintStream[]> STREAMS = new ThreadLocal<>();

  private Context() {}

  static void set(PrintStream out, PrintStream err) {
    STREAMS.set(new PrintStream[] {out, err});
  }

  static void clear() {
    STREAMS.remove();
  }

  static PrintStream out() {
    PrintStream[] s = STREAMS.get();
    return s == null ? System.out : s[0];
  }

  static PrintStream err() {
    PrintStream[] s = STREAMS.get();
    return s == null ? System.err : s[1];
  }
}
