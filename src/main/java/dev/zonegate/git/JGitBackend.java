package dev.zonegate.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The repository read in this process with JGit: what {@code check} and {@code verify} use. */
final class JGitBackend implements Backend {
  private final Repository repo;

  JGitBackend(Repository repo) {
    this.repo = repo;
  }

  @Override
  public Path workTree() {
    return repo.isBare() ? null : repo.getWorkTree().toPath();
  }

  @Override
  public Path gitDir() {
    return repo.getDirectory().toPath();
  }

  @Override
  public ObjectId resolve(String rev, String label) throws GitException {
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

  @Override
  public ObjectId ref(String name, String label) throws GitException {
    try {
      Ref ref = repo.exactRef(name);
      // exactRef follows a symbolic ref; a dangling one has no object id.
      if (ref == null || ref.getLeaf().getObjectId() == null) {
        return null;
      }
      return resolve(ref.getLeaf().getName(), label);
    } catch (IOException e) {
      throw new GitException("cannot read " + name + " in " + label + ": " + e, e);
    }
  }

  @Override
  public ObjectId mergeBase(ObjectId a, ObjectId b) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(a));
      walk.markStart(walk.parseCommit(b));
      RevCommit base = walk.next();
      return base == null ? null : base.copy();
    }
  }

  @Override
  public ObjectId treeOf(ObjectId commit) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(commit).getTree().copy();
    }
  }

  @Override
  public Map<String, Entry> entries(ObjectId tree) throws IOException {
    Map<String, Entry> out = new HashMap<>();
    try (ObjectReader reader = repo.newObjectReader();
        TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(tree);
      walk.setRecursive(false);
      while (walk.next()) {
        byte[] raw = walk.getRawPath();
        out.put(new String(raw, 0, raw.length, StandardCharsets.ISO_8859_1), new Entry(walk.getRawMode(0), walk.getObjectId(0)));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public long size(ObjectId blob) throws IOException {
    // A fresh reader per call: ObjectReader is not thread-safe, the Repository is.
    try (ObjectReader reader = repo.newObjectReader()) {
      return reader.getObjectSize(blob, Constants.OBJ_BLOB);
    }
  }

  @Override
  public byte[] bytes(ObjectId blob, long maxBytes) throws IOException {
    try (ObjectReader reader = repo.newObjectReader()) {
      ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
      if (loader.getSize() > maxBytes) {
        return null;
      }
      // getBytes(limit) also returns blobs above JGit's streaming threshold (50 MiB by default).
      return loader.getBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
    }
  }

  @Override
  public List<RawCommit> commits(ObjectId base, ObjectId head) throws IOException {
    List<RawCommit> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(walk.parseCommit(head));
      if (base != null) {
        walk.markUninteresting(walk.parseCommit(base));
      }
      for (RevCommit c : walk) {
        out.add(new RawCommit(c.copy(), c.getRawBuffer()));
      }
    }
    return out;
  }

  @Override
  public void close() {
    repo.close();
  }
}
