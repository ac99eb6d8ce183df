package dev.zonegate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.testing.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepoTest {
  @TempDir Path tmp;
  private Sandbox git;
  private Path repo;

  @BeforeEach
  void setUp() throws Exception {
    git = new Sandbox(tmp);
    repo = git.init("repo");
  }

  @Test
  void opensFromASubdirectoryAndKnowsItsWorkTree() throws Exception {
    Require.require(System.getenv("GIT_DIR") == null,
        "GIT_DIR is set (the build runs inside a git hook?): the public open() would follow it; run the build"
            + " without GIT_DIR to test it", null);
    git.write(repo, "zones/example.com.zone", "x\n");
    git.commit(repo, "first");
    try (GitRepo r = open(repo.resolve("zones"), true)) {
      // Compared as real paths: the temp directory may sit behind a symlink (macOS /var).
      assertThat(r.workTree().toRealPath()).isEqualTo(repo.toRealPath());
      assertThat(r.gitDir().toRealPath()).isEqualTo(repo.toRealPath().resolve(".git"));
    }
  }

  @Test
  void aDirectoryOutsideAnyRepositoryIsAClearError() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    // Only meaningful when the temp directory is not itself inside a repository.
    Require.require(!git.insideARepository(plain),
        "the temporary directory " + tmp + " is inside a git repository; point java.io.tmpdir outside one to"
            + " test this", null);
    assertThatThrownBy(() -> open(plain, false))
        .isInstanceOf(GitException.class)
        .hasMessageContaining(plain.toString())
        .hasMessageContaining("is not in a git repository");
    assertThatThrownBy(() -> open(tmp.resolve("missing"), false))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("no such directory");
  }

  @Test
  void resolvesBranchesShasAndTagsToCommits() throws Exception {
    git.write(repo, "a.zone", "one\n");
    String first = git.commit(repo, "first");
    git.write(repo, "a.zone", "two\n");
    String second = git.commit(repo, "second");
    git.run(repo, "tag", "-a", "-m", "annotated", "v1", first);
    try (GitRepo r = open(repo)) {
      assertThat(r.resolve("main").name()).isEqualTo(second);
      assertThat(r.resolve("HEAD~1").name()).isEqualTo(first);
      assertThat(r.resolve(second.substring(0, 10)).name()).isEqualTo(second);
      // The annotated tag is peeled to its commit.
      assertThat(r.resolve("v1").name()).isEqualTo(first);
      assertThat(r.shortName(r.resolve("main"))).isEqualTo(second.substring(0, 12));
    }
  }

  @Test
  void anUnknownRevisionIsAnErrorNamingIt() throws Exception {
    git.write(repo, "a.zone", "one\n");
    git.commit(repo, "first");
    try (GitRepo r = open(repo)) {
      assertThatThrownBy(() -> r.resolve("origin/nope"))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("cannot resolve 'origin/nope' in ")
          .hasMessageContaining(repo.getFileName().toString());
      String blob = git.run(repo, "rev-parse", "HEAD:a.zone");
      assertThatThrownBy(() -> r.resolve(blob))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("does not name a commit");
    }
  }

  @Test
  void mergeBaseOfAFeatureBranch() throws Exception {
    git.write(repo, "a.zone", "one\n");
    String fork = git.commit(repo, "fork point");
    git.run(repo, "checkout", "-q", "-b", "feature");
    git.write(repo, "a.zone", "feature\n");
    String feature = git.commit(repo, "feature work");
    git.run(repo, "checkout", "-q", "main");
    git.write(repo, "b.zone", "main moves on\n");
    String main = git.commit(repo, "main work");
    try (GitRepo r = open(repo)) {
      ObjectId base = r.mergeBase(r.resolve("main"), r.resolve("feature"));
      assertThat(base.name()).isEqualTo(fork).isNotIn(feature, main);
    }
  }

  @Test
  void unrelatedHistoriesHaveNoMergeBase() throws Exception {
    git.write(repo, "a.zone", "one\n");
    git.commit(repo, "first");
    git.run(repo, "checkout", "-q", "--orphan", "other");
    git.write(repo, "b.zone", "two\n");
    git.commit(repo, "unrelated");
    try (GitRepo r = open(repo)) {
      assertThat(r.mergeBase(r.resolve("main"), r.resolve("other"))).isNull();
    }
  }

  @Test
  void remoteDefaultBranchFollowsOriginHeadThenFallsBackToMain() throws Exception {
    git.write(repo, "a.zone", "one\n");
    String main = git.commit(repo, "on main");
    git.run(repo, "checkout", "-q", "-b", "develop");
    git.write(repo, "a.zone", "two\n");
    String develop = git.commit(repo, "on develop");
    // Cloned while upstream HEAD is develop: origin/HEAD -> origin/develop, not origin/main.
    Path clone = tmp.resolve("clone");
    git.run(tmp, "clone", "-q", repo.toString(), clone.toString());
    try (GitRepo r = open(clone)) {
      assertThat(r.remoteDefaultBranch("origin").name()).isEqualTo(develop);
    }
    git.run(clone, "remote", "set-head", "origin", "--delete");
    try (GitRepo r = open(clone)) {
      assertThat(r.remoteDefaultBranch("origin").name()).isEqualTo(main);
      assertThat(r.remoteDefaultBranch("upstream")).isNull();
      assertThatThrownBy(() -> r.remoteDefaultBranch("bad..name"))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("'bad..name' is not a valid remote name");
    }
  }

  @Test
  void remoteDefaultBranchFallsBackToMaster() throws Exception {
    git.write(repo, "a.zone", "one\n");
    String commit = git.commit(repo, "first");
    git.run(repo, "update-ref", "refs/remotes/origin/master", commit);
    try (GitRepo r = open(repo)) {
      assertThat(r.remoteDefaultBranch("origin").name()).isEqualTo(commit);
    }
  }

  @Test
  void changedPathsReportModifiedAddedDeletedAndBothSidesOfARename() throws Exception {
    git.write(repo, "zones/modified.zone", "old\n");
    git.write(repo, "zones/deleted.zone", "gone soon\n");
    git.write(repo, "zones/untouched.zone", "same\n");
    // Long enough content for rename detection to see the moved file as the same file.
    git.write(repo, "zones/old-name.zone", "www 3600 IN A 192.0.2.1\n".repeat(20));
    String base = git.commit(repo, "base");
    git.write(repo, "zones/modified.zone", "new\n");
    git.write(repo, "zones/added.zone", "new file\n");
    git.run(repo, "rm", "-q", "zones/deleted.zone");
    git.run(repo, "mv", "zones/old-name.zone", "zones/new-name.zone");
    String head = git.commit(repo, "head");
    try (GitRepo r = open(repo)) {
      assertThat(r.changedPaths(ObjectId.fromString(base), ObjectId.fromString(head)))
          .containsExactlyInAnyOrder(
              "zones/modified.zone",
              "zones/added.zone",
              "zones/deleted.zone",
              "zones/old-name.zone",
              "zones/new-name.zone");
      // Without a base everything in head is new.
      assertThat(r.changedPaths(null, ObjectId.fromString(base)))
          .containsExactlyInAnyOrder(
              "zones/modified.zone",
              "zones/deleted.zone",
              "zones/untouched.zone",
              "zones/old-name.zone");
      assertThat(r.changedPaths(ObjectId.fromString(head), ObjectId.fromString(head))).isEmpty();
    }
  }

  @Test
  void trailersOfCommitsInBaseToHeadOldestFirst() throws Exception {
    git.write(repo, "a.zone", "one\n");
    String outside =
        git.commit(repo, "before the branch", "Zonegate-Allow: ttl-guard:www not in range");
    git.write(repo, "a.zone", "two\n");
    String first =
        git.commit(
            repo,
            "drop db addresses",
            "The database moved.\n\nZonegate-Allow: address-emptied:db reason text");
    git.write(repo, "a.zone", "three\n");
    git.commit(repo, "no footer here");
    git.write(repo, "a.zone", "four\n");
    String last =
        git.commit(
            repo,
            "second override",
            "Signed-off-by: Test Author <author@example.com>\n"
                + "zonegate-allow: serial-not-increased");
    try (GitRepo r = open(repo)) {
      ObjectId base = ObjectId.fromString(outside);
      ObjectId head = ObjectId.fromString(last);
      List<Trailer> found = r.trailers(base, head, "Zonegate-Allow");
      assertThat(found)
          .containsExactly(
              new Trailer(
                  first.substring(0, 12),
                  "Test Author <author@example.com>",
                  "address-emptied:db reason text"),
              new Trailer(
                  last.substring(0, 12),
                  "Test Author <author@example.com>",
                  "serial-not-increased"));
      // With no base, the whole history counts, still oldest first.
      assertThat(r.trailers(null, head, "Zonegate-Allow"))
          .extracting(Trailer::commit)
          .containsExactly(outside.substring(0, 12), first.substring(0, 12), last.substring(0, 12));
      assertThat(r.trailers(head, head, "Zonegate-Allow")).isEmpty();
    }
  }

  /**
   * The changed paths are worked out from the two trees; JGit's own diff (with rename detection,
   * as zonegate used before) is the reference: a file that becomes a directory and back, a mode
   * change, a symbolic link, a submodule, a rename, an untouched subtree, and a name that is not
   * UTF-8.
   */
  @Test
  void changedPathsAgreeWithJGitsDiffOnEveryKindOfEntry() throws Exception {
    git.write(repo, "a/b/c.zone", "one\n");
    git.write(repo, "a/keep/x.zone", "same\n");
    git.write(repo, "becomes-dir", "file\n");
    git.write(repo, "dir-becomes-file/inner.zone", "inner\n");
    git.write(repo, "mode.zone", "mode\n");
    git.write(repo, "moved.zone", "www 3600 IN A 192.0.2.1\n".repeat(20));
    String latin1 = new String(new byte[] {'c', 'a', 'f', (byte) 0xe9, '.', 'z'}, StandardCharsets.ISO_8859_1);
    String base = git.commit(repo, "base");
    // A name whose bytes are not UTF-8, written into the index directly.
    String blob = git.run(repo, "hash-object", "-w", "--", "mode.zone");
    Files.delete(repo.resolve("becomes-dir"));
    git.write(repo, "becomes-dir/now.zone", "now\n");
    Files.delete(repo.resolve("dir-becomes-file/inner.zone"));
    Files.delete(repo.resolve("dir-becomes-file"));
    git.write(repo, "dir-becomes-file", "file now\n");
    git.write(repo, "a/b/c.zone", "two\n");
    git.run(repo, "mv", "moved.zone", "a/moved.zone");
    git.run(repo, "add", "-A");
    git.run(repo, "update-index", "--chmod=+x", "mode.zone");
    git.run(repo, "update-index", "--add", "--cacheinfo", "120000," + blob + ",link.zone");
    git.run(repo, "update-index", "--add", "--cacheinfo", "160000," + base + ",vendor/sub");
    git.run(repo, "commit", "-q", "-m", "head");
    String head = git.run(repo, "rev-parse", "HEAD");
    Path odd = Files.createTempFile(tmp, "odd", ".sh");
    Files.writeString(odd, "git update-index --add --cacheinfo 100644," + blob + ",\"$(printf 'caf\\351.z')\" && git commit -q -m odd\n");
    ProcessBuilder sh = new ProcessBuilder("sh", odd.toString()).directory(repo.toFile());
    sh.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
    sh.environment().put("GIT_AUTHOR_NAME", "a");
    sh.environment().put("GIT_AUTHOR_EMAIL", "a@example.com");
    sh.environment().put("GIT_COMMITTER_NAME", "a");
    sh.environment().put("GIT_COMMITTER_EMAIL", "a@example.com");
    assertThat(sh.inheritIO().start().waitFor()).isZero();
    String last = git.run(repo, "rev-parse", "HEAD");
    try (GitRepo r = open(repo);
        Repository jgit =
            new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).setMustExist(true).build()) {
      String[][] pairs = {{base, head}, {head, last}, {base, last}, {null, last}, {last, base}};
      for (String[] p : pairs) {
        ObjectId a = p[0] == null ? null : ObjectId.fromString(p[0]);
        ObjectId b = ObjectId.fromString(p[1]);
        assertThat(r.changedPaths(a, b)).as(p[0] + ".." + p[1]).containsExactlyElementsOf(jgitChangedPaths(jgit, a, b));
      }
      assertThat(r.changedPaths(ObjectId.fromString(base), ObjectId.fromString(head)))
          .contains("becomes-dir", "becomes-dir/now.zone", "dir-becomes-file", "dir-becomes-file/inner.zone",
              "mode.zone", "link.zone", "vendor/sub", "moved.zone", "a/moved.zone", "a/b/c.zone")
          .doesNotContain("a/keep/x.zone");
      assertThat(r.changedPaths(ObjectId.fromString(head), ObjectId.fromString(last))).containsExactly(latin1);
    }
  }

  /** What zonegate computed with JGit's diff before the trees were compared directly. */
  private static SortedSet<String> jgitChangedPaths(Repository repo, ObjectId base, ObjectId head)
      throws IOException {
    SortedSet<String> paths = new TreeSet<>();
    try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repo);
      diff.setDetectRenames(true);
      for (DiffEntry e : diff.scan(base, head)) {
        for (String p : new String[] {e.getOldPath(), e.getNewPath()}) {
          if (p != null && !p.equals(DiffEntry.DEV_NULL)) {
            paths.add(p);
          }
        }
      }
    }
    return paths;
  }

  /**
   * Trailers are read from each raw commit as JGit's {@code RevCommit} reads its footer lines and
   * author; JGit's own parse is the reference, on messages where footers are easy to get wrong.
   */
  @Test
  void trailersAgreeWithJGitsFooterParsing() throws Exception {
    String[] messages = {
      "subject only, Zonegate-Allow: not-a-footer x",
      "subject\n\nbody\n\nZonegate-Allow: a:b. one reason\nZonegate-Allow: c two",
      "subject\n\nZonegate-Allow: in the middle x\n\nlast paragraph, no footer",
      "subject\n\nSigned-off-by: X <x@example.com>\nzonegate-allow:   spaced  out  \nOther: y",
      "subject\n\nZonegate-Allow: folded\n  continued line\nBug: 1",
      "subject\n\n[cherry picked]\nZonegate-Allow: after a bracket line z",
      "subject\r\n\r\nZonegate-Allow: crlf w\r\n",
      "subject\n\nZonegate-Allow:\nZonegate-Allow: empty before v"};
    String first = null;
    for (String m : messages) {
      git.write(repo, "a.zone", m.hashCode() + "\n");
      git.run(repo, "add", "-A");
      git.run(repo, "commit", "-q", "--cleanup=verbatim", "-m", m);
      if (first == null) {
        first = git.run(repo, "rev-parse", "HEAD");
      }
    }
    String head = git.run(repo, "rev-parse", "HEAD");
    List<Trailer> expected = new ArrayList<>();
    try (Repository jgit =
            new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).setMustExist(true).build();
        RevWalk walk = new RevWalk(jgit)) {
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
      for (RevCommit c : walk) {
        for (String v : c.getFooterLines("Zonegate-Allow")) {
          PersonIdent who = c.getAuthorIdent();
          expected.add(new Trailer(c.abbreviate(12).name(), who.getName() + " <" + who.getEmailAddress() + ">", v.trim()));
        }
      }
    }
    try (GitRepo r = open(repo)) {
      assertThat(r.trailers(null, ObjectId.fromString(head), "Zonegate-Allow")).isEqualTo(expected);
    }
    assertThat(expected).hasSizeGreaterThan(4);
  }

  private GitRepo open(Path dir) throws GitException {
    return open(dir, false);
  }

  /** How the repository is opened: with JGit here, through git in {@link GitRepoThroughGitTest}. */
  GitRepo open(Path dir, boolean environment) throws GitException {
    return GitRepo.open(dir, environment);
  }


  /**
   * Real repositories made with the {@code git} binary, isolated from the machine: no system or
   * user config, a temporary HOME, fixed identities, and no GIT_* variables inherited from a hook
   * the build may run in. Shared with {@link GitTreeTest}.
   */
  static final class Sandbox {
    static final String NAME = "Test Author";
    static final String EMAIL = "author@example.com";
    private final Path root;
    private final Path home;

    Sandbox(Path root) throws IOException {
      this.root = root;
      this.home = Files.createDirectories(root.resolve("home"));
    }

    /** Whether git finds a repository at or above {@code dir}. */
    boolean insideARepository(Path dir) {
      try {
        run(dir, "rev-parse", "--git-dir");
        return true;
      } catch (AssertionError e) {
        return false;
      }
    }

    /** A new non-bare repository with branch main. */
    Path init(String name) throws IOException {
      Path dir = Files.createDirectories(root.resolve(name));
      run(dir, "init", "-q", "-b", "main");
      return dir;
    }

    void write(Path repo, String path, String text) throws IOException {
      Path file = repo.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Stages everything and commits; returns the full sha. */
    String commit(Path repo, String subject, String... paragraphs) {
      run(repo, "add", "-A");
      List<String> args = new ArrayList<>(List.of("commit", "-q", "--allow-empty", "-m", subject));
      for (String p : paragraphs) {
        args.add("-m");
        args.add(p);
      }
      run(repo, args.toArray(String[]::new));
      return run(repo, "rev-parse", "HEAD");
    }

    /** Runs git in {@code dir}; its trimmed standard output, or an AssertionError with stderr. */
    String run(Path dir, String... args) {
      List<String> command = new ArrayList<>();
      command.add("git");
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("GIT_"));
      env.put("HOME", home.toString());
      env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
      env.put("GIT_CONFIG_NOSYSTEM", "1");
      env.put("GIT_AUTHOR_NAME", NAME);
      env.put("GIT_AUTHOR_EMAIL", EMAIL);
      env.put("GIT_COMMITTER_NAME", NAME);
      env.put("GIT_COMMITTER_EMAIL", EMAIL);
      env.put("GIT_TERMINAL_PROMPT", "0");
      env.put("LC_ALL", "C");
      // stderr goes to a file: reading two pipes one after the other could deadlock.
      Path err = root.resolve("git-stderr.txt");
      pb.redirectError(err.toFile());
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new AssertionError(
            "these tests need the git binary on PATH and could not run it ("
                + e.getMessage()
                + "); install git",
            e);
      }
      try {
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("git " + String.join(" ", args) + " timed out");
        }
        if (p.exitValue() != 0) {
          throw new AssertionError(
              "git "
                  + String.join(" ", args)
                  + " failed ("
                  + p.exitValue()
                  + "): "
                  + Files.readString(err).trim());
        }
        return out.trim();
      } catch (IOException e) {
        throw new AssertionError("git " + String.join(" ", args) + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
