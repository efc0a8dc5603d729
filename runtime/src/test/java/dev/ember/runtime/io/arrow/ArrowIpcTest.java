package dev.ember.runtime.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArrowIpcTest {
  private static final StructType ALL_TYPES = StructType.fromDDL(
      "b BOOLEAN, y TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, m DECIMAL(20,4), "
          + "t STRING, bin BINARY, dt DATE, ts TIMESTAMP, n VOID");
  private static final long MAX_SPLIT = Long.MAX_VALUE;

  @TempDir Path directory;
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** Two rows of values, then a row of nulls. */
  private ColumnBatch allTypesBatch() {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(ALL_TYPES, allocator, 3);
    ((BitVector) vectors.get(0)).set(0, 1);
    ((BitVector) vectors.get(0)).set(1, 0);
    ((TinyIntVector) vectors.get(1)).set(0, (byte) -128);
    ((TinyIntVector) vectors.get(1)).set(1, (byte) 7);
    ((SmallIntVector) vectors.get(2)).set(0, (short) 32767);
    ((SmallIntVector) vectors.get(2)).set(1, (short) -2);
    ((IntVector) vectors.get(3)).set(0, Integer.MIN_VALUE);
    ((IntVector) vectors.get(3)).set(1, 42);
    ((BigIntVector) vectors.get(4)).set(0, Long.MAX_VALUE);
    ((BigIntVector) vectors.get(4)).set(1, -1L);
    ((Float4Vector) vectors.get(5)).set(0, 1.5f);
    ((Float4Vector) vectors.get(5)).set(1, Float.NaN);
    ((Float8Vector) vectors.get(6)).set(0, -0.25);
    ((Float8Vector) vectors.get(6)).set(1, Double.POSITIVE_INFINITY);
    ((DecimalVector) vectors.get(7)).set(0, new BigDecimal("1234567890123456.7890"));
    ((DecimalVector) vectors.get(7)).set(1, new BigDecimal("-0.0001"));
    ((VarCharVector) vectors.get(8)).setSafe(0, "héllo".getBytes(StandardCharsets.UTF_8));
    ((VarCharVector) vectors.get(8)).setSafe(1, new byte[0]);
    ((VarBinaryVector) vectors.get(9)).setSafe(0, new byte[] {1, 2, 3});
    ((VarBinaryVector) vectors.get(9)).setSafe(1, new byte[] {0});
    ((DateDayVector) vectors.get(10)).set(0, 19737);
    ((DateDayVector) vectors.get(10)).set(1, -1);
    ((TimeStampMicroTZVector) vectors.get(11)).set(0, 1_705_312_800_123_456L);
    ((TimeStampMicroTZVector) vectors.get(11)).set(1, -1L);
    for (int column = 0; column < vectors.size(); column++) {
      FieldVector vector = vectors.get(column);
      if (!(vector instanceof NullVector)) {
        setNull(vector, 2);
      }
      vector.setValueCount(3);
    }
    return new ColumnBatch(ALL_TYPES, vectors, 3);
  }

  private static void setNull(FieldVector vector, int row) {
    if (vector instanceof org.apache.arrow.vector.BaseFixedWidthVector fixed) {
      fixed.setNull(row);
    } else if (vector instanceof org.apache.arrow.vector.BaseVariableWidthVector variable) {
      variable.setNull(row);
    }
  }

  private static List<List<Object>> rows(ColumnBatch batch) {
    List<List<Object>> rows = new ArrayList<>();
    for (int row = 0; row < batch.rowCount(); row++) {
      List<Object> values = new ArrayList<>();
      for (int column = 0; column < batch.columnCount(); column++) {
        values.add(value(batch.vector(column), row));
      }
      rows.add(values);
    }
    return rows;
  }

  /** Comparable Java values: byte arrays as lists, text as strings. */
  private static Object value(ValueVector vector, int row) {
    Object value = vector.getObject(row);
    if (value instanceof byte[] bytes) {
      List<Byte> list = new ArrayList<>();
      for (byte b : bytes) {
        list.add(b);
      }
      return list;
    } else if (value instanceof Text text) {
      return text.toString();
    }
    return value;
  }

  private Path writeWithEmber(String name, ArrowIpcCompression compression, ColumnBatch... batches) {
    Path file = directory.resolve(name);
    BatchFileWriter writer = new ArrowIpcWriterFactory(compression).open(file, batches[0].schema(), allocator);
    for (ColumnBatch batch : batches) {
      writer.write(batch);
    }
    writer.close();
    return file;
  }

  private List<ColumnBatch> readBatches(ArrowIpcSource source) {
    List<ColumnBatch> batches = new ArrayList<>();
    for (Morsel morsel : source.morsels()) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
          batches.add(batch);
        }
      }
    }
    return batches;
  }

  private List<List<Object>> readRows(ArrowIpcSource source) {
    List<List<Object>> rows = new ArrayList<>();
    for (ColumnBatch batch : readBatches(source)) {
      try (batch) {
        assertTrue(batch.rowCount() <= ArrowIpcSource.BATCH_ROWS, "batch of " + batch.rowCount() + " rows");
        assertEquals(source.schema(), batch.schema());
        rows.addAll(rows(batch));
      }
    }
    return rows;
  }

  private static int[] allColumns(StructType schema) {
    int[] columns = new int[schema.length()];
    Arrays.setAll(columns, i -> i);
    return columns;
  }

  @ParameterizedTest
  @EnumSource(ArrowIpcCompression.class)
  void everyAtomicTypeWithNullsRoundTrips(ArrowIpcCompression compression) {
    List<List<Object>> expected;
    Path file;
    try (ColumnBatch batch = allTypesBatch()) {
      expected = rows(batch);
      file = writeWithEmber("all" + ArrowIpcWriterFactory.EXTENSION, compression, batch, batch);
    }
    StructType schema = ArrowIpcFiles.readSchema(file);
    assertEquals(ALL_TYPES, schema);
    List<List<Object>> doubled = new ArrayList<>(expected);
    doubled.addAll(expected);
    assertEquals(doubled, readRows(new ArrowIpcSource(List.of(file), schema, allColumns(schema), MAX_SPLIT)));
    assertEquals(Arrays.asList(null, null, null, null, null, null, null, null, null, null, null, null, null),
        expected.get(2));
  }

  @ParameterizedTest
  @EnumSource(ArrowIpcCompression.class)
  void arrowsOwnReaderReadsWhatEmberWrites(ArrowIpcCompression compression) throws IOException {
    List<List<Object>> expected;
    Path file;
    try (ColumnBatch batch = allTypesBatch()) {
      expected = rows(batch);
      file = writeWithEmber("all.arrow", compression, batch);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator,
            org.apache.arrow.compression.CommonsCompressionFactory.INSTANCE)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      for (int column = 0; column < ALL_TYPES.length(); column++) {
        assertEquals(ArrowTypes.toArrowField(ALL_TYPES.apply(column)), root.getSchema().getFields().get(column));
      }
      assertEquals(1, reader.getRecordBlocks().size());
      assertTrue(reader.loadNextBatch());
      List<List<Object>> rows = new ArrayList<>();
      for (int row = 0; row < root.getRowCount(); row++) {
        List<Object> values = new ArrayList<>();
        for (FieldVector vector : root.getFieldVectors()) {
          values.add(value(vector, row));
        }
        rows.add(values);
      }
      assertEquals(expected, rows);
    }
  }

  @Test
  void readsOnlyTheRequiredColumnsInTheRequestedOrder() {
    Path file;
    try (ColumnBatch batch = allTypesBatch()) {
      file = writeWithEmber("all.arrow", ArrowIpcCompression.UNCOMPRESSED, batch);
    }
    ArrowIpcSource source = new ArrowIpcSource(List.of(file), ALL_TYPES, new int[] {8, 3}, MAX_SPLIT);
    assertEquals(StructType.fromDDL("t STRING, i INT"), source.schema());
    assertEquals(List.of(List.of("héllo", Integer.MIN_VALUE), List.of("", 42), Arrays.asList(null, null)),
        readRows(source));

    ArrowIpcSource repeated = new ArrowIpcSource(List.of(file), ALL_TYPES, new int[] {3, 8, 3}, MAX_SPLIT);
    assertEquals(List.of(List.of(Integer.MIN_VALUE, "héllo", Integer.MIN_VALUE), List.of(42, "", 42),
        Arrays.asList(null, null, null)), readRows(repeated));

    ArrowIpcSource noColumns = new ArrowIpcSource(List.of(file), ALL_TYPES, new int[0], MAX_SPLIT);
    List<ColumnBatch> batches = readBatches(noColumns);
    assertEquals(3, batches.stream().mapToInt(ColumnBatch::rowCount).sum());
    batches.forEach(ColumnBatch::close);
  }

  private ColumnBatch longs(String name, long from, int count) {
    StructType schema = StructType.fromDDL(name + " BIGINT");
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, count);
    BigIntVector vector = (BigIntVector) vectors.get(0);
    for (int row = 0; row < count; row++) {
      vector.set(row, from + row);
    }
    vector.setValueCount(count);
    return new ColumnBatch(schema, vectors, count);
  }

  private static List<Long> firstColumnLongs(List<List<Object>> rows) {
    return rows.stream().map(row -> (Long) row.get(0)).toList();
  }

  @Test
  void readsSeveralFilesSplitIntoMorselsOfRecordBatches() {
    Path first;
    Path second;
    try (ColumnBatch a = longs("x", 0, 100); ColumnBatch b = longs("x", 100, 100); ColumnBatch c = longs("x", 200, 100)) {
      first = writeWithEmber("part-0.arrow", ArrowIpcCompression.ZSTD, a, b);
      second = writeWithEmber("part-1.arrow", ArrowIpcCompression.UNCOMPRESSED, c);
    }
    StructType schema = StructType.fromDDL("x BIGINT");
    ArrowIpcSource source = new ArrowIpcSource(List.of(first, second), schema, new int[] {0}, 1);
    assertEquals(3, source.morsels().size(), "one morsel per record batch when they exceed the split size");
    List<Long> expected = new ArrayList<>();
    for (long value = 0; value < 300; value++) {
      expected.add(value);
    }
    assertEquals(expected, firstColumnLongs(readRows(source)));
    assertEquals(2, new ArrowIpcSource(List.of(first, second), schema, new int[] {0}, MAX_SPLIT).morsels().size());
  }

  @Test
  void slicesLargeRecordBatchesIntoBatchesOfAtMost4096Rows() {
    Path file;
    try (ColumnBatch big = longs("x", 0, 10_000)) {
      file = writeWithEmber("big.arrow", ArrowIpcCompression.UNCOMPRESSED, big);
    }
    ArrowIpcSource source = new ArrowIpcSource(List.of(file), StructType.fromDDL("x BIGINT"), new int[] {0}, MAX_SPLIT);
    List<ColumnBatch> batches = readBatches(source);
    assertEquals(List.of(4096, 4096, 1808), batches.stream().map(ColumnBatch::rowCount).toList());
    assertEquals(8192L, ((BigIntVector) batches.get(2).vector(0)).get(0));
    batches.forEach(ColumnBatch::close);
  }

  @Test
  void closingAStreamEarlyReleasesTheSlicesNotTakenYet() {
    Path file;
    try (ColumnBatch big = longs("x", 0, 10_000)) {
      file = writeWithEmber("big.arrow", ArrowIpcCompression.LZ4_FRAME, big);
    }
    ArrowIpcSource source = new ArrowIpcSource(List.of(file), StructType.fromDDL("x BIGINT"), new int[] {0}, MAX_SPLIT);
    ColumnBatch first;
    try (BatchStream stream = source.open(source.morsels().get(0), allocator)) {
      first = stream.next();
    }
    try (first) {
      assertEquals(4096, first.rowCount());
      assertEquals(4095L, ((BigIntVector) first.vector(0)).get(4095));
    }
    assertEquals(0, allocator.getAllocatedMemory());
  }

  /** A file written by Arrow itself with layouts other than Ember's. */
  private Path writeForeignFile(boolean stream) throws IOException {
    Path file = directory.resolve(stream ? "foreign.arrows" : "foreign.arrow");
    try (TimeStampMilliTZVector millis = new TimeStampMilliTZVector("millis", allocator, "America/New_York");
        TimeStampNanoVector nanos = new TimeStampNanoVector("nanos", allocator);
        DateMilliVector dates = new DateMilliVector("Dates", allocator);
        LargeVarCharVector text = new LargeVarCharVector("text", allocator)) {
      millis.allocateNew(2);
      millis.set(0, 1_000L);
      millis.setNull(1);
      nanos.allocateNew(2);
      nanos.set(0, -1L);
      nanos.set(1, 2_500L);
      dates.allocateNew(2);
      dates.set(0, -1L);
      dates.set(1, 86_400_000L * 3);
      text.allocateNew(2);
      text.setSafe(0, "large".getBytes(StandardCharsets.UTF_8));
      text.setNull(1);
      for (FieldVector vector : List.<FieldVector>of(millis, nanos, dates, text)) {
        vector.setValueCount(2);
      }
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(millis, nanos, dates, text));
      root.setRowCount(2);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        if (stream) {
          try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, channel)) {
            writer.start();
            writer.writeBatch();
            writer.end();
          }
        } else {
          try (ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
            writer.start();
            writer.writeBatch();
            writer.end();
          }
        }
      }
    }
    return file;
  }

  @Test
  void convertsOtherTimestampUnitsDateMillisAndLargeStrings() throws IOException {
    for (boolean stream : new boolean[] {false, true}) {
      Path file = writeForeignFile(stream);
      assertEquals(!stream, ArrowIpcFiles.isFileFormat(file));
      StructType schema = ArrowIpcFiles.readSchema(file);
      assertEquals(StructType.fromDDL("millis TIMESTAMP, nanos TIMESTAMP_NTZ, Dates DATE, text STRING"), schema);
      // Reading by name, ignoring case, in another order than the file's.
      StructType wanted = StructType.fromDDL("text STRING, dates DATE, millis TIMESTAMP, nanos TIMESTAMP_NTZ, extra INT");
      List<List<Object>> rows = readRows(new ArrowIpcSource(List.of(file), wanted, allColumns(wanted), MAX_SPLIT));
      assertEquals(List.of(
          Arrays.asList("large", -1, 1_000_000L, java.time.LocalDateTime.parse("1969-12-31T23:59:59.999999"), null),
          Arrays.asList(null, 3, null, java.time.LocalDateTime.parse("1970-01-01T00:00:00.000002"), null)),
          rows, "stream=" + stream);
    }
  }

  @Test
  void projectionSkipsNestedAndUnsupportedColumnsOfCompressedFiles() throws IOException {
    Path file = directory.resolve("mixed.arrow");
    try (ListVector tags = ListVector.empty("tags", allocator);
        VarCharVector name = new VarCharVector("name", allocator);
        UInt4Vector counter = new UInt4Vector("counter", allocator);
        Float8Vector score = new Float8Vector("score", allocator)) {
      UnionListWriter writer = tags.getWriter();
      for (int row = 0; row < 3; row++) {
        writer.setPosition(row);
        writer.startList();
        for (int item = 0; item <= row; item++) {
          writer.integer().writeInt(row * 10 + item);
        }
        writer.endList();
      }
      name.allocateNew(3);
      counter.allocateNew(3);
      score.allocateNew(3);
      for (int row = 0; row < 3; row++) {
        name.setSafe(row, ("n" + row).getBytes(StandardCharsets.UTF_8));
        counter.set(row, row);
        score.set(row, row + 0.5);
      }
      for (FieldVector vector : List.<FieldVector>of(tags, name, counter, score)) {
        vector.setValueCount(3);
      }
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(tags, name, counter, score));
      root.setRowCount(3);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          ArrowFileWriter fileWriter = new ArrowFileWriter(root, null, channel, Map.of(),
              org.apache.arrow.vector.ipc.message.IpcOption.DEFAULT,
              org.apache.arrow.compression.CommonsCompressionFactory.INSTANCE,
              org.apache.arrow.vector.compression.CompressionUtil.CodecType.ZSTD)) {
        fileWriter.start();
        fileWriter.writeBatch();
        fileWriter.writeBatch();
        fileWriter.end();
      }
    }
    StructType wanted = StructType.fromDDL("score DOUBLE, name STRING");
    List<List<Object>> once = List.of(List.of(0.5, "n0"), List.of(1.5, "n1"), List.of(2.5, "n2"));
    List<List<Object>> twice = new ArrayList<>(once);
    twice.addAll(once);
    assertEquals(twice, readRows(new ArrowIpcSource(List.of(file), wanted, allColumns(wanted), MAX_SPLIT)));
  }

  @Test
  void unsupportedArrowTypeIsAnErrorNamingTheColumn() throws IOException {
    Path file = directory.resolve("unsigned.arrow");
    try (UInt4Vector unsigned = new UInt4Vector("counter", allocator)) {
      unsigned.allocateNew(1);
      unsigned.set(0, 5);
      unsigned.setValueCount(1);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(unsigned));
      root.setRowCount(1);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
    }
    AnalysisException error = assertThrows(AnalysisException.class, () -> ArrowIpcFiles.readSchema(file));
    assertEquals("UNSUPPORTED_ARROWTYPE", error.getCondition());
    assertTrue(error.getMessage().contains("`counter`"), error.getMessage());
    assertTrue(error.getMessage().contains("unsigned.arrow"), error.getMessage());
  }

  @Test
  void typeDifferentFromThePlannedSchemaIsAnErrorNamingFileAndColumn() {
    Path file;
    try (ColumnBatch batch = longs("x", 0, 3)) {
      file = writeWithEmber("x.arrow", ArrowIpcCompression.UNCOMPRESSED, batch);
    }
    ArrowIpcSource source = new ArrowIpcSource(List.of(file), StructType.fromDDL("x STRING"), new int[] {0}, MAX_SPLIT);
    SparkException error = assertThrows(SparkException.class, () -> readRows(source));
    assertEquals("FAILED_READ_FILE.NO_HINT", error.getCondition());
    assertTrue(error.getMessage().contains("x.arrow") && error.getMessage().contains("`x`"), error.getMessage());
  }

  @Test
  void truncatedFileIsASparkExceptionNamingThePath() throws IOException {
    Path file;
    try (ColumnBatch batch = longs("x", 0, 1000)) {
      file = writeWithEmber("cut.arrow", ArrowIpcCompression.UNCOMPRESSED, batch);
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    String path = file.toUri().toString();

    SparkException schemaError = assertThrows(SparkException.class, () -> ArrowIpcFiles.readSchema(file));
    assertEquals("FAILED_READ_FILE.NO_HINT", schemaError.getCondition());
    assertTrue(schemaError.getMessage().contains(path), schemaError.getMessage());

    ArrowIpcSource source = new ArrowIpcSource(List.of(file), StructType.fromDDL("x BIGINT"), new int[] {0}, MAX_SPLIT);
    SparkException scanError = assertThrows(SparkException.class, () -> readRows(source));
    assertTrue(scanError.getMessage().contains(path), scanError.getMessage());
  }

  @Test
  void truncatedStreamIsASparkExceptionNamingThePath() throws IOException {
    Path file = writeForeignFile(true);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 40));
    StructType schema = ArrowIpcFiles.readSchema(file);
    ArrowIpcSource source = new ArrowIpcSource(List.of(file), schema, allColumns(schema), MAX_SPLIT);
    SparkException error = assertThrows(SparkException.class, () -> readRows(source));
    assertEquals("FAILED_READ_FILE.NO_HINT", error.getCondition());
    assertTrue(error.getMessage().contains(file.toUri().toString()), error.getMessage());
  }

  @Test
  void abortedWriterReleasesItsBuffersAndUnknownCodecIsRejected() {
    Path file = directory.resolve("aborted.arrow");
    BatchFileWriter writer = new ArrowIpcWriterFactory(ArrowIpcCompression.LZ4_FRAME)
        .open(file, StructType.fromDDL("x BIGINT"), allocator);
    try (ColumnBatch batch = longs("x", 0, 10)) {
      writer.write(batch);
    }
    writer.abort();
    assertEquals(0, allocator.getAllocatedMemory());
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ArrowIpcCompression.fromOptions(Map.of("Compression", "snappy")));
    assertTrue(error.getMessage().contains("[snappy]"), error.getMessage());
    assertEquals(ArrowIpcCompression.ZSTD, ArrowIpcCompression.fromOptions(Map.of("compression", "ZSTD")));
    assertEquals(ArrowIpcCompression.UNCOMPRESSED, ArrowIpcCompression.fromOptions(Map.of()));
  }

  @Test
  void fromArrowInvertsToArrowForEveryAtomicType() {
    for (var field : ALL_TYPES.fields()) {
      assertEquals(field.dataType(), ArrowTypes.fromArrow(ArrowTypes.toArrow(field.dataType())));
    }
  }
}
