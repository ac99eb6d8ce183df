package dev.zonegate.zone;

import static dev.zonegate.zone.OctoDnsAgreement.KNOWN;
import static dev.zonegate.zone.OctoDnsAgreement.compare;
import static dev.zonegate.zone.OctoDnsAgreement.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.model.Zone;
import dev.zonegate.zone.OctoDnsAgreement.Case;
import dev.zonegate.zone.OctoDnsAgreement.Disagreement;
import dev.zonegate.zone.OctoDnsAgreement.Gate;
import dev.zonegate.zone.OctoDnsAgreement.Known;
import dev.zonegate.zone.OctoDnsAgreement.Octo;
import dev.zonegate.testing.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * zonegate's octoDNS reader against octoDNS 1.22 itself: every octoDNS YAML fixture of this
 * repository, octoDNS's own test zones, and the generated cases of {@link OctoDnsCases} are loaded
 * by both, and both must give the same RRsets (owner, type, TTL, values as canonical rdata) and
 * the same accept or reject. octoDNS runs once, in one Python process, for all cases
 * ({@link OctoDnsPeer}); without it the test is skipped with a message, or fails where
 * {@code ZONEGATE_REQUIRE_OCTODNS=1}.
 *
 * <p>A disagreement fails the test unless it is one of the known differences
 * ({@link OctoDnsAgreement#KNOWN}), each of which says why (and is described in
 * docs/fidelity-octodns.md). A known difference that no case
 * shows any more fails the test too, so the list stays true.
 *
 * <p>The figures (cases per source, agreement, each known difference) are printed.
 */
class OctoDnsDifferentialTest {
  private static final Path FIXTURES = Path.of("testdata");
  private static final Path RESOURCES = Path.of("src/test/resources");

  @TempDir static Path work;

  private static List<Case> cases;
  private static Map<String, JsonNode> octodns;

  @BeforeAll
  static void runOctoDns() throws Exception {
    OctoDnsPeer.require();
    cases = new ArrayList<>();
    fixtures();
    corpus();
    generated();
    List<OctoDnsPeer.Request> requests = new ArrayList<>();
    for (Case c : cases) {
      requests.add(new OctoDnsPeer.Request(c.id(), c.zone(), c.root().resolve(c.file()), c.options()));
    }
    octodns = OctoDnsPeer.load(requests, work);
  }

  // ---------------------------------------------------------------- the test

  @Test
  void zonegateReadsOctoDnsYamlAsOctoDnsDoes() throws Exception {
    Map<String, Integer> bySource = new TreeMap<>();
    Map<String, Integer> byKnown = new LinkedHashMap<>();
    KNOWN.forEach(k -> byKnown.put(k.name(), 0));
    List<String> failures = new ArrayList<>();
    int agree = 0;
    for (Case c : cases) {
      bySource.merge(c.source(), 1, Integer::sum);
      JsonNode result = octodns.get(c.id());
      assertThat(result).as("octoDNS result for " + c.id()).isNotNull();
      Octo o = Octo.of(result, c.zone());
      Gate g = Gate.of(c);
      Disagreement d = compare(c, o, g);
      if (System.getenv("OCTODNS_DIFF_DUMP") != null) {
        System.out.println("CASE " + c.id() + "\n    octoDNS:  " + o.summary() + "\n    zonegate: " + g.summary());
      }
      String lenient = lenientProblem(c, o);
      if (lenient != null) {
        failures.add(c.id() + ": readLenient " + lenient + "\n    octoDNS:  " + o.summary());
      }
      if (d == null) {
        agree++;
        continue;
      }
      List<Known> matches = KNOWN.stream().filter(k -> k.covers().test(d)).toList();
      if (matches.size() == 1) {
        byKnown.merge(matches.get(0).name(), 1, Integer::sum);
      } else {
        failures.add(describe(d) + (matches.size() > 1 ? " [matches several known differences]" : ""));
      }
    }
    StringBuilder report = new StringBuilder();
    report.append("octoDNS differential: ").append(cases.size()).append(" cases (");
    report.append(bySource.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    report.append("): ").append(agree).append(" agree, ");
    int known = byKnown.values().stream().mapToInt(Integer::intValue).sum();
    report.append(known).append(" known differences (");
    report.append(byKnown.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    report.append("), ").append(failures.size()).append(" disagreements");
    System.out.println(report);
    failures.forEach(System.out::println);
    List<String> stale = byKnown.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    assertThat(failures).as(report + "\n" + String.join("\n", failures)).isEmpty();
    assertThat(stale).as("known differences no case shows any more; drop them from KNOWN and the doc").isEmpty();
  }

  /**
   * octoDNS's own test zones are among the cases compared above; where the shared corpus is not
   * beside the checkout they are not, and this test is reported skipped with the reason (failed
   * where {@code ZONEGATE_REQUIRE_CORPUS=1}) rather than the comparison shrinking unsaid.
   */
  @Test
  void octoDnsOwnTestZonesAreAmongTheCases() {
    Require.corpus("octodns-tests-config");
    assertThat(cases).filteredOn(c -> c.source().equals("corpus")).hasSizeGreaterThan(10);
  }

  /**
   * For a lenient case, zonegate's {@code readLenient}: where octoDNS loads the zone it must give
   * the same RRsets (bar values that are not DNS data, which it skips); where octoDNS fails, it
   * must either fail too or say what it skipped. Null when that holds.
   */
  private static String lenientProblem(Case c, Octo o) throws IOException {
    if (!c.options().lenient()) {
      return null;
    }
    Zone z;
    try {
      z = new OctoDnsYamlReader(c.options()).readLenient(new DirectoryTree(c.root()), c.file(), c.zone());
    } catch (ZoneReadException e) {
      return o.ok() ? "refuses what octoDNS loads: " + e.getMessage() : null;
    }
    Map<String, String> sets = Gate.sets(z);
    if (o.ok()) {
      return sets.equals(o.sets()) ? null : "differs: " + sets;
    }
    boolean skipped = z.notices().stream().anyMatch(n -> n.message().endsWith("; skipped"));
    return skipped ? null : "reads what octoDNS refuses without a notice of what it skipped: " + sets;
  }

  // ---------------------------------------------------------------- the cases

  private static void add(String id, String source, Path root, String file, String zone, OctoDnsOptions o) {
    cases.add(new Case(id, source, root, file, zone, o));
  }

  /** This repository's octoDNS YAML: as YamlProvider reads them, and with no order enforced. */
  private static void fixtures() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(FIXTURES.resolve("formats/example.com.yaml"));
    try (Stream<Path> s = Files.walk(FIXTURES.resolve("octodns-repo"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    try (Stream<Path> s = Files.walk(FIXTURES.resolve("scenarios"))) {
      s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("expected.yaml"))
          .sorted()
          .forEach(files::add);
    }
    try (Stream<Path> s = Files.walk(RESOURCES.resolve("octodns"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    try (Stream<Path> s = Files.walk(RESOURCES.resolve("dev/zonegate/fuzz/OctoDnsYamlFuzzTestInputs"))) {
      s.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    for (Path f : files) {
      if (isConfig(f)) {
        continue;
      }
      String name = f.getFileName().toString();
      String zone = name.matches(".+\\..+\\.ya?ml") ? name.replaceFirst("ya?ml$", "") : "example.com.";
      String id = "fixture/" + f.toString().replace('\\', '/');
      add(id, "fixtures", f.getParent(), name, zone, OctoDnsOptions.DEFAULTS);
      add(id + "~unordered", "fixtures", f.getParent(), name, zone, OctoDnsOptions.UNORDERED);
    }
  }

  /** octoDNS's own test zones (the zone files among its test configs), strict and lenient. */
  private static void corpus() throws IOException {
    Path corpus = Require.corpusDir().resolve("octodns-tests-config");
    if (!Files.isDirectory(corpus)) {
      return; // octoDnsOwnTestZonesAreAmongTheCases is skipped, saying so (or fails, where required)
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path f : files) {
      if (isConfig(f)) {
        continue;
      }
      String rel = corpus.relativize(f).toString().replace('\\', '/');
      String parent = f.getParent().getFileName().toString();
      String stem = f.getFileName().toString().replaceFirst("\\.yaml$", "");
      String zone =
          parent.endsWith(".") ? parent
              : parent.endsWith(".tst") ? parent.replaceFirst("\\.tst$", ".")
              : stem.contains(".") ? stem + "." : stem + ".tests.";
      add("corpus/" + rel, "corpus", corpus, rel, zone, OctoDnsOptions.DEFAULTS);
      add("corpus/" + rel + "~lenient", "corpus", corpus, rel, zone, OctoDnsOptions.DEFAULTS.withLenient(true));
    }
  }

  private static void generated() throws IOException {
    Path root = work.resolve("generated");
    int n = 0;
    for (OctoDnsCases.Gen g : OctoDnsCases.all()) {
      Path dir = root.resolve(String.format("%04d", n++));
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> f : g.files().entrySet()) {
        Files.createDirectories(dir.resolve(f.getKey()).getParent());
        Files.write(dir.resolve(f.getKey()), f.getValue());
      }
      add("gen/" + g.id(), "generated", dir, OctoDnsCases.FILE, OctoDnsCases.ZONE, g.options());
    }
  }

  /** An octoDNS main config rather than a zone file: it has providers, zones or manager. */
  private static boolean isConfig(Path f) throws IOException {
    for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
      if (line.matches("(providers|zones|manager|validators|secret_handlers|processors):.*")) {
        return true;
      }
    }
    return false;
  }
}
