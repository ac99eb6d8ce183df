package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.GitFixture;
import dev.zonegate.testing.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code git push} through the hook managers teams already use, with the definitions
 * zonegate ships: pre-commit (Debian's {@code pre-commit}) running {@code .pre-commit-hooks.yaml},
 * and lefthook (npm {@code lefthook} 2.2.1) running {@code ci/lefthook.yml}; each blocks a push
 * that empties an endpoint and lets a benign one through. Both run the {@code zonegate} on PATH
 * (here the shaded jar behind a two-line script). Without the tool the tests are skipped with the
 * reason, unless {@code ZONEGATE_REQUIRE_HOOK_TOOLS=1} (set by CI), where they fail.
 */
class HookToolsIT {
  static final String REQUIRE_ENV = "ZONEGATE_REQUIRE_HOOK_TOOLS";

  @TempDir Path tmp;
  GitFixture git;
  Path remote;
  Map<String, String> env;

  static String which(String tool) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() ? out : null;
  }

  static void require(String tool, String how) throws Exception {
    Require.require(which(tool) != null, tool + " is not installed (" + how + ")", REQUIRE_ENV);
  }

  @BeforeEach
  void repo() throws Exception {
    git = CheckCommandTest.deployed(tmp.resolve("repo"));
    remote = CheckCommandTest.pushedTo(git, tmp.resolve("remote.git"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path zonegate = bin.resolve("zonegate");
    Files.writeString(zonegate, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
        + Path.of("target/zonegate.jar").toAbsolutePath() + "' \"$@\"\n");
    Files.setPosixFilePermissions(zonegate, PosixFilePermissions.fromString("rwxr-xr-x"));
    env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "PRE_COMMIT_HOME", tmp.resolve("pre-commit-home").toString(),
        "HOME", tmp.toString());
  }

  GitFixture.Result run(String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(git.dir().toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new GitFixture.Result(p.exitValue(), out, out);
  }

  /** A push that empties an endpoint is refused; a benign one goes through. */
  void blocksAndAllows(String passSays) throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    String bad = git.commit("regenerate the zone");
    GitFixture.Result refused = git.exec(git.dir(), null, env, "push", "origin", "main");
    assertThat(refused.exit()).as(refused.err()).isNotZero();
    assertThat(refused.err() + refused.out()).contains("zonegate: block").contains("address-emptied db.example.com.");
    assertThat(git.run(tmp, "--git-dir", remote.toString(), "rev-parse", "main").trim()).isNotEqualTo(bad);
    git.git("reset", "-q", "--hard", "HEAD~1");
    git.write("zones/example.com.zone", CheckCommandTest.com("2", CheckCommandTest.DB + "new A 93.184.215.99\n"));
    String good = git.commit("add a host");
    GitFixture.Result ok = git.exec(git.dir(), null, env, "push", "origin", "main");
    assertThat(ok.exit()).as(ok.err() + ok.out()).isZero();
    assertThat(ok.err() + ok.out()).contains(passSays);
    assertThat(git.run(tmp, "--git-dir", remote.toString(), "rev-parse", "main").trim()).isEqualTo(good);
  }

  @Test
  void preCommitRunsTheShippedHookDefinition() throws Exception {
    require("pre-commit", "apt-get install pre-commit");
    // The shipped definition, as a local repository's hooks (pre-commit would clone it at a tag).
    String hooks = Files.readString(Path.of(".pre-commit-hooks.yaml"));
    StringBuilder config = new StringBuilder("repos:\n  - repo: local\n    hooks:\n");
    for (String line : hooks.lines().filter(l -> !l.startsWith("#")).toList()) {
      config.append("      ").append(line).append('\n');
    }
    git.write(".pre-commit-config.yaml", config.toString());
    git.commit("pre-commit");
    assertThat(git.exec(git.dir(), null, env, "push", "-q", "origin", "main").exit()).isZero();
    GitFixture.Result install = run("pre-commit", "install", "--hook-type", "pre-push");
    assertThat(install.exit()).as(install.out()).isZero();
    blocksAndAllows("zonegate (DNS change gate)"); // pre-commit shows a passing hook's name, not its output
  }

  @Test
  void lefthookRunsTheShippedExample() throws Exception {
    require("lefthook", "npm install -g lefthook@2.2.1");
    Files.copy(Path.of("ci/lefthook.yml"), git.dir().resolve("lefthook.yml"));
    git.commit("lefthook");
    assertThat(git.exec(git.dir(), null, env, "push", "-q", "origin", "main").exit()).isZero();
    GitFixture.Result install = run("lefthook", "install");
    assertThat(install.exit()).as(install.out()).isZero();
    blocksAndAllows("zonegate: pass");
  }
}
