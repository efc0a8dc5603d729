package dev.ember.runtime.operators.join;

import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Ends a join's build pipeline. Its input batches hold the key columns first (computed by the
 * pipeline), then the build side's columns. Each worker keeps its rows and encodes their keys; at the
 * end the partitions are linked into one {@link JoinHashTable}, published through the
 * {@link JoinTableHandle} for the probe pipeline.
 *
 * <p>When every key component is fixed-width and the key fits two words ({@link CompactKeyLayout}),
 * the table holds the keys as words; set the system property {@value #SERIALIZED_KEYS_PROPERTY} to
 * {@code true} to keep them serialized instead (to compare the two in benchmarks).
 *
 * <p>The sink's output is a source with no rows that owns the table: closing it, which the scheduler
 * does once the probe pipeline is done, frees the table.
 */
public final class HashJoinBuildSink implements PipelineSink {
  /** System property that, when true, keeps every join key serialized (no compact keys). */
  public static final String SERIALIZED_KEYS_PROPERTY = "ember.join.serializedKeys";
  /** System property that, when true, links a large build side on two threads when there are two workers. */
  public static final String PARALLEL_BUILD_PROPERTY = "ember.join.parallelBuild";
  /** System property that, when true, keeps a Bloom filter in front of a large table's slots (off by default). */
  public static final String BLOOM_FILTER_PROPERTY = "ember.join.bloomFilter";
  /**
   * System property that, when false, links large tables of compact keys straight from the rows instead
   * of range by range of slots (on by default).
   */
  public static final String PARTITIONED_BUILD_PROPERTY = "ember.join.partitionedBuild";

  private final StructType inputSchema;
  private final StructType payloadSchema;
  private final boolean[] nullSafe;
  private final JoinTableHandle handle;
  private final String operator;
  private final CompactKeyLayout compactLayout;

  /**
   * @param nullSafe per key column, whether a null equals a null ({@code <=>}); empty for a keyless
   *     (nested-loop) build
   */
  public HashJoinBuildSink(StructType inputSchema, List<Boolean> nullSafe, JoinTableHandle handle) {
    this.inputSchema = Objects.requireNonNull(inputSchema, "inputSchema is null");
    this.handle = Objects.requireNonNull(handle, "handle is null");
    this.nullSafe = new boolean[nullSafe.size()];
    for (int i = 0; i < this.nullSafe.length; i++) {
      this.nullSafe[i] = nullSafe.get(i);
    }
    List<StructField> payload = new ArrayList<>();
    for (int i = this.nullSafe.length; i < inputSchema.length(); i++) {
      payload.add(inputSchema.apply(i));
    }
    this.payloadSchema = StructType.of(payload);
    this.compactLayout = compactLayoutOf(inputSchema, this.nullSafe.length);
    this.operator = (this.nullSafe.length == 0 ? "nested-loop join" : "hash join") + " build side of "
        + handle.description();
  }

  /** Strings stay serialized: their words would need the value's length checked on every probe. */
  static CompactKeyLayout compactLayoutOf(StructType inputSchema, int keyCount) {
    if (keyCount == 0 || Boolean.getBoolean(SERIALIZED_KEYS_PROPERTY)) {
      return null;
    }
    List<DataType> keyTypes = new ArrayList<>();
    for (int key = 0; key < keyCount; key++) {
      keyTypes.add(inputSchema.apply(key).dataType());
    }
    CompactKeyLayout layout = CompactKeyLayout.of(keyTypes).orElse(null);
    if (layout == null) {
      return null;
    }
    for (int key = 0; key < keyCount; key++) {
      if (layout.encoding(key) == CompactKeyLayout.Encoding.BYTES) {
        return null;
      }
    }
    return layout;
  }

  @Override
  public StructType outputSchema() {
    return payloadSchema;
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    return new JoinBuildPartition(nullSafe.length, nullSafe, compactLayout, payloadSchema, allocator, operator);
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    try {
      List<JoinBuildPartition> builds = new ArrayList<>();
      partitions.forEach(partition -> builds.add((JoinBuildPartition) partition));
      // One partition per worker: a second one means the session has a second core for the build.
      JoinHashTable table = JoinHashTable.build(builds, payloadSchema, nullSafe.length == 0, compactLayout,
          JoinBuildOptions.fromSystemProperties(partitions.size()), allocator, operator);
      if (!handle.filteredComponents().isEmpty()) {
        try {
          for (int component : handle.filteredComponents()) {
            table.addKeyBitmap(allocator, operator, component);
          }
        } catch (RuntimeException e) {
          table.close();
          throw e;
        }
      }
      handle.set(table);
      return new TableOwner(table);
    } finally {
      partitions.forEach(SinkPartition::close);
    }
  }

  @Override
  public String describe() {
    return (nullSafe.length == 0 ? "NestedLoopJoinBuild" : "HashJoinBuild keys=" + nullSafe.length) + " -> "
        + payloadSchema.simpleString();
  }

  /** No rows; holds the table until the probe is done. */
  private final class TableOwner implements BatchSource {
    private JoinHashTable table;

    TableOwner(JoinHashTable table) {
      this.table = table;
    }

    @Override
    public StructType schema() {
      return payloadSchema;
    }

    @Override
    public List<Morsel> morsels() {
      return List.of();
    }

    @Override
    public BatchStream open(Morsel morsel, BufferAllocator allocator) {
      throw new IllegalArgumentException("a join's build side has no morsels to open");
    }

    @Override
    public void close() {
      if (table != null) {
        handle.clear(table);
        table.close();
        table = null;
      }
    }
  }
}
