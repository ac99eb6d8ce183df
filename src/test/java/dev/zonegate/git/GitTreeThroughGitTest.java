package dev.zonegate.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** Every {@link GitTreeTest} again, reading through git's own processes as a pre-push hook does. */
class GitTreeThroughGitTest extends GitTreeTest {
  @Override
  GitRepo open(Path dir) throws GitException {
    GitRepo r = GitRepo.openThroughGit(dir, false);
    assertThat(r.throughGit()).as("read through a git process, not JGit").isTrue();
    return r;
  }
}
