package dev.zonegate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zonegate.testing.Require;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A git that fails under the hook: it cannot be run, it stops answering, it answers nonsense.
 * Each is an error the caller turns into "could not decide", never an empty or partial answer
 * read as the repository's.
 */
class GitProcessBackendTest {
  @TempDir Path tmp;
  private GitRepoTest.Sandbox git;
  private Path repo;
  private String head;

  @BeforeEach
  void setUp() throws Exception {
    git = new GitRepoTest.Sandbox(tmp);
    repo = git.init("repo");
    git.write(repo, "zones/a.zone", "a\n");
    git.write(repo, "zones/b.zone", "b\n");
    head = git.commit(repo, "two zones");
  }

  /** A stand-in for git: {@code body} runs for cat-file, anything else goes to the real git. */
  private String fakeGit(String body) throws IOException {
    Path script = tmp.resolve("fake-git");
    Files.writeString(script, "#!/bin/sh\nif [ \"$2\" = cat-file ]; then\n" + body + "\nfi\nexec git \"$@\"\n");
    assertThat(script.toFile().setExecutable(true)).isTrue();
    return script.toString();
  }

  private GitProcessBackend open(String command) throws Exception {
    return GitProcessBackend.open(new GitProcessBackend.Git(command, repo, false));
  }

  @Test
  void aGitThatCannotBeRunIsAnIoErrorSoTheCallerReadsWithJGit() {
    assertThatThrownBy(() -> open(tmp.resolve("no-such-git").toString())).isInstanceOf(IOException.class);
  }

  @Test
  void aGitThatCannotSayWhereTheRepositoryIsLeavesItToJGit() throws Exception {
    // As a git too old for rev-parse's options answers.
    Path script = tmp.resolve("old-git");
    Files.writeString(script, "#!/bin/sh\nif [ \"$2\" = rev-parse ]; then echo 'error: unknown option' >&2; exit 129; fi\nexec git \"$@\"\n");
    assertThat(script.toFile().setExecutable(true)).isTrue();
    assertThatThrownBy(() -> open(script.toString())).isInstanceOf(IOException.class).hasMessageContaining("unknown option");
    // Where there is no repository, git's own answer stands.
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Require.require(!git.insideARepository(plain), "the temporary directory is inside a git repository", null);
    assertThatThrownBy(() -> GitProcessBackend.open(new GitProcessBackend.Git("git", plain, false)))
        .isInstanceOf(GitException.class).hasMessageContaining("is not in a git repository");
  }

  @Test
  void aCatFileThatStopsAnsweringIsAnErrorNotAShortAnswer() throws Exception {
    // One request is answered, then the process ends.
    try (GitProcessBackend b = open(fakeGit("  head -n 1 | git \"$@\"; exit 0"));
        GitRepo r = new GitRepo(b)) {
      ObjectId commit = r.resolve(head);
      assertThat(commit.name()).isEqualTo(head);
      GitTree tree = r.tree(commit);
      // The tree was the one answer of --batch; every later object is an error.
      assertThatThrownBy(() -> tree.read("zones/a.zone"))
          .isInstanceOf(ZoneReadException.class)
          .hasMessageContaining("cannot be read from git");
      assertThatThrownBy(() -> r.changedPaths(null, commit)).isInstanceOf(GitException.class);
      assertThatThrownBy(() -> r.trailers(null, commit, "Zonegate-Allow")).isInstanceOf(GitException.class);
    }
  }

  @Test
  void aCatFileThatAnswersNonsenseIsAnError() throws Exception {
    try (GitProcessBackend b = open(fakeGit("  while read -r line; do echo \"nonsense for $line\"; done; exit 0"));
        GitRepo r = new GitRepo(b)) {
      assertThatThrownBy(() -> r.resolve(head)).isInstanceOf(GitException.class).hasMessageContaining("nonsense");
      assertThatThrownBy(() -> b.treeOf(ObjectId.fromString(head))).isInstanceOf(IOException.class).hasMessageContaining("nonsense");
    }
  }

  @Test
  void anObjectThatEndsShortIsAnError() throws Exception {
    // The header promises 100 bytes, three arrive, and the process ends.
    try (GitProcessBackend b = open(fakeGit("  read -r line; echo \"" + head + " commit 100\"; echo ok; exit 0"))) {
      assertThatThrownBy(() -> b.treeOf(ObjectId.fromString(head))).isInstanceOf(IOException.class).hasMessageContaining("stopped");
    }
  }
}
