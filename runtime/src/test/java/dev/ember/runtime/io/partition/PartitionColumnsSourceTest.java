package dev.ember.runtime.io.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PartitionColumnsSourceTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** A file's scan: {@code rows} rows of (id bigint, extra int), one batch. */
  private record FakeFileSource(long firstId, int rows) implements BatchSource {
    static final StructType SCHEMA = new StructType().add("id", DataTypes.LongType).add("extra", DataTypes.IntegerType);

    @Override
    public StructType schema() {
      return SCHEMA;
    }

    @Override
    public List<Morsel> morsels() {
      return List.of(() -> "fake file from " + firstId);
    }

    @Override
    public BatchStream open(Morsel morsel, BufferAllocator allocator) {
      return new BatchStream() {
        private boolean done;

        @Override
        public ColumnBatch next() {
          if (done) {
            return null;
          }
          done = true;
          List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, rows);
          for (int row = 0; row < rows; row++) {
            ((BigIntVector) vectors.get(0)).set(row, firstId + row);
            ((IntVector) vectors.get(1)).set(row, -1);
          }
          vectors.forEach(vector -> vector.setValueCount(rows));
          return new ColumnBatch(SCHEMA, vectors, rows);
        }

        @Override
        public void close() {}
      };
    }
  }

  @Test
  void addsEachFilesValuesAsConstantColumnsAndDropsUnusedDataColumns() {
    StructType output = new StructType().add("year", DataTypes.IntegerType).add("id", DataTypes.LongType)
        .add("city", DataTypes.StringType).add("rate", DataTypes.createDecimalType(5, 2));
    List<PartitionColumnsSource.FileScan> scans = List.of(
        new PartitionColumnsSource.FileScan(new FakeFileSource(0, 3), List.of(2024, "Oslo", new BigDecimal("1.25"))),
        new PartitionColumnsSource.FileScan(new FakeFileSource(10, 2), Arrays.asList(2023, null, null)));
    PartitionColumnsSource source = new PartitionColumnsSource(scans, output,
        new int[] {-1, 0, -1, -1}, new int[] {0, -1, 1, 2});
    List<Morsel> morsels = source.morsels();
    assertEquals(2, morsels.size());
    List<String> rows = new ArrayList<>();
    for (Morsel morsel : morsels) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch next = stream.next(); next != null; next = stream.next()) {
          try (ColumnBatch batch = next) {
            assertEquals(output, batch.schema());
            for (int row = 0; row < batch.rowCount(); row++) {
              VarCharVector city = (VarCharVector) batch.vector(2);
              rows.add(batch.vector(0).getObject(row) + "," + batch.vector(1).getObject(row) + ","
                  + (city.isNull(row) ? null : new String(city.get(row), java.nio.charset.StandardCharsets.UTF_8)) + ","
                  + batch.vector(3).getObject(row));
            }
          }
        }
      }
    }
    assertEquals(List.of("2024,0,Oslo,1.25", "2024,1,Oslo,1.25", "2024,2,Oslo,1.25", "2023,10,null,null",
        "2023,11,null,null"), rows);
  }

  @Test
  void everyTypeFillsAVectorOfTheFieldsLayout() {
    Object[][] cases = {
      {DataTypes.ByteType, (byte) 1}, {DataTypes.ShortType, (short) 2}, {DataTypes.LongType, 3L},
      {DataTypes.FloatType, 1.5f}, {DataTypes.DoubleType, 2.5}, {DataTypes.BooleanType, true},
      {DataTypes.DateType, 19000}, {DataTypes.TimestampType, 1_000_000L}, {DataTypes.NullType, null},
    };
    for (Object[] entry : cases) {
      StructField field = DataTypes.createStructField("c", (dev.ember.sql.types.DataType) entry[0], true);
      try (FieldVector vector = ConstantVectors.filled(field, entry[1], 5, allocator)) {
        assertEquals(5, vector.getValueCount());
        assertTrue(entry[1] == null ? vector.isNull(4) : !vector.isNull(4), field.dataType().simpleString());
      }
    }
  }
}
