import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The least a diff of two master files must do, for the README's "what is left": read each file
 * (one per core), split each line into owner, type and rdata offsets (no objects), and SHA-256
 * as many bytes as the file has (the fingerprints hash a text of about that size). Run it as the
 * launcher runs zonegate (C1 only, the parallel collector):
 *   java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xms1500m bench/Floor.java A.zone B.zone
 * It prints the time from its main method's start to the end: JVM start not included.
 */
public class Floor {
  static long work(Path p) throws Exception {
    byte[] b = Files.readAllBytes(p);
    int[] owner = new int[1 << 21];
    int[] type = new int[1 << 21];
    int[] rdata = new int[1 << 21];
    int n = 0;
    int i = 0;
    while (i < b.length && n < owner.length) {
      int start = i;
      while (i < b.length && b[i] != '\n') {
        i++;
      }
      int k = start;
      while (k < i && b[k] != ' ') {
        k++;
      }
      owner[n] = start;
      type[n] = ++k;
      while (k < i && b[k] != ' ') {
        k++;
      }
      rdata[n++] = k + 1;
      i++;
    }
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(b, 0, b.length);
    return n + md.digest()[0] + owner[n / 2] + type[n / 2] + rdata[n / 2];
  }

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    ExecutorService second = Executors.newSingleThreadExecutor();
    Future<Long> b = second.submit(() -> work(Path.of(args[1])));
    long a = work(Path.of(args[0]));
    long sum = a + b.get();
    second.shutdown();
    System.out.printf("%.3f s (%d)%n", (System.nanoTime() - t0) / 1e9, sum);
  }
}
