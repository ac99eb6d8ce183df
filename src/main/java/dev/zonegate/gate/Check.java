package dev.zonegate.gate;

import dev.zonegate.config.ConfigException;
import dev.zonegate.config.ConfigLoader;
import dev.zonegate.config.LiveConfig;
import dev.zonegate.config.RepoConfig;
import dev.zonegate.config.ZoneConfig;
import dev.zonegate.git.GitException;
import dev.zonegate.git.GitRepo;
import dev.zonegate.git.Trailer;
import dev.zonegate.live.LiveException;
import dev.zonegate.live.LiveRead;
import dev.zonegate.live.Progress;
import dev.zonegate.model.Location;
import dev.zonegate.model.Zone;
import dev.zonegate.report.Report;
import dev.zonegate.rules.Allow;
import dev.zonegate.rules.RulePack;
import dev.zonegate.rules.RulePackException;
import dev.zonegate.rules.RulePacks;
import dev.zonegate.rules.RuleSet;
import dev.zonegate.rules.Severity;
import dev.zonegate.util.Background;
import dev.zonegate.util.Timings;
import dev.zonegate.zone.DirectoryTree;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.OctoDnsSources;
import dev.zonegate.zone.RecordingTree;
import dev.zonegate.zone.SourceTree;
import dev.zonegate.zone.ZoneReadException;
import dev.zonegate.zone.ZoneReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * {@code zonegate check} on a git repository (docs/exit-codes.md, docs/ci-and-hooks.md): zones read from the base and head
 * commits (or the working tree with {@code --worktree}), only the zones the change touches, live
 * read from each zone's configured source (or taken to be base with {@code --live none}), allows
 * gathered from flags, commit trailers and merge-request labels.
 */
public final class Check {
  public static final String CONFIG_FILE = "zonegate.yaml";
  /** As {@code --base}: compare with nothing (a first push to an empty remote). */
  public static final String EMPTY_BASE = "(empty)";

  /** What the command line says. Paths outside the repository are read from disk as given. */
  public record Options(
      Path repo,
      Path config,
      Path octodnsConfig,
      String base,
      String head,
      boolean worktree,
      boolean allZones,
      String live,
      List<String> allow,
      Severity failOn,
      boolean fingerprints) {

    /**
     * What a pre-push hook judges: the pushed commit against {@code base} as committed (not the
     * work tree), only the zones it touches, no live source (a push must not wait on the network;
     * the merge request's check reads live), no flag allows (a commit trailer is a hook's way),
     * and the blocking findings block.
     */
    public static Options prePush(Path repo, Path config, Path octodnsConfig, String base, String head, boolean fingerprints) {
      return new Options(repo, config, octodnsConfig, base, head, false, false, "none", List.of(), Severity.BLOCK, fingerprints);
    }
  }

  private Check() {}

  public static Report run(Options o, Map<String, String> env)
      throws CheckException, GitException, ConfigException, RulePackException, ZoneReadException, IOException,
          LiveException {
    long t = System.nanoTime();
    try (GitRepo repo = GitRepo.open(o.repo())) {
      Timings.add("git", t);
      return run(repo, o, env);
    }
  }

