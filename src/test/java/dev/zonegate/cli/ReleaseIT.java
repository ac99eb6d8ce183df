package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.Jdks;
import dev.zonegate.testing.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The release tarball {@code mvn package} makes, unpacked into an empty directory and run the
 * way a machine without Java runs it: no {@code java} on the PATH, no JAVA_HOME.
 */
class ReleaseIT {
  private static final String[] DEMO = {"diff", "testdata/demo/live.zone", "testdata/demo/proposed.zone"};

  @TempDir static Path tmp;
  static Path home;
  /** A PATH with only what the launcher itself calls, and certainly no java. */
  static Path tools;

  static Path tarball() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("target"))) {
      List<Path> all = s.filter(p -> p.getFileName().toString().matches("zonegate-.+\\.tar\\.gz")).toList();
      assertThat(all).as("mvn package makes one release tarball in target/").hasSize(1);
      return all.get(0);
    }
  }

  static JarIT.Run run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new JarIT.Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void unpack() throws Exception {
    Path into = Files.createDirectories(tmp.resolve("opt"));
    JarIT.Run r = run(List.of("tar", "-xzf", tarball().toAbsolutePath().toString(), "-C", into.toString()),
        Map.of("PATH", System.getenv("PATH")));
    assertThat(r.exit()).as(r.err()).isZero();
    try (Stream<Path> s = Files.list(into)) {
      home = s.findFirst().orElseThrow();
    }
    tools = Files.createDirectories(tmp.resolve("tools"));
    for (String t : List.of("dirname", "readlink", "mv", "rm")) {
      Path real = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, t)).filter(Files::isExecutable).findFirst().orElseThrow();
      Files.createSymbolicLink(tools.resolve(t), real);
    }
  }

  static JarIT.Run zonegate(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/zonegate").toString()));
    cmd.addAll(Arrays.asList(args));
    // The demo paths are relative to the project, as in the README.
    return run(cmd, Map.of("PATH", tools.toString(), "LANG", "C.UTF-8"));
  }

  @Test
  void itRunsTheDemoWithNoJavaOnThePathAndSaysWhatTheJarSays() throws Exception {
    assertThat(run(List.of("/bin/sh", "-c", "command -v java"), Map.of("PATH", tools.toString())).exit())
        .as("no java on the test's PATH").isNotZero();
    JarIT.Run jar = JarIT.java(DEMO);
    JarIT.Run first = zonegate(DEMO);
    assertThat(first.exit()).as(first.err()).isEqualTo(1);
    assertThat(first.out()).isEqualTo(jar.out());
    assertThat(first.err()).isEqualTo(jar.err());
    // The first run wrote the class-data archive beside the jar; the next one starts from it.
    assertThat(home.resolve("lib/zonegate.jsa")).isRegularFile();
    JarIT.Run second = zonegate(DEMO);
    assertThat(second.exit()).isEqualTo(1);
    assertThat(second.out()).isEqualTo(jar.out());
    assertThat(second.err()).isEqualTo(jar.err());
    assertThat(zonegate("diff", "testdata/demo/live.zone", "testdata/demo/live.zone").exit()).isZero();
  }

  @Test
  void itsRuntimeIsTheNewestJavaTheBuildFound() {
    // The build's own Java or a newer one beside it (release.sh): the newer, the faster a short run
    // starts (from Java 25 on, an AOT cache).
    int build = Jdks.feature(Path.of(System.getProperty("java.home")));
    Path newest = Jdks.atLeast(build);
    int expected = Math.max(build, newest == null ? 0 : Jdks.feature(newest));
    assertThat(Jdks.feature(home.resolve("runtime"))).isEqualTo(expected).isGreaterThanOrEqualTo(17);
  }

  @Test
  void itCarriesTheLauncherJarRuntimeManPagesAndCompletion() throws Exception {
    assertThat(home.getFileName().toString()).isEqualTo(tarball().getFileName().toString().replace(".tar.gz", ""));
    assertThat(home.resolve("bin/zonegate")).isExecutable();
    assertThat(home.resolve("lib/zonegate.jar")).isRegularFile();
    assertThat(home.resolve("runtime/bin/java")).isExecutable();
    // One man page per command, from the commands themselves.
    TreeSet<String> pages = new TreeSet<>();
    collect(new CommandLine(new AllCommands()), "zonegate", pages);
    try (Stream<Path> s = Files.list(home.resolve("share/man/man1"))) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(pages);
    }
    String diff = Files.readString(home.resolve("share/man/man1/zonegate-diff.1"));
    assertThat(diff).contains(".TH \"ZONEGATE\\-DIFF\" \"1\"").contains("\\-\\-fail\\-on");
    assertThat(Files.readString(home.resolve("share/zsh/site-functions/_zonegate"))).startsWith("#compdef zonegate\n");
  }

  private static void collect(CommandLine cl, String name, TreeSet<String> pages) {
    pages.add(name + ".1");
    cl.getSubcommands().forEach((sub, c) -> collect(c, name + "-" + sub, pages));
  }

  @Test
  void bashCompletesCommandsAndOptions() throws Exception {
    Path script = home.resolve("share/bash-completion/completions/zonegate");
    String bash = "source '" + script + "' 2>/dev/null\n"
        + "COMP_WORDS=(zonegate d); COMP_CWORD=1; _complete_zonegate 2>/dev/null; echo \"${COMPREPLY[*]}\"\n"
        + "COMP_WORDS=(zonegate diff --fail); COMP_CWORD=2; _complete_zonegate 2>/dev/null; echo \"${COMPREPLY[*]}\"\n";
    JarIT.Run r = run(List.of("bash", "--norc", "-c", bash), Map.of("PATH", System.getenv("PATH")));
    assertThat(r.out()).isEqualTo("diff\n--fail-on\n");
  }

  @Test
  void zshCompletesThroughBashcompinit() throws Exception {
    Require.require(HookToolsIT.which("zsh") != null,
        "zsh is not installed (apt-get install zsh), so the zsh completion is not tried", "ZONEGATE_REQUIRE_ZSH");
    Path fn = home.resolve("share/zsh/site-functions/_zonegate");
    // On fpath, compinit registers it for zonegate; sourced, it binds the bash completion.
    String script = "fpath=('" + fn.getParent() + "' $fpath); autoload -U compinit && compinit -u -d '" + tmp.resolve("zcompdump") + "'\n"
        + "print -r -- $_comps[zonegate]\n"
        + "source '" + fn + "' 2>/dev/null\n"
        + "print -r -- $_comps[zonegate]\n"
        + "COMP_WORDS=(zonegate ''); COMP_CWORD=1; _complete_zonegate 2>/dev/null; print -r -- ${COMPREPLY[*]}\n";
    JarIT.Run r = run(List.of("zsh", "-f", "-c", script), Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString()));
    List<String> lines = r.out().lines().toList();
    assertThat(lines).as(r.err()).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("_zonegate");
    assertThat(lines.get(1)).contains("_complete_zonegate");
    assertThat(lines.get(2).split(" ")).contains("check", "diff", "hook", "terraform");
  }

  @Test
  void theRuntimeHasEveryModuleTheJarNeeds() throws Exception {
    // jdeps sees what the classes refer to; the runtime must hold all of it (a missing module is
    // a NoClassDefFoundError on a path the demo does not take).
    Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
    JarIT.Run r = run(List.of(jdeps.toString(), "--ignore-missing-deps", "--print-module-deps", "--multi-release", "17",
        "target/zonegate.jar"), Map.of("PATH", System.getenv("PATH")));
    assertThat(r.exit()).as(r.err()).isZero();
    String release = Files.readString(home.resolve("runtime/release"));
    String modules = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
    TreeSet<String> have = new TreeSet<>(Arrays.asList(modules.substring("MODULES=".length()).replace("\"", "").split(" ")));
    assertThat(have).containsAll(Arrays.asList(r.out().strip().split(",")))
        .contains("jdk.crypto.ec");
  }
}
