package dev.zonegate.git;

import dev.zonegate.zone.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.RawParseUtils;
import org.eclipse.jgit.util.SystemReader;

/**
 * The repository a check runs in, read from git objects so that zones at the base and head commits
 * are what was committed and nothing is checked out (docs/ci-and-hooks.md). It is read with JGit,
 * or, in a pre-push hook, through the {@code git} that runs the hook ({@link #openForHook}); the
 * tree diff and the commit trailers are worked out here from either's objects, the same way.
 * Everything that can fail because of the repository (missing revision, missing object, not a
 * repository) is a {@link GitException}, which the caller reports as "could not decide", never as
 * a pass.
 */
public final class GitRepo implements AutoCloseable {
  private static final int SHORT = 12;

  private final Backend git;
  private final String label;

  GitRepo(Backend git) {
    this.git = git;
    Path where = git.workTree() != null ? git.workTree() : git.gitDir();
    this.label = where.toAbsolutePath().toString();
  }

  /**
   * Opens the repository containing {@code dir}, searching upwards as git does; bare repositories
   * work. GIT_DIR and friends from the environment take precedence, so a hook git runs (which sets
   * GIT_DIR) sees the repository git means.
   */
  public static GitRepo open(Path dir) throws GitException {
    return open(dir, true);
  }

