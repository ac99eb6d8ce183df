package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's demo command, run against the shaded jar in a fresh JVM. */
class JarIT {
  record Run(int exit, String out, String err) {}

  static Run java(String... args) throws IOException, InterruptedException {
    return javaWith(List.of(), args);
  }

  /** {@code java OPTIONS -jar target/zonegate.jar ARGS}. */
  static Run javaWith(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add("target/zonegate.jar");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void theReadmeDemoRunsFromTheJar() throws Exception {
    Run r = java("diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone");
    assertThat(r.out()).contains("db.us-east-1.example.com. A");
    assertThat(r.err()).doesNotContain("SLF4J").doesNotContain("Exception");
  }

  @Test
  void schemasLoadFromInsideTheJar() throws Exception {
    Run r = java("diff", "testdata/formats/example.com.zone", "testdata/formats/example.com.json");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("0 adds, 0 deletes, 0 updates");
  }

  @Test
  void errorsAreOneLineWithExitTwo() throws Exception {
    Run r = java("diff", "testdata/demo/live.zone", "testdata/demo/missing.zone");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: testdata/demo/missing.zone: no such file\n");
  }
}
