package dev.zonegate.gate;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.model.Zone;
import dev.zonegate.model.ZoneMarks;
import dev.zonegate.report.Report;
import dev.zonegate.rules.Allow;
import dev.zonegate.rules.Allowance;
import dev.zonegate.rules.Finding;
import dev.zonegate.rules.RuleEngine;
import dev.zonegate.rules.RuleInput;
import dev.zonegate.rules.RuleSet;
import dev.zonegate.rules.RuleSpec;
import dev.zonegate.rules.Severity;
import dev.zonegate.rules.Verdict;
import dev.zonegate.util.Background;
import dev.zonegate.util.Timings;
import dev.zonegate.zone.ZoneFormat;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline after the zones are read: diff each zone, run the rules, apply allows, decide, and
 * hand one {@link Report} to the renderers. Commands feed it zones; it knows nothing of files.
 */
public final class Gate {
  private final RuleSet rules;
  private final RuleEngine engine;
  private final List<Allow> allows;
  private final Severity failOn;
  private final boolean reportChanges;
  private final List<String> zones = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  /** Whether {@link #findings} stand in {@link Finding#ORDER}: those of one zone do. */
  private boolean findingsInOrder = true;
  private final List<Notice> notices = new ArrayList<>();
  private final List<Notice> ignored = new ArrayList<>();
  private final Map<String, String> live = new HashMap<>();
  private final Map<String, String> partial = new HashMap<>();
  private final Map<String, Report.Fingerprints> fingerprints = new HashMap<>();
  private boolean fingerprinting = true;

  public Gate(RuleSet rules, List<Allow> allows, Severity failOn) {
    this(rules, allows, failOn, true);
  }

  /**
   * {@code reportChanges} false: the rules see the changes but the report lists none. For lint,
   * where every record is an "add" from an empty zone and a list of them all is only noise.
   */
  public Gate(RuleSet rules, List<Allow> allows, Severity failOn, boolean reportChanges) {
    this.reportChanges = reportChanges;
    this.rules = rules;
    this.engine = new RuleEngine(rules);
    this.allows = List.copyOf(allows);
    this.failOn = failOn;
  }

  /**
   * One zone as it would be deployed: {@code before} is what is live, {@code after} is null when
   * its file did not parse. {@code base} is what the repository last approved when a live source
   * was read (else null: live is base); {@code disagreements} come from query-mode live reads.
   */
  public record Subject(
      String zone,
      Zone before,
      Zone after,
      ZoneReadException afterError,
      List<String> critical,
      ZoneFormat afterFormat,
      Location afterFile,
      Zone base,
      List<RuleInput.Disagreement> disagreements,
      String live) {
    /** One judged against a live source: {@code live} names it for the report. */
    public Subject(
        String zone,
        Zone before,
        Zone after,
        ZoneReadException afterError,
        List<String> critical,
        ZoneFormat afterFormat,
        Location afterFile,
        Zone base,
        List<RuleInput.Disagreement> disagreements) {
      this(zone, before, after, afterError, critical, afterFormat, afterFile, base, disagreements, null);
    }

    public Subject(
        String zone,
        Zone before,
        Zone after,
        ZoneReadException afterError,
        List<String> critical,
        ZoneFormat afterFormat,
        Location afterFile) {
      this(zone, before, after, afterError, critical, afterFormat, afterFile, null, List.of(), null);
    }

    /** The same subject judged against the live source {@code label} names. */
    public Subject withLive(String label) {
      return new Subject(zone, before, after, afterError, critical, afterFormat, afterFile, base, disagreements, label);
    }
  }

  /**
   * Whether the report will show the zones' stale-plan fingerprints (only the JSON report does):
   * without, a judged zone is not hashed, which for a million-set zone is a second core's worth
   * of work beside the rules.
   */
  public Gate fingerprints(boolean wanted) {
    fingerprinting = wanted;
    return this;
  }

  /** Something the report must say about the input as a whole (a plan's resources not judged). */
  public void notice(Notice n) {
    notices.add(n);
  }

  /** Zones of at least this many sets (both sides) are fingerprinted beside the diff and rules. */
  static final int PARALLEL_SETS = 20_000;

