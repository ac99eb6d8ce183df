package dev.zonegate.cli;

import dev.zonegate.git.GitRepo;
import dev.zonegate.git.PrePushHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code zonegate hook install}: writes {@code pre-push}. The hook runs the {@code zonegate} on
 * the PATH when there is one (nothing copied, upgrades followed), else its own copy of this
 * zonegate kept in the git directory, so that removing the build tree never breaks it.
 */
@Command(name = "install", description = {
    "Write the pre-push hook into the repository (honours core.hooksPath).",
    "The hook runs the zonegate on the PATH when there is one; otherwise (or with --copy) it runs its own copy of this"
        + " zonegate, kept in .git/zonegate, so removing the build or the download does not break it."})
final class HookInstallCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: the current directory).")
  Path repo = Path.of(".");

  @Option(names = "--force", description = "Keep an existing pre-push hook by chaining it (it runs first).")
  boolean force;

  @Option(names = "--copy", description = "Keep a copy of this zonegate in .git/zonegate for the hook, even when a zonegate is on the PATH.")
  boolean copy;

  @Mixin ConfigChoice config = new ConfigChoice();

  @Override
  public Integer call() throws Exception {
    List<String> extra = new ArrayList<>();
    if (config.checked().zonegate != null) {
      extra.add("--config");
      extra.add(config.checked().zonegate.toAbsolutePath().normalize().toString());
    }
    if (config.checked().octodns != null) {
      extra.add("--octodns-config");
      extra.add(config.checked().octodns.toAbsolutePath().normalize().toString());
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    String cp = classPath.endsWith(".jar") ? classPath : System.getProperty("java.class.path");
    try (GitRepo r = GitRepo.open(repo)) {
      if (r.workTree() == null) {
        // Nobody pushes from a bare repository: a pre-push hook there would never run.
        throw new IllegalArgumentException(r.gitDir() + " is a bare repository, which nobody pushes from;"
            + " install the hook in the clone you push from");
      }
      Path hooks = PrePushHook.hooksDir(r);
      Path installed = copy ? null : PrePushHook.onPath(Context.env().get("PATH"));
      if (installed != null) {
        report(PrePushHook.install(hooks, PrePushHook.launcherScript(installed, extra), force), hooks.resolve("pre-push"),
            "it runs " + installed + ", the zonegate on the PATH");
        // A copy an earlier install kept is no longer run: it is tens of megabytes.
        Path own = r.gitDir().resolve("zonegate");
        for (String f : List.of("zonegate.jar", PrePushHook.ARCHIVE)) {
          Files.deleteIfExists(own.resolve(f));
        }
        if (Files.isDirectory(own)) {
          try (Stream<Path> left = Files.list(own)) {
            if (left.findAny().isEmpty()) {
              Files.delete(own);
            }
          }
        }
        return Main.PASS;
      }
      if (cp.endsWith(".jar")) {
        // The hook must not depend on the build tree (mvn clean) or on where the jar was
        // downloaded: it runs its own copy, kept in the git directory with its class-data archive.
        Path own = r.gitDir().resolve("zonegate");
        Files.createDirectories(own);
        Path jar = own.resolve("zonegate.jar");
        if (!Path.of(cp).toAbsolutePath().normalize().equals(jar.toAbsolutePath().normalize())) {
          Path tmp = Files.createTempFile(own, "zonegate", ".jar.tmp");
          Files.copy(Path.of(cp), tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        cp = jar.toString();
        Files.deleteIfExists(hooks.resolve(PrePushHook.ARCHIVE)); // where earlier versions kept it
      }
      PrePushHook.Outcome outcome = PrePushHook.install(hooks, PrePushHook.script(java, cp, extra), force);
      String runs = "it runs zonegate from this class path";
      if (cp.endsWith(".jar")) {
        Path jar = Path.of(cp);
        train(java, cp, jar.resolveSibling(PrePushHook.ARCHIVE), r.workTree());
        runs = "it runs its own copy of zonegate in " + jar.getParent() + " (" + megabytes(jar.getParent()) + " MB)";
      }
      report(outcome, hooks.resolve("pre-push"), runs);
    }
    return Main.PASS;
  }

  private static void report(PrePushHook.Outcome outcome, Path hook, String runs) {
    switch (outcome) {
      case UNCHANGED:
        Context.out().println("zonegate: " + hook + " is already installed; " + runs);
        break;
      case UPDATED:
        Context.out().println("zonegate: updated " + hook + "; " + runs);
        break;
      case CHAINED:
        Context.out().println("zonegate: installed " + hook + "; the hook that was there runs first, as " + PrePushHook.CHAINED
            + "; " + runs);
        break;
      default:
        Context.out().println("zonegate: installed " + hook + "; " + runs);
    }
  }

  /** The size of a directory's files, in whole megabytes (the hook's copy is tens of them). */
  private static long megabytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long bytes = 0;
      for (Path f : (Iterable<Path>) files::iterator) {
        bytes += Files.isRegularFile(f) ? Files.size(f) : 0;
      }
      return Math.round(bytes / 1_000_000.0);
    }
  }

  /**
   * Writes the class-data archive the hook starts from, by running one check the way a push does
   * (the classes it loads are the ones archived): an AppCDS archive, or from Java 25 on an AOT
   * cache, recorded by that run and made after it. Best effort: without it the hook is only
   * slower (on Java 17 it writes the archive itself on its first run).
   */
  private static void train(String java, String jar, Path archive, Path repo) {
    boolean aot = PrePushHook.aotCache(Runtime.version().feature());
    Path conf = archive.resolveSibling(archive.getFileName() + ".conf");
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(aot ? PrePushHook.aotRecord(conf) : List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xshare:auto"));
    cmd.addAll(PrePushHook.SHORT_RUN);
    cmd.addAll(List.of("-cp", jar, "dev.zonegate.cli.Main", "check", "--repo", repo.toString(),
        "--base", "HEAD", "--head", "HEAD", "--all-zones", "--live", "none"));
    try {
      Files.deleteIfExists(archive);
      if (run(cmd) && aot && Files.isRegularFile(conf)) {
        List<String> create = new ArrayList<>(List.of(java));
        create.addAll(PrePushHook.aotCreate(conf, archive));
        create.addAll(List.of("-cp", jar));
        if (!run(create)) {
          Files.deleteIfExists(archive);
        }
      }
      Files.deleteIfExists(conf);
    } catch (IOException e) {
      // no archive: the hook runs without one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs a training step with no input or output; whether it ended within two minutes. */
  private static boolean run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return false;
    }
    return true;
  }
}
