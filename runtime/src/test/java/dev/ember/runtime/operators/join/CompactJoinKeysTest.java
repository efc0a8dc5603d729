package dev.ember.runtime.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tables whose keys fit two words: probed with words (as generated code does) and with serialized
 * keys (as the interpreted probe does), both giving what the serialized table gives.
 */
class CompactJoinKeysTest {
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    System.clearProperty(HashJoinBuildSink.SERIALIZED_KEYS_PROPERTY);
    allocator.close();
  }

  /** A batch of {@code schema} whose last column is a BIGINT payload; a null value is a null. */
  private ColumnBatch batch(StructType schema, List<Object[]> rows) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, rows.size());
    for (int row = 0; row < rows.size(); row++) {
      for (int column = 0; column < schema.length(); column++) {
        Object value = rows.get(row)[column];
        FieldVector vector = vectors.get(column);
        if (value == null) {
          vector.setNull(row);
        } else if (vector instanceof BigIntVector longs) {
          longs.setSafe(row, (Long) value);
        } else if (vector instanceof IntVector ints) {
          ints.setSafe(row, (Integer) value);
        } else if (vector instanceof Float8Vector doubles) {
          doubles.setSafe(row, (Double) value);
        } else if (vector instanceof DecimalVector decimals) {
          decimals.setSafe(row, (BigDecimal) value);
        } else if (vector instanceof DateDayVector days) {
          days.setSafe(row, (Integer) value);
        } else if (vector instanceof BitVector bits) {
          bits.setSafe(row, (Boolean) value ? 1 : 0);
        } else {
          throw new IllegalArgumentException("no test values for " + vector.getField());
        }
      }
    }
    vectors.forEach(vector -> vector.setValueCount(rows.size()));
    return new ColumnBatch(schema, vectors, rows.size());
  }

  /** Builds over two partitions (the rows split in half), as two build workers would. */
  private BatchSource build(JoinTableHandle handle, StructType schema, List<Boolean> nullSafe, List<Object[]> rows) {
    HashJoinBuildSink sink = new HashJoinBuildSink(schema, nullSafe, handle);
    List<SinkPartition> partitions = new ArrayList<>();
    int half = rows.size() / 2;
    for (List<Object[]> part : List.of(rows.subList(0, half), rows.subList(half, rows.size()))) {
      SinkPartition partition = sink.createPartition(allocator);
      partitions.add(partition);
      if (!part.isEmpty()) {
        ((BatchConsumer) partition).accept(batch(schema, part));
      }
    }
    return sink.finish(partitions, allocator);
  }

  private static List<Long> payloads(JoinHashTable table, int first) {
    List<Long> payloads = new ArrayList<>();
    for (int row = first; row >= 0; row = table.nextMatch(row)) {
      BigIntVector payload = (BigIntVector) table.batch(table.batchIndex(row)).vector(0);
      payloads.add(payload.get(table.rowInBatch(row)));
    }
    payloads.sort(null);
    return payloads;
  }

  private List<Long> serializedProbe(JoinHashTable table, Consumer<JoinKeyEncoder> key) {
    try (JoinKeyEncoder encoder = new JoinKeyEncoder(allocator)) {
      encoder.beginKey();
      key.accept(encoder);
      return payloads(table, table.findFirst(encoder));
    }
  }

  @Test
  void aSingleLongKeyFindsEveryRowThroughCollisionsAndChains() {
    StructType schema = StructType.fromDDL("key0 BIGINT, payload BIGINT");
    List<Object[]> rows = new ArrayList<>();
    // 20 000 distinct keys, spread and negative too, so probing runs cross each other; key 7 has three rows.
    for (long i = 0; i < 20_000; i++) {
      rows.add(new Object[] {i * 1_000_003L - 5_000_000L, i});
    }
    rows.add(new Object[] {7 * 1_000_003L - 5_000_000L, 100_000L});
    rows.add(new Object[] {7 * 1_000_003L - 5_000_000L, 100_001L});
    rows.add(new Object[] {null, 100_002L});
    JoinTableHandle handle = new JoinTableHandle("test join");
    try (BatchSource owner = build(handle, schema, List.of(false), rows)) {
      JoinHashTable table = handle.table();
      assertNotNull(table.compactLayout());
      assertEquals(20_003, table.rowCount());
      for (long i = 0; i < 20_000; i++) {
        long key = i * 1_000_003L - 5_000_000L;
        List<Long> expected = i == 7 ? List.of(7L, 100_000L, 100_001L) : List.of(i);
        assertEquals(expected, payloads(table, table.findFirst(key)), "key " + key);
        assertEquals(expected, payloads(table, table.findFirst(key, 0L, 0)), "key " + key);
        assertEquals(List.of(), payloads(table, table.findFirst(key + 1)), "key " + (key + 1));
      }
      assertEquals(List.of(7L, 100_000L, 100_001L),
          serializedProbe(table, encoder -> encoder.keyLong(7 * 1_000_003L - 5_000_000L)));
      // An INT probe key equals the BIGINT build key of the same value, as serialized keys do.
      assertEquals(List.of(5L), serializedProbe(table, encoder -> encoder.keyInt(5 * 1_000_003 - 5_000_000)));
      // A null = key matches nothing, not even the build row with a null key.
      assertEquals(List.of(), serializedProbe(table, JoinKeyEncoder::keyUnmatchable));
      assertEquals(List.of(), payloads(table, table.findFirst(0L, 0L, 1)));
    }
  }

  @Test
  void twoComponentKeysWithNullSafeNullsMatchLikeSerializedKeys() {
    StructType schema = StructType.fromDDL("key0 INT, key1 BIGINT, payload BIGINT");
    List<Object[]> rows = List.of(
        new Object[] {1, 10L, 1L}, new Object[] {1, 10L, 2L}, new Object[] {1, 11L, 3L},
        new Object[] {null, 10L, 4L}, new Object[] {2, null, 5L}, new Object[] {null, 10L, 6L});
    List<List<Long>> answers = new ArrayList<>();
    for (boolean compact : new boolean[] {true, false}) {
      System.setProperty(HashJoinBuildSink.SERIALIZED_KEYS_PROPERTY, Boolean.toString(!compact));
      JoinTableHandle handle = new JoinTableHandle("test join");
      try (BatchSource owner = build(handle, schema, List.of(true, false), rows)) {
        JoinHashTable table = handle.table();
        assertEquals(compact, table.compactLayout() != null);
        answers.add(serializedProbe(table, encoder -> {
          encoder.keyInt(1);
          encoder.keyLong(10);
        }));
        answers.add(serializedProbe(table, encoder -> {
          encoder.keyNull();
          encoder.keyLong(10);
        }));
        answers.add(serializedProbe(table, encoder -> {
          encoder.keyInt(2);
          encoder.keyUnmatchable();
        }));
        answers.add(serializedProbe(table, encoder -> {
          encoder.keyInt(1);
          encoder.keyLong(12);
        }));
        if (compact) {
          CompactKeyLayout layout = table.compactLayout();
          assertTrue(table.compactKeysMatch(layout));
          // The words generated code builds: the int in word 1, the long in word 0 (widest first).
          assertEquals(1, layout.word(0));
          assertEquals(List.of(1L, 2L), payloads(table, table.findFirst(10L, 1L, 0)));
          assertEquals(List.of(4L, 6L), payloads(table, table.findFirst(10L, 0L, 1)));
          assertEquals(List.of(), payloads(table, table.findFirst(0L, 2L, 2)));
        }
      }
    }
    assertEquals(List.of(1L, 2L), answers.get(0));
    assertEquals(List.of(4L, 6L), answers.get(1));
    assertEquals(List.of(), answers.get(2));
    assertEquals(List.of(), answers.get(3));
    assertEquals(answers.subList(0, 4), answers.subList(4, 8));
  }

  @Test
  void doublesAndDecimalsNormaliseAsSerializedKeysDo() {
    StructType schema = StructType.fromDDL("key0 DOUBLE, key1 DECIMAL(10,2), payload BIGINT");
    List<Object[]> rows = List.of(
        new Object[] {-0.0, new BigDecimal("-12.50"), 1L},
        new Object[] {Double.NaN, new BigDecimal("99999999.99"), 2L},
        new Object[] {1.5, new BigDecimal("0.01"), 3L});
    JoinTableHandle handle = new JoinTableHandle("test join");
    try (BatchSource owner = build(handle, schema, List.of(false, false), rows)) {
      JoinHashTable table = handle.table();
      assertNotNull(table.compactLayout());
      assertEquals(List.of(1L), serializedProbe(table, encoder -> {
        encoder.keyDouble(0.0);
        encoder.keyDecimal(-1250, -1);
      }));
      assertEquals(List.of(2L), serializedProbe(table, encoder -> {
        encoder.keyDouble(Double.longBitsToDouble(0x7ff8000000000123L));
        encoder.keyDecimal(9999999999L, 0);
      }));
      // A decimal beyond the long range cannot equal any build key.
      assertEquals(List.of(), serializedProbe(table, encoder -> {
        encoder.keyDouble(1.5);
        encoder.keyDecimal(1, 1);
      }));
      assertEquals(List.of(3L), serializedProbe(table, encoder -> {
        encoder.keyDouble(1.5);
        encoder.keyDecimal(1, 0);
      }));
    }
  }

  @Test
  void datesAndBooleansShareAWordAndRoundTripThroughKeyWords() {
    StructType schema = StructType.fromDDL("key0 DATE, key1 BOOLEAN, payload BIGINT");
    List<Object[]> rows = List.of(
        new Object[] {19000, true, 1L}, new Object[] {-5, false, 2L}, new Object[] {-5, true, 3L});
    JoinTableHandle handle = new JoinTableHandle("test join");
    try (BatchSource owner = build(handle, schema, List.of(false, false), rows)) {
      JoinHashTable table = handle.table();
      CompactKeyLayout layout = table.compactLayout();
      assertNotNull(layout);
      assertFalse(layout.usesSecondWord());
      assertEquals(List.of(2L), serializedProbe(table, encoder -> {
        encoder.keyInt(-5);
        encoder.keyBoolean(false);
      }));
      // An int probe value that is out of the date's int range equals nothing.
      assertEquals(List.of(), serializedProbe(table, encoder -> {
        encoder.keyLong(-5L + (1L << 32));
        encoder.keyBoolean(false);
      }));
      try (JoinKeyEncoder encoder = new JoinKeyEncoder(allocator)) {
        encoder.beginKey();
        encoder.keyInt(-5);
        encoder.keyBoolean(true);
        assertTrue(encoder.toWords(layout));
        long word0 = encoder.word0();
        assertEquals(List.of(3L), payloads(table, table.findFirst(word0, 0L, 0)));
        assertEquals(List.of(3L), payloads(table, table.findFirst(word0)));
        encoder.keyWords(layout, word0, 0L, 0, 0);
        assertTrue(encoder.toWords(layout));
        assertEquals(word0, encoder.word0());
        encoder.keyWords(layout, word0, 0L, 0b10, 0b01);
        assertTrue(encoder.unmatchable(), "a null = component makes the key unmatchable");
        assertFalse(encoder.toWords(layout));
      }
    }
  }

  @Test
  void stringsAndWideDecimalsStaySerialized() {
    for (String ddl : List.of("key0 STRING, payload BIGINT", "key0 DECIMAL(20,2), payload BIGINT")) {
      JoinTableHandle handle = new JoinTableHandle("test join");
      HashJoinBuildSink sink = new HashJoinBuildSink(StructType.fromDDL(ddl), List.of(false), handle);
      try (BatchSource owner = sink.finish(List.of(sink.createPartition(allocator)), allocator)) {
        assertNull(handle.table().compactLayout(), ddl);
        assertFalse(handle.table().compactKeysMatch(CompactKeyLayout.of(List.of(
            dev.ember.sql.types.DataTypes.LongType)).orElseThrow()), ddl);
      }
    }
  }
}
