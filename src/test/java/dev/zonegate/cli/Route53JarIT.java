package dev.zonegate.cli;

import static dev.zonegate.live.route53.Route53Fixture.simple;
import static dev.zonegate.live.route53.Route53Fixture.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.live.route53.Route53Fixture;
import dev.zonegate.testing.GitFixture;
import dev.zonegate.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, in a fresh JVM, against Route 53 played by moto: the SDK and its HTTP client
 * load from the jar (their service files merged), and a run that reads no Route 53 zone never
 * loads a class of the SDK, so a pre-push hook pays nothing for it.
 */
class Route53JarIT {
  static final String EXAMPLE = "$ORIGIN example.net.\n$TTL 300\n@ SOA ns1.example.net. hostmaster 1 7200 900 1209600 300\n"
      + "@ NS ns1.example.org.\nwww A 93.184.215.14\n";

  @RegisterExtension static final MotoServer moto = new MotoServer();

  @TempDir Path tmp;

  record Run(int exit, String out, String err, List<String> classes) {}

  /** {@code java -jar target/zonegate.jar ARGS} in {@code dir}, with moto's credentials only, logging the classes it loads. */
  Run zonegate(Path dir, String... args) throws Exception {
    Path log = tmp.resolve("classes-" + System.nanoTime() + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xlog:class+load=info:file=" + log);
    cmd.add("-jar");
    cmd.add(Path.of("target/zonegate.jar").toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().putAll(Route53Fixture.env());
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8),
        Files.readAllLines(log));
  }

  static long sdkClasses(Run r) {
    return r.classes().stream().filter(l -> l.contains("software.amazon.awssdk.")).count();
  }

  @Test
  void theJarReadsRoute53OnlyForTheZoneThatNamesIt() throws Exception {
    moto.reset();
    String id;
    try (Route53Fixture aws = new Route53Fixture(moto.endpoint())) {
      id = aws.createZone("example.com.");
      aws.upsert(id, simple("www.example.com.", "A", 300, "93.184.215.14"),
          weighted("api.example.com.", "A", 60, "blue", 10, "93.184.215.20"));
    }
    GitFixture git = GitFixture.init(tmp.resolve("repo"));
    git.write("zonegate.yaml",
            "zones:\n"
                + "  - name: example.com.\n    file: zones/example.com.json\n    live:\n      route53:\n"
                + "        hostedZoneId: " + id + "\n        endpoint: \"" + moto.endpoint() + "\"\n"
                + "  - name: example.net.\n    file: zones/example.net.zone\n    live:\n      snapshot: live/example.net.zone\n")
        .write("zones/example.com.json", Route53Fixture.export(moto.endpoint(), id, 100))
        .write("zones/example.net.zone", EXAMPLE)
        .write("live/example.net.zone", EXAMPLE);
    String base = git.commit("as deployed");

    Run snapshot = zonegate(git.dir(), "snapshot", "--zone", "example.com");
    assertThat(snapshot.exit()).as(snapshot.err()).isZero();
    assertThat(snapshot.err()).isEmpty();
    assertThat(snapshot.out()).contains("; api.example.com. 60 IN A [blue weight=10] 93.184.215.20")
        .contains("www.example.com. 300 IN A 93.184.215.14");
    assertThat(sdkClasses(snapshot)).as("the route53 zone is read with the SDK").isGreaterThan(100);

    // Only example.net. changes: the check reads its live snapshot and never the route53 zone.
    git.write("zones/example.net.zone", EXAMPLE + "new A 93.184.215.99\n");
    git.commit("a host in example.net.");
    Run other = zonegate(git.dir(), "check", "--base", base);
    assertThat(other.exit()).as(other.err() + other.out()).isZero();
    assertThat(other.out()).contains("new.example.net.");
    assertThat(sdkClasses(other)).as("no zone read names route53").isZero();
    assertThat(other.classes()).anyMatch(l -> l.contains("dev.zonegate.live.SnapshotSource"));
  }
}
