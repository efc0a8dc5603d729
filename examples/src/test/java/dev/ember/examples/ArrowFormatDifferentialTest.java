package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.sources.DataSourceFormats;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.memory.Allocators;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark has no Arrow file source, so the same rows reach each engine differently: Spark gets them
 * with {@code createDataFrame}, Ember reads them from {@code .arrow} part files its Arrow writer
 * wrote. Every query must then print the same, which checks that each atomic type survives the Arrow
 * write and read with Spark's values (decimals, microsecond timestamps, dates before 1970, NaN, empty
 * strings and binaries, nulls).
 */
class ArrowFormatDifferentialTest {
  private static final String DDL = "flag BOOLEAN, tiny TINYINT, small SMALLINT, id INT, big BIGINT, "
      + "ratio FLOAT, score DOUBLE, amount DECIMAL(12,3), name STRING, payload BINARY, day DATE, at TIMESTAMP";

  @TempDir Path directory;

  private static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {true, (byte) -128, (short) 32767, 1, Long.MAX_VALUE, 1.5f, -0.25,
        new BigDecimal("123456789.125"), "héllo wörld", new byte[] {1, 2, 3}, LocalDate.of(2024, 1, 15),
        Instant.parse("2024-01-15T10:00:00.123456Z")});
    rows.add(new Object[] {false, (byte) 7, (short) -2, 2, -1L, Float.NaN, Double.POSITIVE_INFINITY,
        new BigDecimal("-0.001"), "", new byte[0], LocalDate.of(1969, 12, 31),
        Instant.parse("1969-12-31T23:59:59.999999Z")});
    rows.add(new Object[] {null, null, null, 3, null, null, null, null, null, null, null, null});
    rows.add(new Object[] {true, (byte) 0, (short) 0, 4, 0L, -0.0f, 1e-300, new BigDecimal("0.000"), "a,b \"c\"",
        new byte[] {(byte) 0xff}, LocalDate.of(2000, 2, 29), Instant.parse("2000-02-29T23:30:00Z")});
    return rows;
  }

  private static org.apache.spark.sql.Dataset<Row> sparkTable() {
    List<Row> sparkRows = new ArrayList<>();
    for (Object[] values : rows()) {
      Object[] converted = values.clone();
      converted[10] = values[10] == null ? null : Date.valueOf((LocalDate) values[10]);
      converted[11] = values[11] == null ? null : Timestamp.from((Instant) values[11]);
      sparkRows.add(RowFactory.create(converted));
    }
    return SparkOracle.session().createDataFrame(sparkRows, StructType.fromDDL(DDL));
  }

  /** Writes the rows as two part files, the second with zstd-compressed buffers. */
  private void writeArrowParts() {
    dev.ember.sql.types.StructType schema = dev.ember.sql.types.StructType.fromDDL(DDL);
    List<Object[]> rows = rows();
    try (BufferAllocator allocator = Allocators.newRoot()) {
      writePart(schema, rows.subList(0, 3), Map.of(), "part-00000", allocator);
      writePart(schema, rows.subList(3, 4), Map.of("compression", "zstd"), "part-00001", allocator);
    }
  }

  private void writePart(dev.ember.sql.types.StructType schema, List<Object[]> rows, Map<String, String> options,
      String name, BufferAllocator allocator) {
    BatchFileWriterFactory factory = DataSourceFormats.lookup("arrow").writer(schema, options);
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, rows.size());
    for (int row = 0; row < rows.size(); row++) {
      Object[] values = rows.get(row);
      for (int column = 0; column < values.length; column++) {
        set(vectors.get(column), row, values[column]);
      }
    }
    vectors.forEach(vector -> vector.setValueCount(rows.size()));
    try (ColumnBatch batch = new ColumnBatch(schema, vectors, rows.size())) {
      BatchFileWriter writer = factory.open(directory.resolve(name + factory.extension()), schema, allocator);
      writer.write(batch);
      writer.close();
    }
  }

  private static void set(FieldVector vector, int row, Object value) {
    if (value == null) {
      if (vector instanceof BaseFixedWidthVector fixed) {
        fixed.setNull(row);
      } else {
        ((BaseVariableWidthVector) vector).setNull(row);
      }
      return;
    }
    if (vector instanceof BitVector bits) {
      bits.set(row, (Boolean) value ? 1 : 0);
    } else if (vector instanceof TinyIntVector tiny) {
      tiny.set(row, (Byte) value);
    } else if (vector instanceof SmallIntVector small) {
      small.set(row, (Short) value);
    } else if (vector instanceof IntVector ints) {
      ints.set(row, (Integer) value);
    } else if (vector instanceof BigIntVector longs) {
      longs.set(row, (Long) value);
    } else if (vector instanceof Float4Vector floats) {
      floats.set(row, (Float) value);
    } else if (vector instanceof Float8Vector doubles) {
      doubles.set(row, (Double) value);
    } else if (vector instanceof DecimalVector decimals) {
      decimals.set(row, (BigDecimal) value);
    } else if (vector instanceof VarCharVector strings) {
      strings.setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector binaries) {
      binaries.setSafe(row, (byte[]) value);
    } else if (vector instanceof DateDayVector days) {
      days.set(row, Math.toIntExact(((LocalDate) value).toEpochDay()));
    } else if (vector instanceof TimeStampMicroTZVector micros) {
      Instant instant = (Instant) value;
      micros.set(row, instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
    } else {
      throw new IllegalArgumentException("No test setter for " + vector.getClass().getSimpleName());
    }
  }

  @Test
  void arrowPartFilesShowWhatSparkShowsForTheSameRows() throws Exception {
    writeArrowParts();
    String spark = ConsoleCapture.capture(() -> {
      org.apache.spark.sql.Dataset<Row> table = sparkTable();
      table.printSchema();
      table.orderBy("id").show();
      table.filter("id > 1").orderBy("id").select("name", "amount", "at").show(false);
      table.groupBy("flag").count().orderBy("flag").show();
    });
    String ember = ConsoleCapture.capture(() -> {
      dev.ember.sql.Dataset<dev.ember.sql.Row> table =
          EmberSessions.session().read().format("arrow").load(directory.toString());
      table.printSchema();
      table.orderBy("id").show();
      table.filter("id > 1").orderBy("id").select("name", "amount", "at").show(false);
      table.groupBy("flag").count().orderBy("flag").show();
    });
    // Written where DifferentialTest writes its outputs, so a failure can be read with diff.
    Path outputs = java.nio.file.Files.createDirectories(Path.of("examples/target/differential"));
    java.nio.file.Files.writeString(outputs.resolve("ArrowFormat.spark.txt"), spark);
    java.nio.file.Files.writeString(outputs.resolve("ArrowFormat.ember.txt"), ember);
    assertTrue(spark.contains("|1969-12-31 23:59:59.999999|"), spark);
    assertEquals(spark, ember);
  }
}
