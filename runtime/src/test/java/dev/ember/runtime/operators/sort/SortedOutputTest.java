package dev.ember.runtime.operators.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SortedOutputTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void gatherCopiesEveryTypeWithNullsFromManySources() {
    Random random = new Random(21);
    List<ColumnBatch> sources = List.of(PrefixSortTest.randomBatch(allocator, random, true, 300),
        PrefixSortTest.randomBatch(allocator, random, false, 5), PrefixSortTest.randomBatch(allocator, random, true, 700));
    try {
      int rowCount = 2000;
      ColumnBatch[] from = new ColumnBatch[rowCount];
      int[] fromRows = new int[rowCount];
      for (int out = 0; out < rowCount; out++) {
        from[out] = sources.get(random.nextInt(sources.size()));
        fromRows[out] = random.nextInt(from[out].rowCount());
      }
      try (ColumnBatch gathered = SortedOutput.gather(PrefixSortTest.SCHEMA, from, fromRows, rowCount, allocator,
          "test sort")) {
        assertGathered(gathered, from, fromRows);
      }
    } finally {
      sources.forEach(ColumnBatch::close);
    }
  }

  @Test
  void batchesInAGivenOrderHoldTheListedRows() {
    Random random = new Random(22);
    List<ColumnBatch> sources = List.of(PrefixSortTest.randomBatch(allocator, random, false, 400),
        PrefixSortTest.randomBatch(allocator, random, true, 300), PrefixSortTest.randomBatch(allocator, random, false, 1));
    int totalRows = 701;
    int[] starts = {0, 400, 700};
    try (ArrowBuf order = allocator.buffer(4L * totalRows)) {
      for (int i = 0; i < totalRows; i++) {
        MemoryUtil.putInt(order.memoryAddress() + 4L * i, random.nextInt(totalRows));
      }
      SortedOutput output = new SortedOutput(PrefixSortTest.SCHEMA, sources, "test sort");
      int first = 13;
      int rowCount = 650;
      ColumnBatch[] from = new ColumnBatch[rowCount];
      int[] fromRows = new int[rowCount];
      for (int out = 0; out < rowCount; out++) {
        int row = MemoryUtil.getInt(order.memoryAddress() + 4L * (first + out));
        int source = row >= starts[2] ? 2 : row >= starts[1] ? 1 : 0;
        from[out] = sources.get(source);
        fromRows[out] = row - starts[source];
      }
      try (ColumnBatch batch = output.batch(order, first, rowCount, allocator)) {
        assertGathered(batch, from, fromRows);
      }
    } finally {
      sources.forEach(ColumnBatch::close);
    }
  }

  @Test
  void sourceOfFindsTheSourceOfEveryRowAmongEmptySmallAndLargeSources() {
    StructType schema = new StructType().add("x", DataTypes.IntegerType);
    Random random = new Random(23);
    List<ColumnBatch> sources = new ArrayList<>();
    List<Integer> sourceOfRow = new ArrayList<>();
    try {
      for (int source = 0; source < 60; source++) {
        int rows = switch (random.nextInt(4)) {
          case 0 -> 0;
          case 1 -> 1 + random.nextInt(5);
          case 2 -> 1 + random.nextInt(1500);
          default -> 1024 * (1 + random.nextInt(3));
        };
        List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, rows);
        vectors.get(0).setValueCount(rows);
        sources.add(new ColumnBatch(schema, vectors, rows));
        for (int i = 0; i < rows; i++) {
          sourceOfRow.add(source);
        }
      }
      SortedOutput output = new SortedOutput(schema, sources, "test sort");
      for (int row = 0; row < sourceOfRow.size(); row++) {
        assertEquals(sourceOfRow.get(row), output.sourceOf(row), "row " + row);
      }
    } finally {
      sources.forEach(ColumnBatch::close);
    }
  }

  private static void assertGathered(ColumnBatch gathered, ColumnBatch[] from, int[] fromRows) {
    assertEquals(from.length, gathered.rowCount());
    for (int column = 0; column < PrefixSortTest.SCHEMA.length(); column++) {
      assertEquals(from.length, gathered.vector(column).getValueCount());
      for (int out = 0; out < from.length; out++) {
        Object expected = NestedValues.read(from[out].vector(column), fromRows[out]);
        Object actual = NestedValues.read(gathered.vector(column), out);
        String where = "column " + PrefixSortTest.SCHEMA.apply(column).name() + ", row " + out;
        if (expected instanceof byte[] bytes) {
          assertArrayEquals(bytes, (byte[]) actual, where);
        } else {
          assertEquals(expected, actual, where);
        }
      }
    }
  }
}
