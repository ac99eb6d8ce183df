package dev.zonegate.cli;

import dev.zonegate.diff.ZoneDiff;
import dev.zonegate.model.Notice;
import dev.zonegate.report.Report;
import dev.zonegate.report.ReportWriter;
import dev.zonegate.zone.ZoneFiles;
import dev.zonegate.zone.ZoneFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zonegate diff OLD NEW}: two zone files in, the changes out. No git, no config. */
@Command(
    name = "diff",
    description = "Compare OLD (what is live) with NEW (what is proposed) and report the changes.")
final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OLD", description = "Zone file or snapshot now live.")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "Zone file proposed.")
  Path newFile;

  @Option(names = "--origin", paramLabel = "NAME", description = "Zone name; default: the SOA owner, else the file name.")
  String origin;

  @Option(names = "--format-in", paramLabel = "FORMAT", description = "Input format for both files: master, octodns or route53; default: by file extension.")
  String formatIn;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: text, json, markdown (repeatable).")
  List<String> formats = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for report files.")
  Path out;

  @Override
  public Integer call() throws Exception {
    ZoneFormat forced = formatIn == null ? null : ZoneFormat.parse(formatIn);
    String o = origin == null ? null : Origins.absolute(origin);
    ZoneFiles.Pair pair = ZoneFiles.readPair(oldFile, newFile, o, forced);
    List<Notice> notices = new ArrayList<>(pair.before().notices());
    notices.addAll(pair.after().notices());
    for (Notice n : notices) {
      Context.err().println("zonegate: warning: " + n);
    }
    Report report =
        new Report(List.of(pair.after().origin()), ZoneDiff.diff(pair.before(), pair.after()), notices);
    ReportWriter.write(report, formats.isEmpty() ? List.of("text") : formats, out, Context.out());
    return report.verdict().equals("pass") ? Main.PASS : Main.BLOCK;
  }
}