  /** As {@link #run(Options, Map)}, in a repository already open ({@code o.repo()} is where it was opened). */
  public static Report run(GitRepo repo, Options o, Map<String, String> env)
      throws CheckException, GitException, ConfigException, RulePackException, ZoneReadException, IOException,
          LiveException {
    long t = System.nanoTime();
    ObjectId headId = repo.resolve(o.head() == null ? "HEAD" : o.head());
    ObjectId baseId = base(repo, headId, o, env);
    SourceTree baseTree = baseId == null ? new MemoryTree(Map.of()) : repo.tree(baseId);
    SourceTree headTree = o.worktree() ? worktree(repo) : repo.tree(headId);
    Timings.add("git", t);
    // The configs (a thousand zones' worth of YAML) are read on another thread while git answers
    // what it alone knows here; their errors still come after git's, as in one pass.
    t = System.nanoTime();
    Background<Configs, Exception> configRead = Background.start("zonegate-config", () -> configs(o, repo, baseTree, headTree));
    List<Trailer> trailers = repo.trailers(baseId, headId, Allows.TRAILER);
    Set<String> changed = o.worktree() ? null : repo.changedPaths(baseId, headId);
    Configs cfg;
    try {
      cfg = configRead.join();
    } catch (ConfigException | CheckException | IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    RuleSet rules = rules(cfg.head, headTree);
    List<Allow> allows = new ArrayList<>(Allows.flags(o.allow()));
    allows.addAll(Allows.trailers(trailers));
    allows.addAll(Allows.labels(env.get("CI_MERGE_REQUEST_LABELS")));
    Allows.requireKnown(allows, rules);
    Gate gate = new Gate(rules, allows, o.failOn()).fingerprints(o.fingerprints());
    Timings.add("config", t);
    t = System.nanoTime();
    boolean all = o.allZones() || changed == null || configChanged(cfg, changed);
    List<Callable<Gate.Subject>> work = new ArrayList<>();
    Map<String, Boolean> includes = new ConcurrentHashMap<>(); // a shared file is scanned once, not per zone
    Map<String, ZoneConfig> headZones = byName(cfg.head);
    Map<String, ZoneConfig> baseZones = byName(cfg.base);
    List<ZoneConfig> order = zones(cfg);
    // Whether an unchanged zone includes a changed file takes reading it: in a repository of a
    // thousand zones, that is most of a check's reading, so it runs on every core too. Every
    // zone's file must also be in one of the two commits (requireFile); a head file the scan has
    // read is there, so it is not looked up again. The first zone in config order that fails is
    // the one reported, as in a sequential run.
    Set<String> present = ConcurrentHashMap.newKeySet();
    List<Callable<Boolean>> tests = new ArrayList<>();
    for (ZoneConfig z : order) {
      ZoneConfig headZone = headZones.get(z.name());
      ZoneConfig baseZone = baseZones.get(z.name());
      tests.add(() -> {
        boolean touched = all || touched(headTree, headZone, baseZone, changed, includes, present);
        if (headZone == null || headZone.sources() != null || !present.contains(headZone.file())) {
          requireFile(z.name(), headZone, headTree, baseZone, baseTree);
        }
        return touched;
      });
    }
    List<Gate.Subject> subjects;
    try {
      List<Boolean> touched = Parallel.run(tests, threads());
      for (int i = 0; i < order.size(); i++) {
        if (touched.get(i)) {
          String name = order.get(i).name();
          ZoneConfig headZone = headZones.get(name);
          ZoneConfig baseZone = baseZones.get(name);
          work.add(() -> prepare(name, baseTree, baseZone, headTree, headZone, o.live(), env));
        }
      }
      // Reading and live transfers run in parallel; judging runs in config order, so the report
      // is the same bytes whatever the thread count.
      subjects = Parallel.run(work, threads());
    } catch (ZoneReadException | CheckException | LiveException | IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Timings.add("read", t);
    for (Gate.Subject s : subjects) {
      gate.judge(s);
    }
    Progress.get().done();
    Map<String, String> judged = new LinkedHashMap<>();
    judged.put("repository", env.getOrDefault("CI_PROJECT_URL", (repo.workTree() != null ? repo.workTree() : o.repo()).toString()));
    judged.put("base", baseId == null ? "(none: everything is new)"
        : baseId.abbreviate(12).name() + " (" + (o.base() != null ? o.base()
            : env.get("CI_MERGE_REQUEST_DIFF_BASE_SHA") != null ? "CI_MERGE_REQUEST_DIFF_BASE_SHA" : "merge-base") + ")");
    judged.put("head", o.worktree() ? "the working tree" : headId.abbreviate(12).name() + " (" + (o.head() == null ? "HEAD" : o.head()) + ")");
    return gate.report().judgedFirst(judged);
  }

  private static ObjectId base(GitRepo repo, ObjectId head, Options o, Map<String, String> env)
      throws GitException, CheckException {
    if (EMPTY_BASE.equals(o.base())) {
      return null;
    }
    if (o.base() != null) {
      return repo.resolve(o.base());
    }
    String mr = env.get("CI_MERGE_REQUEST_DIFF_BASE_SHA");
    if (mr != null && !mr.isBlank()) {
      return repo.resolve(mr.trim());
    }
    ObjectId upstream = repo.remoteDefaultBranch("origin");
    ObjectId mergeBase = upstream == null ? null : repo.mergeBase(head, upstream);
    if (mergeBase == null) {
      throw new CheckException(
          "cannot tell what to compare with: no $CI_MERGE_REQUEST_DIFF_BASE_SHA and no origin/HEAD, "
              + "origin/main or origin/master to take a merge-base with; pass --base REF");
    }
    return mergeBase;
  }

  private static SourceTree worktree(GitRepo repo) throws CheckException, IOException {
    if (repo.workTree() == null) {
      throw new CheckException("--worktree needs a repository with a working tree, not a bare one");
    }
    return new DirectoryTree(repo.workTree());
  }

  /**
   * The config at base and at head, each with the zones it has in its own tree (an octoDNS dynamic
   * entry lists its zones from the files); a zone only in base is a zone the change removes.
   */
  private record Configs(RepoConfig base, RepoConfig head, String repoPath) {}

  private static Configs configs(Options o, GitRepo repo, SourceTree baseTree, SourceTree headTree)
      throws ConfigException, CheckException, IOException {
    Configs c = written(o, repo, baseTree, headTree);
    return new Configs(c.base.atBase(baseTree), c.head.in(headTree), c.repoPath);
  }

  private static Configs written(Options o, GitRepo repo, SourceTree baseTree, SourceTree headTree)
      throws ConfigException, CheckException, IOException {
    if (o.config() != null || o.octodnsConfig() != null) {
      Path file = o.config() != null ? o.config() : o.octodnsConfig();
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(new Location(file.toString(), 0), "no such file");
      }
      byte[] bytes = Files.readAllBytes(file);
      RepoConfig c =
          o.config() != null
              ? ConfigLoader.zonegate(file.toString(), bytes)
              : ConfigLoader.octodns(file.toString(), bytes);
      return new Configs(c, c, inRepo(repo, file));
    }
    byte[] headBytes = configBytes(headTree);
    if (headBytes == null) {
      throw new CheckException(
          "no " + CONFIG_FILE + " at the head of " + o.repo() + "; pass --config FILE or --octodns-config FILE");
    }
    RepoConfig head = ConfigLoader.zonegate(CONFIG_FILE, headBytes);
    byte[] baseBytes = configBytes(baseTree);
    // An unchanged config (most pushes) is read once: the same bytes give the same config.
    RepoConfig base = baseBytes == null || Arrays.equals(baseBytes, headBytes) ? head : ConfigLoader.zonegate(CONFIG_FILE, baseBytes);
    return new Configs(base, head, CONFIG_FILE);
  }

  private static byte[] configBytes(SourceTree tree) throws ConfigException {
    if (!tree.exists(CONFIG_FILE)) {
      return null;
    }
    try {
      return tree.read(CONFIG_FILE);
    } catch (ZoneReadException e) {
      throw new ConfigException(new Location(CONFIG_FILE, 0), e.problem());
    }
  }

  /** The path of a config file inside the repository, or null when it lies outside. */
  private static String inRepo(GitRepo repo, Path file) {
    if (repo.workTree() == null) {
      return null;
    }
    Path abs = file.toAbsolutePath().normalize();
    Path root = repo.workTree().toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : null;
  }

  /**
   * Rule packs named by the head config, read from the head tree, layered on the default pack
   * (docs/configuration.md): none named is the default pack alone.
   */
  static RuleSet rules(RepoConfig config, SourceTree tree) throws RulePackException {
    return RulePacks.load(
        config.rulePacks(),
        p -> {
          try {
            return RulePack.parse(p, tree.read(p));
          } catch (ZoneReadException e) {
            throw new RulePackException(new Location(p, 0), null, e.problem());
          }
        });
  }

  private static boolean configChanged(Configs cfg, Set<String> changed) {
    if (cfg.repoPath != null && changed.contains(cfg.repoPath)) {
      return true;
    }
    for (String p : cfg.head.rulePacks()) {
      if (changed.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** The config's zones by name: a repository may have thousands, each looked up once. */
  private static Map<String, ZoneConfig> byName(RepoConfig c) {
    Map<String, ZoneConfig> out = new HashMap<>();
    for (ZoneConfig z : c.zones()) {
      out.putIfAbsent(z.name(), z);
    }
    return out;
  }

  /** Zones of the head config, then zones only the base config has (being removed). */
  private static List<ZoneConfig> zones(Configs cfg) {
    Map<String, ZoneConfig> out = new LinkedHashMap<>();
    for (ZoneConfig z : cfg.head.zones()) {
      out.put(z.name(), z);
    }
    for (ZoneConfig z : cfg.base.zones()) {
      out.putIfAbsent(z.name(), z);
    }
    return new ArrayList<>(out.values());
  }

  /**
   * True when the change touches the zone: one of its files (at base or head: for an octoDNS zone,
   * each source's zone file and shared file) changed, or a file one of them includes did. Only
   * files that mention {@code $INCLUDE} (master files) or {@code !include} (octoDNS YAML) are
   * parsed to learn the latter.
   */
  private static boolean touched(
      SourceTree head, ZoneConfig headZone, ZoneConfig baseZone, Set<String> changed, Map<String, Boolean> scanned,
      Set<String> present) {
    if (headZone == null || baseZone == null) {
      return true;
    }
    for (ZoneConfig z : List.of(headZone, baseZone)) {
      for (String p : z.paths()) {
        if (changed.contains(p)) {
          return true;
        }
      }
      for (String dir : z.splitDirectories()) {
        for (String c : changed) {
          if (OctoDnsSources.inSplitDirectory(c, dir)) {
            return true; // a file of the split directory added, changed or removed
          }
        }
      }
    }
    try {
      boolean includes = false;
      List<String> files = new ArrayList<>(headZone.paths());
      for (String dir : headZone.splitDirectories()) {
        SortedMap<String, SourceTree.Kind> listing = head.list(dir);
        if (listing != null) {
          for (String name : listing.keySet()) {
            if (OctoDnsSources.inSplitDirectory(dir + "/" + name, dir)) {
              files.add(dir + "/" + name);
            }
          }
        }
      }
      for (String p : files) {
        Boolean mentions = scanned.get(p);
        if (mentions == null) {
          try {
            mentions = mentionsInclude(head.read(p));
            present.add(p);
          } catch (ZoneReadException absent) {
            mentions = false; // a spelling or shared file the zone does not have
          }
          scanned.put(p, mentions);
        }
        if (mentions) {
          includes = true;
          break;
        }
      }
      if (!includes) {
        return false;
      }
      RecordingTree rec = new RecordingTree(head);
      headZone.reader().read(rec, headZone.file(), headZone.name());
      for (String p : rec.paths()) {
        if (changed.contains(p)) {
          return true;
        }
      }
      return false;
    } catch (ZoneReadException e) {
      return true; // it will be judged, and its error reported
    }
  }

  /** The file may include another: a master file's {@code $INCLUDE}, an octoDNS file's {@code !include}. */
  static boolean mentionsInclude(byte[] bytes) {
    // A byte scan, not a String: every unchanged zone of a large repository is scanned on every
    // check, and most have neither word.
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '$' && startsWith(bytes, i + 1, "INCLUDE", true)) {
        return true;
      }
      if (b == '!' && startsWith(bytes, i + 1, "include", false)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code word} (ASCII) stands in {@code bytes} at {@code at}, in any case if asked. */
  private static boolean startsWith(byte[] bytes, int at, String word, boolean anyCase) {
    if (at + word.length() > bytes.length) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      int c = bytes[at + k];
      if (anyCase && c >= 'a' && c <= 'z') {
        c -= 'a' - 'A';
      }
      if (c != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A configured zone whose file is in neither commit is a config that points nowhere (a typo, a
   * moved file): every change to the real file would go unjudged, so it stops the check, touched
   * or not. A file only at base is a zone being removed, judged as such; one only at head is new.
   * A zone of several files (octoDNS sources) points nowhere when none of them is in either.
   */
  private static void requireFile(String name, ZoneConfig headZone, SourceTree headTree, ZoneConfig baseZone, SourceTree baseTree)
      throws CheckException {
    if (headZone == null || headZone.existsIn(headTree)) {
      return;
    }
    if (baseZone != null && baseZone.existsIn(baseTree)) {
      return;
    }
    List<String> paths = headZone.paths();
    throw new CheckException(
        "zone " + name + ": "
            + (paths.size() == 1
                ? "its file " + paths.get(0) + " is in neither the base nor the head commit"
                : "none of its files (" + String.join(", ", paths) + ") is in the base or the head commit")
            + ", so changes to the zone would go unjudged; correct the path in the config");
  }

  /** Threads for reading zones: {@code -Dzonegate.threads=N}, else one per core. */
  static int threads() {
    Integer n = Integer.getInteger("zonegate.threads");
    return n != null && n > 0 ? n : Runtime.getRuntime().availableProcessors();
  }

  private static Gate.Subject prepare(
      String name,
      SourceTree baseTree,
      ZoneConfig baseZone,
      SourceTree headTree,
      ZoneConfig headZone,
      String live,
      Map<String, String> env)
      throws ZoneReadException, CheckException, LiveException {
    ZoneConfig any = headZone != null ? headZone : baseZone;
    boolean readLive = !"none".equals(live) && any.live() != null;
    // A transfer or a snapshot needs nothing from base or head, so it runs while they are read
    // (a million-record AXFR takes longer than both); query mode asks for their RRsets, so it
    // waits for them. Errors still come in the same order: base, head, live.
    Background<LiveRead, LiveException> early = readLive && !any.live().needsKeys()
        ? Background.start("zonegate-live", () -> LiveZones.read(any, env, headTree, List.of()))
        : null;
    // A master file in both commits: base read on every core, then head as its line edits (only
    // the lines that differ parsed), or whole when they cannot say.
    MasterFileReader.Versions versions =
        baseZone != null && headZone != null && baseZone.existsIn(baseTree) && headZone.existsIn(headTree)
                && baseZone.reader() instanceof MasterFileReader baseReader
                && headZone.reader() instanceof MasterFileReader headReader
            ? MasterFileReader.readVersions(
                baseReader, baseTree, baseZone.file(), headReader, headTree, headZone.file(), name, null)
            : null;
    // Else base on a thread of its own while this one reads head: a large zone is read in half the time.
    Background<Zone, ZoneReadException> baseRead = versions == null && baseZone != null && baseZone.existsIn(baseTree)
        ? Background.start("zonegate-read", () -> ZoneReader.readBase(baseZone.reader(), baseTree, baseZone.file(), name))
        : null;
    Zone after = Zone.empty(name);
    ZoneReadException error = null;
    String file = headZone != null ? headZone.file() : baseZone.file();
    if (versions != null) {
      after = versions.head();
      error = versions.headError();
    } else if (headZone != null && headZone.existsIn(headTree)) {
      try {
        after = headZone.reader().read(headTree, headZone.file(), name);
      } catch (ZoneReadException e) {
        after = null;
        error = e;
      }
    }
    Zone before = versions != null ? versions.base() : Zone.empty(name);
    if (baseRead != null) {
      try {
        before = baseRead.join();
      } catch (ZoneReadException e) {
        throw new CheckException(
            "nothing at all can be read of the base version of zone " + name + " (" + e.getMessage()
                + "), so there is nothing to judge against; pass --base with a commit where it reads");
      }
    }
    List<String> critical = headZone != null ? headZone.critical() : List.of();
    Location where = new Location(file, 0);
    if (!readLive) {
      // Base stands in for what the target holds: what an octoDNS zone's processors leave alone
      // there (a filtered type, a record nobody marked as octoDNS's) is not compared, as with live.
      before = LiveZones.target(any, before, after);
      return new Gate.Subject(name, before, after, error, critical, any.effectiveFormat(), where);
    }
    // The gate judges what deploying would do to production: live to head, base kept for drift.
    LiveRead now = early != null ? early.join() : LiveZones.read(any, env, headTree, LiveZones.keys(before, after));
    // An octoDNS zone is planned against its provider: only what octoDNS manages there is compared.
    Zone head = LiveZones.file(any, now, after);
    Zone base = LiveZones.file(any, now, before);
    Zone served = LiveZones.live(any, now, head != null ? head : base);
    return new Gate.Subject(name, served, head, error, critical, any.effectiveFormat(), where, base, LiveZones.disagreements(now))
        .withLive(now.source());
  }
}
