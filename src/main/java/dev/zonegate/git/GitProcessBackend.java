package dev.zonegate.git;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The repository read through the {@code git} command: {@code git cat-file --batch} and {@code
 * --batch-check} processes, kept open for the run, answer every object question; {@code rev-parse},
 * {@code merge-base} and {@code rev-list} the rest. A pre-push hook runs inside git, so git is
 * there and sees the repository exactly as the push does (the same config, the same {@code
 * GIT_DIR}); reading through it spares the hook JGit's start-up (its file-system probe, its
 * message bundle, the {@code git} processes it starts itself to find the system config), which
 * was a third of the hook's time. Replacement objects are ignored, as a push ignores them.
 *
 * <p>Any answer that is not what the protocol promises (the process gone, a short read, a header
 * that does not parse) is an {@link IOException}: the caller reports it, never a pass.
 */
final class GitProcessBackend implements Backend {
  private static final int HEX = 40;

  private final Git git;
  private final Path gitDir;
  private final Path workTree;
  private final Batch info;
  private final Batch contents;

  private GitProcessBackend(Git git, Path gitDir, Path workTree, Batch info, Batch contents) {
    this.git = git;
    this.gitDir = gitDir;
    this.workTree = workTree;
    this.info = info;
    this.contents = contents;
  }

  /**
   * The repository containing {@code dir} as git finds it; an {@link IOException} when git cannot
   * be run at all (the caller then reads with JGit), a {@link GitException} when git says there
   * is no repository. Without {@code environment}, GIT_* variables are not passed on.
   */
  static GitProcessBackend open(Path dir, boolean environment) throws IOException, GitException {
    return open(new Git("git", dir, environment));
  }

  /** As {@link #open(Path, boolean)}, with the git command and where it runs given. */
  static GitProcessBackend open(Git git) throws IOException, GitException {
    Process where = git.builder("rev-parse", "--is-bare-repository", "--absolute-git-dir", "--show-toplevel").start();
    // The two cat-file processes start while rev-parse runs: every check asks them something.
    Batch info = null;
    Batch contents = null;
    try {
      info = new Batch(git.start("cat-file", "--batch-check"));
      contents = new Batch(git.start("cat-file", "--batch"));
      Path[] found = where(git, finish(where, "rev-parse"));
      return new GitProcessBackend(git, found[0], found[1], info, contents);
    } catch (IOException | GitException | RuntimeException e) {
      for (Batch b : new Batch[] {info, contents}) {
        if (b != null) {
          b.close();
        }
      }
      where.destroy();
      throw e;
    }
  }

  /**
   * The git directory and the work tree (null when bare) rev-parse found, from its answer. "Not a
   * git repository" is the answer; any
   * other failure (a git too old for these options, one that is broken) is an {@link
   * IOException}, so the caller reads with JGit instead, which fails on its own if it must.
   */
  private static Path[] where(Git git, Output o) throws GitException, IOException {
    String[] lines = o.text().split("\n", -1);
    // A bare repository answers the first two and refuses the third (no work tree).
    if (lines.length >= 2 && lines[0].equals("true") && !lines[1].isEmpty()) {
      return new Path[] {Path.of(lines[1]), null};
    }
    if (o.exit() == 0 && lines.length >= 3 && lines[0].equals("false") && !lines[1].isEmpty() && !lines[2].isEmpty()) {
      return new Path[] {Path.of(lines[1]), Path.of(lines[2])};
    }
    if (o.error().contains("not a git repository")) {
      throw new GitException(git.dir() + " is not in a git repository");
    }
    throw new IOException("git rev-parse did not say where the repository is: " + o.firstErrorLine());
  }

  @Override
  public Path workTree() {
    return workTree;
  }

  @Override
  public Path gitDir() {
    return gitDir;
  }

  @Override
  public ObjectId resolve(String rev, String label) throws GitException {
    if (rev.indexOf('\n') >= 0 || rev.indexOf('\r') >= 0) {
      throw new GitException("'" + rev.strip() + "' is not a valid revision in " + label);
    }
    Header h;
    try {
      h = info.ask(rev, -1);
      if (h != null && h.type().equals("tag")) {
        h = info.ask(rev + "^{commit}", -1);
        if (h == null) {
          throw new GitException("'" + rev + "' in " + label + " does not name a commit");
        }
      }
    } catch (Ambiguous e) {
      throw new GitException("'" + rev + "' is ambiguous in " + label + "; give more digits", e);
    } catch (IOException e) {
      throw new GitException("cannot resolve '" + rev + "' in " + label + ": " + e.getMessage(), e);
    }
    if (h == null) {
      throw new GitException("cannot resolve '" + rev + "' in " + label);
    }
    if (!h.type().equals("commit")) {
      throw new GitException("'" + rev + "' in " + label + " does not name a commit");
    }
    return h.id();
  }

