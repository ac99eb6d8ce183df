import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates a benchmark zone pair: {@code java bench/GenZones.java RECORDS OUTDIR}. The mix is
 * what large provider zones hold (half A, then AAAA, CNAME, TXT, MX, SRV); the second file
 * differs in about 1 % of records (addresses changed, records added and removed). Deterministic:
 * the same arguments give the same bytes.
 */
public class GenZones {
  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    Files.createDirectories(dir);
    write(n, dir.resolve("a-" + n + ".zone"), false);
    write(n, dir.resolve("b-" + n + ".zone"), true);
  }

  static void write(int n, Path file, boolean changed) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      write(n, w, changed);
    }
  }

  /** The zone text; the JMH stage benchmarks (src/jmh) call this too, so both measure one input. */
  static void write(int n, Appendable w, boolean changed) throws IOException {
    SplittableRandom r = new SplittableRandom(42);
    SplittableRandom c = new SplittableRandom(7);
    w.append("$ORIGIN bench.example.\n$TTL 3600\n");
    w.append("@ SOA ns1.example.net. hostmaster.bench.example. " + (changed ? 2 : 1) + " 7200 900 1209600 300\n");
    w.append("@ NS ns1.example.net.\n@ NS ns2.example.org.\n");
    for (int i = 0; i < n; i++) {
      double k = i == 0 ? 0 : r.nextDouble();
      String line;
      if (k < 0.50) {
        line = "h" + i + " A 52." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
      } else if (k < 0.65) {
        line = "h" + i + " AAAA 2600:1f18:" + Integer.toHexString(r.nextInt(65536)) + "::" + Integer.toHexString(1 + r.nextInt(65535));
      } else if (k < 0.80) {
        line = "h" + i + " CNAME h" + r.nextInt(Math.max(1, i));
      } else if (k < 0.90) {
        line = "h" + i + " TXT \"site-verification=" + Long.toHexString(r.nextLong()) + "\"";
      } else if (k < 0.95) {
        line = "h" + i + " MX 10 h" + r.nextInt(Math.max(1, i));
      } else {
        line = "_sip._tcp.h" + i + " SRV 10 60 5060 h" + r.nextInt(Math.max(1, i));
      }
      if (changed) {
        double d = c.nextDouble();
        if (d < 0.004 && line.contains(" A 52.")) {
          line = line.replace(" A 52.", " A 54.");
        } else if (d < 0.007) {
          continue; // removed
        } else if (d < 0.010) {
          w.append("n" + i + " A 52.1.1." + (1 + (i % 254)) + "\n"); // added
        }
      }
      w.append(line).append('\n');
    }
  }
}
