package dev.zonegate.bench;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.gate.Gate;
import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.report.JsonRenderer;
import dev.zonegate.report.Report;
import dev.zonegate.rules.RulePack;
import dev.zonegate.rules.RuleSet;
import dev.zonegate.rules.Severity;
import dev.zonegate.zone.BenchAccess;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.ZoneFormat;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stages of {@code zonegate diff} one at a time, on the zone pair bench/GenZones.java makes
 * (same generator, same bytes): parse, diff, rules, JSON report. Each benchmark starts from what
 * the stage before it produced, prepared once in {@link #setup()}, so a row is that stage alone.
 *
 * <p>Build and run: {@code mvn -Pjmh -DskipTests package && java -jar target/zonegate-jmh.jar
 * StagesBenchmark} (see src/jmh/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class StagesBenchmark {
  static final String FILE = "bench.example.zone";

  /** Records in each zone of the pair, as {@code java bench/GenZones.java RECORDS DIR}. */
  @Param({"10000", "100000"})
  public int records;

  private MemoryTree treeA;
  private MasterFileReader fast;
  private MasterFileReader dnsjava;
  private Zone a;
  private Zone b;
  private RuleSet rules;
  private Report report;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    treeA = new MemoryTree(Map.of(FILE, generate(records, false)));
    MemoryTree treeB = new MemoryTree(Map.of(FILE, generate(records, true)));
    fast = new MasterFileReader();
    dnsjava = BenchAccess.dnsjavaOnly();
    a = fast.read(treeA, FILE, null);
    b = fast.read(treeB, FILE, null);
    // parseMaster must measure the fast path and parseDnsjavaOnly the reference, on equal zones.
    if (BenchAccess.fastPathFiles(fast) != 2) {
      throw new IllegalStateException("the fast reader declined the generated zone");
    }
    Zone ref = dnsjava.read(treeA, FILE, null);
    if (!ref.equals(a) || ref.recordCount() != a.recordCount()) {
      throw new IllegalStateException("dnsjava and the fast reader disagree on the generated zone");
    }
    rules = RuleSet.of(List.of(RulePack.defaults()));
    report = judge();
    if (report.changes().isEmpty()) {
      throw new IllegalStateException("the generated pair has no changes");
    }
  }

  /** MasterFileReader as zonegate uses it (fast path first) on one file in memory. */
  @Benchmark
  public Zone parseMaster() throws Exception {
    return fast.read(treeA, FILE, null);
  }

  /** The same file through dnsjava's Master only: the reference the fast path is tested against. */
  @Benchmark
  public Zone parseDnsjavaOnly() throws Exception {
    return dnsjava.read(treeA, FILE, null);
  }

  /** RRset-level diff of the two pre-read zones. */
  @Benchmark
  public List<Change> diff() {
    return ZoneDiff.diff(a, b);
  }

  /**
   * The default rule pack through Gate on the pre-read zones, up to the Report: Gate.judge diffs
   * (ZoneDiff.effective), runs the rules and fingerprints both zones; report() decides the verdict.
   */
  @Benchmark
  public Report rules() {
    return judge();
  }

  /** The JSON report of the pair (the Report is built once, in setup) into a null Writer. */
  @Benchmark
  public Writer renderJson() throws IOException {
    Writer out = Writer.nullWriter();
    new JsonRenderer().render(report, out);
    return out;
  }

  private Report judge() {
    Gate g = new Gate(rules, List.of(), Severity.BLOCK);
    g.judge(new Gate.Subject(b.origin(), a, b, null, List.of(), ZoneFormat.MASTER, new Location(FILE, 0)));
    return g.report();
  }

  /**
   * The bytes bench/GenZones.java writes for {@code (n, changed)}, from GenZones itself: the jmh
   * profile compiles bench/ with these sources, and GenZones lives in the default package (so
   * that `java bench/GenZones.java` runs it), which only reflection reaches.
   */
  static byte[] generate(int n, boolean changed) throws ReflectiveOperationException {
    StringBuilder w = new StringBuilder(n * 40);
    Method write = Class.forName("GenZones").getDeclaredMethod("write", int.class, Appendable.class, boolean.class);
    write.setAccessible(true);
    write.invoke(null, n, w, changed);
    return w.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
