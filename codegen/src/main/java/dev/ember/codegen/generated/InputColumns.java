package dev.ember.codegen.generated;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the input batch's vectors. Raw mode: buffer addresses taken once per batch and
 * {@code MemoryUtil} reads per row. Checked mode: the vectors' bounds- and null-checked accessors.
 */
final class InputColumns implements ColumnReader {
  private static final String LIST_VECTOR = "org.apache.arrow.vector.complex.ListVector";
  private static final String STRUCT_VECTOR = "org.apache.arrow.vector.complex.StructVector";

  private final ClassBuilder builder;
  private final StructType schema;
  private final boolean checked;
  /** Struct fields read from their child vectors: the kernel's field name, and its struct column and field. */
  private final SortedMap<String, int[]> structFields = new TreeMap<>();

  InputColumns(ClassBuilder builder, StructType schema, boolean checked) {
    this.builder = builder;
    this.schema = schema;
    this.checked = checked;
  }

  @Override
  public ExprValue read(int ordinal, MethodScope scope) {
    if (ordinal < 0 || ordinal >= schema.length()) {
      throw new IllegalArgumentException("input[" + ordinal + "] is outside the input schema " + schema.simpleString());
    }
    StructField field = schema.apply(ordinal);
    DataType type = field.dataType();
    JavaTypes.vectorClass(type); // rejects types without a vector mapping
    builder.useInputColumn(ordinal, type);
    String name = scope.fresh("input" + ordinal + "_");
    String vector = "input" + ordinal;
    CodeBuilder code = scope.code();
    String isNull = field.nullable() ? name + "Null" : "false";
    if (JavaTypes.isNested(type)) {
      // A list, map or struct vector's own accessors in both modes: building the object costs far more.
      if (field.nullable()) {
        code.line("boolean " + isNull + " = " + vector + ".isNull(row);");
      }
      code.line(JavaTypes.javaType(type) + " " + name + " = " + (field.nullable()
          ? isNull + " ? " + JavaTypes.defaultValue(type) + " : " : "") + nestedRead(type, vector, "row") + ";");
      return ExprValue.of(type, isNull, name);
    }
    if (field.nullable()) {
      code.line("boolean " + isNull + " = " + (checked
          ? vector + ".isNull(row)"
          : "(MemoryUtil.getByte(" + vector + "Validity + (row >> 3)) & (1 << (row & 7))) == 0") + ";");
    }
    if (JavaTypes.isBytes(type)) {
      return readBytes(type, vector, name, isNull, code);
    }
    String read = checked ? checkedRead(type, vector) : rawRead(type, vector);
    String javaType = JavaTypes.javaType(type);
    boolean guard = field.nullable() && (checked || JavaTypes.isWideDecimal(type));
    code.line(javaType + " " + name + " = " + (guard ? isNull + " ? " + JavaTypes.defaultValue(type) + " : " : "")
        + read + ";");
    return ExprValue.of(type, isNull, name);
  }

  private ExprValue readBytes(DataType type, String vector, String name, String isNull, CodeBuilder code) {
    if (checked) {
      code.line("int " + name + "Start = 0;");
      code.line("int " + name + "Length = 0;");
      code.line("long " + name + " = 0L;");
      boolean guard = !"false".equals(isNull);
      if (guard) {
        code.open("if (!" + isNull + ") {");
      }
      code.line(name + "Start = " + vector + ".getStartOffset(row);");
      code.line(name + "Length = " + vector + ".getEndOffset(row) - " + name + "Start;");
      code.line(name + " = GeneratedRuntime.checkedAddress(" + vector + ".getDataBuffer(), " + name + "Start, "
          + name + "Length);");
      if (guard) {
        code.close();
      }
    } else {
      code.line("long " + name + "Offset = " + vector + "Offsets + ((long) row << 2);");
      code.line("int " + name + "Start = MemoryUtil.getInt(" + name + "Offset);");
      code.line("int " + name + "Length = MemoryUtil.getInt(" + name + "Offset + 4) - " + name + "Start;");
      code.line("long " + name + " = " + vector + "Data + " + name + "Start;");
    }
    return ExprValue.bytes(type, isNull, name, name + "Length");
  }

