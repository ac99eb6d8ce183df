package dev.zonegate.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for Cloudflare's API v4, on 127.0.0.1: no emulator of Cloudflare exists, so this JDK
 * {@code HttpServer} answers {@code GET /client/v4/zones?name=} and
 * {@code GET /client/v4/zones/{id}/dns_records?page=&per_page=} with bodies in the documented v4
 * shapes (the {@code success}/{@code errors}/{@code messages}/{@code result}/{@code result_info}
 * envelope, records with {@code content}, {@code data}, {@code priority}, {@code proxied},
 * {@code ttl}), paged at {@link #pageSize} records at most whatever {@code per_page} asks, with a
 * bearer token checked as Cloudflare does (400 without one, 403 for a wrong one). Faults are
 * injected per test: throttling, a failing or unparseable page, a stall, a listing that changes.
 */
public final class FakeCloudflareApi implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What to do instead of answering. */
  public enum Fault {
    NONE,
    /** 429 with Retry-After: 0 on every request. */
    THROTTLE_ALWAYS,
    /** 429 with Retry-After: 0 on the first request only. */
    THROTTLE_ONCE,
    /** 500 on the second page. */
    FAIL_PAGE_TWO,
    /** The second page is cut off mid-JSON. */
    TRUNCATE_PAGE_TWO,
    /** The second page says success: false. */
    UNSUCCESSFUL_PAGE_TWO,
    /** The second page reports one more record in total than the first. */
    TOTAL_CHANGES,
    /** No answer at all (until the server stops). */
    STALL,
    /** Every request is refused as if the token were wrong (403, Cloudflare's code 9109). */
    FORBIDDEN,
    /** 401, as for a token that is not valid at all. */
    UNAUTHORIZED
  }

  private final HttpServer server;
  private final String token = "cf-" + HexFormat.of().formatHex(random(20));
  private final Map<String, String> zoneNames = new LinkedHashMap<>(); // id -> name
  private final Map<String, List<ObjectNode>> records = new LinkedHashMap<>(); // id -> records
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private volatile int pageSize = 3;
  private volatile Fault fault = Fault.NONE;
  /** Released by {@link #close()}: a stalled request is held until then, however slow the machine. */
  private final CountDownLatch closed = new CountDownLatch(1);

  public FakeCloudflareApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    server.createContext("/client/v4/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-cloudflare");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /** {@code http://127.0.0.1:PORT/client/v4}, as the {@code url} of a {@code cloudflare:} config. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";
  }

  public String token() {
    return token;
  }

  public int requests() {
    return requests.get();
  }

  /** Paths and queries requested, in order. */
  public List<String> paths() {
    return List.copyOf(paths);
  }

  public FakeCloudflareApi pageSize(int n) {
    pageSize = n;
    return this;
  }

  public FakeCloudflareApi fault(Fault f) {
    fault = f;
    requests.set(0);
    return this;
  }

  /** A zone (name without the trailing dot, as Cloudflare writes it); returns its id. */
  public String zone(String name) {
    String id = HexFormat.of().formatHex(random(16));
    zoneNames.put(id, name);
    records.put(id, new CopyOnWriteArrayList<>());
    return id;
  }

  /** Replaces the zone's records. */
  public void records(String id, List<ObjectNode> recs) {
    records.put(id, new CopyOnWriteArrayList<>(recs));
  }

  /** A record with {@code content}: name without the trailing dot, as Cloudflare lists it. */
  public static ObjectNode record(String name, String type, String content, long ttl, boolean proxied) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", HexFormat.of().formatHex(random(16)));
    o.put("name", name);
    o.put("type", type);
    o.put("content", content);
    o.put("proxiable", type.equals("A") || type.equals("AAAA") || type.equals("CNAME"));
    o.put("proxied", proxied);
    o.put("ttl", ttl);
    o.put("locked", false);
    o.putObject("meta").put("auto_added", false).put("source", "primary");
    o.putNull("comment");
    o.putArray("tags");
    o.put("created_on", "2024-01-01T00:00:00.000000Z");
    o.put("modified_on", "2024-01-01T00:00:00.000000Z");
    return o;
  }

  /** An MX (or any record with a priority). */
  public static ObjectNode withPriority(ObjectNode record, int priority) {
    record.put("priority", priority);
    return record;
  }

  /** A record whose value is in {@code data} (SRV, CAA, ...), with the content Cloudflare also gives. */
  public static ObjectNode withData(ObjectNode record, Map<String, Object> data) {
    ObjectNode d = record.putObject("data");
    data.forEach((k, v) -> d.set(k, JSON.valueToTree(v)));
    return record;
  }

  private void handle(HttpExchange x) throws IOException {
    int n = requests.incrementAndGet();
    String path = x.getRequestURI().getPath().substring("/client/v4".length());
    String query = x.getRequestURI().getRawQuery();
    paths.add(path + (query == null ? "" : "?" + query));
    Map<String, String> q = query(query);
    Fault f = fault;
    String auth = x.getRequestHeaders().getFirst("Authorization");
    if (f == Fault.STALL) {
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      x.close();
      return;
    }
    if (auth == null) {
      send(x, 400, error(6003, "Invalid request headers"), null);
      return;
    }
    if (f == Fault.UNAUTHORIZED) {
      send(x, 401, error(10000, "Authentication error"), null);
      return;
    }
    if (!auth.equals("Bearer " + token) || f == Fault.FORBIDDEN) {
      send(x, 403, error(9109, "Unauthorized to access requested resource"), null);
      return;
    }
    if (f == Fault.THROTTLE_ALWAYS || (f == Fault.THROTTLE_ONCE && n == 1)) {
      send(x, 429, error(971, "Please wait and consider throttling your request speed"), "0");
      return;
    }
    if (path.equals("/zones")) {
      ArrayNode result = JSON.createArrayNode();
      String name = q.get("name");
      zoneNames.forEach((id, zn) -> {
        if (name == null || name.equals(zn)) {
          result.addObject().put("id", id).put("name", zn).put("status", "active");
        }
      });
      send(x, 200, envelope(result, 1, 50, result.size()), null);
      return;
    }
    String[] parts = path.split("/");
    if (parts.length == 4 && parts[1].equals("zones") && parts[3].equals("dns_records")) {
      List<ObjectNode> all = records.get(parts[2]);
      if (all == null) {
        send(x, 404, error(7003, "Could not route to /zones/" + parts[2] + "/dns_records, perhaps your object identifier is invalid?"), null);
        return;
      }
      int page = Integer.parseInt(q.getOrDefault("page", "1"));
      int per = Math.min(Integer.parseInt(q.getOrDefault("per_page", "100")), pageSize);
      if (page == 2 && f == Fault.FAIL_PAGE_TWO) {
        send(x, 500, error(10000, "Internal error"), null);
        return;
      }
      ArrayNode result = JSON.createArrayNode();
      List<ObjectNode> snapshot = new ArrayList<>(all);
      for (int i = (page - 1) * per; i < Math.min(snapshot.size(), page * per); i++) {
        result.add(snapshot.get(i));
      }
      int total = snapshot.size() + (f == Fault.TOTAL_CHANGES && page == 2 ? 1 : 0);
      String body = envelope(result, page, per, total);
      if (page == 2 && f == Fault.TRUNCATE_PAGE_TWO) {
        body = body.substring(0, body.length() / 2);
      }
      if (page == 2 && f == Fault.UNSUCCESSFUL_PAGE_TWO) {
        body = error(1000, "Something went wrong");
        send(x, 200, body, null);
        return;
      }
      send(x, 200, body, null);
      return;
    }
    send(x, 404, error(7000, "No route for that URI"), null);
  }

  private static String envelope(ArrayNode result, int page, int perPage, int total) {
    ObjectNode o = JSON.createObjectNode();
    o.set("result", result);
    o.put("success", true);
    o.putArray("errors");
    o.putArray("messages");
    o.putObject("result_info")
        .put("page", page)
        .put("per_page", perPage)
        .put("count", result.size())
        .put("total_count", total)
        .put("total_pages", Math.max(1, (total + perPage - 1) / perPage));
    return JSON.writeValueAsString(o);
  }

  private static String error(int code, String message) {
    ObjectNode o = JSON.createObjectNode();
    o.putNull("result");
    o.put("success", false);
    o.putArray("errors").addObject().put("code", code).put("message", message);
    o.putArray("messages");
    return JSON.writeValueAsString(o);
  }

  private static void send(HttpExchange x, int status, String body, String retryAfter) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    if (retryAfter != null) {
      x.getResponseHeaders().set("Retry-After", retryAfter);
    }
    x.sendResponseHeaders(status, b.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(b);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
