package dev.zonegate.zone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.zonegate.testing.BindPrograms;

/**
 * BIND's {@code named-checkzone} as the oracle of what {@code named} loads, run with the checks a
 * primary zone gets from {@code named}'s own defaults (see docs/fidelity-bind.md, "The oracle"):
 *
 * <ul>
 *   <li>{@code -k fail}: {@code check-names primary} is {@code fail} in named, {@code warn} in
 *       named-checkzone; a host name with an underscore makes named refuse the zone.
 *   <li>{@code -i local}: {@code check-integrity yes} and {@code check-sibling yes}, named's
 *       defaults, look only at names inside the zone (an in-zone NS target without an address
 *       refuses it); {@code full} would also resolve out-of-zone MX, SRV and NS targets through the
 *       system resolver, which named never does when it loads a zone (and which only warns).
 *   <li>{@code -m warn -M warn -n warn -r warn -S warn -T warn -W warn}: named's defaults for
 *       {@code check-mx}, {@code check-mx-cname}, the NS-is-an-address check, {@code
 *       check-dup-records}, {@code check-srv-cname}, {@code check-spf} and {@code check-wildcard}
 *       only log, so they must not refuse here either.
 * </ul>
 *
 * <p>Without the program the calling test is skipped with a message naming what is missing, unless
 * {@code ZONEGATE_REQUIRE_NAMED=1} (set in CI, which installs bind9), where it fails instead, as
 * {@code NamedServer} does.
 */
public final class NamedCheckzone {
  /** The options that make named-checkzone refuse exactly what named refuses for a primary zone. */
  public static final List<String> NAMED_DEFAULTS =
      List.of("-k", "fail", "-i", "local", "-m", "warn", "-M", "warn", "-n", "warn", "-r", "warn",
          "-S", "warn", "-T", "warn", "-W", "warn");

  private final Path program;

  private NamedCheckzone(Path program) {
    this.program = program;
  }

  /** What named-checkzone made of one zone: exit code 0 means named would load it. */
  public record Verdict(boolean accepted, String messages, String dump) {}

  /**
   * The oracle; skips the calling test (JUnit assumption) when named-checkzone is not installed,
   * or fails it when {@code ZONEGATE_REQUIRE_NAMED=1}.
   */
  public static NamedCheckzone require() {
    return new NamedCheckzone(
        BindPrograms.require(
            "named-checkzone",
            "named-checkzone (Debian package bind9-utils) is not installed: the BIND differential"
                + " check is skipped",
            Path.of("/usr/bin/named-checkzone"),
            Path.of("/usr/sbin/named-checkzone"),
            Path.of("/usr/local/sbin/named-checkzone")));
  }

  /**
   * Checks {@code file} (relative to {@code dir}, which is also the directory {@code $INCLUDE}
   * paths are relative to, as named's {@code directory}) as zone {@code origin}; when it loads,
   * {@link Verdict#dump} is the zone in named's canonical text form ({@code -D}).
   */
  public Verdict check(Path dir, String file, String origin) throws IOException, InterruptedException {
    return check(dir, file, origin, CheckNames.FAIL);
  }

  /**
   * As {@link #check(Path, String, String)} for a server whose {@code check-names primary} is
   * {@code checkNames} ({@code -k}) instead of named's default.
   */
  public Verdict check(Path dir, String file, String origin, CheckNames checkNames)
      throws IOException, InterruptedException {
    Path dump = Files.createTempFile(dir, "named-dump", ".txt");
    List<String> cmd = new ArrayList<>();
    cmd.add(program.toString());
    cmd.addAll(NAMED_DEFAULTS);
    cmd.set(cmd.indexOf("-k") + 1, checkNames.word());
    cmd.addAll(List.of("-D", "-o", dump.toString(), origin, file));
    Process p =
        new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("named-checkzone did not finish on " + dir.resolve(file));
    }
    boolean ok = p.exitValue() == 0;
    String dumped = ok ? Files.readString(dump, StandardCharsets.ISO_8859_1) : "";
    Files.deleteIfExists(dump);
    return new Verdict(ok, new String(out, StandardCharsets.ISO_8859_1), dumped);
  }
}
