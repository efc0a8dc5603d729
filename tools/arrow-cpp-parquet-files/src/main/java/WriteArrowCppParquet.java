import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.*;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.complex.writer.BaseWriter;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes Parquet files with Apache Arrow's C++ Parquet writer (the one pyarrow uses), through Arrow
 * Java's JNI dataset writer: every Arrow type Spark can read, nulls, dictionary-friendly repeats.
 * Each directory gets one file, {@code data_0}; Ember's tests keep copies under
 * {@code examples/src/test/resources/parquet/arrow-cpp/}. See this tool's README.
 */
public class WriteArrowCppParquet {
  static final int ROWS = 600;

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    // Not closed: the JNI writer keeps a few bytes of the exported stream until the process ends.
    BufferAllocator allocator = new RootAllocator();
    write(allocator, scalars(), out.resolve("scalars"), WriteArrowCppParquet::fillScalars);
    write(allocator, nested(), out.resolve("nested"), WriteArrowCppParquet::fillNested);
  }

  interface Filler { void fill(VectorSchemaRoot root); }

  static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }

  static Schema scalars() {
    return new Schema(List.of(
        new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
        field("i8", new ArrowType.Int(8, true)),
        field("i16", new ArrowType.Int(16, true)),
        field("i32", new ArrowType.Int(32, true)),
        field("u8", new ArrowType.Int(8, false)),
        field("u16", new ArrowType.Int(16, false)),
        field("u32", new ArrowType.Int(32, false)),
        field("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
        field("f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
        field("flag", ArrowType.Bool.INSTANCE),
        field("s", ArrowType.Utf8.INSTANCE),
        field("bin", ArrowType.Binary.INSTANCE),
        field("day", new ArrowType.Date(DateUnit.DAY)),
        field("ts_us", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
        field("ts_ms", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
        field("dec5", new ArrowType.Decimal(5, 2, 128)),
        field("dec25", new ArrowType.Decimal(25, 4, 128))));
  }

  static void fillScalars(VectorSchemaRoot root) {
    for (int row = 0; row < ROWS; row++) {
      boolean isNull = row % 7 == 3;
      ((BigIntVector) root.getVector("id")).setSafe(row, row);
      if (isNull) {
        for (FieldVector vector : root.getFieldVectors()) {
          if (!vector.getName().equals("id")) {
            vector.setNull(row);
          }
        }
        continue;
      }
      ((TinyIntVector) root.getVector("i8")).setSafe(row, (byte) (row % 256 - 128));
      ((SmallIntVector) root.getVector("i16")).setSafe(row, (short) (row * 97 - 30000));
      ((IntVector) root.getVector("i32")).setSafe(row, row == 1 ? Integer.MIN_VALUE : row * 7919);
      ((UInt1Vector) root.getVector("u8")).setSafe(row, (byte) (row % 256));
      ((UInt2Vector) root.getVector("u16")).setSafe(row, (char) (row * 109 % 65536));
      ((UInt4Vector) root.getVector("u32")).setSafe(row, row == 2 ? -1 : row * 1_000_003);
      ((Float4Vector) root.getVector("f32")).setSafe(row, row == 4 ? Float.NaN : row / 8.0f - 3);
      ((Float8Vector) root.getVector("f64")).setSafe(row, row == 5 ? Double.NEGATIVE_INFINITY : row / 3.0 - 10);
      ((BitVector) root.getVector("flag")).setSafe(row, row % 2);
      String text = row % 11 == 0 ? "" : "tag-" + (row % 13) + (row % 3 == 0 ? " é€" : "");
      ((VarCharVector) root.getVector("s")).setSafe(row, text.getBytes(StandardCharsets.UTF_8));
      ((VarBinaryVector) root.getVector("bin")).setSafe(row, ("b" + row % 5).getBytes(StandardCharsets.UTF_8));
      ((DateDayVector) root.getVector("day")).setSafe(row, -400 + row * 37);
      ((TimeStampMicroTZVector) root.getVector("ts_us")).setSafe(row, -86_400_000_000L * 200 + row * 3_600_000_123L);
      ((TimeStampMilliTZVector) root.getVector("ts_ms")).setSafe(row, 1_700_000_000_000L + row * 61_001L);
      ((DecimalVector) root.getVector("dec5")).setSafe(row, BigDecimal.valueOf(row * 125L - 50_000, 2));
      ((DecimalVector) root.getVector("dec25")).setSafe(row,
          new BigDecimal("-123456789012345678.9012").add(BigDecimal.valueOf(row * 1_000_001L, 4)));
    }
    root.setRowCount(ROWS);
  }

  static Schema nested() {
    Field element = new Field("item", FieldType.nullable(new ArrowType.Int(32, true)), null);
    Field list = new Field("numbers", FieldType.nullable(ArrowType.List.INSTANCE), List.of(element));
    Field struct = new Field("person", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
        field("name", ArrowType.Utf8.INSTANCE), field("age", new ArrowType.Int(32, true))));
    Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
        new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
        field("value", new ArrowType.Int(64, true))));
    Field map = new Field("scores", FieldType.nullable(new ArrowType.Map(false)), List.of(entries));
    return new Schema(List.of(new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
        list, struct, map));
  }

  static void fillNested(VectorSchemaRoot root) {
    BigIntVector ids = (BigIntVector) root.getVector("id");
    ListVector numbers = (ListVector) root.getVector("numbers");
    StructVector person = (StructVector) root.getVector("person");
    MapVector scores = (MapVector) root.getVector("scores");
    UnionListWriter listWriter = numbers.getWriter();
    UnionMapWriter mapWriter = scores.getWriter();
    VarCharVector names = (VarCharVector) person.getChild("name");
    IntVector ages = (IntVector) person.getChild("age");
    for (int row = 0; row < ROWS; row++) {
      ids.setSafe(row, row);
      listWriter.setPosition(row);
      if (row % 5 != 1) {
        listWriter.startList();
        for (int i = 0; i < row % 4; i++) {
          if ((row + i) % 6 == 0) {
            listWriter.writeNull();
          } else {
            listWriter.writeInt(row * 10 + i);
          }
        }
        listWriter.endList();
      }
      if (row % 6 == 2) {
        person.setNull(row);
      } else {
        person.setIndexDefined(row);
        if (row % 4 == 0) {
          names.setNull(row);
        } else {
          names.setSafe(row, ("name-" + row % 17).getBytes(StandardCharsets.UTF_8));
        }
        ages.setSafe(row, 20 + row % 50);
      }
      mapWriter.setPosition(row);
      if (row % 7 != 4) {
        mapWriter.startMap();
        for (int i = 0; i < row % 3; i++) {
          mapWriter.startEntry();
          byte[] key = ("k" + i).getBytes(StandardCharsets.UTF_8);
          try (org.apache.arrow.memory.ArrowBuf buffer = root.getVector("id").getAllocator().buffer(key.length)) {
            buffer.setBytes(0, key);
            mapWriter.key().varChar().writeVarChar(0, key.length, buffer);
          }
          if ((row + i) % 5 == 0) {
            mapWriter.value().bigInt().writeNull();
          } else {
            mapWriter.value().bigInt().writeBigInt(row * 100L + i);
          }
          mapWriter.endEntry();
        }
        mapWriter.endMap();
      }
    }
    numbers.setValueCount(ROWS);
    scores.setValueCount(ROWS);
    person.setValueCount(ROWS);
    root.setRowCount(ROWS);
  }

  static void write(BufferAllocator allocator, Schema schema, Path directory, Filler filler) throws Exception {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      root.allocateNew();
      filler.fill(root);
      try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, stream)) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
    }
    Files.createDirectories(directory);
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream.toByteArray()), allocator)) {
      DatasetFileWriter.write(allocator, reader, FileFormat.PARQUET, directory.toUri().toString());
    }
  }
}
