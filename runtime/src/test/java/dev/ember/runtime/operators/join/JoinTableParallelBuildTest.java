package dev.ember.runtime.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A table linked on two threads, or range by range of slots on one or two threads, holds exactly the
 * chains of a one-thread build (same rows, same order within a key), for compact keys of one and two
 * words and for serialized keys, with nulls, duplicates and keys whose probes cross the middle, a
 * range's end or the end of the slots.
 */
class JoinTableParallelBuildTest {
  private static final StructType ONE_WORD = StructType.fromDDL("key0 BIGINT, payload BIGINT");
  private static final StructType TWO_WORDS = StructType.fromDDL("key0 BIGINT, key1 BIGINT, payload BIGINT");
  private static final StructType SERIALIZED = StructType.fromDDL("key0 BIGINT, key1 STRING, payload BIGINT");
  private static final StructType SERIALIZED_ONE = StructType.fromDDL("key0 STRING, payload BIGINT");
  private static final JoinBuildOptions TWO_THREADS_AND_FILTER = new JoinBuildOptions(1, 1);
  private static final JoinBuildOptions BY_RANGE_ONE_THREAD = new JoinBuildOptions(Integer.MAX_VALUE, 1, 1, 1);
  private static final JoinBuildOptions BY_RANGE_TWO_THREADS = new JoinBuildOptions(Integer.MAX_VALUE, 1, 1, 2);

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** A build row: its key components (null: a null component) and its payload, the row's number. */
  private record KeyRow(Long key0, Long key1) {}

  private static List<KeyRow> randomRows(int count, int distinct, long seed) {
    Random random = new Random(seed);
    List<KeyRow> rows = new ArrayList<>();
    for (int row = 0; row < count; row++) {
      Long key0 = random.nextInt(50) == 0 ? null : (long) random.nextInt(distinct);
      Long key1 = random.nextInt(20) == 0 ? null : (long) random.nextInt(3);
      rows.add(new KeyRow(key0, key1));
    }
    return rows;
  }

  /** Builds a table over {@code rows} in two partitions of batches of 1000 rows. */
  private JoinHashTable build(StructType schema, boolean[] nullSafe, List<KeyRow> rows, JoinBuildOptions options) {
    int keyCount = nullSafe.length;
    StructType payloadSchema = StructType.fromDDL("payload BIGINT");
    CompactKeyLayout layout = HashJoinBuildSink.compactLayoutOf(schema, keyCount);
    List<JoinBuildPartition> partitions = new ArrayList<>();
    try {
      int half = rows.size() / 2;
      for (int[] range : new int[][] {{0, half}, {half, rows.size()}}) {
        JoinBuildPartition partition = new JoinBuildPartition(keyCount, nullSafe, layout, payloadSchema, allocator,
            "test join");
        partitions.add(partition);
        for (int start = range[0]; start < range[1]; start += 1000) {
          partition.accept(batch(schema, keyCount, rows, start, Math.min(range[1], start + 1000)));
        }
      }
      return JoinHashTable.build(partitions, payloadSchema, false, layout, options, allocator, "test join");
    } finally {
      partitions.forEach(JoinBuildPartition::close);
    }
  }

