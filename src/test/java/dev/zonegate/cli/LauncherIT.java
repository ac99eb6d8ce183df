package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.Jdks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/zonegate}, the launcher {@code mvn package} puts beside the jar with its AppCDS
 * archive: it must say exactly what {@code java -jar} says, with or without a usable archive.
 */
class LauncherIT {
  private static final String[] DEMO = {"diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone"};

  static JarIT.Run launch(Path launcher, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(launcher.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new JarIT.Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void theBuildLeavesALauncherAndItsArchiveBesideTheJar() {
    assertThat(Path.of("target/zonegate")).isExecutable();
    assertThat(Path.of("target/zonegate.jsa")).isRegularFile();
  }

  @Test
  void theLauncherSaysWhatTheJarSays() throws Exception {
    JarIT.Run jar = JarIT.java(DEMO);
    JarIT.Run launched = launch(Path.of("target/zonegate"), Map.of(), DEMO);
    assertThat(launched.exit()).isEqualTo(1).isEqualTo(jar.exit());
    assertThat(launched.out()).isEqualTo(jar.out());
    assertThat(launched.err()).isEqualTo(jar.err());
  }

  @Test
  void aStaleOrBrokenArchiveIsPassedOverInSilence(@TempDir Path dir) throws Exception {
    JarIT.Run jar = JarIT.java(DEMO);
    Path launcher = dir.resolve("zonegate");
    Files.copy(Path.of("target/zonegate"), launcher);
    Files.copy(Path.of("target/zonegate.jar"), dir.resolve("zonegate.jar"));
    // An archive of another jar, older than this one: it must not be used, nor heard of.
    Files.writeString(dir.resolve("zonegate.jsa"), "not an archive");
    Files.setLastModifiedTime(dir.resolve("zonegate.jsa"), FileTime.fromMillis(0));
    JarIT.Run stale = launch(launcher, Map.of(), DEMO);
    assertThat(stale.out()).isEqualTo(jar.out());
    assertThat(stale.err()).isEqualTo(jar.err());
    // Newer but not an archive at all (a copy gone wrong): still only the report.
    Files.setLastModifiedTime(dir.resolve("zonegate.jsa"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    JarIT.Run broken = launch(launcher, Map.of(), DEMO);
    assertThat(broken.out()).isEqualTo(jar.out());
    assertThat(broken.err()).isEqualTo(jar.err());
    assertThat(broken.exit()).isEqualTo(1);
  }

  /**
   * The launcher on {@code home}'s Java, in a fresh copy with no archive: the first run says what
   * {@code java -jar} says (making the archive is silent), and the next runs from the archive
   * it made ({@code mapped}, an option that stops the JVM when the archive cannot be used).
   */
  private static void makesAndUsesItsArchive(Path dir, Path home, String mapped) throws Exception {
    JarIT.Run jar = JarIT.java(DEMO);
    Path launcher = dir.resolve("zonegate");
    Files.copy(Path.of("target/zonegate"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(Path.of("target/zonegate.jar"), dir.resolve("zonegate.jar"));
    Map<String, String> javaHome = Map.of("JAVA_HOME", home.toString());
    JarIT.Run first = launch(launcher, javaHome, DEMO);
    assertThat(first.exit()).as(first.err()).isEqualTo(1);
    assertThat(first.out()).isEqualTo(jar.out());
    assertThat(first.err()).isEqualTo(jar.err());
    assertThat(dir.resolve("zonegate.jsa")).isRegularFile();
    assertThat(Files.readString(dir.resolve("zonegate.jsa.key"))).contains(home.toRealPath().toString());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("tmp")).doesNotContain("zonegate-hook.jsa");
    }
    Map<String, String> strict = new HashMap<>(javaHome);
    strict.put("ZONEGATE_JAVA_OPTS", mapped);
    JarIT.Run next = launch(launcher, strict, DEMO);
    assertThat(next.exit()).as(next.err()).isEqualTo(1);
    assertThat(next.out()).isEqualTo(jar.out());
    assertThat(next.err()).isEqualTo(jar.err());
    // Sharing turned off by the user (which Java 25 refuses beside an AOT cache): no archive, same run.
    strict.put("ZONEGATE_JAVA_OPTS", "-Xshare:off");
    JarIT.Run off = launch(launcher, strict, DEMO);
    assertThat(off.exit()).as(off.err()).isEqualTo(1);
    assertThat(off.out()).isEqualTo(jar.out());
    assertThat(off.err()).isEqualTo(jar.err());
  }

  @Test
  void onTheBuildsJavaItMakesAnArchiveAndStartsFromIt(@TempDir Path dir) throws Exception {
    Path home = Path.of(System.getProperty("java.home"));
    // Java 17 (as .ci/run builds): an AppCDS archive; a build on Java 25: an AOT cache.
    makesAndUsesItsArchive(dir, home, Jdks.feature(home) >= 25 ? "-XX:AOTMode=on" : "-Xshare:on");
  }

  @Test
  void onJava25ItMakesAnAotCacheAndStartsFromIt(@TempDir Path dir) throws Exception {
    makesAndUsesItsArchive(dir, Jdks.java25(), "-XX:AOTMode=on");
  }

  @Test
  void theHookKeepsItsOwnArchiveBesideTheOneOfTheOtherCommands(@TempDir Path dir) throws Exception {
    Path launcher = dir.resolve("zonegate");
    Files.copy(Path.of("target/zonegate"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(Path.of("target/zonegate.jar"), dir.resolve("zonegate.jar"));
    Path repo = Files.createDirectories(dir.resolve("repo"));
    assertThat(new ProcessBuilder("git", "init", "-q", repo.toString()).start().waitFor()).isZero();
    // A push of nothing (no refs on standard input): the hook runs, passes, and keeps its archive.
    ProcessBuilder hook = new ProcessBuilder(launcher.toString(), "hook", "pre-push", "origin").directory(repo.toFile());
    hook.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = hook.start();
    p.getOutputStream().close();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    assertThat(dir.resolve("zonegate-hook.jsa")).isRegularFile();
    assertThat(dir.resolve("zonegate.jsa")).doesNotExist();
    long hookArchive = Files.getLastModifiedTime(dir.resolve("zonegate-hook.jsa")).toMillis();
    JarIT.Run diff = launch(launcher, Map.of(), DEMO);
    assertThat(diff.exit()).as(diff.err()).isEqualTo(1);
    assertThat(dir.resolve("zonegate.jsa")).isRegularFile();
    assertThat(Files.getLastModifiedTime(dir.resolve("zonegate-hook.jsa")).toMillis()).isEqualTo(hookArchive);
  }

  @Test
  void zonegateJavaOptsReachTheJvm(@TempDir Path dir) throws Exception {
    Path launcher = dir.resolve("zonegate");
    Files.copy(Path.of("target/zonegate"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(Path.of("target/zonegate.jar"), dir.resolve("zonegate.jar"));
    JarIT.Run r = launch(launcher, Map.of("ZONEGATE_JAVA_OPTS", "-Dzonegate.unused=1 -XX:+PrintCommandLineFlags"), "--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("zonegate " + r.out().substring("zonegate ".length())).doesNotContain("-XX");
    // The JVM's own output goes to standard error, never into a report.
    assertThat(r.err()).contains("-XX:+UseParallelGC").contains("-XX:TieredStopAtLevel=1");
  }

  @Test
  void diffAndLintStartWithAYoungGenerationForAMillionRecordsAndCheckDoesNot(@TempDir Path dir) throws Exception {
    // diff and lint keep what they read to the end: their young generation holds a million-record
    // pair's reading; check, which may read many zones, keeps the smaller one.
    Files.writeString(dir.resolve("zonegate.yaml"), "zones:\n  - name: example.com.\n    file: example.com.zone\n");
    Files.copy(Path.of("testdata/demo/live.zone"), dir.resolve("example.com.zone"));
    Map<String, String> flags = Map.of("ZONEGATE_JAVA_OPTS", "-XX:+PrintCommandLineFlags", "ZONEGATE_NO_ARCHIVE", "1");
    JarIT.Run lint = launch(Path.of("target/zonegate"), flags, "lint", "--repo", dir.toString());
    assertThat(lint.exit()).as(lint.err()).isLessThan(2);
    assertThat(lint.err()).contains("-XX:NewSize=1153433600").contains("-XX:MaxNewSize=1153433600");
    JarIT.Run diff = launch(Path.of("target/zonegate"), flags, "diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone");
    assertThat(diff.exit()).as(diff.err()).isEqualTo(1);
    assertThat(diff.err()).contains("-XX:NewSize=1153433600").contains("-XX:MaxNewSize=1153433600");
    JarIT.Run check = launch(Path.of("target/zonegate"), flags, "check", "--repo", dir.toString(), "--base", "HEAD");
    assertThat(check.err()).contains("-XX:MaxNewSize=536870912").doesNotContain("-XX:NewSize=1153433600");
  }

  @Test
  void itFindsItsJarThroughASymlinkOnThePath(@TempDir Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("zonegate"), Path.of("target/zonegate").toAbsolutePath());
    JarIT.Run r = launch(bin.resolve("zonegate"), Map.of(), "--version");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("zonegate ");
  }

  @Test
  void aMissingJarIsExitTwoNotAVerdict(@TempDir Path dir) throws Exception {
    Path launcher = dir.resolve("zonegate");
    Files.copy(Path.of("target/zonegate"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
    JarIT.Run r = launch(launcher, Map.of(), DEMO);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: " + dir + "/zonegate.jar is missing; the launcher runs that jar\n");
  }

  @Test
  void noJavaIsExitTwoWithWhatToDo() throws Exception {
    JarIT.Run r = launch(Path.of("target/zonegate"), Map.of("JAVA_HOME", "/nonexistent"), DEMO);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("zonegate: error: no Java 17+ found (/nonexistent/bin/java); install one or set JAVA_HOME\n");
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void aJvmThatCannotStartIsExitTwoNeverAVerdict() throws Exception {
    JarIT.Run r = launch(Path.of("target/zonegate"), Map.of("ZONEGATE_JAVA_OPTS", "-Xmx1m"), DEMO);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(lastLine(r.err())).startsWith("zonegate: error: Java stopped before zonegate could decide (exit 1), so no verdict;");
  }

  @Test
  void runningOutOfMemoryIsExitTwo() throws Exception {
    JarIT.Run r = launch(Path.of("target/zonegate"), Map.of("ZONEGATE_JAVA_OPTS", "-Xms16m -Xmx16m -Dzonegate.failpoint=oom"), DEMO);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(lastLine(r.err())).startsWith("zonegate: error: Java ran out of memory, so no verdict");
  }

  @Test
  void aRealInputTooLargeForTheHeapIsExitTwo(@TempDir Path dir) throws Exception {
    StringBuilder zone = new StringBuilder("$ORIGIN example.com.\n$TTL 300\n");
    for (int i = 0; i < 300_000; i++) {
      zone.append("host").append(i).append(" A 192.0.2.").append(i % 250 + 1).append('\n');
    }
    Path big = dir.resolve("example.com.zone");
    Files.writeString(big, zone);
    JarIT.Run r = launch(Path.of("target/zonegate"), Map.of("ZONEGATE_JAVA_OPTS", "-Xms24m -Xmx24m"), "diff", big.toString(), big.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(lastLine(r.err())).startsWith("zonegate: error: Java ran out of memory, so no verdict");
  }

  @Test
  void anUncaughtExceptionIsExitTwoWithOneLine() throws Exception {
    JarIT.Run r = launch(Path.of("target/zonegate"), Map.of("ZONEGATE_JAVA_OPTS", "-Dzonegate.failpoint=exception"), DEMO);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("zonegate: error: internal error, so no verdict: IllegalStateException: failpoint: an uncaught"
        + " exception, as a bug would throw (run again with --debug for details)\n");
    // The same from a plain java -jar: exit 2 there too (only the JVM's own failures need the launcher).
    JarIT.Run plain = JarIT.javaWith(List.of("-Dzonegate.failpoint=exception"), DEMO);
    assertThat(plain.exit()).isEqualTo(2);
  }

  @Test
  void aVerdictComesThroughUnchanged() throws Exception {
    assertThat(launch(Path.of("target/zonegate"), Map.of(), DEMO).exit()).isEqualTo(1);
    assertThat(launch(Path.of("target/zonegate"), Map.of(), "diff", "testdata/demo/live.zone", "testdata/demo/live.zone").exit()).isZero();
    assertThat(launch(Path.of("target/zonegate"), Map.of(), "diff", "testdata/demo/live.zone").exit()).isEqualTo(2);
    assertThat(launch(Path.of("target/zonegate"), Map.of(), "--help").exit()).isZero();
  }
}
