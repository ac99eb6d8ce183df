package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import dev.zonegate.testing.Jdks;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code git push} to a local bare remote, through the hook that {@code hook install}
 * writes with the shaded jar: what a newcomer sees.
 */
class PrePushIT {
  @TempDir Path tmp;
  GitFixture git;
  Path remote;

  @BeforeEach
  void repo() throws Exception {
    git = CheckCommandTest.deployed(tmp.resolve("repo"));
    remote = CheckCommandTest.pushedTo(git, tmp.resolve("remote.git"));
    JarIT.Run r = JarIT.java("hook", "install", "--repo", git.dir().toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  GitFixture.Result push(String... refs) throws Exception {
    String[] args = new String[2 + refs.length];
    args[0] = "push";
    args[1] = "origin";
    System.arraycopy(refs, 0, args, 2, refs.length);
    return git.exec(git.dir(), null, args);
  }

  @Test
  void aBlockingChangeIsRefusedWithAReadableReport() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    git.commit("regenerate the zone");
    GitFixture.Result r = push("main");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err())
        .contains("zonegate: block")
        .contains("address-emptied db.example.com.")
        .contains("Zonegate-Allow: address-emptied:db.example.com. <reason>")
        .contains("push refused");
    assertThat(git.run(tmp, "--git-dir", remote.toString(), "rev-parse", "main").trim())
        .isNotEqualTo(git.git("rev-parse", "HEAD").trim());
  }

