package dev.zonegate.cli;

import dev.zonegate.config.ConfigLoader;
import dev.zonegate.git.GitRepo;
import dev.zonegate.rules.RulePack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Start-up work done beside the command. A short run (a pre-push hook above all) spends most of its
 * time setting up libraries, not on DNS: picocli's model of the command, JGit's process-wide state,
 * Jackson and the schema validator, the default rule pack. Those are independent, so while the
 * main thread parses the command line and starts the command, two daemon threads set up what it
 * will need next, on the second core: JGit (or, for a pre-push hook, the rules) on one, the config
 * reader (and the rules, when JGit is set up) on the other.
 *
 * <p>It changes no result. Each step is one the command takes anyway, through the same code, and
 * each keeps what it made in the place the command looks (class initialisation, JGit's config
 * cache, the schema cache, the default pack), so the command finds it made or waits for it. A step
 * that fails is dropped: the command takes the same step itself and reports the failure as always.
 */
final class Warmup {
  /** A small valid config: reading it sets up the YAML reader, the config schema and its checks. */
  static final byte[] CONFIG = "zones:\n  - name: example.\n    file: example.zone\n".getBytes(StandardCharsets.UTF_8);

  private Warmup() {}

  /**
   * Starts the warm-up for the command {@code args} name, if it is one that judges zones; the
   * thread of its config and rules steps (JGit's has its own), or null.
   */
  static Thread start(String[] args) {
    Class<?> command = Main.named(args);
    boolean git = command == CheckCommand.class || command == HookCommand.class || command == VerifyCommand.class;
    boolean config = git || command == LintCommand.class || command == SnapshotCommand.class;
    boolean rules = git || command == DiffCommand.class || command == TerraformCommand.class;
    if (!git && !config && !rules) {
      return null;
    }
    // A pre-push hook reads the repository through git's own processes (GitRepo.openForHook), so
    // it needs no JGit: its two threads set up the config reader and the rules, which take about
    // as long as each other. Other commands that read a repository use JGit, whose set-up (which
    // also asks git where the system config is) takes about as long as the config reader's and
    // the rules' together: one thread for it, one for them.
    boolean hook = command == HookCommand.class && !"jgit".equals(System.getenv("ZONEGATE_GIT"));
    if (hook) {
      thread(() -> run(false, true));
      return thread(() -> run(true, false));
    }
    if (git) {
      thread(() -> quietly(GitRepo::warm));
    }
    return thread(() -> run(config, rules));
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "zonegate-warmup");
    t.setDaemon(true);
    t.start();
    return t;
  }

  // In the order a check needs them: its config, then the rules.
  static void run(boolean config, boolean rules) {
    if (config) {
      quietly(() -> ConfigLoader.zonegate("(warm-up)", CONFIG));
    }
    if (rules) {
      quietly(RulePack::defaults);
      // Every report carries SHA-256 fingerprints: the first digest sets up the JDK's providers.
      quietly(() -> MessageDigest.getInstance("SHA-256").digest(CONFIG));
    }
  }

  interface Step {
    Object run() throws Exception;
  }

  static void quietly(Step step) {
    try {
      step.run();
    } catch (Throwable ignored) { // NOPMD: the command takes this step again and reports it
    }
  }
}