  /**
   * As {@link #open(Path)}; without {@code environment}, GIT_DIR and friends are ignored, so tests
   * run by a build inside a git hook still open the repository they created.
   */
  static GitRepo open(Path dir, boolean environment) throws GitException {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new GitException("cannot open a git repository at " + abs + ": no such directory");
    }
    try {
      warm(); // made here, or by the warm-up thread: see warm()
    } catch (IOException | ConfigInvalidException | RuntimeException e) {
      // Opening the repository reads the same config again and reports what is wrong with it.
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
    if (environment) {
      builder.readEnvironment();
    }
    builder.findGitDir(abs.toFile());
    if (builder.getGitDir() == null) {
      throw new GitException(abs + " is not in a git repository");
    }
    try {
      return new GitRepo(new JGitBackend(builder.build()));
    } catch (IOException | IllegalArgumentException e) {
      throw new GitException(
          "cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The repository containing {@code dir} as the {@code git} that runs a pre-push hook sees it,
   * read through that git's own processes; with JGit, as {@link #open(Path)}, when no {@code git}
   * can be run. {@code ZONEGATE_GIT=jgit} in the environment asks for JGit.
   */
  public static GitRepo openForHook(Path dir, Map<String, String> env) throws GitException {
    if ("jgit".equals(env.get("ZONEGATE_GIT"))) {
      return open(dir);
    }
    return openThroughGit(dir, true);
  }

  /** As {@link #openForHook}; without {@code environment}, GIT_* variables are not passed to git. */
  static GitRepo openThroughGit(Path dir, boolean environment) throws GitException {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new GitException("cannot open a git repository at " + abs + ": no such directory");
    }
    try {
      return new GitRepo(GitProcessBackend.open(abs, environment));
    } catch (IOException noGit) {
      return open(dir, environment); // git cannot be run here: JGit reads the same objects
    }
  }

  /**
   * Sets up JGit's process-wide state before a repository is opened: the file-store attributes,
   * its cleanup hook and messages, and the system and user git config (finding the system config
   * starts a {@code git} process). {@link #open} does all of it anyway and reuses what this did;
   * run beside the command-line parsing, it takes a tenth of a second off a pre-push hook.
   */
  public static Object warm() throws IOException, ConfigInvalidException {
    // One thread at a time: JGit does not guard it, and a command that opens its repository while
    // the warm-up is at it started the same two git processes again. Now it waits, then reuses.
    synchronized (WARM) {
      return SystemReader.getInstance().getUserConfig();
    }
  }

  private static final Object WARM = new Object();

  /** Whether this reads through a git process (a pre-push hook's way) rather than JGit. */
  boolean throughGit() {
    return git instanceof GitProcessBackend;
  }

  /** The work tree, or null for a bare repository. */
  public Path workTree() {
    return git.workTree();
  }

  /** The git directory ({@code .git}, or the repository itself when bare). */
  public Path gitDir() {
    return git.gitDir();
  }

  /** The commit {@code rev} names (a branch, tag, sha or expression such as {@code HEAD~1}). */
  public ObjectId resolve(String rev) throws GitException {
    if (rev == null || rev.isBlank()) {
      throw new GitException("an empty revision cannot be resolved in " + label);
    }
    return git.resolve(rev, label);
  }

  /** The best common ancestor of two commits, or null when their histories never meet. */
  public ObjectId mergeBase(ObjectId a, ObjectId b) throws GitException {
    try {
      return git.mergeBase(a, b);
    } catch (IOException e) {
      throw new GitException(
          "cannot find the merge-base of " + shortName(a) + " and " + shortName(b) + " in "
              + label + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * The commit of the remote's default branch: what {@code refs/remotes/<remote>/HEAD} points at
   * (set by {@code git clone}), else {@code <remote>/main}, else {@code <remote>/master}; null when
   * none exists (a fresh {@code git remote add} without fetch, or no such remote).
   */
  public ObjectId remoteDefaultBranch(String remote) throws GitException {
    if (remote == null
        || remote.isBlank()
        || !Repository.isValidRefName("refs/remotes/" + remote + "/HEAD")) {
      throw new GitException("'" + remote + "' is not a valid remote name");
    }
    String prefix = "refs/remotes/" + remote + "/";
    for (String name : List.of("HEAD", "main", "master")) {
      ObjectId id = git.ref(prefix + name, label);
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  /** The files of {@code commit}, read from git objects (a {@link dev.zonegate.zone.SourceTree}). */
  public GitTree tree(ObjectId commit) throws GitException {
    return tree(commit, Limits.Limit.MAX_FILE_BYTES.get());
  }

  /** As {@link #tree(ObjectId)}, refusing files larger than {@code maxBytes}. */
  public GitTree tree(ObjectId commit, long maxBytes) throws GitException {
    try {
      return new GitTree(git, commit, git.treeOf(commit), maxBytes);
    } catch (IOException e) {
      throw new GitException("cannot read commit " + shortName(commit) + " in " + label, e);
    }
  }

  /**
   * Paths that differ between the trees of {@code base} (null: the empty tree, so everything is
   * changed) and {@code head}: added, deleted, modified, or changed in mode or type. A rename is
   * its old and its new path, as git's rename detection would pair them, so a zone whose include
   * was moved away is still seen as touched. Subtrees with the same id are not opened.
   */
  public Set<String> changedPaths(ObjectId base, ObjectId head) throws GitException {
    Set<String> raw = new TreeSet<>();
    try {
      diff(base == null ? null : git.treeOf(base), git.treeOf(head), "", raw);
    } catch (IOException e) {
      throw new GitException(
          "cannot compare " + (base == null ? "the empty tree" : shortName(base)) + " with "
              + shortName(head) + " in " + label + ": " + e.getMessage(),
          e);
    }
    Set<String> paths = new TreeSet<>();
    for (String p : raw) {
      // Decoded as JGit decodes a whole path: UTF-8, else the fallback for the whole path.
      paths.add(RawParseUtils.decode(p.getBytes(StandardCharsets.ISO_8859_1)));
    }
    return paths;
  }

  /** Adds the raw paths (one char per byte) under {@code prefix} that differ between two trees. */
  private void diff(ObjectId a, ObjectId b, String prefix, Set<String> out) throws IOException {
    if (a != null && a.equals(b)) {
      return;
    }
    Map<String, Backend.Entry> left = a == null ? Map.of() : git.entries(a);
    Map<String, Backend.Entry> right = b == null ? Map.of() : git.entries(b);
    Set<String> names = new TreeSet<>(left.keySet());
    names.addAll(right.keySet());
    for (String name : names) {
      Backend.Entry l = left.get(name);
      Backend.Entry r = right.get(name);
      if (l != null && l.equals(r)) {
        continue;
      }
      String path = prefix + name;
      boolean lTree = l != null && isTree(l);
      boolean rTree = r != null && isTree(r);
      if (lTree || rTree) {
        diff(lTree ? l.id() : null, rTree ? r.id() : null, path + "/", out);
      }
      // A file (or link, or submodule) on a side that is not a tree is itself a changed path.
      if ((l != null && !lTree) || (r != null && !rTree)) {
        out.add(path);
      }
    }
  }

  private static boolean isTree(Backend.Entry e) {
    return (e.mode() & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
  }

  /**
   * Footer lines named {@code key} (case-insensitive, as git does) of the commits in {@code
   * base..head} (all of head's history when base is null), oldest commit first, so an override
   * written in a commit message is traceable to its commit and author.
   */
  public List<Trailer> trailers(ObjectId base, ObjectId head, String key) throws GitException {
    List<Trailer> out = new ArrayList<>();
    try {
      for (Backend.RawCommit c : git.commits(base, head)) {
        // What JGit's RevCommit#getFooterLines(key) and #getAuthorIdent read, from the raw commit.
        for (String value : FooterLine.getValues(FooterLine.fromMessage(c.raw()), key)) {
          out.add(new Trailer(shortName(c.id()), author(c.raw()), value.trim()));
        }
      }
    } catch (IOException e) {
      throw new GitException(
          "cannot read the commits up to " + shortName(head) + " in " + label + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** The 12-character abbreviation used in reports: short, and unambiguous in practice. */
  public String shortName(ObjectId id) {
    return id.abbreviate(SHORT).name();
  }

  private static String author(byte[] rawCommit) {
    int at = RawParseUtils.author(rawCommit, 0);
    PersonIdent who = at < 0 ? null : RawParseUtils.parsePersonIdent(rawCommit, at);
    return who == null ? "unknown" : who.getName() + " <" + who.getEmailAddress() + ">";
  }

  @Override
  public void close() {
    git.close();
  }

  @Override
  public String toString() {
    return label;
  }
}