  @Override
  public ObjectId ref(String name, String label) throws GitException {
    try {
      if (info.ask(name, -1) == null) {
        return null; // no such ref, or a symbolic ref to nothing
      }
    } catch (IOException e) {
      throw new GitException("cannot read " + name + " in " + label + ": " + e.getMessage(), e);
    }
    return resolve(name, label);
  }

  @Override
  public ObjectId mergeBase(ObjectId a, ObjectId b) throws IOException {
    Output o = git.run("merge-base", a.name(), b.name());
    if (o.exit() == 1 && o.text().isEmpty()) {
      return null; // no common ancestor
    }
    if (o.exit() != 0) {
      throw new IOException("git merge-base failed: " + o.firstErrorLine());
    }
    return id(o.text().strip());
  }

  @Override
  public ObjectId treeOf(ObjectId commit) throws IOException {
    byte[] raw = object(commit, "commit");
    // A commit object starts "tree <hex>\n".
    if (raw.length < 5 + HEX + 1 || !new String(raw, 0, 5, StandardCharsets.US_ASCII).equals("tree ") || raw[5 + HEX] != '\n') {
      throw new IOException("commit " + commit.name() + " does not start with its tree");
    }
    return id(new String(raw, 5, HEX, StandardCharsets.US_ASCII));
  }

