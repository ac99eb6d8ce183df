package dev.zonegate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.model.Zone;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.Limits;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.SourceTree;
import dev.zonegate.zone.ZoneReadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTreeTest {
  private static final String ZONE =
      "$ORIGIN example.com.\n"
          + "$TTL 3600\n"
          + "@ IN SOA ns1 hostmaster 1 7200 900 1209600 300\n"
          + "@ IN NS ns1\n"
          + "ns1 IN A 192.0.2.53\n"
          + "$INCLUDE hosts.inc\n";

  @TempDir Path tmp;
  private GitRepoTest.Sandbox git;
  private Path repo;

  @BeforeEach
  void setUp() throws Exception {
    git = new GitRepoTest.Sandbox(tmp);
    repo = git.init("repo");
  }

  @Test
  void readsTheBlobAtEachCommitNotTheWorkingTree() throws Exception {
    git.write(repo, "zones/a.zone", "first\n");
    String first = git.commit(repo, "first");
    git.write(repo, "zones/a.zone", "second\n");
    String second = git.commit(repo, "second");
    // Changed on disk and even staged, but not committed: invisible to the commit's tree.
    git.write(repo, "zones/a.zone", "uncommitted\n");
    git.run(repo, "add", "zones/a.zone");
    try (GitRepo r = open(repo)) {
      assertThat(text(r.tree(ObjectId.fromString(first)), "zones/a.zone")).isEqualTo("first\n");
      SourceTree head = r.tree(r.resolve("HEAD"));
      assertThat(text(head, "zones/a.zone")).isEqualTo("second\n");
      // Paths are normalized as for files on disk.
      assertThat(text(head, "./zones/../zones//a.zone")).isEqualTo("second\n");
      assertThat(head.describe()).isEqualTo("git " + second.substring(0, 7));
    }
  }

  @Test
  void refusesDirectoriesSymlinksSubmodulesMissingFilesAndEscapes() throws Exception {
    git.write(repo, "zones/a.zone", "data\n");
    String commit = git.commit(repo, "files");
    // Symlink and gitlink entries are written into the index directly, so the test does not
    // depend on the file system supporting symlinks or on a real submodule.
    String target = git.run(repo, "hash-object", "-w", "--", "zones/a.zone");
    git.run(repo, "update-index", "--add", "--cacheinfo", "120000," + target + ",zones/link.zone");
    git.run(repo, "update-index", "--add", "--cacheinfo", "160000," + commit + ",vendor/sub");
    // Committed from the index as it is: "git add -A" would drop entries absent from the disk.
    git.run(repo, "commit", "-q", "-m", "special entries");
    String head = git.run(repo, "rev-parse", "HEAD");
    try (GitRepo r = open(repo)) {
      SourceTree tree = r.tree(ObjectId.fromString(head));
      assertThat(failure(tree, "zones")).isEqualTo("zones: is a directory, not a zone file");
      assertThat(failure(tree, "zones/link.zone"))
          .isEqualTo(
              "zones/link.zone: is a symbolic link; zonegate reads only regular files from git");
      assertThat(failure(tree, "vendor/sub")).contains("vendor/sub: is a submodule");
      assertThat(failure(tree, "vendor/sub/inner.zone"))
          .isEqualTo("vendor/sub/inner.zone: no such file at " + head.substring(0, 7));
      assertThat(failure(tree, "zones/missing.zone"))
          .isEqualTo("zones/missing.zone: no such file at " + head.substring(0, 7));
      // A symlink in the middle of a path is not followed either.
      assertThat(failure(tree, "zones/link.zone/x")).contains("no such file");
      assertThat(failure(tree, "../outside.zone"))
          .isEqualTo("../outside.zone: path is outside the repository");
      assertThat(failure(tree, "")).contains("path is outside the repository");
    }
  }

  @Test
  void existsAgreesWithReadForEveryKindOfEntryAndNonAsciiNames() throws Exception {
    git.write(repo, "zones/a.zone", "data\n");
    git.write(repo, "zones/bücher.example.zone", "umlaut\n");
    git.write(repo, "zones/big.zone", "x".repeat(64) + "\n");
    String commit = git.commit(repo, "files");
    String target = git.run(repo, "hash-object", "-w", "--", "zones/a.zone");
    git.run(repo, "update-index", "--add", "--cacheinfo", "120000," + target + ",zones/link.zone");
    git.run(repo, "update-index", "--add", "--cacheinfo", "160000," + commit + ",vendor/sub");
    git.run(repo, "commit", "-q", "-m", "special entries");
    try (GitRepo r = open(repo)) {
      SourceTree tree = r.tree(r.resolve("HEAD"));
      assertThat(text(tree, "zones/bücher.example.zone")).isEqualTo("umlaut\n");
      for (String p : List.of("zones/a.zone", "zones/bücher.example.zone", "zones/big.zone", "./zones//a.zone",
          "zones", "zones/link.zone", "vendor/sub", "vendor/sub/x", "zones/missing.zone", "zones/a.zone/x",
          "missing/a.zone", "bücher.example.zone", "zones/bu\u0308cher.example.zone", "../a.zone", "")) {
        boolean readable;
        try {
          tree.read(p);
          readable = true;
        } catch (ZoneReadException e) {
          readable = false;
        }
        assertThat(tree.exists(p)).as(p).isEqualTo(readable);
      }
      assertThat(tree.exists("zones/a.zone")).isTrue();
      assertThat(tree.exists("zones/link.zone")).isFalse();
    }
    Limits.set(List.of("maxFileBytes=32"));
    try (GitRepo r = open(repo)) {
      SourceTree tree = r.tree(r.resolve("HEAD"));
      assertThat(tree.exists("zones/big.zone")).isFalse();
      assertThat(tree.exists("zones/a.zone")).isTrue();
    } finally {
      Limits.reset();
    }
  }

  @Test
  void listsADirectoryAsACheckoutHoldsIt() throws Exception {
    git.write(repo, "zones/example.com.yaml", "a\n");
    git.write(repo, "zones/sub/x.yaml", "b\n");
    git.write(repo, "top.txt", "c\n");
    String commit = git.commit(repo, "files");
    String target = git.run(repo, "hash-object", "-w", "--", "zones/example.com.yaml");
    git.run(repo, "update-index", "--add", "--cacheinfo", "120000," + target + ",zones/link.example.yaml");
    git.run(repo, "update-index", "--add", "--cacheinfo", "160000," + commit + ",zones/module.example.yaml");
    git.run(repo, "commit", "-q", "-m", "special entries");
    git.write(repo, "zones/uncommitted.example.yaml", "d\n");
    try (GitRepo r = open(repo)) {
      SourceTree tree = r.tree(r.resolve("HEAD"));
      // A link may lead to a file, which octoDNS would read: it is listed as one (reading it is refused).
      assertThat(tree.list("zones"))
          .containsExactly(
              Map.entry("example.com.yaml", SourceTree.Kind.FILE),
              Map.entry("link.example.yaml", SourceTree.Kind.FILE),
              Map.entry("module.example.yaml", SourceTree.Kind.OTHER),
              Map.entry("sub", SourceTree.Kind.DIRECTORY));
      assertThat(tree.list("./zones/")).isEqualTo(tree.list("zones"));
      assertThat(tree.list("")).containsOnlyKeys("top.txt", "zones");
      assertThat(tree.list("missing")).isNull();
      assertThat(tree.list("top.txt")).isNull();
      assertThatThrownBy(() -> tree.list("../x")).hasMessage("../x: path is outside the repository");
      // The working tree lists what is on disk, a memory tree what it holds.
      SourceTree disk = new DirectoryTree(repo);
      assertThat(disk.list("zones")).containsKeys("example.com.yaml", "uncommitted.example.yaml", "sub");
      assertThat(disk.list("zones").get("sub")).isEqualTo(SourceTree.Kind.DIRECTORY);
      assertThat(disk.list("nowhere")).isNull();
      SourceTree memory = new MemoryTree(
          Map.of("zones/a.yaml", new byte[0], "zones/sub/b.yaml", new byte[0]));
      assertThat(memory.list("zones"))
          .containsExactly(
              Map.entry("a.yaml", SourceTree.Kind.FILE), Map.entry("sub", SourceTree.Kind.DIRECTORY));
      assertThat(memory.list("other")).isNull();
    }
  }

  @Test
  void refusesABlobLargerThanTheLimit() throws Exception {
    git.write(repo, "big.zone", "x".repeat(100));
    git.write(repo, "small.zone", "x".repeat(10));
    String commit = git.commit(repo, "sizes");
    try (GitRepo r = open(repo)) {
      GitTree tree = r.tree(ObjectId.fromString(commit), 50);
      assertThat(failure(tree, "big.zone"))
          .isEqualTo("big.zone: the file's size exceeds the limit maxFileBytes of 50; raise it with --limit maxFileBytes=N");
      assertThat(tree.read("small.zone")).hasSize(10);
    }
  }

  @Test
  void worksInABareClone() throws Exception {
    git.write(repo, "zones/a.zone", "committed\n");
    String commit = git.commit(repo, "first");
    Path bare = tmp.resolve("bare.git");
    git.run(tmp, "clone", "-q", "--bare", repo.toString(), bare.toString());
    try (GitRepo r = open(bare)) {
      assertThat(r.workTree()).isNull();
      ObjectId main = r.resolve("main");
      assertThat(main.name()).isEqualTo(commit);
      assertThat(text(r.tree(main), "zones/a.zone")).isEqualTo("committed\n");
    }
  }

  @Test
  void includesAreReadFromTheSameCommit() throws Exception {
    git.write(repo, "zones/example.com.zone", ZONE);
    git.write(repo, "zones/hosts.inc", "www IN A 192.0.2.1\n");
    String first = git.commit(repo, "first");
    git.write(repo, "zones/hosts.inc", "www IN A 192.0.2.2\n");
    String second = git.commit(repo, "only the include changes");
    git.write(repo, "zones/hosts.inc", "www IN A 192.0.2.3\n");
    try (GitRepo r = open(repo)) {
      assertThat(www(r, first)).isEqualTo("192.0.2.1");
      assertThat(www(r, second)).isEqualTo("192.0.2.2");
    }
  }

  @Test
  void aMissingIncludeNamesTheIncludeLine() throws Exception {
    git.write(repo, "zones/example.com.zone", ZONE);
    String commit = git.commit(repo, "include not committed");
    git.write(repo, "zones/hosts.inc", "www IN A 192.0.2.1\n");
    try (GitRepo r = open(repo)) {
      GitTree tree = r.tree(ObjectId.fromString(commit));
      assertThatThrownBy(
              () -> new MasterFileReader().read(tree, "zones/example.com.zone", "example.com."))
          .isInstanceOf(ZoneReadException.class)
          .hasMessageContaining("zones/example.com.zone:6")
          .hasMessageContaining("no such file at " + commit.substring(0, 7));
    }
  }

  private static String www(GitRepo r, String commit) throws Exception {
    Zone zone =
        new MasterFileReader()
            .read(r.tree(ObjectId.fromString(commit)), "zones/example.com.zone", "example.com.");
    return zone.get("www.example.com.", "A").rdata().get(0);
  }

  private static String text(SourceTree tree, String path) throws ZoneReadException {
    return new String(tree.read(path), StandardCharsets.UTF_8);
  }

  private static String failure(SourceTree tree, String path) {
    try {
      tree.read(path);
    } catch (ZoneReadException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected " + path + " to be refused");
  }

  /** How the repository is opened: with JGit here, through git in {@link GitTreeThroughGitTest}. */
  GitRepo open(Path dir) throws GitException {
    return GitRepo.open(dir, false);
  }
}
