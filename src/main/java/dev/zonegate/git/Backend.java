package dev.zonegate.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * How a {@link GitRepo} reads the repository: in this process with JGit ({@link JGitBackend}), or
 * through the {@code git} that runs a pre-push hook ({@link GitProcessBackend}). Both answer the
 * same questions about objects; what is built from the answers (the tree diff, the trailers, the
 * files of a commit) is shared, so the two cannot drift apart there. {@code GitRepoTest} and
 * {@code GitTreeTest} run whole against each.
 */
interface Backend extends AutoCloseable {
  /** A tree entry: its mode and object. */
  record Entry(int mode, ObjectId id) {}

  /** A commit's id and its raw object (headers and message), as git stores it. */
  record RawCommit(ObjectId id, byte[] raw) {}

  /** The work tree, or null for a bare repository. */
  Path workTree();

  /** The git directory. */
  Path gitDir();

  /** The commit {@code rev} names, tags peeled; a {@link GitException} naming {@code label} otherwise. */
  ObjectId resolve(String rev, String label) throws GitException;

  /** The commit the ref of exactly this name points at (through symbolic refs), or null. */
  ObjectId ref(String name, String label) throws GitException;

  /** The best common ancestor of two commits, or null when their histories never meet. */
  ObjectId mergeBase(ObjectId a, ObjectId b) throws IOException;

  /** The root tree of a commit. */
  ObjectId treeOf(ObjectId commit) throws IOException;

  /**
   * A tree's entries by raw name: its bytes, one char per byte (ISO-8859-1), so names are compared
   * exactly as git stores them, whatever their encoding.
   */
  Map<String, Entry> entries(ObjectId tree) throws IOException;

  /** A blob's size, from the object's header: nothing is inflated. */
  long size(ObjectId blob) throws IOException;

  /**
   * A blob's bytes, or null when it is larger than {@code maxBytes}: its size is read from the
   * object's header first, so a huge blob is refused before any of it is inflated.
   */
  byte[] bytes(ObjectId blob, long maxBytes) throws IOException;

  /**
   * The commits of {@code base..head} (all of head's history when base is null), parents before
   * children: oldest first.
   */
  List<RawCommit> commits(ObjectId base, ObjectId head) throws IOException;

  @Override
  void close();
}
