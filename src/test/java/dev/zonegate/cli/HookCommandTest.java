package dev.zonegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.git.PrePushHook;
import dev.zonegate.testing.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookCommandTest {
  @TempDir Path tmp;
  GitFixture git;
  String base;
  static final String ZERO = "0000000000000000000000000000000000000000";

  @BeforeEach
  void repo() throws Exception {
    git = CheckCommandTest.deployed(tmp.resolve("repo"));
    base = git.git("rev-parse", "HEAD").trim();
  }

  Cli install(String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "hook";
    args[1] = "install";
    args[2] = "--repo=" + git.dir();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return Cli.run(args);
  }

  @Test
  void installWritesAnExecutableHookAndTwiceChangesNothing() throws Exception {
    Cli r = install();
    assertThat(r.exit()).as(r.err()).isZero();
    Path hook = git.dir().resolve(".git/hooks/pre-push");
    assertThat(hook).isExecutable();
    String script = Files.readString(hook);
    assertThat(script).startsWith("#!/bin/sh\n# zonegate pre-push hook").contains("dev.zonegate.cli.Main hook pre-push");
    Cli again = install();
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("already installed");
    assertThat(Files.readString(hook)).isEqualTo(script);
    try (var files = Files.list(git.dir().resolve(".git/hooks"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pre-push") && !n.endsWith(".sample"))).containsExactly("pre-push");
    }
  }

  @Test
  void aForeignHookIsRefusedWithoutForceAndChainedWithIt() throws Exception {
    Path hook = git.dir().resolve(".git/hooks/pre-push");
    Files.writeString(hook, "#!/bin/sh\necho mine\n");
    Cli r = install();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("already exists").contains("--force");
    assertThat(Files.readString(hook)).isEqualTo("#!/bin/sh\necho mine\n");
    Cli forced = install("--force");
    assertThat(forced.exit()).isZero();
    assertThat(Files.readString(git.dir().resolve(".git/hooks/pre-push.zonegate-chained"))).isEqualTo("#!/bin/sh\necho mine\n");
    assertThat(Files.readString(hook)).contains("zonegate-chained");
  }

  @Test
  void aBareRepositoryIsRefusedInOneLine() throws Exception {
    Path bare = tmp.resolve("bare.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
    Cli r = Cli.run("hook", "install", "--repo", bare.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("is a bare repository, which nobody pushes from").hasLineCount(1);
    assertThat(bare.resolve("hooks/pre-push")).doesNotExist();
  }

  @Test
  void coreHooksPathIsHonoured() throws Exception {
    git.git("config", "core.hooksPath", ".githooks");
    assertThat(install().exit()).isZero();
    assertThat(git.dir().resolve(".githooks/pre-push")).isExecutable();
    assertThat(git.dir().resolve(".git/hooks/pre-push")).doesNotExist();
  }

  /** A stand-in for an installed zonegate: records what it was given and exits with $ZG_EXIT. */
  Path fakeZonegate(Path bin) throws Exception {
    Files.createDirectories(bin);
    Path z = bin.resolve("zonegate");
    Files.writeString(z, "#!/bin/sh\ncat > \"$0.stdin\"\necho \"$@\" > \"$0.args\"\nexit ${ZG_EXIT:-0}\n");
    assertThat(z.toFile().setExecutable(true)).isTrue();
    return z;
  }

  GitFixture.Result runHook(Map<String, String> env, String stdin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(git.dir().resolve(".git/hooks/pre-push").toString(), "origin", "file:///remote");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new GitFixture.Result(p.exitValue(), out, err);
  }

  @Test
  void aZonegateOnThePathIsWhatTheHookRunsWithNothingCopied() throws Exception {
    // A copy an earlier install kept goes: the hook no longer runs it.
    Path own = Files.createDirectories(git.dir().resolve(".git/zonegate"));
    Files.writeString(own.resolve("zonegate.jar"), "an earlier copy");
    Path z = fakeZonegate(tmp.resolve("bin"));
    Cli r = Cli.run(Map.of("PATH", "relative/bin:" + tmp.resolve("empty") + ":" + z.getParent()), "",
        "hook", "install", "--repo=" + git.dir(), "--config", git.dir().resolve("zonegate.yaml").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("zonegate: installed " + git.dir().resolve(".git/hooks/pre-push") + "; it runs " + z
        + ", the zonegate on the PATH\n");
    assertThat(own).doesNotExist();
    // git's arguments and standard input reach it, after the options the install was given.
    String refs = "refs/heads/main " + base + " refs/heads/main " + ZERO + "\n";
    assertThat(runHook(Map.of("ZG_EXIT", "0"), refs).exit()).isZero();
    assertThat(Files.readString(tmp.resolve("bin/zonegate.args")))
        .isEqualTo("hook pre-push --config " + git.dir().resolve("zonegate.yaml") + " origin file:///remote\n");
    assertThat(Files.readString(tmp.resolve("bin/zonegate.stdin"))).isEqualTo(refs);
    // A block is a block, undecided is undecided, and anything else is undecided too.
    assertThat(runHook(Map.of("ZG_EXIT", "1"), refs).exit()).isEqualTo(1);
    assertThat(runHook(Map.of("ZG_EXIT", "2"), refs).exit()).isEqualTo(2);
    GitFixture.Result odd = runHook(Map.of("ZG_EXIT", "7"), refs);
    assertThat(odd.exit()).isEqualTo(2);
    assertThat(odd.err()).startsWith("zonegate: error: " + z + " stopped before it could decide (exit 7), so the push is refused;");
    // Gone (uninstalled, or a build tree cleaned): the push is refused in one line saying how to mend it.
    Files.delete(z);
    GitFixture.Result gone = runHook(Map.of(), refs);
    assertThat(gone.exit()).isEqualTo(2);
    assertThat(gone.err()).isEqualTo("zonegate: error: the pre-push hook's zonegate (" + z + ") is gone, so the push is not"
        + " checked and is refused; run 'zonegate hook install --force' again with a working zonegate, or push with"
        + " --no-verify to skip the check\n");
  }

  @Test
  void theHookUsesTheArchiveKindOfTheJavaThatInstalledIt() throws Exception {
    String javaPath = "/opt/my jdk/bin/java";
    String jar = "/repo/.git/zonegate/zonegate.jar";
    String onJava17 = PrePushHook.script(javaPath, 17, jar, List.of());
    assertThat(onJava17).contains("-XX:SharedArchiveFile=$jsa").contains("-XX:ArchiveClassesAtExit=$jsa").contains(" -Xshare:auto")
        .doesNotContain("AOT");
    String onJava25 = PrePushHook.script(javaPath, 25, jar, List.of());
    // The AOT cache only with the Java it was made for (not a java on the PATH the hook falls
    // back to), never beside -Xshare, which Java 25 refuses with it; the hook never makes one.
    assertThat(onJava25)
        .contains("if [ \"$java\" = '/opt/my jdk/bin/java' ] && [ -f \"$jsa\" ] && [ ! \"$cp\" -nt \"$jsa\" ]; then"
            + " cds=\"-XX:AOTCache=$jsa\"; else cds=-Xshare:auto; fi\n")
        .doesNotContain("ArchiveClassesAtExit").doesNotContain("SharedArchiveFile").doesNotContain(" -Xshare:auto ");
    for (String script : List.of(onJava17, onJava25)) {
      Process sh = new ProcessBuilder("sh", "-n").start();
      sh.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
      sh.getOutputStream().close();
      assertThat(sh.waitFor()).as(script).isZero();
    }
  }

  @Test
  void onlyAnAbsolutePathEntryCounts() throws Exception {
    // A relative entry (such as .) would run whatever the repository being pushed holds.
    Path rel = Path.of("target", "onpath-test-" + ProcessHandle.current().pid());
    try {
      fakeZonegate(rel);
      assertThat(PrePushHook.onPath(rel.toString())).isNull();
      assertThat(PrePushHook.onPath(rel.toAbsolutePath().toString())).isEqualTo(rel.toAbsolutePath().resolve("zonegate"));
      assertThat(PrePushHook.onPath(null)).isNull();
    } finally {
      Files.deleteIfExists(rel.resolve("zonegate"));
      Files.deleteIfExists(rel);
    }
  }

  @Test
  void copyKeepsTheHookOffThePath() throws Exception {
    Path z = fakeZonegate(tmp.resolve("bin"));
    Cli r = Cli.run(Map.of("PATH", z.getParent().toString()), "", "hook", "install", "--repo=" + git.dir(), "--copy");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(git.dir().resolve(".git/hooks/pre-push"))).doesNotContain(z.toString())
        .contains("dev.zonegate.cli.Main hook pre-push");
  }

  Cli prePush(String stdin) {
    return Cli.run(Map.of(), stdin, "hook", "pre-push", "origin", "file:///remote", "--repo", git.dir().toString());
  }

  @Test
  void prePushRefusesABlockingChangeWithTheReportOnStandardError() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    String head = git.commit("regenerate");
    Cli r = prePush("refs/heads/main " + head + " refs/heads/main " + base + "\n");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("zonegate: block").contains("address-emptied").contains("push refused")
        // A hook takes no flags: the hint offers the commit trailer only.
        .contains("        to allow: commit trailer  Zonegate-Allow: address-emptied:db.example.com. <reason>\n")
        .doesNotContain("--allow");
  }

  @Test
  void prePushAcceptsABenignChangeAndSkipsDeletions() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", CheckCommandTest.DB + "new A 93.184.215.99\n"));
    String head = git.commit("add");
    Cli r = prePush("refs/heads/main " + head + " refs/heads/main " + base + "\n(delete) " + ZERO + " refs/heads/old " + base + "\n");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("zonegate: pass");
  }

  @Test
  void aNewBranchWithNoRemoteIsComparedWithNothing() throws Exception {
    Cli r = prePush("refs/heads/main " + base + " refs/heads/main " + ZERO + "\n");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  /**
   * Regression check: a mutant that judged a new branch's head against itself (so nothing was
   * checked) passed the whole suite, because the tests of new branches only asked for exit 0.
   * Here a new branch that empties an endpoint is judged against the merge-base with the remote's
   * default branch: it blocks, and the report names that base.
   */
  @Test
  void aNewBranchIsJudgedAgainstTheMergeBaseWithTheRemoteDefaultBranchNotItself() throws Exception {
    CheckCommandTest.pushedTo(git, tmp.resolve("remote.git"));
    git.git("fetch", "-q", "origin");
    git.git("checkout", "-q", "-b", "feature");
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    String head = git.commit("regenerate on a branch");
    Cli r = Cli.run(Map.of(), "refs/heads/feature " + head + " refs/heads/feature " + ZERO + "\n",
        "hook", "pre-push", "origin", tmp.resolve("remote.git").toString(), "--repo", git.dir().toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("address-emptied db.example.com.")
        .contains("base " + base.substring(0, 12)).contains("head " + head.substring(0, 12));
  }

  @Test
  void aRemoteTipThatWasNeverFetchedRefusesThePushRatherThanJudgeAgainstNothing() throws Exception {
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    String head = git.commit("regenerate");
    String unknown = "1234567890123456789012345678901234567890";
    Cli r = prePush("refs/heads/main " + head + " refs/heads/main " + unknown + "\n");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("origin has refs/heads/main at 123456789012, which this repository does not have")
        .contains("git fetch origin").contains("the push is refused");
  }

  @Test
  void garbageOnStandardInputRefusesThePushWithAHint() {
    Cli r = prePush("what is this\n");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("zonegate: error: ").contains("git push --no-verify");
  }

  /**
   * The hook reads the repository through git's own processes; {@code check} reads it with JGit.
   * On the same push (a block, an allowed finding with its commit trailer, a new branch judged
   * against the merge-base) both give the same report, byte for byte.
   */
  @Test
  void readingThroughGitGivesTheReportJGitGives() throws Exception {
    CheckCommandTest.pushedTo(git, tmp.resolve("remote.git"));
    git.git("fetch", "-q", "origin");
    git.write("zones/example.com.zone", CheckCommandTest.com("2", "orders CNAME db\n"));
    String blocked = git.commit("regenerate");
    git.write("zones/example.com.zone", CheckCommandTest.com("3", "orders CNAME db\nnew A 93.184.215.99\n"));
    String allowed = git.commit("allow it\n\nZonegate-Allow: address-emptied:db.example.com. moved to orders");
    for (String stdin : new String[] {
        "refs/heads/main " + blocked + " refs/heads/main " + base + "\n",
        "refs/heads/main " + allowed + " refs/heads/main " + base + "\n",
        "refs/heads/feature " + allowed + " refs/heads/feature " + ZERO + "\n"}) {
      Cli throughGit = prePush(stdin);
      Cli jgit = Cli.run(Map.of("ZONEGATE_GIT", "jgit"), stdin, "hook", "pre-push", "origin", "file:///remote", "--repo", git.dir().toString());
      assertThat(throughGit.exit()).as(throughGit.err()).isIn(0, 1);
      assertThat(throughGit.err()).isEqualTo(jgit.err());
      assertThat(throughGit.exit()).isEqualTo(jgit.exit());
    }
    assertThat(prePush("refs/heads/main " + allowed + " refs/heads/main " + base + "\n").err())
        .contains("Zonegate-Allow").contains(allowed.substring(0, 12));
  }
}
