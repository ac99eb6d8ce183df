package dev.zonegate.zone;

/**
 * The package-private corners of the zone readers that the benchmarks (dev.zonegate.bench) need:
 * the dnsjava-only reference reader, and whether the fast path read a file. Benchmarks only; this
 * file is compiled under {@code -Pjmh} and never lands in zonegate.jar.
 */
public final class BenchAccess {
  private BenchAccess() {}

  /** Reads every file with dnsjava alone, as FastMasterReaderTest's reference does. */
  public static MasterFileReader dnsjavaOnly() {
    return new MasterFileReader(MasterFileReader.DEFAULT_MAX_GENERATED, false);
  }

  /** How many files {@link FastMasterReader} has read for {@code reader}. */
  public static int fastPathFiles(MasterFileReader reader) {
    return reader.fastPathFiles();
  }
}
