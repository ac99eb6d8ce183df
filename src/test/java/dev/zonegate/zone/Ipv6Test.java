package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
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
}
