package dev.zonegate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zonegate.zone.BindZoneChecks;
import dev.zonegate.zone.CheckNames;
import dev.zonegate.zone.IncludeDirectory;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.MemoryTree;
import dev.zonegate.zone.NamedCheckzone;
import dev.zonegate.zone.ZoneReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Mutated trees of master files that include each other, read by zonegate told named's directory
 * ({@code includeDirectory}: the tree's root, where named-checkzone runs) and checked by
 * named-checkzone as zone {@code example.com.}: both must accept or both refuse, as in
 * {@link BindDifferentialFuzzTest}. The input is the zone file, then each other file after a line
 * {@code #FILE n} that names it by number from {@link #FILES} (a fixed set, so that the fuzzer
 * builds layouts with directories, missing files, {@code ..} and nesting out of a few names).
 *
 * <p>Seeds ({@code BindIncludeFuzzTestInputs/includes/}) replay in every {@code mvn test}; in a
 * fuzzing run ({@code JAZZER_FUZZ=1}) an unexplained disagreement is appended to
 * {@code target/bind-include-fuzz-disagreements.txt}, and counts to
 * {@code target/bind-include-fuzz-status.txt}.
 */
class BindIncludeFuzzTest {
  private static final Agreement AGREEMENT = new Agreement("bind-include-fuzz");
  /** The names a later file of the input takes, by the number after {@code #FILE}. */
  static final String[] FILES = {"inc.db", "d/a.db", "d/b.db", "e/inc.db", "d/e/c.db", "b.db"};
  private static final String MARK = "\n#FILE ";
  private static Path root;

  @FuzzTest(maxDuration = "60s")
  void includes(byte[] input) throws Throwable {
    NamedCheckzone named = NamedCheckzone.require();
    Contract.inTime("BindIncludeFuzzTest#includes", "nested.zone", input, in -> compare(named, in));
  }

  /** The files of the input: {@code zone.db} first, then each {@code #FILE n} section (a later one of a name wins). */
  static Map<String, byte[]> files(byte[] input) {
    String all = new String(input, StandardCharsets.ISO_8859_1);
    Map<String, byte[]> out = new LinkedHashMap<>();
    int at = all.indexOf(MARK);
    out.put("zone.db", bytes(at < 0 ? all : all.substring(0, at + 1)));
    while (at >= 0) {
      int nameEnd = all.indexOf('\n', at + MARK.length());
      int next = nameEnd < 0 ? -1 : all.indexOf(MARK, nameEnd);
      if (nameEnd < 0) {
        break;
      }
      String n = all.substring(at + MARK.length(), nameEnd).trim();
      if (n.length() == 1 && n.charAt(0) >= '0' && n.charAt(0) < '0' + FILES.length) {
        out.put(FILES[n.charAt(0) - '0'], bytes(all.substring(nameEnd + 1, next < 0 ? all.length() : next + 1)));
      }
      at = next;
    }
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static synchronized void compare(NamedCheckzone named, byte[] input) throws Exception {
    Map<String, byte[]> files = files(input);
    Path dir = fresh();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
    }
    NamedCheckzone.Verdict v = named.check(dir, "zone.db", "example.com.");
    String error = null;
    try {
      error = BindZoneChecks.loadProblem(new MasterFileReader(CheckNames.FAIL, new IncludeDirectory("", null))
          .read(new MemoryTree(files), "zone.db", "example.com."));
    } catch (ZoneReadException e) {
      Contract.expected(e);
      error = e.getMessage();
    }
    StringBuilder tree = new StringBuilder();
    files.forEach((name, b) -> tree.append("--- ").append(name).append(" ---\n").append(new String(b, StandardCharsets.ISO_8859_1)).append('\n'));
    AGREEMENT.judge(v, error, tree.toString());
  }

  /** An empty directory for this input's tree (the last input's files removed). */
  private static Path fresh() throws IOException {
    if (root == null) {
      root = Files.createTempDirectory("zonegate-bind-include-fuzz");
      root.toFile().deleteOnExit();
    }
    Path dir = root.resolve("t");
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    return dir;
  }
}
