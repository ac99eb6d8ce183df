package dev.zonegate.git;

/**
 * A git repository or revision that cannot be used: one sentence naming the repository and what
 * was asked of it, such as {@code cannot resolve 'origin/main' in /path/repo}. Checked, because the
 * caller must turn it into "the gate could not decide" (exit 2), never into a pass.
 */
public final class GitException extends Exception {
  private static final long serialVersionUID = 1L;

  public GitException(String message) {
    super(message);
  }

  public GitException(String message, Throwable cause) {
    super(message, cause);
  }
}
