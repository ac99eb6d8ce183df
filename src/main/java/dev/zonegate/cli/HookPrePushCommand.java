package dev.zonegate.cli;

import dev.zonegate.gate.Check;
import dev.zonegate.gate.CheckException;
import dev.zonegate.gate.PrePush;
import dev.zonegate.git.GitException;
import dev.zonegate.git.GitRepo;
import dev.zonegate.report.Renderer;
import dev.zonegate.report.Report;
import dev.zonegate.report.ReportWriter;
import dev.zonegate.rules.Outcome;
import dev.zonegate.util.Timings;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.ObjectId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zonegate hook pre-push REMOTE URL}, as git calls it. Each pushed ref is checked; the report
 * goes to standard error (git shows it); any block or any failure refuses the push.
 */
@Command(name = "pre-push", description = "Run by git before a push: refs on standard input.")
final class HookPrePushCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "REMOTE")
  String remote;

  @Parameters(index = "1", paramLabel = "URL", arity = "0..1")
  String url;

  @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: the current directory).")
  Path repo = Path.of(".");

  @Mixin ConfigChoice config = new ConfigChoice();

  @Override
  public Integer call() {
    try {
      return run();
    } catch (Exception e) {
      // A hook that crashes must not let the push through silently, nor trap the user: exit 2,
      // the gate could not decide, which git takes as a refusal like any non-zero exit.
      Context.err().println("zonegate: error: " + Failures.describe(e) + " (the push is refused; `git push --no-verify` skips this hook)");
      return Main.UNDECIDED;
    }
  }

  private int run() throws Exception {
    String stdin = new String(Context.in().readAllBytes(), StandardCharsets.UTF_8);
    List<PrePush.Update> updates = PrePush.parse(stdin);
    if (updates.isEmpty()) {
      return Main.PASS; // only deletions: nothing to judge
    }
    int exit = Main.PASS;
    // Read through the git that runs this hook: it is there, and it starts faster than JGit.
    long t = System.nanoTime();
    try (GitRepo r = GitRepo.openForHook(repo, Context.env())) {
      Timings.add("git", t);
      for (PrePush.Update u : updates) {
        if (!judge(r, u)) {
          exit = Main.BLOCK;
        }
      }
    }
    if (exit != Main.PASS) {
      Context.err().println("zonegate: push refused; fix the zones, or allow a finding with a commit trailer `Zonegate-Allow: RULE[:NAME] reason`");
    }
    return exit;
  }

  /** Checks one pushed ref and writes its report; whether it passed. */
  private boolean judge(GitRepo r, PrePush.Update u) throws Exception {
    long t = System.nanoTime();
    String base = base(r, u);
    Timings.add("git", t);
    Check.Options options =
        Check.Options.prePush(repo, config.checked().zonegate, config.checked().octodns, base, u.localSha(),
            ReportWriter.needsFingerprints(List.of("text")));
    Report report =
        Check.run(r, options, Context.env())
            // A hook takes no flags and sees no merge request: a commit trailer is the way.
            .withAllowRoutes(EnumSet.of(Report.AllowRoute.TRAILER));
    t = System.nanoTime();
    Writer w = new OutputStreamWriter(Context.err(), StandardCharsets.UTF_8);
    w.write("zonegate: pushing " + u.localRef() + " to " + remote + " " + u.remoteRef() + "\n");
    Renderer.forFormat("text").render(report, w);
    w.flush();
    Timings.add("render", t);
    return report.verdict() == Outcome.PASS;
  }

  /**
   * The remote's current tip when we have it, else the merge-base with its default branch. Only a
   * new branch with no common history is compared with nothing: a ref the remote already has, at a
   * commit this repository has not fetched and with no merge-base to stand in, would be judged as
   * all new, its deletions invisible, so that stops the push instead.
   */
  private String base(GitRepo r, PrePush.Update u) throws Exception {
    if (u.remoteSha() != null) {
      try {
        return r.resolve(u.remoteSha()).name();
      } catch (GitException e) {
        // not fetched yet: fall through to the merge-base
      }
    }
    ObjectId upstream = r.remoteDefaultBranch(remote);
    ObjectId mb = upstream == null ? null : r.mergeBase(r.resolve(u.localSha()), upstream);
    if (mb == null && u.remoteSha() != null) {
      throw new CheckException(
          remote + " has " + u.remoteRef() + " at " + u.remoteSha().substring(0, 12)
              + ", which this repository does not have, so there is nothing to judge the push against; run `git fetch "
              + remote + "` first");
    }
    return mb == null ? Check.EMPTY_BASE : mb.name();
  }
}
