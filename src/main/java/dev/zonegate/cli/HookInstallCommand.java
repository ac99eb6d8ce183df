package dev.zonegate.cli;

import dev.zonegate.git.GitRepo;
import dev.zonegate.git.PrePushHook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zonegate hook install}: writes {@code pre-push}, running this zonegate with this Java. */
@Command(name = "install", description = "Write the pre-push hook into the repository (honours core.hooksPath).")
final class HookInstallCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: the current directory).")
  Path repo = Path.of(".");

  @Option(names = "--force", description = "Keep an existing pre-push hook by chaining it (it runs first).")
  boolean force;

  @Mixin ConfigChoice config;

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
      Path hooks = PrePushHook.hooksDir(r);
      PrePushHook.Outcome outcome = PrePushHook.install(hooks, PrePushHook.script(java, cp, extra), force);
      Path hook = hooks.resolve("pre-push");
      switch (outcome) {
        case UNCHANGED:
          Context.out().println("zonegate: " + hook + " is already installed");
          break;
        case UPDATED:
          Context.out().println("zonegate: updated " + hook);
          break;
        case CHAINED:
          Context.out().println("zonegate: installed " + hook + "; the hook that was there runs first, as " + PrePushHook.CHAINED);
          break;
        default:
          Context.out().println("zonegate: installed " + hook);
      }
    }
    return Main.PASS;
  }
}
