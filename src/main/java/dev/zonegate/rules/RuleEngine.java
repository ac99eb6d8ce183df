package dev.zonegate.rules;

import dev.zonegate.util.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs the rules in force on one zone. When the proposed file did not parse, no rule runs: nothing
 * can be judged on a half-read zone, and the gate reports the parse error itself
 * ({@link ZoneParseError#finding}).
 */
public final class RuleEngine {
  private final RuleSet rules;

  public RuleEngine(RuleSet rules) {
    this.rules = rules;
  }

  /** Changes from which the rules of one zone are worth spreading over the cores. */
  static final int PARALLEL_CHANGES = 20_000;

  public List<Finding> judge(RuleInput in) {
    if (in.parseError() != null) {
      return List.of(ZoneParseError.finding(in));
    }
    List<RuleSet.Active> run = new ArrayList<>();
    for (RuleSet.Active a : rules.active()) {
      RuleSpec spec = a.spec();
      if (!spec.scope().coversZone(in.zone())) {
        continue;
      }
      run.add(a);
    }
    // Rules are independent and read the input only; a large change (lint's million "adds", a
    // regenerated zone) runs them on every core. Each rule's findings stay together, in rule
    // order, so the result is the same list either way.
    List<Finding> out = new ArrayList<>();
    if (in.changes().size() >= PARALLEL_CHANGES && run.size() > 1) {
      for (List<Finding> found : onEveryCore(run, in)) {
        out.addAll(found);
      }
    } else {
      for (RuleSet.Active a : run) {
        out.addAll(check(a, in));
      }
    }
    return out;
  }

  /**
   * The rules' findings, in rule order, found on every core: each core takes the next rule when
   * done with its last. Rules differ a hundredfold in cost (lint of a million sets: over a second
   * for one, a few hundredths for another), and a split of the list fixed in advance (what a
   * parallel stream of six rules does) can leave most of the work to one core. A rule's failure
   * is thrown as itself.
   */
  private static List<List<Finding>> onEveryCore(List<RuleSet.Active> run, RuleInput in) {
    int n = run.size();
    AtomicReferenceArray<List<Finding>> found = new AtomicReferenceArray<>(n);
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        found.set(i, check(run.get(i), in));
      }
    };
    List<CompletableFuture<Void>> helpers = new ArrayList<>();
    int cores = Math.min(n, Runtime.getRuntime().availableProcessors());
    for (int h = 1; h < cores; h++) {
      helpers.add(CompletableFuture.runAsync(worker, ForkJoinPool.commonPool()));
    }
    worker.run();
    for (CompletableFuture<Void> h : helpers) {
      try {
        h.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }
    List<List<Finding>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(found.get(i));
    }
    return out;
  }

  private static List<Finding> check(RuleSet.Active a, RuleInput in) {
    List<Finding> found = new ArrayList<>();
    long t = System.nanoTime();
    a.rule().check(in.scoped(a.spec().scope()), new Findings(a.spec(), in.zone(), found::add));
    Timings.addDetail("rules." + a.spec().id(), t);
    return found;
  }
}
