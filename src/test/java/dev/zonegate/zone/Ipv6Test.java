package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Ipv6Test {
  private static String fmt(String addr) throws Exception {
    byte[] b = InetAddress.getByName(addr).getAddress();
    return Ipv6.format(b);
  }

  @Test
  void followsRfc5952() throws Exception {
    assertThat(fmt("2001:0DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
    assertThat(fmt("0:0:0:0:0:0:0:0")).isEqualTo("::");
    assertThat(fmt("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    assertThat(fmt("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
    assertThat(fmt("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
    assertThat(fmt("2001:db8:1:1:1:1:0:1")).isEqualTo("2001:db8:1:1:1:1:0:1");
    assertThat(fmt("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
  }

  @Test
  void mappedAddressesStayIpv6() throws Exception {
    assertThat(Ipv6.format(new byte[] {1, 2, 3, 4})).isEqualTo("::ffff:1.2.3.4");
  }

  @Test
  void printsWhatTheJdkPrintsShortenedAsRfc5952Says() throws Exception {
    // Random addresses, rich in zero groups, against InetAddress's full form shortened here by
    // the RFC's rule: groups without leading zeros, the longest run of two or more zero groups
    // (the first of equal runs) as "::".
    Random r = new Random(31);
    byte[] scratch = new byte[39];
    for (int k = 0; k < 100_000; k++) {
      byte[] a = new byte[16];
      for (int i = 0; i < 8; i++) {
        int v = r.nextInt(3) == 0 ? 0 : r.nextInt(4) == 0 ? r.nextInt(16) << (4 * r.nextInt(4)) : r.nextInt(0x10000);
        a[2 * i] = (byte) (v >> 8);
        a[2 * i + 1] = (byte) v;
      }
      if (Arrays.equals(Arrays.copyOf(a, 12), new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1})) {
        continue; // InetAddress turns ::ffff:a.b.c.d into IPv4
      }
      String full = InetAddress.getByAddress(a).getHostAddress(); // 2001:db8:0:0:0:0:0:1
      String[] g = full.split(":");
      int best = -1;
      int bestLen = 1;
      for (int i = 0; i < 8; ) {
        int j = i;
        while (j < 8 && g[j].equals("0")) {
          j++;
        }
        if (j - i > bestLen) {
          best = i;
          bestLen = j - i;
        }
        i = j == i ? i + 1 : j;
      }
      String want = best < 0 ? full
          : String.join(":", Arrays.copyOfRange(g, 0, best)) + "::" + String.join(":", Arrays.copyOfRange(g, best + bestLen, 8));
      assertThat(Ipv6.format(a)).as(full).isEqualTo(want);
      // A reader's scratch, left with the previous address's text: the same answer, the address untouched.
      byte[] copy = a.clone();
      assertThat(Ipv6.format(a, scratch)).as(full).isEqualTo(want);
      assertThat(a).isEqualTo(copy);
    }
  }
}
