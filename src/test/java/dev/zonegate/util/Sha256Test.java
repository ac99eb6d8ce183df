package dev.zonegate.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Sha256} gives what the JDK's SHA-256 gives, the reference it is held to. */
class Sha256Test {
  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static String ours(byte[] data) {
    Sha256 s = new Sha256();
    s.update(data, 0, data.length);
    return hex(s.digest());
  }

  private static String jdk(byte[] data) throws Exception {
    return hex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  @Test
  void fipsExamples() {
    // FIPS 180-4's examples (NIST's SHA256.pdf, SHA2_Additional.pdf).
    assertThat(ours("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ours(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(ours("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    byte[] million = new byte[1_000_000];
    Arrays.fill(million, (byte) 'a');
    assertThat(ours(million)).isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  @Test
  void everyLengthAroundTheBlockAndPaddingEdgesMatchesTheJdk() throws Exception {
    SplittableRandom r = new SplittableRandom(180_4);
    for (int len = 0; len <= 300; len++) {
      byte[] data = new byte[len];
      for (int i = 0; i < len; i++) {
        data[i] = (byte) r.nextInt(256);
      }
      assertThat(ours(data)).as("length %d", len).isEqualTo(jdk(data));
    }
  }

  @Test
  void piecesOfAnySizeGiveTheDigestOfTheWhole() throws Exception {
    SplittableRandom r = new SplittableRandom(42);
    for (int round = 0; round < 200; round++) {
      byte[] data = new byte[r.nextInt(5000)];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) r.nextInt(256);
      }
      Sha256 s = new Sha256();
      for (int at = 0; at < data.length; ) {
        int n = Math.min(data.length - at, r.nextInt(200));
        s.update(data, at, n);
        at += n;
      }
      assertThat(hex(s.digest())).as("round %d", round).isEqualTo(jdk(data));
    }
  }

  @Test
  void takesNothingAfterItsDigest() {
    Sha256 s = new Sha256();
    s.digest();
    assertThatThrownBy(() -> s.update(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(s::digest).isInstanceOf(IllegalStateException.class);
  }
}
