package dev.zonegate.live.powerdns;

import dev.zonegate.config.LiveConfig;
import dev.zonegate.live.LiveSource;
import dev.zonegate.live.LiveSourceFactory;
import java.util.Map;

/** Makes the PowerDNS live source (loaded by name by {@code LiveSources}, only when configured). */
public final class PowerDnsFactory implements LiveSourceFactory {
  public PowerDnsFactory() {}

  @Override
  public LiveSource open(String zone, LiveConfig config, Map<String, String> env) {
    return new PowerDnsSource((LiveConfig.PowerDns) config, Map.copyOf(env));
  }
}
