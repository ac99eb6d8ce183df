package dev.zonegate.live.cloudflare;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.LiveSourceFactory;
import java.util.Map;

/** Makes the Cloudflare live source (loaded by name by {@code LiveSources}, only when configured). */
public final class CloudflareFactory implements LiveSourceFactory {
  public CloudflareFactory() {}

  @Override
  public LiveSource open(String zone, LiveConfig config, Map<String, String> env) {
    return new CloudflareSource((LiveConfig.Cloudflare) config, Map.copyOf(env));
  }
}