  private ColumnBatch batch(StructType schema, int keyCount, List<KeyRow> rows, int from, int to) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, to - from);
    for (int row = from; row < to; row++) {
      KeyRow key = rows.get(row);
      setKey(vectors.get(0), row - from, key.key0());
      if (keyCount == 2) {
        setKey(vectors.get(1), row - from, key.key1());
      }
      ((BigIntVector) vectors.get(keyCount)).setSafe(row - from, row);
    }
    vectors.forEach(vector -> vector.setValueCount(to - from));
    return new ColumnBatch(schema, vectors, to - from);
  }

  private static void setKey(FieldVector vector, int index, Long value) {
    if (value == null) {
      vector.setNull(index);
    } else if (vector instanceof BigIntVector longs) {
      longs.setSafe(index, value);
    } else {
      ((VarCharVector) vector).setSafe(index, ("k" + value).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The payloads (build row numbers) of the chain that {@code key} finds, in chain order. */
  private static List<Long> chain(JoinHashTable table, JoinKeyEncoder encoder, StructType schema, int keyCount,
      KeyRow key, boolean[] nullSafe) {
    int match;
    if (schema == ONE_WORD && key.key0() != null) {
      match = table.findFirst(key.key0().longValue());
    } else {
      encoder.beginKey();
      addComponent(encoder, schema, 0, key.key0(), nullSafe[0]);
      if (keyCount == 2) {
        addComponent(encoder, schema, 1, key.key1(), nullSafe[1]);
      }
      match = table.findFirst(encoder);
    }
    List<Long> payloads = new ArrayList<>();
    for (; match >= 0; match = table.nextMatch(match)) {
      payloads.add(((BigIntVector) table.batch(table.batchIndex(match)).vector(0)).get(table.rowInBatch(match)));
    }
    return payloads;
  }

  private static void addComponent(JoinKeyEncoder encoder, StructType schema, int component, Long value,
      boolean nullSafe) {
    if (value == null) {
      if (nullSafe) {
        encoder.keyNull();
      } else {
        encoder.keyUnmatchable();
      }
    } else if (schema == SERIALIZED && component == 1 || schema == SERIALIZED_ONE) {
      encoder.keyBytes(("k" + value).getBytes(StandardCharsets.UTF_8));
    } else {
      encoder.keyLong(value);
    }
  }

  /** What a one-thread build chains for {@code key}: the rows with an equal key, last row first. */
  private static List<Long> expectedChain(List<KeyRow> rows, KeyRow key, int keyCount, boolean[] nullSafe) {
    List<Long> expected = new ArrayList<>();
    if (key.key0() == null && !nullSafe[0] || keyCount == 2 && key.key1() == null && !nullSafe[1]) {
      return expected;
    }
    for (int row = rows.size() - 1; row >= 0; row--) {
      KeyRow candidate = rows.get(row);
      if (java.util.Objects.equals(candidate.key0(), key.key0())
          && (keyCount == 1 || java.util.Objects.equals(candidate.key1(), key.key1()))) {
        expected.add((long) row);
      }
    }
    return expected;
  }

  /** Returns how many rows the two-thread build deferred. */
  private int assertSameChains(StructType schema, boolean[] nullSafe, List<KeyRow> rows, List<KeyRow> probes) {
    return assertSameChains(schema, nullSafe, rows, probes, TWO_THREADS_AND_FILTER);
  }

  /** Returns how many rows the build with {@code options} deferred. */
  private int assertSameChains(StructType schema, boolean[] nullSafe, List<KeyRow> rows, List<KeyRow> probes,
      JoinBuildOptions options) {
    int keyCount = nullSafe.length;
    try (JoinHashTable single = build(schema, nullSafe, rows, JoinBuildOptions.SINGLE_THREAD_NO_FILTER);
        JoinHashTable parallel = build(schema, nullSafe, rows, options);
        JoinKeyEncoder encoder = new JoinKeyEncoder(allocator)) {
      assertFalse(single.hasBloomFilter());
      assertTrue(parallel.hasBloomFilter());
      assertEquals(rows.size(), parallel.rowCount());
      int matched = 0;
      for (KeyRow probe : probes) {
        List<Long> fromSingle = chain(single, encoder, schema, keyCount, probe, nullSafe);
        assertEquals(fromSingle, chain(parallel, encoder, schema, keyCount, probe, nullSafe), "key " + probe);
        assertEquals(expectedChain(rows, probe, keyCount, nullSafe), fromSingle, "key " + probe);
        matched += fromSingle.isEmpty() ? 0 : 1;
      }
      assertTrue(matched > probes.size() / 4, "too few probes matched to test anything: " + matched);
      for (int row = 0; row < rows.size(); row++) {
        assertEquals(single.batchIndex(row), parallel.batchIndex(row));
        assertEquals(single.rowInBatch(row), parallel.rowInBatch(row));
      }
      return parallel.deferredRowCount();
    }
  }

  /** Every build key, and as many absent keys. */
  private static List<KeyRow> probes(List<KeyRow> rows, int distinct) {
    List<KeyRow> probes = new ArrayList<>(new java.util.LinkedHashSet<>(rows));
    for (long absent = 0; absent < 300; absent++) {
      probes.add(new KeyRow(distinct + absent, absent % 3));
    }
    return probes;
  }

  @Test
  void twoWordCompactKeysChainAsInOneThread() {
    List<KeyRow> rows = randomRows(20_000, 3000, 1);
    assertSameChains(TWO_WORDS, new boolean[] {false, true}, rows, probes(rows, 3000));
  }

  @Test
  void oneWordCompactKeysChainAsInOneThread() {
    List<KeyRow> rows = randomRows(20_000, 8000, 2);
    assertSameChains(ONE_WORD, new boolean[] {false}, rows, probes(rows, 8000));
  }

  @Test
  void serializedKeysChainAsInOneThread() {
    List<KeyRow> rows = randomRows(20_000, 3000, 3);
    assertSameChains(SERIALIZED, new boolean[] {true, false}, rows, probes(rows, 3000));
  }

  /**
   * 64 rows make 128 slots. Keys whose home is one of the last slots of either half fill them, so the
   * later ones cross into the other half (first thread) or past the end (second thread): they are
   * deferred and linked after both threads, still in row order.
   */
  @Test
  void keysCrossingTheMiddleAndTheEndOfTheSlotsAreLinked() {
    List<Long> crossing = new ArrayList<>();
    for (long key = 0; crossing.size() < 12; key++) {
      int home = (int) dev.ember.runtime.operators.aggregate.KeyHash.hashWords(key, 0, 0) & 127;
      if (home == 62 || home == 63 || home == 126 || home == 127) {
        crossing.add(key);
      }
    }
    List<KeyRow> rows = new ArrayList<>();
    for (int row = 0; row < 64; row++) {
      // Each crossing key three times, spread over both partitions; the rest unique filler keys.
      rows.add(new KeyRow(row < 36 ? crossing.get(row % 12) : 1_000_000L + row, null));
    }
    List<KeyRow> probes = new ArrayList<>(new java.util.LinkedHashSet<>(rows));
    assertTrue(assertSameChains(ONE_WORD, new boolean[] {false}, rows, probes) > 0, "no row crossed a half's end");
    assertSameChains(SERIALIZED_ONE, new boolean[] {false}, rows, probes);
  }

  @Test
  void oneWordCompactKeysLinkedByRangeChainAsInOneThread() {
    List<KeyRow> rows = randomRows(20_000, 8000, 4);
    for (JoinBuildOptions options : List.of(BY_RANGE_ONE_THREAD, BY_RANGE_TWO_THREADS)) {
      assertSameChains(ONE_WORD, new boolean[] {false}, rows, probes(rows, 8000), options);
    }
  }

  @Test
  void twoWordCompactKeysLinkedByRangeChainAsInOneThread() {
    List<KeyRow> rows = randomRows(20_000, 3000, 5);
    for (JoinBuildOptions options : List.of(BY_RANGE_ONE_THREAD, BY_RANGE_TWO_THREADS)) {
      assertSameChains(TWO_WORDS, new boolean[] {false, true}, rows, probes(rows, 3000), options);
    }
  }

  /**
   * 20 000 rows make 65 536 slots, linked in four ranges of 16 384. Keys whose home is one of the last
   * slots of the first range or of the table fill them, so the later ones would cross into the next
   * range or past the end: they are deferred and linked after all ranges, still in row order.
   */
  @Test
  void keysCrossingTheEndOfARangeAreLinked() {
    List<Long> crossing = new ArrayList<>();
    for (long key = 0; crossing.size() < 12; key++) {
      int home = (int) dev.ember.runtime.operators.aggregate.KeyHash.hashWords(key, 0, 0) & 65535;
      if (home == 16382 || home == 16383 || home == 65534 || home == 65535) {
        crossing.add(key);
      }
    }
    List<KeyRow> rows = new ArrayList<>();
    for (int row = 0; row < 20_000; row++) {
      rows.add(new KeyRow(row < 36 ? crossing.get(row % 12) : 1_000_000L + row, null));
    }
    List<KeyRow> probes = new ArrayList<>(new java.util.LinkedHashSet<>(rows));
    for (JoinBuildOptions options : List.of(BY_RANGE_ONE_THREAD, BY_RANGE_TWO_THREADS)) {
      assertTrue(assertSameChains(ONE_WORD, new boolean[] {false}, rows, probes, options) > 0,
          "no row crossed a range's end");
    }
  }
}
