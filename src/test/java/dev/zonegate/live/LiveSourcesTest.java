package dev.zonegate.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.model.RRsetKey;
import dev.zonegate.model.Zone;
import dev.zonegate.testing.Bounded;
import dev.zonegate.testing.NamedServer;
import dev.zonegate.zone.MasterFileReader;
import dev.zonegate.zone.MemoryTree;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * Live sources against a real BIND (skipped without one, failed in CI without one) and, for
 * broken transfers BIND never sends, against a scripted TCP server.
 */
class LiveSourcesTest {
  static final String ZONE = "example.com.";
  static final String ENV = "ZONEGATE_TSIG";

  /** Eleven RRsets: names that fold case, a TXT that must not, a delegation with glue, and a TXT
   * set too large for one UDP answer, so query mode must retry over TCP. */
  static String zoneText(int serial, String wwwAddress) {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      big.append("big TXT \"").append(String.valueOf((char) ('a' + i)).repeat(200)).append("\"\n");
    }
    return "$TTL 300\n"
        + "@ IN SOA ns1.Example.COM. hostmaster " + serial + " 3600 600 86400 300\n"
        + "@ NS ns1\n"
        + "@ NS ns2.example.net.\n"
        + "@ MX 10 Mail.example.com.\n"
        + "@ TXT \"v=spf1 -all\" \"Mixed Case\"\n"
        + "ns1 A 192.0.2.53\n"
        + "www 600 A " + wwwAddress + "\n"
        + "www 600 A 192.0.2.11\n"
        + "www AAAA 2001:db8:0:0::1\n"
        + "api CNAME www\n"
        + "child NS ns1.child\n"
        + "ns1.child A 192.0.2.99\n"
        + big;
  }

  static final String V1 = zoneText(1, "192.0.2.10");

  @RegisterExtension static final NamedServer named = NamedServer.builder().zone(ZONE, V1).build();

  /** Every message and description a test produced, checked for the secret at the end. */
  static final List<String> said = new ArrayList<>();

  Map<String, String> env() {
    return Map.of(ENV, named.secret());
  }

  LiveConfig.Tsig key() {
    return new LiveConfig.Tsig(named.keyName(), "hmac-sha256", ENV);
  }

  static Zone fromFile(String text) throws Exception {
    MemoryTree tree = new MemoryTree(Map.of("z.zone", text.getBytes(StandardCharsets.UTF_8)));
    return new MasterFileReader().read(tree, "z.zone", ZONE);
  }

  LiveRead read(LiveConfig config, Map<String, String> env, List<RRsetKey> keys) throws LiveException {
    LiveSource source = LiveSources.of(ZONE, config, env, null);
    said.add(source.describe());
    return source.read(ZONE, keys);
  }

  LiveException failure(LiveConfig config, Map<String, String> env) {
    return failure(config, env, List.of(RRsetKey.of(ZONE, "SOA"), RRsetKey.of("www." + ZONE, "A")));
  }

  LiveException failure(LiveConfig config, Map<String, String> env, List<RRsetKey> keys) {
    LiveException e = catchThrowableOfType(LiveException.class, () -> read(config, env, keys));
    assertThat(e).as("expected a LiveException").isNotNull();
    said.add(e.getMessage());
    assertThat(e.getMessage()).startsWith("zone example.com.: ").doesNotContain("\n");
    return e;
  }

  LiveConfig.Axfr axfr(int port, LiveConfig.Tsig tsig) {
    return new LiveConfig.Axfr("127.0.0.1", port, tsig, 2);
  }

  @Test
  void aTransferWithTheKeyGivesTheZoneFileAsServed() throws Exception {
    LiveRead live = read(axfr(named.port(), key()), env(), List.of());
    assertThat(live.zone().rrsets()).isEqualTo(fromFile(V1).rrsets());
    assertThat(live.zone().rrsets()).hasSize(11);
    assertThat(live.zone().get(ZONE, "TXT").rdata()).containsExactly("\"v=spf1 -all\" \"Mixed Case\"");
    assertThat(live.zone().get("www." + ZONE, "AAAA").rdata()).containsExactly("2001:db8::1");
    assertThat(live.disagreements()).isEmpty();
  }

  @Test
  void aWrongSecretIsATsigFailure() {
    String wrong = Base64.getEncoder().encodeToString(new byte[32]);
    LiveException e = failure(axfr(named.port(), key()), Map.of(ENV, wrong));
    assertThat(e.getMessage())
        .startsWith("zone example.com.: server " + named.address() + ": TSIG verification failed (BADSIG)");
    assertThat(e.server()).isEqualTo(named.address());
  }

  @Test
  void aKeyTheServerDoesNotKnowIsATsigFailure() {
    LiveConfig.Tsig other = new LiveConfig.Tsig("other-key", null, ENV);
    assertThat(failure(axfr(named.port(), other), env()).reason())
        .startsWith("TSIG verification failed (BADKEY)");
  }

  @Test
  void noKeyWhereOneIsRequiredIsRefused() {
    assertThat(failure(axfr(named.port(), null), Map.of()).reason())
        .startsWith("the server refused the transfer (REFUSED)");
  }

  @Test
  void aZoneTheServerDoesNotServeFails() {
    LiveSource s = LiveSources.of("example.org.", axfr(named.port(), key()), env(), null);
    LiveException e = catchThrowableOfType(LiveException.class, () -> s.read("example.org.", List.of()));
    said.add(e.getMessage());
    assertThat(e.getMessage())
        .isEqualTo("zone example.org.: server " + named.address() + ": the server is not authoritative for the zone (NOTAUTH)");

    LiveSource q = LiveSources.of("example.org.", new LiveConfig.Query(List.of(named.address()), null, 2), env(), null);
    e = catchThrowableOfType(LiveException.class, () -> q.read("example.org.", List.of()));
    said.add(e.getMessage());
    assertThat(e.reason()).contains("REFUSED");

    // A name inside a served zone is not a zone: its authoritative answer has no SOA.
    LiveSource inside = LiveSources.of("www.example.com.", new LiveConfig.Query(List.of(named.address()), null, 2), env(), null);
    e = catchThrowableOfType(LiveException.class, () -> inside.read("www.example.com.", List.of()));
    said.add(e.getMessage());
    assertThat(e.reason()).isEqualTo("the server has no SOA for the zone; it does not serve it as a zone");
  }

  @Test
  void aMissingOrBrokenSecretFailsBeforeAnythingIsSent() {
    assertThat(failure(axfr(named.port(), key()), Map.of()).getMessage())
        .isEqualTo("zone example.com.: the TSIG secret variable ZONEGATE_TSIG is not set");
    assertThat(failure(axfr(named.port(), key()), Map.of(ENV, "")).reason()).contains("is not set");
    LiveException e = failure(axfr(named.port(), key()), Map.of(ENV, "s3cr3t-not-base64!"));
    assertThat(e.reason()).isEqualTo("the TSIG secret in ZONEGATE_TSIG is not valid base64");
    assertThat(e.getMessage()).doesNotContain("s3cr3t");
    assertThat(failure(axfr(named.port(), new LiveConfig.Tsig("k", "hmac-md4", ENV)), env()).reason())
        .startsWith("TSIG algorithm 'hmac-md4' is not supported");
  }

  @Test
  void queryModeAgreesWithTheTransferAndFollowsNothing() throws Exception {
    Zone transferred = read(axfr(named.port(), key()), env(), List.of()).zone();
    List<RRsetKey> keys = new ArrayList<>(transferred.rrsets().keySet());
    // Sets the repository may name that are not live: they must come back absent, not followed.
    keys.add(RRsetKey.of("api." + ZONE, "A")); // a CNAME is there; its target's A is not api's
    keys.add(RRsetKey.of("gone." + ZONE, "A")); // NXDOMAIN
    keys.add(RRsetKey.of("www." + ZONE, "MX")); // NODATA
    keys.add(RRsetKey.of("www." + ZONE, "ALIAS")); // provider-only: skipped with a notice

    LiveRead signed =
        read(new LiveConfig.Query(List.of(named.address()), key(), 2), env(), keys);
    assertThat(signed.zone().rrsets()).isEqualTo(transferred.rrsets());
    assertThat(signed.disagreements()).isEmpty();
    assertThat(signed.zone().notices()).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("www.example.com. ALIAS"));

    LiveRead plain = read(new LiveConfig.Query(List.of(named.address()), null, 2), Map.of(), keys);
    assertThat(plain.zone().rrsets()).isEqualTo(transferred.rrsets());
  }

  @Test
  void queryModeWithAWrongSecretFails() {
    String wrong = Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(failure(new LiveConfig.Query(List.of(named.address()), key(), 2), Map.of(ENV, wrong)).reason())
        .startsWith("TSIG verification failed (BADSIG)");
  }

  @Test
  void serversThatDisagreeAreReportedAndTheFirstOneWins() throws Exception {
    try (NamedServer second = NamedServer.builder().zone(ZONE, V1).build().start()) {
      second.replaceZone(ZONE, zoneText(2, "192.0.2.20"));
      List<RRsetKey> keys = new ArrayList<>(fromFile(V1).rrsets().keySet());
      LiveRead live =
          read(new LiveConfig.Query(List.of(named.address(), second.address()), null, 2), Map.of(), keys);

      assertThat(live.zone().rrsets()).isEqualTo(fromFile(V1).rrsets());
      assertThat(live.disagreements())
          .extracting(d -> d.name() + " " + d.type())
          .containsExactly("example.com. SOA", "www.example.com. A");
      Disagreement www = live.disagreements().get(1);
      assertThat(www.answers())
          .containsEntry(named.address(), List.of("192.0.2.10", "192.0.2.11"))
          .containsEntry(second.address(), List.of("192.0.2.11", "192.0.2.20"));
      assertThat(www.judgedAgainst()).isEqualTo(named.address());
      // Listed the other way round, the zone is the second server's, and so is the name given,
      // whichever of the two sorts first.
      LiveRead swapped =
          read(new LiveConfig.Query(List.of(second.address(), named.address()), null, 2), Map.of(), keys);
      assertThat(swapped.disagreements().get(1).judgedAgainst()).isEqualTo(second.address());
      assertThat(swapped.disagreements().get(1).answers()).isEqualTo(www.answers());
    }
  }

  @Test
  void aStoppedServerFailsRefusedOrTimedOut() throws Exception {
    NamedServer gone = NamedServer.builder().zone(ZONE, V1).build().start();
    String address = gone.address();
    gone.close();
    // Refused at once, or at worst the configured 2 s timeout: one of those errors, never a hang.
    LiveException e = Bounded.within(() -> failure(axfr(gone.port(), key()), env()));
    assertThat(e.reason()).isIn("connection refused", "no answer within 2 s (timeout)");

    // A dead second server is as fatal as a dead first one: the gate fails closed.
    e = Bounded.within(() -> failure(new LiveConfig.Query(List.of(named.address(), address), null, 2), Map.of()));
    assertThat(e.server()).isEqualTo(address);
    assertThat(e.reason()).isIn("port unreachable (nothing listens there)", "no answer within 2 s (timeout)");
  }

  @Test
  void aSnapshotIsReadFromTheRepository() throws Exception {
    MemoryTree repo = new MemoryTree(Map.of("live/example.com.zone", V1.getBytes(StandardCharsets.UTF_8)));
    LiveSource s = LiveSources.of(ZONE, new LiveConfig.Snapshot("live/example.com.zone"), Map.of(), repo);
    assertThat(s.describe()).isEqualTo("snapshot live/example.com.zone");
    assertThat(s.read(ZONE, List.of()).zone().rrsets()).isEqualTo(fromFile(V1).rrsets());

    LiveSource missing = LiveSources.of(ZONE, new LiveConfig.Snapshot("live/nope.zone"), Map.of(), repo);
    LiveException e = catchThrowableOfType(LiveException.class, () -> missing.read(ZONE, List.of()));
    assertThat(e.getMessage()).isEqualTo("zone example.com.: live/nope.zone: no such file");
  }

  @Test
  void descriptionsNameTheKeyButNeverTheSecret() {
    assertThat(LiveSources.of(ZONE, axfr(5353, key()), env(), null).describe())
        .isEqualTo("axfr 127.0.0.1:5353 key gate-key");
    assertThat(
            LiveSources.of(ZONE, new LiveConfig.Query(List.of("192.0.2.1", "[2001:db8::1]:5353", "2001:db8::2"), key(), 2), env(), null)
                .describe())
        .isEqualTo("query 192.0.2.1:53, [2001:db8::1]:5353, [2001:db8::2]:53 key gate-key");
  }

  // Transfers BIND would never send, from a scripted server: each must fail, never pass.

  /** Serves one TCP connection: reads the query, lets {@code script} answer, then closes. */
  static int scripted(BiConsumer<Message, DataOutputStream> script) throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    Thread t =
        new Thread(
            () -> {
              try (server;
                  Socket s = server.accept();
                  DataInputStream in = new DataInputStream(s.getInputStream());
                  DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
                byte[] q = new byte[in.readUnsignedShort()];
                in.readFully(q);
                script.accept(new Message(q), out);
                out.flush();
              } catch (IOException e) {
                // The client gave up; the test judges what it saw.
              }
            });
    t.setDaemon(true);
    t.start();
    return server.getLocalPort();
  }

  static void send(DataOutputStream out, Message query, int rcode, org.xbill.DNS.Record... answers) {
    Message m = new Message(query.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.AA);
    m.getHeader().setRcode(rcode);
    m.addRecord(query.getQuestion(), Section.QUESTION);
    for (org.xbill.DNS.Record r : answers) {
      m.addRecord(r, Section.ANSWER);
    }
    byte[] wire = m.toWire();
    try {
      out.writeShort(wire.length);
      out.write(wire);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SOARecord soa(long serial) throws IOException {
    Name z = Name.fromString(ZONE);
    return new SOARecord(z, DClass.IN, 300, Name.fromString("ns1", z), Name.fromString("hm", z), serial, 1, 1, 1, 1);
  }

  static ARecord a(String name) throws IOException {
    return new ARecord(Name.fromString(name), DClass.IN, 300, InetAddress.getByName("192.0.2.1"));
  }

  @Test
  void aTransferEndingWithAnotherSoaFails() throws Exception {
    SOARecord one = soa(1);
    SOARecord two = soa(2);
    ARecord www = a("www." + ZONE);
    int port = scripted((q, out) -> send(out, q, Rcode.NOERROR, one, www, two));
    assertThat(failure(axfr(port, null), Map.of()).reason())
        .isEqualTo("the transfer ends with a different SOA (serial 1 at the start, 2 at the end)");
  }

  @Test
  void aTransferCutOffBeforeItsClosingSoaFails() throws Exception {
    SOARecord one = soa(1);
    ARecord www = a("www." + ZONE);
    int port = scripted((q, out) -> send(out, q, Rcode.NOERROR, one, www));
    assertThat(failure(axfr(port, null), Map.of()).reason()).contains("cut off before its closing SOA");
  }

  @Test
  void aRecordOutsideTheZoneFails() throws Exception {
    SOARecord one = soa(1);
    ARecord evil = a("www.example.net.");
    int port = scripted((q, out) -> send(out, q, Rcode.NOERROR, one, evil, one));
    assertThat(failure(axfr(port, null), Map.of()).reason())
        .isEqualTo("the transfer holds www.example.net. A, outside the zone");
  }

  @Test
  void notImplementedAndSilenceFail() throws Exception {
    int port = scripted((q, out) -> send(out, q, Rcode.NOTIMP));
    assertThat(failure(axfr(port, null), Map.of()).reason())
        .isEqualTo("the server does not implement zone transfers (NOTIMP)");

    // The server reads the query and says nothing until the client has given up, however slow the
    // machine: only the client's own 2 s timeout can end the transfer.
    CountDownLatch gaveUp = new CountDownLatch(1);
    int silent = scripted((q, out) -> awaitQuietly(gaveUp));
    try {
      assertThat(Bounded.within(() -> failure(axfr(silent, null), Map.of())).reason())
          .isEqualTo("no answer within 2 s (timeout)");
    } finally {
      gaveUp.countDown();
    }
  }

  /** Waits for {@code latch}; an interrupt (the test is over) ends the wait too. */
  static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterAll
  static void nothingEverSaysTheSecret() {
    byte[] raw = Base64.getDecoder().decode(named.secret());
    assertThat(said).isNotEmpty();
    for (String s : said) {
      assertThat(s)
          .doesNotContain(named.secret())
          .doesNotContain(named.secret().substring(0, 12))
          .doesNotContainIgnoringCase(HexFormat.of().formatHex(raw).substring(0, 16))
          .doesNotContain(new String(raw, StandardCharsets.ISO_8859_1));
    }
  }
}
