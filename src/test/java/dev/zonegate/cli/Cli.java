package dev.zonegate.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@link Main} in-process and keeps what it printed: the end-to-end path tests take. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    return run(Map.of(), "", args);
  }

  /** With an environment and standard input, as git gives a hook. */
  static Cli run(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env);
    }
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