  @Override
  public ExprValue readSize(int ordinal, boolean ansi, MethodScope scope) {
    StructField field = checkedField(ordinal);
    DataType type = field.dataType();
    if (!(type instanceof ArrayType) && !(type instanceof MapType)) {
      return null;
    }
    builder.useInputColumn(ordinal, type);
    String vector = "input" + ordinal;
    String name = scope.fresh("size");
    CodeBuilder code = scope.code();
    // A map vector is a list vector of entries.
    String size = "((" + LIST_VECTOR + ") " + vector + ").getElementEndIndex(row) - ((" + LIST_VECTOR + ") " + vector
        + ").getElementStartIndex(row)";
    code.line("boolean " + name + "Null = false;");
    code.line("int " + name + " = 0;");
    if (field.nullable()) {
      // As CollectionFunctions.size: null under ANSI, -1 otherwise (spark.sql.legacy.sizeOfNull).
      code.open("if (" + vector + ".isNull(row)) {").line(ansi ? name + "Null = true;" : name + " = -1;").orElse()
          .line(name + " = " + size + ";").close();
    } else {
      code.line(name + " = " + size + ";");
    }
    return ExprValue.of(DataTypes.IntegerType, field.nullable() && ansi ? name + "Null" : "false", name);
  }

  @Override
  public ExprValue readStructField(int ordinal, int fieldIndex, MethodScope scope) {
    StructField field = checkedField(ordinal);
    if (!(field.dataType() instanceof StructType struct) || fieldIndex < 0 || fieldIndex >= struct.length()) {
      return null;
    }
    StructField child = struct.apply(fieldIndex);
    DataType type = child.dataType();
    if (JavaTypes.isNested(type)) {
      return null;
    }
    JavaTypes.vectorClass(type); // rejects types without a vector mapping
    builder.useInputColumn(ordinal, field.dataType());
    String vector = "input" + ordinal + "Field" + fieldIndex;
    structFields.put(vector, new int[] {ordinal, fieldIndex});
    String name = scope.fresh(vector + "_");
    CodeBuilder code = scope.code();
    List<String> nullChecks = new ArrayList<>();
    if (field.nullable()) {
      nullChecks.add("input" + ordinal + ".isNull(row)");
    }
    if (child.nullable()) {
      nullChecks.add(vector + ".isNull(row)");
    }
    String isNull = nullChecks.isEmpty() ? "false" : name + "Null";
    if (!nullChecks.isEmpty()) {
      code.line("boolean " + isNull + " = " + String.join(" || ", nullChecks) + ";");
    }
    String guard = nullChecks.isEmpty() ? "" : isNull + " ? " + (JavaTypes.isBytes(type) ? "null"
        : JavaTypes.defaultValue(type)) + " : ";
    if (JavaTypes.isBytes(type)) {
      // A copy, as a computed string is held: cheaper than the struct's object, and a projection can keep it.
      code.line("byte[] " + name + " = " + guard + vector + ".get(row);");
      return ExprValue.byteArray(type, isNull, name);
    }
    code.line(JavaTypes.javaType(type) + " " + name + " = " + guard + checkedRead(type, vector, "row") + ";");
    return ExprValue.of(type, isNull, name);
  }

  private StructField checkedField(int ordinal) {
    if (ordinal < 0 || ordinal >= schema.length()) {
      throw new IllegalArgumentException("input[" + ordinal + "] is outside the input schema " + schema.simpleString());
    }
    return schema.apply(ordinal);
  }

  /** The {@code NestedValues} object of a non-null nested value of {@code vector} at the row held in {@code row}. */
  static String nestedRead(DataType type, String vector, String row) {
    return "((" + JavaTypes.javaType(type) + ") " + KernelSourceGenerator.NESTED_VALUES + ".read(" + vector + ", "
        + row + "))";
  }

  private static String checkedRead(DataType type, String vector) {
    return checkedRead(type, vector, "row");
  }

  /** A value read through the vector's checked accessors, at the row index held in {@code row}. */
  static String checkedRead(DataType type, String vector, String row) {
    if (type instanceof BooleanType) {
      return "(" + vector + ".get(" + row + ") != 0)";
    } else if (JavaTypes.isCompactDecimal(type)) {
      // The low word of the 128-bit value holds the whole unscaled value; ArrowBuf checks bounds.
      return vector + ".getDataBuffer().getLong((long) " + row + " << 4)";
    } else if (JavaTypes.isWideDecimal(type)) {
      return vector + ".getObject(" + row + ")";
    }
    return vector + ".get(" + row + ")";
  }

  private static String rawRead(DataType type, String vector) {
    return rawRead(type, vector + "Data", "row");
  }

