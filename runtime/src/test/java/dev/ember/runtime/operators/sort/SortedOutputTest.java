package dev.ember.runtime.operators.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.memory.Allocators;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
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
        assertEquals(rowCount, gathered.rowCount());
        for (int column = 0; column < PrefixSortTest.SCHEMA.length(); column++) {
          for (int out = 0; out < rowCount; out++) {
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
    } finally {
      sources.forEach(ColumnBatch::close);
    }
  }
}
