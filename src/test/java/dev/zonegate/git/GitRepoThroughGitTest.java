package dev.zonegate.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * Every {@link GitRepoTest} again, reading through git's own processes as a pre-push hook does:
 * the two ways of reading must give the same answers.
 */
class GitRepoThroughGitTest extends GitRepoTest {
  @Override
  GitRepo open(Path dir, boolean environment) throws GitException {
    GitRepo r = GitRepo.openThroughGit(dir, environment);
    assertThat(r.throughGit()).as("read through a git process, not JGit").isTrue();
    return r;
  }
}
