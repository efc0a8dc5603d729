package dev.ember.runtime.operators.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SortedRowsSourceTest {
  private final BufferAllocator allocator = Allocators.newRoot();
  private Object lastRowOfInput;

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** Rows in reverse order, so row {@code i} of the output is input row {@code rowCount - 1 - i}. */
  private SortedRowsSource reversed(int rowCount, int outputRows) {
    ColumnBatch input = PrefixSortTest.randomBatch(allocator, new Random(4), true, rowCount);
    lastRowOfInput = NestedValues.read(input.vector(0), rowCount - 1);
    ArrowBuf order = allocator.buffer(4L * rowCount);
    for (int i = 0; i < rowCount; i++) {
      MemoryUtil.putInt(order.memoryAddress() + 4L * i, rowCount - 1 - i);
    }
    return new SortedRowsSource(PrefixSortTest.SCHEMA, List.of(input), order, outputRows);
  }

  @Test
  void morselsAreBatchesOfTheOrderUpToTheOutputRows() {
    int rowCount = SortSink.BATCH_ROWS * 2 + 10;
    try (SortedRowsSource source = reversed(rowCount, SortSink.BATCH_ROWS + 5)) {
      List<Morsel> morsels = source.morsels();
      assertEquals(2, morsels.size());
      try (BatchStream stream = source.open(morsels.get(1), allocator); ColumnBatch batch = stream.next()) {
        assertEquals(5, batch.rowCount());
        assertNull(stream.next());
      }
    }
  }

  @Test
  void closingTheSourceWaitsForOpenStreamsAndRefusesNewOnes() {
    SortedRowsSource source = reversed(100, 100);
    Morsel morsel = source.morsels().get(0);
    BatchStream stream = source.open(morsel, allocator);
    source.close();
    // The input is still there for the open stream; the allocator check after the test proves it is freed later.
    try (ColumnBatch batch = stream.next()) {
      assertEquals(100, batch.rowCount());
      assertEquals(lastRowOfInput, NestedValues.read(batch.vector(0), 0));
    }
    stream.close();
    assertThrows(IllegalStateException.class, () -> source.open(morsel, allocator));
  }
}
