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

  /** The findings of the rules in force, in {@link Finding#ORDER}. */
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
    // regenerated zone) runs them on every core. The findings are put in report order the same
    // way after either.
    List<Found> found = new ArrayList<>();
    if (in.changes().size() >= PARALLEL_CHANGES && run.size() > 1) {
      found = onEveryCore(run, in);
    } else {
      for (RuleSet.Active a : run) {
        found.add(check(a, in));
      }
    }
    return inOrder(found);
  }

  /**
   * The findings of the rules (in rule order) in {@link Finding#ORDER}: what a stable sort of them
   * all gives. A rule's findings of one severity mostly come in order already (rules walk the
   * changes in zone order), which {@link Found} saw as they came; then only where two rules'
   * findings of one severity meet is anything compared here, and nothing is sorted. A lint holds
   * tens of thousands of findings, and each one visited again later is a cache miss.
   */
  static List<Finding> inOrder(List<Found> found) {
    List<Finding> out = new ArrayList<>();
    for (Severity s : Severity.values()) { // BLOCK first
      int from = out.size();
      boolean ordered = true;
      for (Found f : found) {
        List<Finding> these = f.of(s);
        if (these.isEmpty()) {
          continue;
        }
        ordered = ordered && f.ordered(s)
            && (out.size() == from || Finding.ORDER.compare(out.get(out.size() - 1), these.get(0)) <= 0);
        out.addAll(these);
      }
      if (!ordered) {
        out.subList(from, out.size()).sort(Finding.ORDER);
      }
    }
    return out;
  }

  /**
   * One rule's findings, by severity, each kind seen to come in {@link Finding#ORDER} or not as it
   * is added, while the finding and the one before are fresh in this core's cache.
   */
  static final class Found {
    private final List<List<Finding>> bySeverity = new ArrayList<>();
    private final boolean[] outOfOrder = new boolean[Severity.values().length];

    Found() {
      for (int i = 0; i < Severity.values().length; i++) {
        bySeverity.add(new ArrayList<>());
      }
    }

    void add(Finding f) {
      int s = f.severity().ordinal();
      List<Finding> these = bySeverity.get(s);
      if (!outOfOrder[s] && !these.isEmpty() && Finding.ORDER.compare(these.get(these.size() - 1), f) > 0) {
        outOfOrder[s] = true;
      }
      these.add(f);
    }

    List<Finding> of(Severity s) {
      return bySeverity.get(s.ordinal());
    }

    boolean ordered(Severity s) {
      return !outOfOrder[s.ordinal()];
    }
  }

  /**
   * The rules' findings, in rule order, found on every core: each core takes the next rule when
   * done with its last. Rules differ a hundredfold in cost (lint of a million sets: over a second
   * for one, a few hundredths for another), and a split of the list fixed in advance (what a
   * parallel stream of six rules does) can leave most of the work to one core. A rule's failure
   * is thrown as itself.
   */
  private static List<Found> onEveryCore(List<RuleSet.Active> run, RuleInput in) {
    int n = run.size();
    AtomicReferenceArray<Found> found = new AtomicReferenceArray<>(n);
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
    List<Found> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(found.get(i));
    }
    return out;
  }

  private static Found check(RuleSet.Active a, RuleInput in) {
    Found found = new Found();
    long t = System.nanoTime();
    a.rule().check(in.scoped(a.spec().scope()), new Findings(a.spec(), in.zone(), found::add));
    Timings.addDetail("rules." + a.spec().id(), t);
    return found;
  }
}
