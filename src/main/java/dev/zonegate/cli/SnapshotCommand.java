package dev.zonegate.cli;

import dev.zonegate.gate.Snapshot;
import dev.zonegate.live.LiveRead;
import dev.zonegate.util.Timings;
import dev.zonegate.zone.ZoneWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zonegate snapshot}: the live zone as a canonical master file, to commit or diff. */
@Command(name = "snapshot", description = {"Write a zone as its live source serves it, as a canonical master file.", "Exit 0, or 2 when live cannot be read."})
final class SnapshotCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "DIR", description = "The repository's working tree (default: the current directory).")
  Path repo = Path.of(".");

  @Mixin ConfigChoice config = new ConfigChoice();

  @Option(names = "--zone", required = true, paramLabel = "NAME", description = "The zone to read.")
  String zone;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Override
  public Integer call() throws Exception {
    ConfigChoice c = config.checked();
    LiveRead live = Snapshot.run(repo, c.zonegate, c.octodns, zone, Context.env());
    for (var d : live.disagreements()) {
      Context.err().println("zonegate: warning: the live servers disagree about " + d.name() + " " + d.type() + ": " + d.answers());
    }
    long t = System.nanoTime();
    String text = ZoneWriter.write(live.zone());
    if (output == null) {
      Context.out().print(text);
      Context.out().flush();
    } else {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    }
    Timings.add("write", t);
    return Main.PASS;
  }
}
