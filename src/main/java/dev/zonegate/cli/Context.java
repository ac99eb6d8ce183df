package dev.zonegate.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The streams and environment of the current run, so commands can be driven from tests without
 * touching System.out, System.in or the process environment.
 */
final class Context {
  private record Io(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {}

  private static final ThreadLocal<Io> CURRENT = new ThreadLocal<>();

  private Context() {}

  static void set(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
    CURRENT.set(new Io(out, err, in, Map.copyOf(env)));
  }

  static void clear() {
    CURRENT.remove();
  }

  static PrintStream out() {
    Io io = CURRENT.get();
    return io == null ? System.out : io.out();
  }

  static PrintStream err() {
    Io io = CURRENT.get();
    return io == null ? System.err : io.err();
  }

  static InputStream in() {
    Io io = CURRENT.get();
    return io == null ? System.in : io.in();
  }

  static Map<String, String> env() {
    Io io = CURRENT.get();
    return io == null ? System.getenv() : io.env();
  }
}
