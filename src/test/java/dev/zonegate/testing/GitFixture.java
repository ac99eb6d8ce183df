package dev.zonegate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real git repository in a temporary directory, driven with the {@code git} binary under a
 * fixed identity and no user or system config, so tests behave the same on every machine.
 */
public final class GitFixture {
  private final Path dir;
  private final Path home;

  public GitFixture(Path dir) throws IOException {
    this.dir = dir;
    this.home = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-home"));
  }

  public static GitFixture init(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    GitFixture g = new GitFixture(dir);
    g.git("init", "-q", "-b", "main");
    return g;
  }

  public Path dir() {
    return dir;
  }

  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("GIT_AUTHOR_NAME", "Ada Reviewer");
    env.put("GIT_AUTHOR_EMAIL", "ada@example.com");
    env.put("GIT_COMMITTER_NAME", "Ada Reviewer");
    env.put("GIT_COMMITTER_EMAIL", "ada@example.com");
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_TERMINAL_PROMPT", "0");
    return env;
  }

  public GitFixture write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return this;
  }

  public GitFixture delete(String path) throws IOException {
    Files.delete(dir.resolve(path));
    return this;
  }

  /** Copies a directory of test data into the repository. */
  public GitFixture copy(Path from) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path to = dir.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return this;
  }

  /** Stages everything and commits; returns the new commit's sha. */
  public String commit(String message) throws IOException, InterruptedException {
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", message);
    return git("rev-parse", "HEAD").trim();
  }

  public String git(String... args) throws IOException, InterruptedException {
    return run(dir, args);
  }

  public String run(Path cwd, String... args) throws IOException, InterruptedException {
    Result r = exec(cwd, null, args);
    if (r.exit() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed (" + r.exit() + "): " + r.err());
    }
    return r.out();
  }

  public record Result(int exit, String out, String err) {}

  /** Runs git and returns its exit code and output instead of failing. */
  public Result exec(Path cwd, String stdin, String... args) throws IOException, InterruptedException {
    return exec(cwd, stdin, Map.of(), args);
  }

  /** As {@link #exec(Path, String, String...)} with more environment (for the hooks git runs). */
  public Result exec(Path cwd, String stdin, Map<String, String> moreEnv, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
    pb.environment().putAll(env());
    pb.environment().putAll(moreEnv);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("the git binary is needed for this test (apt-get install git)", e);
    }
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("git " + String.join(" ", args) + " timed out");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }
}