  @Override
  public Map<String, Entry> entries(ObjectId tree) throws IOException {
    byte[] raw = object(tree, "tree");
    Map<String, Entry> out = new HashMap<>();
    // Each entry: the mode in octal digits, a space, the name, a NUL, the 20-byte object id.
    int i = 0;
    while (i < raw.length) {
      int mode = 0;
      int start = i;
      while (i < raw.length && raw[i] != ' ') {
        int d = raw[i++] - '0';
        if (d < 0 || d > 7) {
          throw new IOException("tree " + tree.name() + " has an entry with a bad mode");
        }
        mode = mode * 8 + d;
      }
      if (i == start || i >= raw.length) {
        throw new IOException("tree " + tree.name() + " ends inside an entry");
      }
      int name = ++i;
      while (i < raw.length && raw[i] != 0) {
        i++;
      }
      if (i == name || i + 1 + 20 > raw.length) {
        throw new IOException("tree " + tree.name() + " ends inside an entry");
      }
      String key = new String(raw, name, i - name, StandardCharsets.ISO_8859_1);
      out.put(key, new Entry(mode, ObjectId.fromRaw(raw, i + 1)));
      i += 1 + 20;
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public long size(ObjectId blob) throws IOException {
    Header h = info.ask(blob.name(), -1);
    if (h == null || !h.type().equals("blob")) {
      throw new IOException("blob " + blob.name() + " is missing");
    }
    return h.size();
  }

  @Override
  public byte[] bytes(ObjectId blob, long maxBytes) throws IOException {
    return fetch(blob, "blob", maxBytes).bytes();
  }

  @Override
  public List<RawCommit> commits(ObjectId base, ObjectId head) throws IOException {
    List<String> args = new ArrayList<>(List.of("rev-list", "--topo-order", "--reverse", head.name()));
    if (base != null) {
      args.add("^" + base.name());
    }
    Output o = git.run(args.toArray(String[]::new));
    if (o.exit() != 0) {
      throw new IOException("git rev-list failed: " + o.firstErrorLine());
    }
    List<RawCommit> out = new ArrayList<>();
    for (String line : o.text().split("\n")) {
      if (!line.isEmpty()) {
        ObjectId id = id(line);
        out.add(new RawCommit(id, object(id, "commit")));
      }
    }
    return out;
  }

  @Override
  public void close() {
    contents.close();
    info.close();
  }

  /** A whole tree or commit object. */
  private byte[] object(ObjectId id, String type) throws IOException {
    Header h = fetch(id, type, Integer.MAX_VALUE - 8);
    if (h.bytes() == null) {
      throw new IOException(type + " " + id.name() + " is too large to read (" + h.size() + " bytes)");
    }
    return h.bytes();
  }

  /** The object {@code id} of {@code type}, its bytes kept if there are at most {@code maxBytes}. */
  private Header fetch(ObjectId id, String type, long maxBytes) throws IOException {
    Header h = contents.ask(id.name(), maxBytes);
    if (h == null) {
      throw new IOException(type + " " + id.name() + " is missing");
    }
    if (!h.type().equals(type)) {
      throw new IOException(id.name() + " is a " + h.type() + ", not a " + type);
    }
    return h;
  }

  private static ObjectId id(String hex) throws IOException {
    if (hex.length() != HEX || !ObjectId.isId(hex)) {
      throw new IOException("git answered '" + hex + "' where an object id was expected"
          + (hex.length() == 64 ? " (SHA-256 repositories are not supported)" : ""));
    }
    return ObjectId.fromString(hex);
  }

  /** What one object request said: its id, type and size, and its bytes when asked for. */
  private record Header(ObjectId id, String type, long size, byte[] bytes) {}

  /** A name git found more than one object for. */
  private static final class Ambiguous extends IOException {
    private static final long serialVersionUID = 1L;

    Ambiguous(String name) {
      super("'" + name + "' is ambiguous");
    }
  }

  /**
   * One {@code cat-file --batch} or {@code --batch-check} process: a request is a line with an
   * object name, the answer a header line ({@code <id> <type> <size>}, or {@code <name> missing})
   * and, for {@code --batch}, the object's bytes and a newline. Requests from several threads
   * take turns.
   */
  private static final class Batch {
    private final Process process;
    private final OutputStream to;
    private final InputStream from;

    Batch(Process process) {
      this.process = process;
      this.to = new BufferedOutputStream(process.getOutputStream());
      this.from = new BufferedInputStream(process.getInputStream(), 1 << 16);
    }

    /**
     * The object {@code name} names, or null when there is none; with its bytes when {@code
     * maxBytes} is not negative and its size is within it (else they are skipped, unread).
     */
    synchronized Header ask(String name, long maxBytes) throws IOException {
      to.write(name.getBytes(StandardCharsets.UTF_8));
      to.write('\n');
      to.flush();
      String line = line();
      if (line.equals(name + " missing")) {
        return null;
      }
      if (line.equals(name + " ambiguous")) {
        throw new Ambiguous(name);
      }
      String[] f = line.split(" ");
      if (f.length != 3 || !f[2].chars().allMatch(c -> c >= '0' && c <= '9') || f[2].isEmpty() || f[2].length() > 18) {
        throw new IOException("git cat-file answered '" + line + "' for '" + name + "'");
      }
      long size = Long.parseLong(f[2]);
      ObjectId id = id(f[0]);
      if (maxBytes < 0) {
        return new Header(id, f[1], size, null);
      }
      if (size > maxBytes) {
        // Over the limit: its bytes are passed over, never kept.
        from.skipNBytes(size); // an EOFException when git stops short
        if (from.read() != '\n') {
          throw new IOException("git cat-file stopped in the middle of object " + f[0]);
        }
        return new Header(id, f[1], size, null);
      }
      byte[] bytes = from.readNBytes((int) size);
      if (bytes.length != size || from.read() != '\n') {
        throw new IOException("git cat-file stopped in the middle of object " + f[0]);
      }
      return new Header(id, f[1], size, bytes);
    }

    private String line() throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream(64);
      for (int b = from.read(); b != '\n'; b = from.read()) {
        if (b < 0) {
          throw new IOException("git cat-file stopped (exit " + exitOf(process) + ")");
        }
        out.write(b);
      }
      return out.toString(StandardCharsets.UTF_8);
    }

    void close() {
      try {
        to.close();
      } catch (IOException ignored) { // NOPMD: the process is ending anyway
      }
      process.destroy();
    }
  }

  private static String exitOf(Process p) {
    try {
      return p.waitFor(1, TimeUnit.SECONDS) ? String.valueOf(p.exitValue()) : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** A finished git command: its exit code, its output and its error output. */
  record Output(int exit, String text, String error) {
    String firstErrorLine() {
      String e = error.strip();
      return e.isEmpty() ? "exit " + exit : e.lines().findFirst().orElse(e);
    }
  }

  /** Waits for a started git command: its exit code, output and error output. */
  private static Output finish(Process p, String what) throws IOException {
    p.getOutputStream().close();
    // Error output is read on another thread, so neither pipe can fill and stall git.
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
      try {
        return p.getErrorStream().readAllBytes();
      } catch (IOException e) {
        return new byte[0];
      }
    }, r -> {
      Thread t = new Thread(r, "zonegate-git-stderr");
      t.setDaemon(true);
      t.start();
    });
    byte[] out = p.getInputStream().readAllBytes();
    int exit;
    try {
      exit = p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      throw new IOException("interrupted while git " + what + " ran", e);
    }
    return new Output(exit, new String(out, StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
  }

  /**
   * The git command, the directory it runs in, and whether it gets the GIT_* variables of this
   * process's environment (a hook's GIT_DIR); messages are in English whatever the locale, so
   * "not a git repository" is recognised.
   */
  record Git(String command, Path dir, boolean environment) {
    Output run(String... args) throws IOException {
      return finish(builder(args).start(), args[0]);
    }

    Process start(String... args) throws IOException {
      ProcessBuilder pb = builder(args);
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      return pb.start();
    }

    ProcessBuilder builder(String... args) {
      List<String> line = new ArrayList<>(List.of(command, "--no-replace-objects"));
      line.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(line).directory(dir.toFile());
      Map<String, String> env = pb.environment();
      if (!environment) {
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
      }
      env.put("LC_ALL", "C");
      return pb;
    }
  }
}
