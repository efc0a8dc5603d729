package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.planner.sources.DataSourceFormats;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code format("arrow")} through the public API, over part files written by the Arrow writer factory. */
class ArrowFormatEndToEndTest {
  private static final StructType SCHEMA =
      StructType.fromDDL("id BIGINT, name STRING, at TIMESTAMP, amount DECIMAL(10,2)");

  @TempDir Path directory;
  private final SessionsUnderTest sessions = new SessionsUnderTest();
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void stop() {
    sessions.stopAll();
    allocator.close();
  }

  private ColumnBatch batch(long firstId, String... names) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, names.length);
    for (int row = 0; row < names.length; row++) {
      long id = firstId + row;
      ((BigIntVector) vectors.get(0)).set(row, id);
      if (names[row] == null) {
        ((VarCharVector) vectors.get(1)).setNull(row);
      } else {
        ((VarCharVector) vectors.get(1)).setSafe(row, names[row].getBytes(StandardCharsets.UTF_8));
      }
      // 2024-01-15 10:00:00 UTC plus id hours.
      ((TimeStampMicroTZVector) vectors.get(2)).set(row, (1_705_312_800L + id * 3600) * 1_000_000L);
      ((DecimalVector) vectors.get(3)).set(row, BigDecimal.valueOf(id * 1050, 2));
    }
    vectors.forEach(vector -> vector.setValueCount(names.length));
    return new ColumnBatch(SCHEMA, vectors, names.length);
  }

  private void writePart(String name, Map<String, String> options, ColumnBatch batch) {
    BatchFileWriterFactory factory = DataSourceFormats.lookup("arrow").writer(SCHEMA, options);
    assertEquals(".arrow", factory.extension());
    try (batch) {
      BatchFileWriter writer = factory.open(directory.resolve(name + factory.extension()), SCHEMA, allocator);
      writer.write(batch);
      writer.close();
    }
  }

  @Test
  void readsADirectoryOfPartFilesThenShows() throws Exception {
    writePart("part-00000", Map.of("compression", "zstd"), batch(1, "alpha", "beta", null));
    writePart("part-00001", Map.of(), batch(4, "delta"));
    Files.writeString(directory.resolve("_SUCCESS"), "");
    SparkSession spark = sessions.start("local[2]");

    Dataset<Row> table = spark.read().format("arrow").load(directory.toString());
    assertEquals(SCHEMA.asNullable(), table.schema());
    assertEquals("""
        +---+-----+-------------------+------+
        | id| name|                 at|amount|
        +---+-----+-------------------+------+
        |  1|alpha|2024-01-15 11:00:00| 10.50|
        |  2| beta|2024-01-15 12:00:00| 21.00|
        |  3| NULL|2024-01-15 13:00:00| 31.50|
        |  4|delta|2024-01-15 14:00:00| 42.00|
        +---+-----+-------------------+------+
        """, table.showString(20, 20, false));

    assertEquals(List.of("beta", "delta"), table.filter(col("id").geq(2)).filter(col("name").isNotNull())
        .select("name").collectAsList().stream().map(row -> row.getString(0)).toList());
    assertEquals(4, table.count());
  }

  @Test
  void unknownPathAndTruncatedFileAreSparkErrors() throws Exception {
    SparkSession spark = sessions.start("local[1]");
    AnalysisException missing = assertThrows(AnalysisException.class,
        () -> spark.read().format("arrow").load(directory.resolve("nothing").toString()));
    assertEquals("PATH_NOT_FOUND", missing.getCondition());

    writePart("part-00000", Map.of(), batch(1, "alpha", "beta"));
    Path file = directory.resolve("part-00000.arrow");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));
    SparkException truncated = assertThrows(SparkException.class,
        () -> spark.read().format("arrow").load(directory.toString()));
    assertTrue(truncated.getMessage().contains(file.toUri().toString()), truncated.getMessage());
  }
}
