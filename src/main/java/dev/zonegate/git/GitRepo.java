package dev.zonegate.git;

import dev.zonegate.zone.DirectoryTree;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The repository a check runs in, opened with JGit so that zones at the base and head commits are
 * read from git objects and nothing is checked out (docs/ci-and-hooks.md). Everything that can fail because of
 * the repository (missing revision, missing object, not a repository) is a {@link GitException},
 * which the caller reports as "could not decide", never as a pass.
 */
public final class GitRepo implements AutoCloseable {
  private static final int SHORT = 12;

  private final Repository repo;
  private final String label;

  private GitRepo(Repository repo) {
    this.repo = repo;
    File where = repo.isBare() ? repo.getDirectory() : repo.getWorkTree();
    this.label = where.getAbsolutePath();
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
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
    if (environment) {
      builder.readEnvironment();
    }
    builder.findGitDir(abs.toFile());
    if (builder.getGitDir() == null) {
      throw new GitException(abs + " is not in a git repository");
    }
    try {
      return new GitRepo(builder.build());
    } catch (IOException | IllegalArgumentException e) {
      throw new GitException(
          "cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sets up JGit's process-wide state before a repository is opened: the file-store attributes,
   * its cleanup hook and messages, and the system and user git config (finding the system config
   * starts a {@code git} process). {@link #open} does all of it anyway and reuses what this did;
   * run beside the command-line parsing, it takes a tenth of a second off a pre-push hook.
   */
  public static Object warm() throws IOException, org.eclipse.jgit.errors.ConfigInvalidException {
    return org.eclipse.jgit.util.SystemReader.getInstance().getUserConfig();
  }

  /** The work tree, or null for a bare repository. */
  public Path workTree() {
    return repo.isBare() ? null : repo.getWorkTree().toPath();
  }

  /** The git directory ({@code .git}, or the repository itself when bare). */
  public Path gitDir() {
    return repo.getDirectory().toPath();
  }

  /** The commit {@code rev} names (a branch, tag, sha or expression such as {@code HEAD~1}). */
  public ObjectId resolve(String rev) throws GitException {
    if (rev == null || rev.isBlank()) {
      throw new GitException("an empty revision cannot be resolved in " + label);
    }
    ObjectId id;
    try {
      id = repo.resolve(rev);
    } catch (AmbiguousObjectException e) {
      throw new GitException("'" + rev + "' is ambiguous in " + label + "; give more digits", e);
    } catch (RevisionSyntaxException e) {
      throw new GitException("'" + rev + "' is not a valid revision in " + label, e);
    } catch (IOException e) {
      throw new GitException("cannot resolve '" + rev + "' in " + label + ": " + e, e);
    }
    if (id == null) {
      throw new GitException("cannot resolve '" + rev + "' in " + label);
    }
    try (RevWalk walk = new RevWalk(repo)) {
      // parseCommit peels annotated tags; a tree or blob id is refused.
      return walk.parseCommit(id).copy();
    } catch (IncorrectObjectTypeException e) {
      throw new GitException("'" + rev + "' in " + label + " does not name a commit", e);
    } catch (IOException e) {
      throw new GitException("cannot read '" + rev + "' in " + label + ": " + e, e);
    }
  }

  /** The best common ancestor of two commits, or null when their histories never meet. */
  public ObjectId mergeBase(ObjectId a, ObjectId b) throws GitException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(a));
      walk.markStart(walk.parseCommit(b));
      RevCommit base = walk.next();
      return base == null ? null : base.copy();
    } catch (IOException e) {
      throw new GitException(
          "cannot find the merge-base of " + shortName(a) + " and " + shortName(b) + " in "
              + label + ": " + e,
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
      try {
        Ref ref = repo.exactRef(prefix + name);
        // exactRef follows a symbolic ref; a dangling one has no object id.
        if (ref != null && ref.getLeaf().getObjectId() != null) {
          return resolve(ref.getLeaf().getName());
        }
      } catch (IOException e) {
        throw new GitException("cannot read " + prefix + name + " in " + label + ": " + e, e);
      }
    }
    return null;
  }

  /** The files of {@code commit}, read from git objects (a {@link dev.zonegate.zone.SourceTree}). */
  public GitTree tree(ObjectId commit) throws GitException {
    return tree(commit, dev.zonegate.zone.Limits.Limit.MAX_FILE_BYTES.get());
  }

  /** As {@link #tree(ObjectId)}, refusing files larger than {@code maxBytes}. */
  public GitTree tree(ObjectId commit, long maxBytes) throws GitException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(commit);
      return new GitTree(repo, c, c.getTree(), maxBytes);
    } catch (IOException e) {
      throw new GitException("cannot read commit " + shortName(commit) + " in " + label, e);
    }
  }

  /**
   * Paths that differ between the trees of {@code base} (null: the empty tree, so everything is
   * changed) and {@code head}. With rename detection a rename is one entry; both its old and new
   * path are included, so a zone whose include was moved away is still seen as touched.
   */
  public Set<String> changedPaths(ObjectId base, ObjectId head) throws GitException {
    Set<String> paths = new TreeSet<>();
    try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repo);
      diff.setDetectRenames(true);
      // scan() takes commit ids (peeled to their trees) and null for the empty tree.
      for (DiffEntry e : diff.scan(base, head)) {
        for (String p : new String[] {e.getOldPath(), e.getNewPath()}) {
          if (p != null && !p.equals(DiffEntry.DEV_NULL)) {
            paths.add(p);
          }
        }
      }
    } catch (IOException e) {
      throw new GitException(
          "cannot compare " + (base == null ? "the empty tree" : shortName(base)) + " with "
              + shortName(head) + " in " + label + ": " + e,
          e);
    }
    return paths;
  }

  /**
   * Footer lines named {@code key} (case-insensitive, as git does) of the commits in {@code
   * base..head} (all of head's history when base is null), oldest commit first, so an override
   * written in a commit message is traceable to its commit and author.
   */
  public List<Trailer> trailers(ObjectId base, ObjectId head, String key) throws GitException {
    List<Trailer> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(walk.parseCommit(head));
      if (base != null) {
        walk.markUninteresting(walk.parseCommit(base));
      }
      for (RevCommit c : walk) {
        for (String value : c.getFooterLines(key)) {
          out.add(new Trailer(shortName(c), author(c), value.trim()));
        }
      }
    } catch (IOException e) {
      throw new GitException(
          "cannot read the commits up to " + shortName(head) + " in " + label + ": " + e, e);
    }
    return out;
  }

  /** The 12-character abbreviation used in reports: short, and unambiguous in practice. */
  public String shortName(ObjectId id) {
    return id.abbreviate(SHORT).name();
  }

  private static String author(RevCommit c) {
    PersonIdent who = c.getAuthorIdent();
    return who == null ? "unknown" : who.getName() + " <" + who.getEmailAddress() + ">";
  }

  @Override
  public void close() {
    repo.close();
  }

  @Override
  public String toString() {
    return label;
  }
}
