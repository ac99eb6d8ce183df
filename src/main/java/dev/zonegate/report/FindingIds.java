package dev.zonegate.report;

import dev.zonegate.model.Change;
import dev.zonegate.model.Location;
import dev.zonegate.model.Notice;
import dev.zonegate.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the machine formats identify and place a finding: a fingerprint stable across runs, the
 * rules to list, and a repository-relative path and line for every finding, located or not.
 */
final class FindingIds {
  private FindingIds() {}

  /**
   * One fingerprint per finding, in the list's order: SHA-256 of rule, zone, name and type, not of
   * the message (messages carry counts that change from run to run while the finding stays the
   * same). Fields are length-prefixed so no choice of names makes two keys equal. When one rule
   * reports the same name and type twice, the second and later get {@code #1}, {@code #2} in the
   * key, numbered in report order, so fingerprints stay unique within a report (GitLab drops
   * Code Quality entries that share one).
   */
  static List<String> fingerprints(List<Finding> findings) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      String key = "zonegate/v1|" + field(f.rule()) + field(f.zone()) + field(f.name()) + field(f.type());
      int n = seen.merge(key, 1, Integer::sum) - 1;
      out.add(sha256(n == 0 ? key : key + "#" + n));
    }
    return out;
  }

  private static String field(String v) {
    return v == null ? "-1:|" : v.length() + ":" + v + "|";
  }

  /** A stable fingerprint of a reader's warning: its file, line and words. */
  static String noticeFingerprint(Notice n) {
    return sha256("notice\u0000" + n.location() + "\u0000" + n.message());
  }

  private static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The rules to list, sorted: every rule that ran and any rule a finding names that did not
   * (a finding must always have its rule, e.g. for SARIF's {@code ruleIndex}).
   */
  static List<String> ruleIds(Report report) {
    TreeSet<String> ids = new TreeSet<>(report.ruleIds());
    for (Finding f : report.findings()) {
      ids.add(f.rule());
    }
    return new ArrayList<>(ids);
  }

  /**
   * The file of each zone, as far as the report shows it: the Report does not carry the zone
   * configuration, so this is the path most locations of the zone's changes and findings point at
   * (ties to the smallest path). A zone without any located change or finding has no entry.
   */
  static Map<String, String> zonePaths(Report report) {
    Map<String, TreeMap<String, Integer>> counts = new TreeMap<>();
    for (Change c : report.changes()) {
      count(counts, c.zone(), c.location());
    }
    for (Finding f : report.findings()) {
      count(counts, f.zone(), f.location());
    }
    Map<String, String> out = new TreeMap<>();
    counts.forEach((zone, byPath) -> {
      String best = null;
      for (Map.Entry<String, Integer> e : byPath.entrySet()) {
        if (best == null || e.getValue() > byPath.get(best)) {
          best = e.getKey();
        }
      }
      out.put(zone, best);
    });
    return out;
  }

  private static void count(Map<String, TreeMap<String, Integer>> counts, String zone, Location at) {
    if (at != null && !normalize(at.path()).isEmpty()) {
      counts.computeIfAbsent(zone, z -> new TreeMap<>()).merge(normalize(at.path()), 1, Integer::sum);
    }
  }

  /**
   * Where a finding points, repository-relative with forward slashes and no leading {@code ./}:
   * its own location, else its zone's file ({@link #zonePaths}), else the zone name, so GitLab and
   * SARIF viewers still group it under something a reader recognises.
   */
  static String path(Finding f, Map<String, String> zonePaths) {
    String p = f.location() == null ? "" : normalize(f.location().path());
    if (p.isEmpty()) {
      p = zonePaths.getOrDefault(f.zone(), f.zone());
    }
    return p;
  }

  /** The finding's line, or 1 when unknown: both formats need a line of at least 1. */
  static int line(Finding f) {
    return f.location() == null ? 1 : Math.max(1, f.location().line());
  }

  static String normalize(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }
}
