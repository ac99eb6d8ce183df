package dev.zonegate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs installed beside the one running the tests, where Debian's and Adoptium's packages put
 * them: for the tests of what zonegate does on a Java newer than the build's (an AOT cache from
 * Java 25 on).
 */
public final class Jdks {
  /** Set to 1 where a Java 25 must be there: its tests fail instead of skipping. */
  public static final String JAVA25_ENV = "ZONEGATE_REQUIRE_JAVA25";

  private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

  private Jdks() {}

  /** The feature release of the Java at {@code home} (17, 21, 25) from its release file, or 0. */
  public static int feature(Path home) {
    try {
      Matcher m = VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** The home of an installed Java of at least {@code feature}, the newest, or null. */
  public static Path atLeast(int feature) {
    Path best = null;
    try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
      for (Path home : (Iterable<Path>) homes.sorted()::iterator) {
        int f = feature(home);
        if (f >= feature && Files.isExecutable(home.resolve("bin/java")) && (best == null || f > feature(best))) {
          best = home;
        }
      }
    } catch (IOException e) {
      return null;
    }
    return best;
  }

  /** A Java 25 or newer, or the test skips (fails where {@value #JAVA25_ENV} is 1). */
  public static Path java25() {
    Path home = atLeast(25);
    Require.require(home != null, "no Java 25+ under /usr/lib/jvm (Adoptium's temurin-25-jdk, say)", JAVA25_ENV);
    return home;
  }
}
