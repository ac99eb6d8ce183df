package dev.zonegate.cli;

import dev.zonegate.gate.Gate;
import dev.zonegate.model.Zone;
import dev.zonegate.report.Report;
import dev.zonegate.report.ReportWriter;
import dev.zonegate.util.Background;
import dev.zonegate.util.Timings;
import dev.zonegate.zone.CheckNames;
import dev.zonegate.zone.ZoneFiles;
import dev.zonegate.zone.ZoneFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zonegate diff OLD NEW}: two zone files in, the rules' verdict and the changes out. */
@Command(
    name = "diff",
    description = {
      "Compare OLD (what is live) with NEW (what is proposed), run the rules, report.",
      "Exit 0 pass, 1 blocked, 2 could not decide."
    })
final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OLD", description = "Zone file or snapshot now live; - reads standard input, and <(git show main:zones/x.zone) works too.")
  String oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "Zone file proposed; - reads standard input.")
  String newFile;

  @Option(names = "--origin", paramLabel = "NAME", description = "Zone name; default: the SOA owner, else the first $ORIGIN, else the file name.")
  String origin;

  @Option(names = "--format-in", paramLabel = "FORMAT", description = "Input format for both files: master, octodns or route53; default: by file extension.")
  String formatIn;

  @Option(
      names = "--check-names",
      paramLabel = "MODE",
      description = "What the server loading a master file does with a name check-names finds (a_b A ...): fail (named's default: the file does not load), warn or ignore, as its named.conf says.")
  String checkNames;

  @Option(
      names = "--include-directory",
      paramLabel = "DIR",
      description = "Where the server loading a master file takes relative $INCLUDE paths from (named's directory in named.conf), a directory in the files' repository; default: the including file's own directory.")
  Path includeDirectory;

  @Option(
      names = "--server-directory",
      paramLabel = "PATH",
      description = "The same directory as the server sees it (named's directory, such as /etc/bind): an absolute $INCLUDE path below it is read from --include-directory.")
  String serverDirectory;

  @Mixin GateOptions gate = new GateOptions();

  @Mixin ReportOptions reports = new ReportOptions();

  @Override
  public Integer call() throws Exception {
    ZoneFormat forced = formatIn == null ? null : ZoneFormat.parse(formatIn);
    CheckNames names = checkNames == null ? null : CheckNames.parse(checkNames);
    // Loading the rules (YAML, and CEL when a pack has expressions) overlaps reading the zones.
    Background<Gate, Exception> rules = Background.start("zonegate-rules", gate::newGate);
    long t = System.nanoTime();
    // A large OLD read well before NEW (NEW read as its line edits) is fingerprinted meanwhile.
    AtomicReference<Gate.Early> oldPrint = new AtomicReference<>();
    Consumer<Zone> early = reports.needsFingerprints() ? z -> oldPrint.set(Gate.fingerprintEarly(z)) : null;
    ZoneFiles.Pair pair = ZoneFiles.readPair(oldFile, newFile, origin == null ? null : Origins.absolute(origin), forced, Context.in(), names, includeDirectory, serverDirectory, early);
    Timings.add("read", t);
    Gate g = rules.join().fingerprints(reports.needsFingerprints()).fingerprintedEarly(oldPrint.get());
    g.judge(new Gate.Subject(pair.origin(), pair.before(), pair.after(), pair.afterError(), List.of(), pair.afterFormat(), pair.afterFile()));
    Map<String, String> judged = new LinkedHashMap<>();
    judged.put("old", oldFile.equals("-") ? ZoneFiles.STDIN : oldFile);
    judged.put("new", newFile.equals("-") ? ZoneFiles.STDIN : newFile);
    // Two files have no commits and no merge request: only --allow lets a finding through.
    Report report = g.report().judgedFirst(judged).withAllowRoutes(EnumSet.of(Report.AllowRoute.FLAG));
    for (var n : report.notices()) {
      Context.err().println("zonegate: warning: " + n);
    }
    reports.write(report);
    return report.verdict().exitCode();
  }
}
