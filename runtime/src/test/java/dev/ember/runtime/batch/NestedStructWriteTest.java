package dev.ember.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NestedStructWriteTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void structWrittenFieldByFieldSurvivesATransferToAnotherName() {
    StructType type = StructType.of(List.of(new StructField("n", DataTypes.StringType, false),
        new StructField("a", DataTypes.IntegerType, false)));
    try (FieldVector vector = ArrowTypes.allocateVector(new StructField("_", type, true), allocator, 1)) {
      NestedValues.write(vector, 0, new Object[] {"Bob", 28});
      vector.setValueCount(1);
      TransferPair move = vector.getTransferPair(ArrowTypes.toArrowField(new StructField("s", type, false)), allocator);
      move.transfer();
      try (FieldVector moved = (FieldVector) move.getTo()) {
        assertArrayEquals(new Object[] {"Bob", 28}, (Object[]) NestedValues.read(moved, 0));
      }
    }
  }
}
