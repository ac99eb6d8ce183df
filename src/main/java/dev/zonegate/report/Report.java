package dev.zonegate.report;

import dev.zonegate.model.Change;
import dev.zonegate.model.Notice;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.Outcome;
import dev.zonegate.rules.Severity;
import dev.zonegate.rules.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything one run has to say, in the order every renderer prints it: zones sorted by name,
 * changes in canonical order, findings blocking first. Renderers only format it, so all formats
 * agree.
 */
public final class Report {
  /** Per-zone counts for the summary table; findings counted by severity, allowed ones included. */
  public record ZoneSummary(String name, int adds, int deletes, int updates, int block, int warn, int info) {}

  private final Outcome verdict;
  private final List<ZoneSummary> zones;
  private final List<Change> changes;
  private final List<Finding> findings;
  /** Per severity, the findings not allowed. */
  private final long[] open = new long[Severity.values().length];
  private final Map<String, String> descriptions;
  private final List<Notice> notices;
  private Map<String, Fingerprints> fingerprints = Map.of();

  /**
   * SHA-256 of the canonical live snapshot judged and of the proposed one (docs/fingerprint.md); {@code head}
   * is null when the proposed file did not parse.
   */
  public record Fingerprints(String live, String head) {}

  /**
   * @param descriptions rule id to the description reviewers read, for every rule that ran
   */
  public Report(
      Outcome verdict,
      List<String> zoneNames,
      List<Change> changes,
      List<Finding> findings,
      Map<String, String> descriptions,
      List<Notice> notices) {
    this(verdict, zoneNames, changes, findings, descriptions, notices, true);
  }

  /** The report of a verdict, whose findings {@link Verdict#decide} put in {@link Finding#ORDER}. */
  public Report(Verdict v, List<String> zoneNames, List<Change> changes, Map<String, String> descriptions, List<Notice> notices) {
    this(v.outcome(), zoneNames, changes, v.findings(), descriptions, notices, false);
  }

  private Report(
      Outcome verdict,
      List<String> zoneNames,
      List<Change> changes,
      List<Finding> findings,
      Map<String, String> descriptions,
      List<Notice> notices,
      boolean sort) {
    TreeMap<String, int[]> counts = new TreeMap<>();
    for (String z : zoneNames) {
      counts.put(z, new int[6]);
    }
    List<Change> sorted = new ArrayList<>(changes);
    sorted.sort(null);
    for (Change c : sorted) {
      counts.computeIfAbsent(c.zone(), z -> new int[6])[c.action().ordinal()]++;
    }
    List<Finding> fs = new ArrayList<>(findings);
    if (sort) {
      fs.sort(Finding.ORDER);
    }
    // One pass over the findings: a lint holds tens of thousands, and each visit is a cache miss.
    String zone = null;
    int[] zoneCounts = null;
    for (Finding f : fs) {
      if (f.zone() != zone) { // one zone's findings share its name's string
        zone = f.zone();
        zoneCounts = counts.computeIfAbsent(zone, z -> new int[6]);
      }
      zoneCounts[3 + f.severity().ordinal()]++;
      if (!f.allowed()) {
        open[f.severity().ordinal()]++;
      }
    }
    List<ZoneSummary> zs = new ArrayList<>();
    counts.forEach((z, n) -> zs.add(new ZoneSummary(z, n[0], n[1], n[2], n[3], n[4], n[5])));
    this.verdict = verdict;
    this.zones = List.copyOf(zs);
    this.changes = List.copyOf(sorted);
    this.findings = List.copyOf(fs);
    this.descriptions = Map.copyOf(new TreeMap<>(descriptions));
    this.notices = List.copyOf(new LinkedHashSet<>(notices)); // base and head may say the same
  }

  private String generatedAt;

  /** The same report stamped with when it was made; only with {@code --timestamp}. */
  public Report withGeneratedAt(String when) {
    this.generatedAt = when;
    return this;
  }

  /** ISO-8601 instant, or null (the default: same input, same bytes). */
  public String generatedAt() {
    return generatedAt;
  }

  /** The same report with the stale-plan fingerprints of its zones. */
  public Report withFingerprints(Map<String, Fingerprints> byZone) {
    this.fingerprints = Map.copyOf(byZone);
    return this;
  }

  private List<String> packs = List.of();
  private List<Notice> ignored = List.of();
  private Map<String, String> live = Map.of();
  private Map<String, String> partial = Map.of();
  private Severity failOn = Severity.BLOCK;
  private Set<AllowRoute> allowRoutes = EnumSet.allOf(AllowRoute.class);
  private Map<String, String> judged = Map.of();

  /** The same report naming, per zone, the live source it was judged against. */
  public Report withLive(Map<String, String> byZone) {
    this.live = Map.copyOf(byZone);
    return this;
  }

  /** The same report saying, per zone known only in part (a Terraform plan's), what part. */
  public Report withPartial(Map<String, String> byZone) {
    this.partial = Map.copyOf(byZone);
    return this;
  }

  /** What part of a zone was known, or null for a whole zone. */
  public String partial(String zone) {
    return partial.get(zone);
  }

  /** The live source a zone was judged against ({@code axfr 192.0.2.53:53}, {@code route53 ...}), or null. */
  public String live(String zone) {
    return live.get(zone);
  }