  /** A value read from the data buffer at address {@code data}, at the row index held in {@code row}. */
  static String rawRead(DataType type, String data, String row) {
    if (type instanceof BooleanType) {
      return "((MemoryUtil.getByte(" + data + " + (" + row + " >> 3)) & (1 << (" + row + " & 7))) != 0)";
    } else if (type instanceof ByteType) {
      return "MemoryUtil.getByte(" + data + " + " + row + ")";
    } else if (type instanceof FloatType) {
      return "Float.intBitsToFloat(MemoryUtil.getInt(" + data + " + ((long) " + row + " << 2)))";
    } else if (type instanceof DoubleType) {
      return "Double.longBitsToDouble(MemoryUtil.getLong(" + data + " + ((long) " + row + " << 3)))";
    } else if (type instanceof DecimalType decimal) {
      return JavaTypes.isCompactDecimal(type)
          ? "MemoryUtil.getLong(" + data + " + ((long) " + row + " << 4))"
          : "GeneratedRuntime.readDecimal(" + data + " + ((long) " + row + " << 4), " + decimal.scale() + ")";
    }
    int shift = JavaTypes.widthShift(type);
    String method = switch (shift) {
      case 1 -> "getShort";
      case 2 -> "getInt";
      default -> "getLong";
    };
    return "MemoryUtil." + method + "(" + data + " + ((long) " + row + " << " + shift + "))";
  }

  /** Fields that hold each used column's buffers (raw) or vector (checked) for the current batch. */
  void declareBindings() {
    for (Map.Entry<String, int[]> structField : structFields.entrySet()) {
      builder.addField("private " + JavaTypes.vectorClass(childType(structField.getValue())) + " "
          + structField.getKey() + ";");
    }
    for (Map.Entry<Integer, DataType> column : builder.inputColumns().entrySet()) {
      String vector = "input" + column.getKey();
      if (JavaTypes.isNested(column.getValue())) {
        builder.addField("private FieldVector " + vector + ";");
      } else if (checked) {
        builder.addField("private " + JavaTypes.vectorClass(column.getValue()) + " " + vector + ";");
      } else {
        builder.addField("private long " + vector + "Data;");
        builder.addField("private long " + vector + "Validity;");
        if (JavaTypes.isBytes(column.getValue())) {
          builder.addField("private long " + vector + "Offsets;");
        }
      }
    }
  }

  /** {@code bindInput(batch)} and {@code unbindInput()}: take the buffers once per batch, then drop them. */
  void writeBindingMethods(MethodSplitter splitter) {
    List<CodeBuilder> binds = new ArrayList<>();
    List<CodeBuilder> unbinds = new ArrayList<>();
    for (Map.Entry<String, int[]> structField : structFields.entrySet()) {
      int[] position = structField.getValue();
      String vectorClass = JavaTypes.vectorClass(childType(position));
      binds.add(new CodeBuilder(2).line(structField.getKey() + " = (" + vectorClass + ") ((" + STRUCT_VECTOR
          + ") batch.vector(" + position[0] + ")).getChildByOrdinal(" + position[1] + ");"));
      unbinds.add(new CodeBuilder(2).line(structField.getKey() + " = null;"));
    }
    for (Map.Entry<Integer, DataType> column : builder.inputColumns().entrySet()) {
      int ordinal = column.getKey();
      String vector = "input" + ordinal;
      CodeBuilder bind = new CodeBuilder(2);
      CodeBuilder unbind = new CodeBuilder(2);
      if (JavaTypes.isNested(column.getValue())) {
        bind.line(vector + " = batch.vector(" + ordinal + ");");
        unbind.line(vector + " = null;");
      } else if (checked) {
        bind.line(vector + " = (" + JavaTypes.vectorClass(column.getValue()) + ") batch.vector(" + ordinal + ");");
        unbind.line(vector + " = null;");
      } else {
        bind.line(vector + "Data = batch.vector(" + ordinal + ").getDataBufferAddress();");
        bind.line(vector + "Validity = batch.vector(" + ordinal + ").getValidityBufferAddress();");
        unbind.line(vector + "Data = 0L;");
        unbind.line(vector + "Validity = 0L;");
        if (JavaTypes.isBytes(column.getValue())) {
          bind.line(vector + "Offsets = batch.vector(" + ordinal + ").getOffsetBufferAddress();");
          unbind.line(vector + "Offsets = 0L;");
        }
      }
      binds.add(bind);
      unbinds.add(unbind);
    }
    splitter.split("bindInput", "ColumnBatch batch", "batch", "Takes the input buffers once per batch.", binds);
    splitter.split("unbindInput", "", "", "The kernel must not keep references into a batch after process() returns.",
        unbinds);
  }

  private DataType childType(int[] position) {
    return ((StructType) schema.apply(position[0]).dataType()).apply(position[1]).dataType();
  }

  /** Writes groups of statements as one method or as several of bounded size. */
  interface MethodSplitter {
    void split(String name, String parameters, String arguments, String comment, List<CodeBuilder> blocks);
  }
}
