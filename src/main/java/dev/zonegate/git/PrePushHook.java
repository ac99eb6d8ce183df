package dev.zonegate.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * Writes {@code pre-push} into the repository's hooks directory (honouring {@code core.hooksPath})
 * and touches nothing else (docs/ci-and-hooks.md). A hook that is not ours is refused, or with {@code force}
 * kept as {@code pre-push.zonegate-chained} and run first with the same input. Installing twice
 * changes nothing.
 */
public final class PrePushHook {
  public static final String MARKER = "# zonegate pre-push hook";
  public static final String CHAINED = "pre-push.zonegate-chained";

  /** What installing did, for the one line the command prints. */
  public enum Outcome {
    INSTALLED,
    UNCHANGED,
    UPDATED,
    CHAINED
  }

  private PrePushHook() {}

  /** The hooks directory git uses for this repository. */
  public static Path hooksDir(GitRepo repo) throws GitException {
    FileBasedConfig config = new FileBasedConfig(repo.gitDir().resolve("config").toFile(), FS.DETECTED);
    try {
      config.load();
    } catch (IOException | ConfigInvalidException e) {
      throw new GitException("cannot read " + repo.gitDir().resolve("config") + ": " + e.getMessage(), e);
    }
    String hooksPath = config.getString("core", null, "hooksPath");
    if (hooksPath == null || hooksPath.isBlank()) {
      return repo.gitDir().resolve("hooks");
    }
    Path p = Path.of(hooksPath.startsWith("~/") ? System.getProperty("user.home") + hooksPath.substring(1) : hooksPath);
    if (p.isAbsolute()) {
      return p;
    }
    Path base = repo.workTree() != null ? repo.workTree() : repo.gitDir();
    return base.resolve(p).normalize();
  }

  /** The class-data archive beside the hook: JVM start for a push is the hook's main cost. */
  public static final String ARCHIVE = "zonegate.jsa";

  /**
   * JVM options for a short run: C1 only, on one compiler thread (a second takes a core from the
   * run's own threads for longer than its code pays back), the small collector, no log lines on
   * stdout.
   */
  public static final List<String> SHORT_RUN =
      List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-Xlog:disable");

  /**
   * Whether a Java of this feature release keeps an AOT cache (JEP 483, 514): Java 25 and later,
   * where the archive also holds the classes linked and a short run starts faster than from an
   * AppCDS archive. It is made in two steps, {@link #aotRecord} during a run and {@link #aotCreate}
   * after it.
   */
  public static boolean aotCache(int feature) {
    return feature >= 25;
  }