  /** The same report listing the records left alone (octoDNS ignored), each once. */
  public Report withIgnored(List<Notice> records) {
    this.ignored = List.copyOf(new LinkedHashSet<>(records));
    return this;
  }

  /** Records the deploying tool is told to leave alone: not compared, listed once. */
  public List<Notice> ignored() {
    return ignored;
  }

  /** The same report naming the rule packs in force, in layering order. */
  public Report withPacks(List<String> inForce) {
    this.packs = List.copyOf(inForce);
    return this;
  }

  /**
   * The rule packs in force, in layering order ({@code builtin:default}, {@code builtin:none},
   * then pack paths): every format prints them, so a gate run with fewer rules than usual says so.
   */
  public List<String> packs() {
    return packs;
  }

  /** The fingerprints of one zone, or null when none were taken. */
  public Fingerprints fingerprints(String zone) {
    return fingerprints.get(zone);
  }

  /** {@code pass} or {@code block} (docs/exit-codes.md). */
  public Outcome verdict() {
    return verdict;
  }

  public List<ZoneSummary> zones() {
    return zones;
  }

  public List<Change> changes() {
    return changes;
  }

  /** Blocking first (Finding.ORDER); allowed ones stay, marked. */
  public List<Finding> findings() {
    return findings;
  }

  /** Ids of the rules that ran, sorted: junit and SARIF list each, fired or not. */
  public List<String> ruleIds() {
    return new ArrayList<>(new TreeSet<>(descriptions.keySet()));
  }

  /** What a rule guards against, in words a reviewer reads once; empty when unknown. */
  public String description(String ruleId) {
    return descriptions.getOrDefault(ruleId, "");
  }

  /** Warnings the readers raised (mixed TTLs and the like). */
  public List<Notice> notices() {
    return notices;
  }

  /** Findings of one severity that are not allowed. */
  public long open(Severity s) {
    return open[s.ordinal()];
  }

  /**
   * The same report saying what it judged, in this order: the input ({@code repository},
   * {@code base}, {@code head}; or {@code old} and {@code new}; or {@code plan}), then
   * {@code zonegate} (the version) and {@code rules} (the digest of the rules in force).
   */
  public Report withJudged(Map<String, String> what) {
    this.judged = Collections.unmodifiableMap(new LinkedHashMap<>(what));
    return this;
  }

  /** What the report judged (see {@link #withJudged}), in order. */
  public Map<String, String> judged() {
    return judged;
  }

  /** The same report with {@code first} said before what it already says it judged. */
  public Report judgedFirst(Map<String, String> first) {
    Map<String, String> all = new LinkedHashMap<>(first);
    judged.forEach(all::putIfAbsent);
    return withJudged(all);
  }

  /** What was judged as one line: {@code repository /src/dns; base 1a2b3c4d5e6f (main); ...}. */
  public String judgedLine() {
    List<String> parts = new ArrayList<>();
    judged.forEach((k, v) -> parts.add(k + " " + v));
    return String.join("; ", parts);
  }

  /** The ways a blocking finding can be allowed; which the command that judged offers. */
  public enum AllowRoute {
    /** {@code --allow RULE[:NAME]} on the command line. */
    FLAG,
    /** A {@code Zonegate-Allow:} trailer in a commit of the range judged. */
    TRAILER,
    /** A {@code zonegate-allow:} merge-request label. */
    LABEL
  }

  /**
   * The same report offering only these ways to allow a finding: the hints a report prints must
   * be ones the command that made it reads ({@code diff} has no commits, a pre-push hook takes no
   * flags, {@code lint} allows nothing).
   */
  public Report withAllowRoutes(Set<AllowRoute> routes) {
    this.allowRoutes = routes.isEmpty() ? EnumSet.noneOf(AllowRoute.class) : EnumSet.copyOf(routes);
    return this;
  }

  /** True when the command that made this report reads allows this way. */
  public boolean allows(AllowRoute route) {
    return allowRoutes.contains(route);
  }

  /** The same report judged with {@code --fail-on level}: with warn, open warnings block too. */
  public Report withFailOn(Severity level) {
    this.failOn = level;
    return this;
  }

  /** True when open warnings block ({@code --fail-on warn}). */
  public boolean warningsBlock() {
    return failOn == Severity.WARN;
  }

  /** Open findings that block: block findings, and warnings under {@code --fail-on warn}. */
  public long blocking() {
    return open(Severity.BLOCK) + (warningsBlock() ? open(Severity.WARN) : 0);
  }

  /** Open warnings that do not block. */
  public long warnings() {
    return warningsBlock() ? 0 : open(Severity.WARN);
  }

  /** How the summary line counts: {@code 2 blocking, 1 warning}, saying when warnings block. */
  public String counts(String blockingWord, boolean blockingWhenPass) {
    String b = verdict == Outcome.PASS && !blockingWhenPass ? ""
        : blocking() + " " + blockingWord + (warningsBlock() ? " (warnings block: --fail-on warn)" : "") + ", ";
    return b + warnings() + " warning" + (warnings() == 1 ? "" : "s");
  }

  /** The exact words that would allow a finding: trailer, label and flag (docs/ci-and-hooks.md). */
  public static String allowSpec(Finding f) {
    return f.name() == null ? f.rule() : f.rule() + ":" + f.name();
  }
}
