package dev.zonegate.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a BIND program for a test ({@code named-checkzone}; NamedServer finds {@code named} the
 * same way). Without it the test is skipped with {@code missing} as its message, unless {@code
 * ZONEGATE_REQUIRE_NAMED=1} (set in CI, which installs bind9) or the system property of that name,
 * where a missing program must fail rather than pass unnoticed ({@link Require}).
 */
public final class BindPrograms {
  public static final String REQUIRE_ENV = "ZONEGATE_REQUIRE_NAMED";
  /** Overrides {@value #REQUIRE_ENV} (tests of the skipping itself). */
  public static final String REQUIRE_PROPERTY = REQUIRE_ENV;

  private BindPrograms() {}

  /** The program on the PATH or in {@code fallbacks}; skips or fails the test when there is none. */
  public static Path require(String program, String missing, Path... fallbacks) {
    Path found = find(program, fallbacks);
    Require.require(found != null, missing, REQUIRE_ENV);
    return found;
  }

  /** The program on the PATH or in {@code fallbacks}, or null. */
  public static Path find(String program, Path... fallbacks) {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(File.pathSeparator)) {
        if (!d.isEmpty()) {
          candidates.add(Path.of(d, program));
        }
      }
    }
    candidates.addAll(List.of(fallbacks));
    for (Path p : candidates) {
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
