package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.RRset;
import dev.zonegate.model.Zone;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * zonegate's master-file reader against BIND: every case of {@link BindCorpus} is checked by
 * {@code named-checkzone} with named's defaults for a primary zone ({@link NamedCheckzone}) and
 * read by {@link MasterFileReader}. Both must accept or both refuse; when both accept, the records
 * (owner, type, TTL, rdata) must be the same. A disagreement is allowed only for the case ids in
 * {@link #KNOWN}, the same list as docs/fidelity-bind.md; an entry there that no longer disagrees
 * fails the test too, so the list stays true. Without named-checkzone the test is skipped with a
 * message ({@code ZONEGATE_REQUIRE_NAMED=1} makes it fail instead).
 */
class BindDifferentialTest {
  /**
   * The known differences, each a decision (docs/fidelity-bind.md, "Known differences"). Key: case
   * id; value: why zonegate reads it differently from named.
   */
  static final Map<String, String> KNOWN = new TreeMap<>();

  // The reasons, one per entry of docs/fidelity-bind.md "Known differences".
  private static final String INCLUDE_PATH =
      "1. $INCLUDE is relative to the including file and confined to the repository";
  private static final String OBSOLETE_TYPES =
      "2. WKS and ATMA forms zonegate does not read; write them as RFC 3597 \\# hex";

  private static void known(String reason, String... ids) {
    for (String id : ids) {
      KNOWN.put(id, reason);
    }
  }


  static {
    known(INCLUDE_PATH, "include/nested", "include/nested-beside", "include/nested-both");
    known(OBSOLETE_TYPES, "wks/0", "wks/3", "atma/0", "atma/1");
  }

  @TempDir Path dir;

  /** How one case came out. */
  record Outcome(BindCorpus.Case c, NamedCheckzone.Verdict named, String zonegate, String reference,
      String content) {
    boolean namedAccepts() {
      return named.accepted();
    }

    boolean zonegateAccepts() {
      return zonegate == null;
    }

    /** Null when both agree; else what differs. */
    String disagreement() {
      if (!Objects.equals(zonegate, reference)) {
        return "fast path and dnsjava path differ: " + zonegate + " / " + reference;
      }
      if (namedAccepts() && !zonegateAccepts()) {
        return "zonegate refuses what named loads: " + zonegate;
      }
      if (!namedAccepts() && zonegateAccepts()) {
        return "zonegate accepts what named refuses: " + lastLines(named.messages());
      }
      return content;
    }
  }

  @Test
  void zonegateReadsMasterFilesAsNamedCheckzoneDoes() throws Exception {
    agreeOnTheCorpus(CheckNames.FAIL);
  }

  /**
   * A server set to {@code check-names primary ignore} loads the names named's default refuses;
   * zonegate, told so, reads every case as {@code named-checkzone -k ignore} does, with the same
   * known differences.
   */
  @Test
  void withCheckNamesIgnoreZonegateReadsTheCorpusAsNamedCheckzoneDoes() throws Exception {
    agreeOnTheCorpus(CheckNames.IGNORE);
  }

  /**
   * Under {@code check-names primary warn} named loads what check-names finds and warns: each case
   * zonegate refuses by check-names alone loads under {@code named-checkzone -k warn} and reads in
   * zonegate told so, with the same records, and with one notice naming the first such record.
   */
  @Test
  void withCheckNamesWarnWhatCheckNamesFindsLoadsWithANotice() throws Exception {
    NamedCheckzone named = NamedCheckzone.require();
    List<BindCorpus.Case> cases = new ArrayList<>();
    for (BindCorpus.Case c : BindCorpus.all()) {
      Path caseDir = dir.resolve("fail-" + cases.size());
      write(c, caseDir);
      try {
        new MasterFileReader().read(new DirectoryTree(caseDir), "zone.db", BindCorpus.ORIGIN);
      } catch (ZoneReadException e) {
        if (e.problem().endsWith(BindChecks.REFUSED)) {
          cases.add(c);
        }
      }
    }
    assertThat(cases).as("cases zonegate refuses by check-names").hasSizeGreaterThan(10);
    List<String> wrong = new ArrayList<>();
    int loaded = 0;
    for (int i = 0; i < cases.size(); i++) {
      BindCorpus.Case c = cases.get(i);
      Path caseDir = dir.resolve("warn-" + i);
      Outcome o = one(named, c, caseDir, CheckNames.WARN);
      String d = o.disagreement();
      if (d != null && !knownUnder(CheckNames.WARN).containsKey(c.id())) {
        wrong.add(c.id() + ": " + d);
      }
      if (d != null || !o.namedAccepts()) {
        continue; // refused by both for something else (an SOA below the apex), or a known difference
      }
      loaded++;
      Zone z = new MasterFileReader(MasterFileReader.DEFAULT_MAX_GENERATED, true, CheckNames.WARN)
          .read(new DirectoryTree(caseDir), "zone.db", BindCorpus.ORIGIN);
      if (z.notices().stream().noneMatch(n -> n.message().contains("(check-names warn)") && n.location().line() > 0)) {
        wrong.add(c.id() + ": no check-names notice with a line: " + z.notices());
      }
    }
    System.out.printf(
        "BIND differential, check-names warn: %d cases zonegate refuses by check-names, %d of them load under warn%n",
        cases.size(), loaded);
    assertThat(wrong).as("check-names warn cases").isEmpty();
    assertThat(loaded).as("cases that load under warn").isGreaterThan(10);
  }

  /**
   * The known differences under a check-names setting: the same under every one (two that showed
   * only under warn and ignore, records outside the zone, agree now).
   */
  static Map<String, String> knownUnder(CheckNames checkNames) {
    return KNOWN;
  }

  private void agreeOnTheCorpus(CheckNames checkNames) throws Exception {
    NamedCheckzone named = NamedCheckzone.require();
    List<BindCorpus.Case> cases = BindCorpus.all();
    List<Outcome> outcomes = run(named, cases, checkNames);
    Map<String, String> known = knownUnder(checkNames);
    List<String> unexpected = new ArrayList<>();
    TreeSet<String> stillDiffer = new TreeSet<>();
    int agree = 0;
    for (Outcome o : outcomes) {
      String d = o.disagreement();
      if (d == null) {
        agree++;
        continue;
      }
      if (known.containsKey(o.c().id())) {
        stillDiffer.add(o.c().id());
        continue;
      }
      unexpected.add(o.c().id() + ": " + d + "\n    " + o.c().text().replace("\n", "\n    "));
    }
    TreeSet<String> stale = new TreeSet<>(known.keySet());
    stale.removeAll(stillDiffer);
    System.out.printf(
        "BIND differential (check-names %s): %d cases, %d agree with named-checkzone, %d known differences, %d"
            + " unexpected%n",
        checkNames.word(), outcomes.size(), agree, stillDiffer.size(), unexpected.size());
    unexpected.forEach(System.out::println);
    assertThat(unexpected).as("disagreements with named-checkzone not in KNOWN").isEmpty();
    assertThat(stale).as("KNOWN entries that agree now (remove them from the list and the doc)").isEmpty();
  }

  private List<Outcome> run(NamedCheckzone named, List<BindCorpus.Case> cases, CheckNames checkNames) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        BindCorpus.Case c = cases.get(i);
        Path caseDir = dir.resolve(String.valueOf(i));
        futures.add(pool.submit(() -> one(named, c, caseDir, checkNames)));
      }
      List<Outcome> out = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static Outcome one(NamedCheckzone named, BindCorpus.Case c, Path caseDir) throws Exception {
    return one(named, c, caseDir, CheckNames.FAIL);
  }

  static Outcome one(NamedCheckzone named, BindCorpus.Case c, Path caseDir, CheckNames checkNames) throws Exception {
    return one(named, c, caseDir, checkNames, null);
  }

  /**
   * With {@code includeDirectory} set to named-checkzone's working directory (the case's
   * directory, {@code ""}), as a zone's {@code includeDirectory} says where its server's
   * {@code directory} is, every {@code $INCLUDE} case agrees: the known difference of
   * {@code $INCLUDE} paths is only what zonegate assumes when it is not told.
   */
  @Test
  void withTheIncludeDirectoryNamedsOwnEveryIncludeCaseAgrees() throws Exception {
    NamedCheckzone named = NamedCheckzone.require();
    List<String> wrong = new ArrayList<>();
    int n = 0;
    for (BindCorpus.Case c : BindCorpus.all()) {
      if (!c.id().startsWith("include/")) {
        continue;
      }
      Outcome o = one(named, c, dir.resolve("dir-" + n++), CheckNames.FAIL, new IncludeDirectory("", null));
      if (o.disagreement() != null) {
        wrong.add(c.id() + ": " + o.disagreement());
      }
    }
    System.out.printf("BIND differential, includeDirectory as named's: %d $INCLUDE cases, %d disagree%n", n, wrong.size());
    assertThat(n).isGreaterThan(20);
    assertThat(wrong).isEmpty();
  }

  static Outcome one(NamedCheckzone named, BindCorpus.Case c, Path caseDir, CheckNames checkNames, IncludeDirectory includeDirectory)
      throws Exception {
    write(c, caseDir);
    NamedCheckzone.Verdict v = named.check(caseDir, "zone.db", BindCorpus.ORIGIN, checkNames);
    DirectoryTree tree = new DirectoryTree(caseDir);
    String fast = null;
    String ref = null;
    Zone zone = null;
    try {
      zone = new MasterFileReader(MasterFileReader.DEFAULT_MAX_GENERATED, true, checkNames, includeDirectory)
          .read(tree, "zone.db", BindCorpus.ORIGIN);
      fast = BindZoneChecks.loadProblem(zone);
    } catch (ZoneReadException e) {
      fast = describe(e);
    }
    try {
      ref = BindZoneChecks.loadProblem(new MasterFileReader(MasterFileReader.DEFAULT_MAX_GENERATED, false, checkNames, includeDirectory)
          .read(tree, "zone.db", BindCorpus.ORIGIN));
    } catch (ZoneReadException e) {
      ref = describe(e);
    }
    String content = null;
    if (v.accepted() && zone != null) {
      content = compareContent(v.dump(), zone);
    }
    return new Outcome(c, v, fast, ref, content);
  }

  /** The case's zone.db and the files it includes, in {@code caseDir}. */
  static void write(BindCorpus.Case c, Path caseDir) throws IOException {
    Files.createDirectories(caseDir);
    Files.write(caseDir.resolve("zone.db"), c.text().getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, String> f : c.files().entrySet()) {
      Path p = caseDir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The error as zonegate reports it; one without a line in the file is itself a disagreement. */
  private static String describe(ZoneReadException e) {
    if (e.location() == null || e.location().line() <= 0) {
      return "(no line) " + e.getMessage();
    }
    return e.getMessage();
  }

  /** Null when named's dump and zonegate's zone hold the same records with the same TTLs. */
  static String compareContent(String dump, Zone zone) {
    Map<String, Long> theirs;
    try {
      theirs = records(dump);
    } catch (IOException | RuntimeException e) {
      return "named's dump does not read back through dnsjava: " + e.getMessage();
    }
    Map<String, Long> ours = new TreeMap<>();
    for (RRset s : zone.sets()) {
      for (String rdata : s.rdata()) {
        ours.put(s.name() + " " + s.type() + " " + rdata, s.ttl());
      }
    }
    if (ours.equals(theirs)) {
      return null;
    }
    StringBuilder sb = new StringBuilder("records differ:");
    for (Map.Entry<String, Long> e : theirs.entrySet()) {
      Long o = ours.get(e.getKey());
      if (!e.getValue().equals(o)) {
        sb.append("\n    named:    ").append(e.getValue()).append(' ').append(e.getKey());
        sb.append("\n    zonegate: ").append(o == null ? "(none)" : o + " " + e.getKey());
      }
    }
    for (Map.Entry<String, Long> e : ours.entrySet()) {
      if (!theirs.containsKey(e.getKey())) {
        sb.append("\n    named:    (none)\n    zonegate: ").append(e.getValue()).append(' ').append(e.getKey());
      }
    }
    return sb.toString();
  }

  /** named's canonical dump, read back through dnsjava and canonicalised as zonegate does. */
  static Map<String, Long> records(String dump) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Master m = new Master(new ByteArrayInputStream(dump.getBytes(StandardCharsets.ISO_8859_1)), Name.root, 0)) {
      Record r;
      while ((r = m.nextRecord()) != null) {
        Record c = Canonical.canonicalize(r);
        out.put(Canonical.name(c.getName()) + " " + Type.string(c.getType()) + " " + Canonical.rdataOf(c), c.getTTL());
      }
    }
    return out;
  }

  private static String lastLines(String s) {
    String t = s.strip();
    String[] lines = t.split("\n");
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
      sb.append(sb.length() == 0 ? "" : " | ").append(lines[i]);
    }
    return sb.toString();
  }
}