  /** The options that make a run record what it loads and links into {@code configuration}. */
  public static List<String> aotRecord(Path configuration) {
    // Recording ends with a line on the JVM's own output that no option of -Xlog silences.
    return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration, "-XX:+UnlockDiagnosticVMOptions",
        "-XX:-DisplayVMOutput");
  }

  /** The options that make {@code cache} from a recorded {@code configuration} (no main class). */
  public static List<String> aotCreate(Path configuration, Path cache) {
    return List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + cache, "-Xlog:disable");
  }

  /**
   * The {@code zonegate} a hook should run instead of a copy: the first executable of that name
   * in an absolute directory of {@code pathVariable} (a relative one, such as {@code .}, would
   * run whatever the repository being pushed holds), or null.
   */
  public static Path onPath(String pathVariable) {
    if (pathVariable == null) {
      return null;
    }
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (dir.isEmpty() || !Path.of(dir).isAbsolute()) {
        continue;
      }
      Path candidate = Path.of(dir, "zonegate");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** The start both scripts share: what the hook is, and the chained hook run first. */
  private static StringBuilder header(String runs) {
    return new StringBuilder("#!/bin/sh\n")
        .append(MARKER).append(": installed by `zonegate hook install`.\n")
        .append("# It judges what you push before it leaves; `git push --no-verify` skips it.\n")
        .append("# ").append(runs).append('\n')
        .append("# Anything but zonegate's own pass refuses the push: a missing zonegate or Java, a JVM\n")
        .append("# that cannot start, out of memory, a crash.\n")
        .append("# ZONEGATE_JAVA_OPTS adds JVM options (a larger heap: -Xmx4g).\n")
        .append("input=$(cat)\n")
        .append("chained=\"$(dirname \"$0\")/").append(CHAINED).append("\"\n")
        .append("if [ -x \"$chained\" ]; then\n")
        .append("  printf '%s\\n' \"$input\" | \"$chained\" \"$@\" || exit $?\n")
        .append("fi\n")
        .append("reinstall=\"run 'zonegate hook install --force' again with a working zonegate, or push with --no-verify to skip the check\"\n");
  }

  private static String args(List<String> extraArgs) {
    StringBuilder args = new StringBuilder();
    for (String a : extraArgs) {
      args.append(' ').append(quote(a));
    }
    return args.toString();
  }

  /**
   * The hook script that runs an installed {@code zonegate} (its launcher, found on the PATH when
   * the hook was installed), so the hook costs no disk and follows upgrades of that zonegate. The
   * launcher already makes every failure of Java exit 2; the hook makes anything but a pass or a
   * block 2 as well (a launcher that is gone is 127 from the shell).
   */
  public static String launcherScript(Path zonegate, List<String> extraArgs) {
    return header("It runs the zonegate installed at " + zonegate + " (a release or a build).")
        .append("zonegate=").append(quote(zonegate.toString())).append('\n')
        .append("if [ ! -x \"$zonegate\" ]; then\n")
        .append("  echo \"zonegate: error: the pre-push hook's zonegate ($zonegate) is gone, so the push is not checked and is refused; $reinstall\" >&2\n")
        .append("  exit 2\n")
        .append("fi\n")
        .append("printf '%s\\n' \"$input\" | \"$zonegate\" hook pre-push").append(args(extraArgs)).append(" \"$@\"\n")
        .append("rc=$?\n")
        .append("case $rc in\n")
        .append("  0|1|2) exit $rc ;;\n")
        .append("esac\n")
        .append("echo \"zonegate: error: $zonegate stopped before it could decide (exit $rc), so the push is refused; $reinstall\" >&2\n")
        .append("exit 2\n")
        .toString();
  }

  /**
   * The hook script that runs zonegate with this very Java and class path, passing git's
   * arguments and standard input; {@code extraArgs} (such as {@code --config FILE}) follow
   * {@code pre-push}. When zonegate runs from a jar, the script uses an AppCDS archive beside it,
   * and writes a new one on the next run whenever the jar is newer than the archive, so an
   * upgrade never leaves a stale archive in the way. zonegate exits 100 + its code here, so its
   * verdicts are told apart from Java's own exit codes.
   */
  public static String script(String java, String classPath, List<String> extraArgs) {
    return script(java, Runtime.version().feature(), classPath, extraArgs);
  }

  /**
   * As {@link #script(String, String, List)} for a Java of the given feature release. From Java
   * 25 on the archive is an AOT cache that {@code hook install} makes (see {@link #aotCache}); the
   * hook uses it only with the Java it was made for, and runs without one otherwise.
   */
  public static String script(String java, int feature, String classPath, List<String> extraArgs) {
    boolean jar = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator);
    StringBuilder sb = header("It runs its own copy of zonegate with the Java that installed it.")
        .append("java=").append(quote(java)).append('\n')
        .append("cp=").append(quote(classPath)).append('\n')
        .append("# The Java that installed the hook, else the java on PATH (a JDK upgrade removes the first).\n")
        .append("if [ ! -x \"$java\" ] && command -v java >/dev/null 2>&1; then java=$(command -v java); fi\n")
        .append("if [ ! -x \"$java\" ]; then\n")
        .append("  echo \"zonegate: error: the pre-push hook's Java ($java) is gone, so the push is not checked and is refused; $reinstall\" >&2\n")
        .append("  exit 2\n")
        .append("fi\n");
    if (jar) {
      sb.append("if [ ! -f \"$cp\" ]; then\n")
          .append("  echo \"zonegate: error: the pre-push hook's zonegate ($cp) is gone, so the push is not checked and is refused; $reinstall\" >&2\n")
          .append("  exit 2\n")
          .append("fi\n");
    }
    String cds = "";
    boolean aot = aotCache(feature);
    if (jar && aot) {
      sb.append("jsa=\"$(dirname \"$cp\")/").append(ARCHIVE).append("\"\n")
          .append("# The AOT cache `hook install` made, for this Java and this jar only.\n")
          .append("if [ \"$java\" = ").append(quote(java)).append(" ] && [ -f \"$jsa\" ] && [ ! \"$cp\" -nt \"$jsa\" ]; ")
          .append("then cds=\"-XX:AOTCache=$jsa\"; else cds=-Xshare:auto; fi\n");
      cds = " \"$cds\"";
    } else if (jar) {
      sb.append("jsa=\"$(dirname \"$cp\")/").append(ARCHIVE).append("\"\n")
          .append("if [ -f \"$jsa\" ] && [ ! \"$cp\" -nt \"$jsa\" ]; then cds=\"-XX:SharedArchiveFile=$jsa\"; ")
          .append("else cds=\"-XX:ArchiveClassesAtExit=$jsa\"; fi\n");
      cds = " \"$cds\"";
    }
    sb.append("printf '%s\\n' \"$input\" | \"$java\"").append(cds);
    for (String o : SHORT_RUN) {
      sb.append(' ').append(o);
    }
    if (!aot || !jar) {
      sb.append(" -Xshare:auto");
    }
    sb.append(" -XX:+ExitOnOutOfMemoryError -XX:+DisplayVMOutputToStderr -Dzonegate.exit.shifted=true")
        .append(" $ZONEGATE_JAVA_OPTS")
        .append(" -cp \"$cp\" dev.zonegate.cli.Main hook pre-push").append(args(extraArgs)).append(" \"$@\"\n")
        .append("rc=$?\n")
        .append("case $rc in\n")
        .append("  100|101|102) exit $((rc - 100)) ;;\n")
        .append("  3) echo \"zonegate: error: Java ran out of memory, so the push is not checked and is refused; push with --no-verify to skip the check\" >&2 ;;\n")
        .append("  *) echo \"zonegate: error: Java stopped before zonegate could decide (exit $rc), so the push is refused; $reinstall\" >&2 ;;\n")
        .append("esac\n")
        .append("exit 2\n");
    return sb.toString();
  }

  public static Outcome install(Path hooksDir, String script, boolean force) throws IOException, GitException {
    Files.createDirectories(hooksDir);
    Path hook = hooksDir.resolve("pre-push");
    Outcome outcome = Outcome.INSTALLED;
    if (Files.exists(hook)) {
      String existing = Files.readString(hook, StandardCharsets.ISO_8859_1);
      if (existing.equals(script)) {
        return Outcome.UNCHANGED;
      }
      if (existing.contains(MARKER)) {
        outcome = Outcome.UPDATED;
      } else if (!force) {
        throw new GitException(
            "a pre-push hook already exists at " + hook + "; pass --force to keep it (as " + CHAINED
                + ", run first) and add zonegate after it");
      } else {
        Path chained = hooksDir.resolve(CHAINED);
        if (Files.exists(chained)) {
          throw new GitException(chained + " already exists; move it away before chaining another hook");
        }
        Files.move(hook, chained, StandardCopyOption.ATOMIC_MOVE);
        outcome = Outcome.CHAINED;
      }
    }
    Path tmp = hooksDir.resolve("pre-push.zonegate-tmp");
    Files.writeString(tmp, script, StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(
          tmp,
          EnumSet.of(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
              PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
              PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
    } catch (UnsupportedOperationException e) {
      tmp.toFile().setExecutable(true);
    }
    Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return outcome;
  }

  /** Single-quotes for sh. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
