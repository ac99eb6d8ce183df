package dev.zonegate.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zonegate.testing.Require;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PyIpNetwork} against Python's own {@code ipaddress.ip_network} (Debian's python3, which
 * the octoDNS differential runs on too): on hand-picked and generated strings, the same verdict
 * and, where both accept, the same version, address, scope id and prefix; and for pairs of the
 * accepted networks, the same equality, {@code subnet_of} and order.
 */
class PyIpNetworkTest {
  @TempDir Path dir;

  static final String[] PICKED = {
    "10.0.0.0/8", "10.0.0.0", "10.0.0.1/8", "10.0.0.0/08", "10.0.0.0/0008", "10.0.0.0/33", "10.0.0.0/", "/8",
    "010.0.0.0/8", "10.0.0/8", "10.0.0.0.0", "256.0.0.0", "1.2.3.4/32", "0.0.0.0/0", "10.0.0.0/255.0.0.0",
    "10.0.0.0/0.255.255.255", "10.0.0.0/255.0.255.0", "10.0.0.0/8/8", "", " 10.0.0.0/8", "10.0.0.0/8 ",
    "10.0.0.0/+8", "10.0.0.0/-8", "١٠.0.0.0/8", "10.0.0.0/٨", "2001:db8::/32", "2001:db8::1/32", "2001:DB8::/32",
    "::/0", "::", "::1", "1::", ":1::", "1:::", "1::2::3", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", "1:2:3:4:5:6::7:8", "::ffff:10.0.0.1", "::ffff:10.0.0.1/128",
    "::ffff:010.0.0.1", "fe80::%eth0/64", "fe80::%/64", "fe80::%a%b/64", "fe80::1%eth0", "12345::", "g::",
    "2001:db8::/255.255.0.0", "2001:db8::/64", "2001:db8:0:0:1::/80", "0:0:0:0:0:0:0:0/128", "1.2.3.4:5",
    "[::1]", "::1/129", "::1/0128", "10.0.0.0/24\n", "ａ::/16", "Ａ::/16"
  };

  @Test
  void parsesAsPythonsIpaddressDoes() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    Require.require(Files.isExecutable(python), "python3 is not installed: the ipaddress differential is skipped",
        "ZONEGATE_REQUIRE_OCTODNS");
    Set<String> inputs = new LinkedHashSet<>(List.of(PICKED));
    Random r = new Random(7);
    String[] pieces = {"0", "1", "00", "10", "255", "256", "ff", "FFFF", "fffff", "", ":", "::", ".", "/", "%", "a", "8",
        "24", "32", "64", "128", "129", "255.255.255.0", "0.0.0.255", "1.2.3.4", "::ffff:", "2001:db8"};
    while (inputs.size() < 3000) {
      StringBuilder b = new StringBuilder();
      int n = 1 + r.nextInt(7);
      for (int i = 0; i < n; i++) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      inputs.add(b.toString());
    }
    List<String> in = new ArrayList<>(inputs);
    Path file = dir.resolve("in.txt");
    // One input per line, escaped: a line may hold a newline or a non-ASCII digit.
    StringBuilder text = new StringBuilder();
    for (String s : in) {
      text.append(s.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    String script = String.join("\n",
        "import ipaddress, sys",
        "for line in open(sys.argv[1], encoding='utf-8').read().split('\\n')[:-1]:",
        "    s = line.encode().decode('unicode_escape') if '\\\\' in line else line",
        "    try:",
        "        n = ipaddress.ip_network(s)",
        "        a = n.network_address",
        "        print(n.version, int(a), getattr(a, 'scope_id', None), n.prefixlen)",
        "    except ValueError:",
        "        print('refused')");
    Process p = new ProcessBuilder(python.toString(), "-c", script, file.toString()).redirectErrorStream(true).start();
    List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(p.waitFor()).isZero();
    assertThat(out).hasSize(in.size());
    List<String> wrong = new ArrayList<>();
    List<PyIpNetwork.Net> accepted = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      PyIpNetwork.Net n = PyIpNetwork.parse(in.get(i));
      String ours = n == null ? "refused" : n.version() + " " + n.ip() + " " + n.scope() + " " + n.prefix();
      if (!ours.equals(out.get(i).replace("None", "null"))) {
        wrong.add("'" + in.get(i) + "': python " + out.get(i) + ", zonegate " + ours);
      }
      if (n != null) {
        accepted.add(n);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(accepted).hasSizeGreaterThan(100);
    assertThat(in.size() - accepted.size()).isGreaterThan(100);
    pairs(python, accepted);
  }

  /** Equality, subnet_of and order of networks, pair by pair, against Python's. */
  private void pairs(Path python, List<PyIpNetwork.Net> nets) throws IOException, InterruptedException {
    List<PyIpNetwork.Net> some = nets.subList(0, Math.min(80, nets.size()));
    StringBuilder text = new StringBuilder();
    for (PyIpNetwork.Net n : some) {
      text.append(n).append('\n');
    }
    Path file = dir.resolve("nets.txt");
    Files.writeString(file, text);
    String script = String.join("\n",
        "import ipaddress, sys",
        "ns = [ipaddress.ip_network(l) for l in open(sys.argv[1]).read().split('\\n')[:-1]]",
        "for a in ns:",
        "    for b in ns:",
        "        same = a == b",
        "        sub = a.version == b.version and a.subnet_of(b)",
        "        lt = (a.version, a) < (b.version, b)",
        "        print(int(same), int(sub), int(lt))");
    Process p = new ProcessBuilder(python.toString(), "-c", script, file.toString()).redirectErrorStream(true).start();
    List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(p.waitFor()).as(String.join("\n", out)).isZero();
    List<String> wrong = new ArrayList<>();
    int k = 0;
    for (PyIpNetwork.Net a : some) {
      for (PyIpNetwork.Net b : some) {
        String ours = (a.same(b) ? 1 : 0) + " " + (a.subnetOf(b) ? 1 : 0) + " " + (PyIpNetwork.Net.compare(a, b) < 0 ? 1 : 0);
        if (!ours.equals(out.get(k++))) {
          wrong.add(a + " vs " + b + ": python " + out.get(k - 1) + ", zonegate " + ours);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void anIntIsAnAddressOfItsSize() {
    assertThat(PyIpNetwork.parse(BigInteger.TEN)).hasToString("0.0.0.10/32");
    assertThat(PyIpNetwork.parse(BigInteger.ONE.shiftLeft(32)).version()).isEqualTo(6);
    assertThat(PyIpNetwork.parse(BigInteger.valueOf(-1))).isNull();
  }
}