  public void judge(Subject s) {
    zones.add(s.zone());
    if (s.live() != null) {
      live.put(s.zone(), s.live());
    }
    notices.addAll(s.before().notices());
    if (s.after() != null && s.after().marks().isPartial()) {
      partial.put(s.zone(), s.after().marks().partial());
    }
    if (s.base() != null && s.base() != s.before()) {
      notices.addAll(s.base().notices()); // a broken base read leniently says so, live or not
    }
    List<Change> zoneChanges = List.of();
    Zone base = s.base() == null ? s.before() : s.base();
    boolean parallel = s.before().size() + (s.after() == null ? 0 : s.after().size()) >= PARALLEL_SETS;
    Background<String, RuntimeException> live =
        !fingerprinting ? null : early != null && early.zone() == s.before() ? early.started() : fingerprint(s.before(), parallel);
    Background<String, RuntimeException> head = !fingerprinting || s.after() == null ? null
        : early != null && early.zone() == s.before() && s.after().editedFrom() == s.before()
            ? Background.start("zonegate-fingerprint", () -> ZoneWriter.fingerprintEdited(s.after(), early.text().join()))
            : fingerprint(s.after(), parallel);
    if (s.after() != null) {
      notices.addAll(s.after().notices());
      long t = System.nanoTime();
      zoneChanges = ZoneDiff.effective(base, s.before(), s.after());
      if (!s.zone().equals(s.after().origin())) {
        // A zone the input names only by id (a Terraform plan without its zone): its changes go under that id.
        zoneChanges = zoneChanges.stream().map(c -> c.withZone(s.zone())).toList();
      }
      Timings.add("diff", t);
      if (reportChanges) {
        changes.addAll(zoneChanges);
      }
    }
    // Left alone by the deploying tool: said once, from what is proposed (else what was there).
    ignored.addAll((s.after() != null ? s.after() : base).marks().ignored().values());
    long t = System.nanoTime();
    List<Finding> found =
        engine.judge(
            new RuleInput(
                    s.zone(),
                    s.before(),
                    s.after(),
                    zoneChanges,
                    s.critical(),
                    s.afterFormat(),
                    s.afterFile(),
                    s.afterError())
                .withBase(base, s.disagreements()));
    if (!found.isEmpty()) {
      // Each zone's findings come in report order (an allowance keeps a finding's place); one
      // zone's list is the report's order as it stands, and nothing needs looking at again.
      findingsInOrder = findings.isEmpty();
      findings.addAll(s.after() == null ? found : acknowledged(found, s.after().marks()));
    }
    Timings.add("rules", t);
    if (live != null) {
      t = System.nanoTime();
      fingerprints.put(s.zone(), new Report.Fingerprints(live.join(), head == null ? null : head.join()));
      Timings.add("fingerprints", t);
    }
  }

  /** Rule types about a record's validity, which a repository's lenient marker acknowledges. */
  static final Set<String> VALIDITY_TYPES = Set.of("cname-conflict");

  /**
   * Findings about the validity of records the repository marked lenient (octoDNS
   * {@code lenient}), shown as allowed by that marker with its file and line: acknowledged by the
   * repository itself, never silently dropped (docs/inputs.md).
   */
  private List<Finding> acknowledged(List<Finding> found, ZoneMarks marks) {
    if (marks.isEmpty()) {
      return found;
    }
    List<Finding> out = new ArrayList<>(found.size());
    for (Finding f : found) {
      RuleSpec spec = rules.spec(f.rule());
      Location marker = spec == null || f.name() == null || !VALIDITY_TYPES.contains(spec.type())
          ? null : marks.lenient(f.name(), f.type());
      out.add(marker == null || !f.overridable() ? f
          : f.allow(new Allowance("marker", "the repository's lenient marker at " + marker, null)));
    }
    return out;
  }

  /**
   * A zone's fingerprint started before the zone came to be judged (see {@link #fingerprintEarly}):
   * its text, held for the fingerprint of a zone made from it by edits, and its fingerprint.
   */
  public record Early(Zone zone, Background<ZoneWriter.Canonical, RuntimeException> text,
      Background<String, RuntimeException> started) {}

  private Early early;

  /**
   * For a zone read well before the one it is compared with: its fingerprint, started now on a
   * thread of its own when the zone is large, or null (it is taken when judged). Give it to
   * {@link #fingerprintedEarly} before the zone is judged.
   */
  public static Early fingerprintEarly(Zone z) {
    if (z.size() < PARALLEL_SETS / 2) {
      return null;
    }
    Background<ZoneWriter.Canonical, RuntimeException> text = Background.start("zonegate-canonical", () -> ZoneWriter.canonical(z));
    return new Early(z, text, Background.start("zonegate-fingerprint", () -> text.join().fingerprint()));
  }

  /** The fingerprint {@link #fingerprintEarly} started (null: none), used when its zone is judged as the live side. */
  public Gate fingerprintedEarly(Early started) {
    early = started;
    return this;
  }

  /**
   * The zone's fingerprint, on a thread of its own when {@code parallel}: hashing a million-set
   * zone is a pass over all of it, which the other core can do while this one diffs and judges.
   */
  private static Background<String, RuntimeException> fingerprint(Zone z, boolean parallel) {
    Background.Task<String, RuntimeException> t = () -> ZoneWriter.fingerprint(z);
    return parallel ? Background.start("zonegate-fingerprint", t) : Background.now(t);
  }

  /** What every report says it judged with: zonegate's version and the rules' digest. */
  private Map<String, String> judged() {
    Map<String, String> j = new LinkedHashMap<>();
    j.put("zonegate", version());
    j.put("rules", rules.digest());
    return j;
  }

  /** zonegate's version, from the jar's manifest ({@code dev} outside a jar). */
  static String version() {
    String v = Gate.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public Report report() {
    long t = System.nanoTime();
    try {
      return verdict();
    } finally {
      Timings.add("report", t);
    }
  }

  /** The report: the findings decided (allows applied) and put in order, with what they came from. */
  private Report verdict() {
    Verdict v = Verdict.decide(findings, findingsInOrder, allows, failOn);
    return new Report(v, zones, changes, rules.descriptions(), notices)
        .withFingerprints(fingerprints)
        .withPacks(rules.packs())
        .withPartial(partial)
        .withFailOn(failOn)
        .withJudged(judged())
        .withIgnored(ignored)
        .withLive(live);
  }
}