  @Test
  void aBenignChangeIsAccepted() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", CheckCommandTest.DB + "new A 93.184.215.99\n"));
    String head = git.commit("add a host");
    GitFixture.Result r = push("main");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(git.run(tmp, "--git-dir", remote.toString(), "rev-parse", "main").trim()).isEqualTo(head);
  }

  @Test
  void trailersInTheRangeAllowTheBlockingRules() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    git.commit("retire the database\n\nZonegate-Allow: address-emptied:db replaced by db2 (CHG-42)\n"
        + "Zonegate-Allow: dangling-reference:db orders goes next week\n");
    GitFixture.Result r = push("main");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("allowed by commit").contains("replaced by db2 (CHG-42)");
  }

  @Test
  void aNewBranchIsComparedWithTheMergeBaseOfTheRemoteDefaultBranch() throws Exception {
    git.git("fetch", "-q", "origin");
    git.git("checkout", "-q", "-b", "feature");
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    git.commit("regenerate on a branch");
    GitFixture.Result r = push("feature");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("address-emptied");
    git.git("checkout", "-q", "main");
    git.git("checkout", "-q", "-b", "benign");
    git.write("zones/example.net.zone", CheckCommandTest.NET + "mail A 93.184.215.81\n");
    git.commit("add mail host");
    GitFixture.Result ok = push("benign");
    assertThat(ok.exit()).as(ok.err()).isZero();
  }

  GitFixture.Result pushWith(Map<String, String> env) throws Exception {
    return git.exec(git.dir(), null, env, "push", "origin", "main");
  }

  @Test
  void whenTheJvmCannotStartOrFailsThePushIsRefusedWithOneLine() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", CheckCommandTest.DB + "new A 93.184.215.99\n"));
    String head = git.commit("add a host"); // benign: only a failure can refuse it
    for (String opts : List.of("-Xmx1m", "-Xms16m -Xmx16m -Dzonegate.failpoint=oom", "-Dzonegate.failpoint=exception")) {
      GitFixture.Result r = pushWith(Map.of("ZONEGATE_JAVA_OPTS", opts));
      assertThat(r.exit()).as(opts + ": " + r.err()).isNotZero();
      assertThat(r.err()).as(opts).contains("zonegate: error: ").doesNotContain("\tat ");
      assertThat(git.run(tmp, "--git-dir", remote.toString(), "rev-parse", "main").trim()).as(opts).isNotEqualTo(head);
    }
    GitFixture.Result ok = pushWith(Map.of());
    assertThat(ok.exit()).as(ok.err()).isZero();
  }

  @Test
  void theHookRunsItsOwnCopySoMvnCleanDoesNotBreakIt() throws Exception {
    // Installed from a jar that is then deleted, as `mvn clean` deletes target/zonegate.jar.
    Path jar = tmp.resolve("build/zonegate.jar");
    Files.createDirectories(jar.getParent());
    Files.copy(Path.of("target/zonegate.jar"), jar);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
        "hook", "install", "--repo", git.dir().toString()).redirectErrorStream(true).start();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("pre-push");
    assertThat(p.waitFor()).isZero();
    Files.delete(jar);
    Path own = git.dir().resolve(".git/zonegate");
    assertThat(own.resolve("zonegate.jar")).isRegularFile();
    assertThat(own.resolve("zonegate.jsa")).isRegularFile();
    try (var hooks = Files.list(git.dir().resolve(".git/hooks"))) {
      assertThat(hooks.map(h -> h.getFileName().toString())).noneMatch(n -> n.endsWith(".jsa") || n.endsWith(".jar"));
    }
    git.write("zones/example.com.zone", CheckCommandTest.com("2", CheckCommandTest.DB + "new A 93.184.215.99\n"));
    git.commit("add a host");
    GitFixture.Result ok = push("main");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.err()).contains("zonegate: pass");
    // The hook's own copy gone too: the push is refused, saying how to mend it.
    Files.delete(own.resolve("zonegate.jar"));
    git.write("zones/example.com.zone", CheckCommandTest.com("3", CheckCommandTest.DB + "new A 93.184.215.98\n"));
    git.commit("move the host");
    GitFixture.Result r = push("main");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("zonegate: error: the pre-push hook's zonegate (" + own.resolve("zonegate.jar")
        + ") is gone, so the push is not checked and is refused; run 'zonegate hook install --force' again");
  }

  @Test
  void installedWithJava25TheHookStartsFromTheAotCacheTheInstallMade() throws Exception {
    Path home = Jdks.java25();
    Process p = new ProcessBuilder(home.resolve("bin/java").toString(), "-jar", Path.of("target/zonegate.jar").toAbsolutePath().toString(),
        "hook", "install", "--repo", git.dir().toString()).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(said).isZero();
    Path own = git.dir().resolve(".git/zonegate");
    assertThat(own.resolve("zonegate.jsa")).isRegularFile();
    try (var files = Files.list(own)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("zonegate.jar", "zonegate.jsa");
    }
    assertThat(Files.readString(git.dir().resolve(".git/hooks/pre-push")))
        .contains("java='" + home.resolve("bin/java") + "'")
        .contains("-XX:AOTCache=$jsa");
    git.write("zones/example.com.zone", CheckCommandTest.com("2", CheckCommandTest.DB + "new A 93.184.215.99\n"));
    git.commit("add a host");
    // AOTMode=on stops the JVM if the cache cannot be used: the push passes only from the cache.
    GitFixture.Result ok = pushWith(Map.of("ZONEGATE_JAVA_OPTS", "-XX:AOTMode=on"));
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.err()).contains("zonegate: pass").doesNotContain("AOT");
  }

  @Test
  void withAZonegateOnThePathTheHookRunsItAndCopiesNothing() throws Exception {
    // An installed zonegate (here the build's launcher, linked onto a PATH directory).
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("zonegate"), Path.of("target/zonegate").toAbsolutePath());
    Map<String, String> env = Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    ProcessBuilder install = new ProcessBuilder(bin.resolve("zonegate").toString(), "hook", "install", "--force", "--repo",
        git.dir().toString()).redirectErrorStream(true);
    install.environment().putAll(env);
    Process p = install.start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(said).isZero();
    assertThat(said).isEqualTo("zonegate: updated " + git.dir().resolve(".git/hooks/pre-push") + "; it runs " + bin.resolve("zonegate")
        + ", the zonegate on the PATH\n");
    // The copy the first install made is gone: the hook is one small script.
    assertThat(git.dir().resolve(".git/zonegate")).doesNotExist();
    assertThat(Files.size(git.dir().resolve(".git/hooks/pre-push"))).isLessThan(4096);
    git.write("zones/example.com.zone", CheckCommandTest.com("2", CheckCommandTest.DB + "new A 93.184.215.99\n"));
    String head = git.commit("add a host");
    GitFixture.Result ok = pushWith(env);
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.err()).contains("zonegate: pass");
    assertThat(git.run(tmp, "--git-dir", remote.toString(), "rev-parse", "main").trim()).isEqualTo(head);
    git.write("zones/example.com.zone", CheckCommandTest.com("3", "orders CNAME db\n"));
    git.commit("regenerate the zone");
    GitFixture.Result blocked = pushWith(env);
    assertThat(blocked.exit()).isNotZero();
    assertThat(blocked.err()).contains("zonegate: block").contains("address-emptied db.example.com.");
    // Uninstalled: the push is refused, saying how to mend it.
    Files.delete(bin.resolve("zonegate"));
    GitFixture.Result gone = pushWith(env);
    assertThat(gone.exit()).isNotZero();
    assertThat(gone.err()).contains("zonegate: error: the pre-push hook's zonegate (" + bin.resolve("zonegate")
        + ") is gone, so the push is not checked and is refused; run 'zonegate hook install --force' again");
  }

  @Test
  void deletingABranchIsNotJudged() throws Exception {
    git.git("branch", "old");
    assertThat(push("old").exit()).isZero();
    GitFixture.Result r = push(":old");
    assertThat(r.exit()).as(r.err()).isZero();
  }
}
