package dev.ember.runtime.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Builds tables through the sink, as a build pipeline's workers do, and probes them key by key. */
class JoinHashTableTest {
  private static final StructType KEYED = StructType.fromDDL("key0 INT, key1 STRING, payload BIGINT");

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** Rows of (int key or null, string key or null, payload). */
  private ColumnBatch batch(BufferAllocator from, Object[]... rows) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(KEYED, from, rows.length);
    for (int row = 0; row < rows.length; row++) {
      if (rows[row][0] == null) {
        ((IntVector) vectors.get(0)).setNull(row);
      } else {
        ((IntVector) vectors.get(0)).setSafe(row, (Integer) rows[row][0]);
      }
      if (rows[row][1] == null) {
        ((VarCharVector) vectors.get(1)).setNull(row);
      } else {
        ((VarCharVector) vectors.get(1)).setSafe(row, ((String) rows[row][1]).getBytes(StandardCharsets.UTF_8));
      }
      ((BigIntVector) vectors.get(2)).setSafe(row, (Long) rows[row][2]);
    }
    vectors.forEach(vector -> vector.setValueCount(rows.length));
    return new ColumnBatch(KEYED, vectors, rows.length);
  }

  private static Object[] row(Integer key, String name, long payload) {
    return new Object[] {key, name, payload};
  }

  /** Two workers' partitions, like a build pipeline with two workers. */
  private BatchSource build(HashJoinBuildSink sink, BufferAllocator from, List<ColumnBatch> first,
      List<ColumnBatch> second) {
    List<SinkPartition> partitions = new ArrayList<>();
    for (List<ColumnBatch> batches : List.of(first, second)) {
      SinkPartition partition = sink.createPartition(from);
      partitions.add(partition);
      batches.forEach(batch -> ((BatchConsumer) partition).accept(batch));
    }
    return sink.finish(partitions, from);
  }

  private static List<Long> matches(JoinHashTable table, JoinKeyEncoder key) {
    List<Long> payloads = new ArrayList<>();
    for (int row = table.findFirst(key); row >= 0; row = table.nextMatch(row)) {
      BigIntVector payload = (BigIntVector) table.batch(table.batchIndex(row)).vector(0);
      payloads.add(payload.get(table.rowInBatch(row)));
    }
    payloads.sort(null);
    return payloads;
  }

  @Test
  void findsEveryRowWithAnEqualMultiColumnKeyAcrossPartitions() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    HashJoinBuildSink sink = new HashJoinBuildSink(KEYED, List.of(false, false), handle);
    try (BatchSource owner = build(sink, allocator,
        List.of(batch(allocator, row(1, "a", 10), row(2, "b", 20)), batch(allocator, row(1, "a", 11))),
        List.of(batch(allocator, row(1, "a", 12), row(1, "b", 13), row(null, "a", 14), row(3, null, 15))));
        JoinKeyEncoder key = new JoinKeyEncoder(allocator)) {
      JoinHashTable table = handle.table();
      assertEquals(7, table.rowCount());
      key.beginKey();
      key.keyInt(1);
      key.keyBytes("a".getBytes(StandardCharsets.UTF_8));
      assertEquals(List.of(10L, 11L, 12L), matches(table, key));
      key.beginKey();
      key.keyInt(1);
      key.keyBytes("b".getBytes(StandardCharsets.UTF_8));
      assertEquals(List.of(13L), matches(table, key));
      key.beginKey();
      key.keyInt(4);
      key.keyBytes("a".getBytes(StandardCharsets.UTF_8));
      assertEquals(List.of(), matches(table, key));
      // A null = key matches nothing, not even the build rows with a null key.
      key.beginKey();
      key.keyUnmatchable();
      key.keyBytes("a".getBytes(StandardCharsets.UTF_8));
      assertEquals(List.of(), matches(table, key));
      assertFalse(table.matched(0));
      table.markMatched(0);
      assertTrue(table.matched(0));
    }
    assertThrows(IllegalStateException.class, handle::table, "closing the owner releases the table");
  }

  @Test
  void nullSafeKeysMatchNulls() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    HashJoinBuildSink sink = new HashJoinBuildSink(KEYED, List.of(true, false), handle);
    try (BatchSource owner = build(sink, allocator, List.of(batch(allocator, row(null, "a", 1), row(0, "a", 2))),
        List.of());
        JoinKeyEncoder key = new JoinKeyEncoder(allocator)) {
      key.beginKey();
      key.keyNull();
      key.keyBytes("a".getBytes(StandardCharsets.UTF_8));
      assertEquals(List.of(1L), matches(handle.table(), key));
      key.beginKey();
      key.keyInt(0);
      key.keyBytes("a".getBytes(StandardCharsets.UTF_8));
      assertEquals(List.of(2L), matches(handle.table(), key));
    }
  }

  @Test
  void aKeylessTableChainsEveryRow() {
    StructType payloadOnly = StructType.fromDDL("payload BIGINT");
    JoinTableHandle handle = new JoinTableHandle("test nested loop");
    HashJoinBuildSink sink = new HashJoinBuildSink(payloadOnly, List.of(), handle);
    List<SinkPartition> partitions = List.of(sink.createPartition(allocator));
    List<FieldVector> vectors = ColumnBatch.allocateVectors(payloadOnly, allocator, 3);
    for (int row = 0; row < 3; row++) {
      ((BigIntVector) vectors.get(0)).set(row, row * 10L);
    }
    vectors.get(0).setValueCount(3);
    ((BatchConsumer) partitions.get(0)).accept(new ColumnBatch(payloadOnly, vectors, 3));
    try (BatchSource owner = sink.finish(partitions, allocator);
        JoinKeyEncoder key = new JoinKeyEncoder(allocator)) {
      key.beginKey();
      assertEquals(List.of(0L, 10L, 20L), matches(handle.table(), key));
    }
  }

  @Test
  void aBuildSideOverTheMemoryLimitFailsNamingTheJoin() {
    // The partition's key buffers come from a small allocator; the batches, made elsewhere, do not count.
    try (BufferAllocator limited = Allocators.newRoot(64 * 1024)) {
      JoinTableHandle handle = new JoinTableHandle("HashJoin [id#1], [id#2], Inner");
      HashJoinBuildSink sink = new HashJoinBuildSink(KEYED, List.of(false, false), handle);
      String longName = "x".repeat(2000);
      try (SinkPartition partition = sink.createPartition(limited)) {
        SparkException error = assertThrows(SparkException.class, () -> {
          for (int i = 0; i < 100; i++) {
            ((BatchConsumer) partition).accept(batch(allocator, row(i, longName + i, i)));
          }
        });
        assertEquals("UNABLE_TO_ACQUIRE_MEMORY", error.getCondition());
        assertTrue(error.getMessage().contains("hash join build side of HashJoin [id#1], [id#2], Inner"),
            error.getMessage());
      }
    }
  }
}
