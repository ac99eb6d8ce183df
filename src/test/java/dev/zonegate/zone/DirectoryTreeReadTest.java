package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file is read into an array of the size it says it has; whatever that size says, the bytes
 * are what {@code readNBytes(max + 1)} reads: the file as it is, or one byte past the limit.
 */
class DirectoryTreeReadTest {
  @TempDir Path dir;

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }

  private static byte[] read(byte[] content, long size, long max) throws IOException {
    return DirectoryTree.readUpTo(new ByteArrayInputStream(content), size, max);
  }

  private static byte[] reference(byte[] content, long max) throws IOException {
    return new ByteArrayInputStream(content).readNBytes((int) (max + 1));
  }

  @Test
  void whateverTheSaidSizeTheBytesAreWhatReadNBytesReads() throws IOException {
    for (int n : new int[] {0, 1, 5, 8191, 8192, 70_000}) {
      byte[] content = bytes(n);
      for (long max : new long[] {0, 1, n - 1L, n, n + 1L, 1_000_000}) {
        if (max < 0) {
          continue;
        }
        // The size as it was when asked: exact, the file since grown, since shrunk, or nonsense.
        for (long size : new long[] {n, 0, n / 2, n + 10L, 2L * n + 3, -1}) {
          assertThat(read(content, size, max))
              .as("%d bytes, size said %d, max %d", n, size, max)
              .isEqualTo(reference(content, max));
        }
      }
    }
  }

  @Test
  void aZoneFileIsReadWhole() throws Exception {
    String zone = "$ORIGIN example.\n@ SOA ns hostmaster 1 7200 900 1209600 300\n@ NS ns\nns A 192.0.2.1\n";
    Files.writeString(dir.resolve("example.zone"), zone);
    assertThat(new String(new DirectoryTree(dir).read("example.zone"), StandardCharsets.UTF_8)).isEqualTo(zone);
  }
}
