package dev.zonegate.live.route53;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A scripted Route 53 on 127.0.0.1 (the JDK's HttpServer) for the failures moto cannot produce:
 * 403s, throttling, a page failing mid-listing, bodies that are not Route 53 XML. It answers with
 * the service's own XML shapes; {@link #requests()} is what the client asked, in order.
 */
public final class Route53Stub implements AutoCloseable {
  static final String NS = "https://route53.amazonaws.com/doc/2013-04-01/";

  /** One request: its path and decoded query parameters. */
  public record Request(String method, String path, Map<String, String> query, String authorization, String body,
      String rawQuery, Map<String, String> headers) {
    public boolean signed() {
      return authorization != null;
    }

    /** An STS call (form-encoded POST to the root), as the web identity exchange makes. */
    public boolean isSts() {
      return method.equals("POST") && path.equals("/") && body.contains("Action=");
    }

    public boolean isListing() {
      return path.endsWith("/rrset");
    }
  }

  /** An answer, sent after {@code delayMillis} (a slow service), or never: see {@link #silence()}. */
  public record Response(int status, String body, long delayMillis) {
    /** The delay of {@link #silence()}. */
    static final long UNTIL_CLOSED = -1;

    public static Response ok(String body) {
      return new Response(200, body, 0);
    }

    /** No answer at all until the stub is closed, however long the client waits. */
    public static Response silence() {
      return new Response(200, "", UNTIL_CLOSED);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  /** Released by {@link #close()}: a silent request is held until then. */
  private final CountDownLatch closed = new CountDownLatch(1);

  public Route53Stub(Function<Request, Response> script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "route53-stub");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", ex -> handle(ex, script));
    server.start();
  }

  private void handle(HttpExchange ex, Function<Request, Response> script) throws IOException {
    try (ex) {
      Map<String, String> query = new LinkedHashMap<>();
      String raw = ex.getRequestURI().getRawQuery();
      if (raw != null) {
        for (String kv : raw.split("&")) {
          int eq = kv.indexOf('=');
          String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
          String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
          query.put(k, v);
        }
      }
      String sent = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new TreeMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
      Request req =
          new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), query,
              ex.getRequestHeaders().getFirst("Authorization"), URLDecoder.decode(sent, StandardCharsets.UTF_8),
              raw == null ? "" : raw, headers);
      requests.add(req);
      Response r = script.apply(req);
      if (r.delayMillis() == Response.UNTIL_CLOSED) {
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (r.delayMillis() > 0) {
        try {
          // A slow page (the progress test): a slower machine only makes it slower, which that
          // test's assertions allow; nothing waits for it to end at a given time.
          Thread.sleep(r.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/xml");
      ex.getResponseHeaders().set("x-amzn-RequestId", "stub-request");
      ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      // The client gave up (a timeout test); nothing to answer.
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> listings() {
    return requests.stream().filter(Request::isListing).toList();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }

  // Route 53's XML, as the service sends it.

  /** An error as Route 53 sends one (ErrorResponse, Type Sender or Receiver). */
  public static Response error(int status, String code, String message) {
    return new Response(
        status,
        "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + (status >= 500 ? "Receiver" : "Sender")
            + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error><RequestId>stub-request</RequestId></ErrorResponse>",
        0);
  }

  public static Response hostedZone(String id, String name) {
    return Response.ok(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GetHostedZoneResponse xmlns=\"" + NS + "\"><HostedZone><Id>/hostedzone/" + id
            + "</Id><Name>" + name + "</Name><CallerReference>stub</CallerReference><Config><PrivateZone>false</PrivateZone></Config>"
            + "<ResourceRecordSetCount>3</ResourceRecordSetCount></HostedZone><DelegationSet><NameServers><NameServer>ns-1.awsdns-01.org</NameServer>"
            + "</NameServers></DelegationSet></GetHostedZoneResponse>");
  }

  /** One ListResourceRecordSets page; {@code next} is {name, type, identifier-or-null} when truncated. */
  public static Response page(List<String> sets, String... next) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListResourceRecordSetsResponse xmlns=\"" + NS + "\"><ResourceRecordSets>");
    sets.forEach(sb::append);
    sb.append("</ResourceRecordSets><IsTruncated>").append(next.length > 0).append("</IsTruncated>");
    if (next.length > 0) {
      sb.append("<NextRecordName>").append(next[0]).append("</NextRecordName><NextRecordType>").append(next[1]).append("</NextRecordType>");
      if (next.length > 2 && next[2] != null) {
        sb.append("<NextRecordIdentifier>").append(next[2]).append("</NextRecordIdentifier>");
      }
    }
    sb.append("<MaxItems>300</MaxItems></ListResourceRecordSetsResponse>");
    return Response.ok(sb.toString());
  }

  public static String set(String name, String type, long ttl, String... values) {
    StringBuilder sb = new StringBuilder("<ResourceRecordSet><Name>" + name + "</Name><Type>" + type + "</Type><TTL>" + ttl + "</TTL><ResourceRecords>");
    for (String v : values) {
      sb.append("<ResourceRecord><Value>").append(v).append("</Value></ResourceRecord>");
    }
    return sb.append("</ResourceRecords></ResourceRecordSet>").toString();
  }

  public static String weighted(String name, String id, long weight, String value) {
    return "<ResourceRecordSet><Name>" + name + "</Name><Type>A</Type><SetIdentifier>" + id + "</SetIdentifier><Weight>" + weight
        + "</Weight><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>" + value + "</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>";
  }

  public static final String SOA = set("example.com.", "SOA", 900, "ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
  public static final String NS_SET = set("example.com.", "NS", 172800, "ns-1.awsdns-01.org.", "ns-2.awsdns-02.net.");
}
