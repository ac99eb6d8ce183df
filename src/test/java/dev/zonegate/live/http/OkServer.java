package dev.zonegate.live.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A plain HTTP server on the loopback address that answers every request with {@code {"ok":true}}. */
final class OkServer {
  private OkServer() {}

  /** Started; the caller stops it. */
  static HttpServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext("/", x -> {
      byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.start();
    return server;
  }
}
