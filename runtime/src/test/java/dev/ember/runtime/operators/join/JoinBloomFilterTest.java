package dev.ember.runtime.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.aggregate.KeyHash;
import dev.ember.sql.types.StructType;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JoinBloomFilterTest {
  private static final StructType SCHEMA = StructType.fromDDL("key0 BIGINT, payload BIGINT");

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void addedHashesAreAlwaysFoundAndMostOthersRejected() {
    int slotCount = 1 << 18;
    int keys = slotCount / 4;
    Random random = new Random(7);
    Set<Long> added = new HashSet<>();
    try (JoinBloomFilter filter = new JoinBloomFilter(slotCount, allocator, "test join")) {
      while (added.size() < keys) {
        long hash = KeyHash.hashWords(random.nextLong(), 0, 0);
        added.add(hash);
        filter.add(hash, (int) hash & (slotCount - 1));
      }
      for (long hash : added) {
        assertTrue(filter.mightContain(hash, (int) hash & (slotCount - 1)), "false negative for hash " + hash);
      }
      int rejected = 0;
      int absent = 100_000;
      for (int probe = 0; probe < absent; probe++) {
        long hash = KeyHash.hashWords(random.nextLong(), 1, 0);
        rejected += added.contains(hash) || filter.mightContain(hash, (int) hash & (slotCount - 1)) ? 0 : 1;
      }
      // Four slots per key give 16 filter bits per key: about 1 % false positives.
      assertTrue(rejected > absent * 0.95, "only " + rejected + " of " + absent + " absent hashes rejected");
    }
  }

  @Test
  void aLargeTableKeepsAFilterWithNoFalseNegativesAndASmallOneNone() {
    int rows = 100_000;
    Random random = new Random(11);
    long[] keys = new long[rows];
    for (int row = 0; row < rows; row++) {
      keys[row] = random.nextLong() | 1;
    }
    try (JoinHashTable large = build(keys, new JoinBuildOptions(Integer.MAX_VALUE, 1));
        JoinHashTable small = build(new long[] {1, 3, 5}, JoinBuildOptions.fromSystemProperties(2))) {
      assertTrue(large.hasBloomFilter());
      assertFalse(small.hasBloomFilter());
      for (int row = 0; row < rows; row++) {
        assertTrue(large.mightContainHash(KeyHash.hashWords(keys[row], 0, 0)), "key " + keys[row]);
        assertEquals(row, large.findFirst(keys[row]));
      }
      int rejected = 0;
      for (int probe = 0; probe < rows; probe++) {
        long absent = random.nextLong() & ~1L;
        rejected += large.mightContainHash(KeyHash.hashWords(absent, 0, 0)) ? 0 : 1;
        assertEquals(-1, large.findFirst(absent));
      }
      assertTrue(rejected > rows * 0.9, "only " + rejected + " of " + rows + " absent keys rejected");
    }
  }

  /** A table of unique BIGINT keys (payload: the row number) in one partition. */
  private JoinHashTable build(long[] keys, JoinBuildOptions options) {
    StructType payloadSchema = StructType.fromDDL("payload BIGINT");
    var layout = HashJoinBuildSink.compactLayoutOf(SCHEMA, 1);
    try (JoinBuildPartition partition = new JoinBuildPartition(1, new boolean[] {false}, layout, payloadSchema,
        allocator, "test join")) {
      List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, keys.length);
      for (int row = 0; row < keys.length; row++) {
        ((BigIntVector) vectors.get(0)).setSafe(row, keys[row]);
        ((BigIntVector) vectors.get(1)).setSafe(row, row);
      }
      vectors.forEach(vector -> vector.setValueCount(keys.length));
      partition.accept(new ColumnBatch(SCHEMA, vectors, keys.length));
      return JoinHashTable.build(List.of(partition), payloadSchema, false, layout, options, allocator, "test join");
    }
  }
}
