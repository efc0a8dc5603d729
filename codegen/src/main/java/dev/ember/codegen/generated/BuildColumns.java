package dev.ember.codegen.generated;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the build row a join probe is at: column {@code c} of build batch {@code build<k>Batch}, row
 * {@code build<k>Row}. The tables' batches are fixed once the build side has run, so each used column's
 * buffer addresses (raw) or vectors (checked) are taken into arrays, one entry per build batch, when
 * the kernel is created; reading a row is then an array load and a memory read, with no call. While
 * {@code build<k>Padded} is set (an outer join's row without a match) every column reads as null.
 */
final class BuildColumns implements ColumnReader {
  private final ClassBuilder builder;
  private final StructType schema;
  private final boolean checked;
  private final boolean padded;
  private final String prefix;
  private final SortedMap<Integer, DataType> used = new TreeMap<>();

  /** @param padded whether the probe can read its build columns as nulls (an outer join) */
  BuildColumns(ClassBuilder builder, StructType schema, boolean checked, boolean padded, String prefix) {
    this.builder = builder;
    this.schema = schema;
    this.checked = checked;
    this.padded = padded;
    this.prefix = prefix;
  }

  @Override
  public ExprValue read(int ordinal, MethodScope scope) {
    if (ordinal < 0 || ordinal >= schema.length()) {
      throw new IllegalArgumentException("build column " + ordinal + " is outside the build schema "
          + schema.simpleString());
    }
    StructField field = schema.apply(ordinal);
    DataType type = field.dataType();
    JavaTypes.vectorClass(type); // rejects types without a vector mapping
    used.put(ordinal, type);
    String column = prefix + "Column" + ordinal;
    String batch = "[" + prefix + "Batch]";
    String row = prefix + "Row";
    String name = scope.fresh(column + "_");
    CodeBuilder code = scope.code();
    List<String> nullChecks = new ArrayList<>();
    if (padded) {
      nullChecks.add(prefix + "Padded");
    }
    if (JavaTypes.isNested(type)) {
      return readNested(field, column + "Vectors" + batch, row, name, nullChecks, code);
    }
    if (field.nullable()) {
      nullChecks.add(checked
          ? column + batch + ".isNull(" + row + ")"
          : "(MemoryUtil.getByte(" + column + "Validity" + batch + " + (" + row + " >> 3)) & (1 << (" + row
              + " & 7))) == 0");
    }
    String isNull = nullChecks.isEmpty() ? "false" : name + "Null";
    if (!nullChecks.isEmpty()) {
      code.line("boolean " + isNull + " = " + String.join(" || ", nullChecks) + ";");
    }
    if (JavaTypes.isBytes(type)) {
      code.line("int " + name + "Length = 0;");
      code.line("long " + name + " = 0L;");
      boolean guard = !"false".equals(isNull);
      if (guard) {
        code.open("if (!" + isNull + ") {");
      } else {
        code.open("{");
      }
      if (checked) {
        code.line("int " + name + "Start = " + column + batch + ".getStartOffset(" + row + ");");
        code.line(name + "Length = " + column + batch + ".getEndOffset(" + row + ") - " + name + "Start;");
        code.line(name + " = GeneratedRuntime.checkedAddress(" + column + batch + ".getDataBuffer(), " + name
            + "Start, " + name + "Length);");
      } else {
        code.line("long " + name + "Offset = " + column + "Offsets" + batch + " + ((long) " + row + " << 2);");
        code.line("int " + name + "Start = MemoryUtil.getInt(" + name + "Offset);");
        code.line(name + "Length = MemoryUtil.getInt(" + name + "Offset + 4) - " + name + "Start;");
        code.line(name + " = " + column + "Data" + batch + " + " + name + "Start;");
      }
      code.close();
      return ExprValue.bytes(type, isNull, name, name + "Length");
    }
    String read = checked
        ? InputColumns.checkedRead(type, column + batch, row)
        : InputColumns.rawRead(type, column + "Data" + batch, row);
    // A padded row has no batch to read from, so the read is guarded, not only masked.
    String guard = "false".equals(isNull) ? "" : isNull + " ? " + JavaTypes.defaultValue(type) + " : ";
    code.line(JavaTypes.javaType(type) + " " + name + " = " + guard + read + ";");
    return ExprValue.of(type, isNull, name);
  }

  /** A nested value as its {@code NestedValues} object, built only when the row is not null. */
  private static ExprValue readNested(StructField field, String vector, String row, String name,
      List<String> nullChecks, CodeBuilder code) {
    DataType type = field.dataType();
    if (field.nullable()) {
      nullChecks.add(vector + ".isNull(" + row + ")");
    }
    String isNull = nullChecks.isEmpty() ? "false" : name + "Null";
    if (!nullChecks.isEmpty()) {
      code.line("boolean " + isNull + " = " + String.join(" || ", nullChecks) + ";");
    }
    String read = InputColumns.nestedRead(type, vector, row);
    String guard = "false".equals(isNull) ? "" : isNull + " ? " + JavaTypes.defaultValue(type) + " : ";
    code.line(JavaTypes.javaType(type) + " " + name + " = " + guard + read + ";");
    return ExprValue.of(type, isNull, name);
  }

  /**
   * Declares the per-batch arrays of the columns read so far and writes {@code bindMethod()}, which
   * fills them from {@code table}; call after all code reading the build row is generated.
   */
  void writeBindings(String bindMethod, String table) {
    CodeBuilder method = new CodeBuilder(1);
    method.comment("Takes the build batches' buffers once: they stay put while the probe runs.");
    method.open("private void " + bindMethod + "() {");
    method.line("int batches = " + table + ".batchCount();");
    for (Map.Entry<Integer, DataType> entry : used.entrySet()) {
      String column = prefix + "Column" + entry.getKey();
      DataType type = entry.getValue();
      if (JavaTypes.isNested(type)) {
        builder.addField("private FieldVector[] " + column + "Vectors;");
        method.line(column + "Vectors = new FieldVector[batches];");
      } else if (checked) {
        String vectorClass = JavaTypes.vectorClass(type);
        builder.addField("private " + vectorClass + "[] " + column + ";");
        method.line(column + " = new " + vectorClass + "[batches];");
      } else {
        builder.addField("private long[] " + column + "Data;");
        builder.addField("private long[] " + column + "Validity;");
        method.line(column + "Data = new long[batches];");
        method.line(column + "Validity = new long[batches];");
        if (JavaTypes.isBytes(type)) {
          builder.addField("private long[] " + column + "Offsets;");
          method.line(column + "Offsets = new long[batches];");
        }
      }
    }
    method.open("for (int batch = 0; batch < batches; batch++) {");
    method.line("ColumnBatch build = " + table + ".batch(batch);");
    for (Map.Entry<Integer, DataType> entry : used.entrySet()) {
      String column = prefix + "Column" + entry.getKey();
      String vector = "build.vector(" + entry.getKey() + ")";
      if (JavaTypes.isNested(entry.getValue())) {
        method.line(column + "Vectors[batch] = " + vector + ";");
      } else if (checked) {
        method.line(column + "[batch] = (" + JavaTypes.vectorClass(entry.getValue()) + ") " + vector + ";");
      } else {
        method.line(column + "Data[batch] = " + vector + ".getDataBufferAddress();");
        method.line(column + "Validity[batch] = " + vector + ".getValidityBufferAddress();");
        if (JavaTypes.isBytes(entry.getValue())) {
          method.line(column + "Offsets[batch] = " + vector + ".getOffsetBufferAddress();");
        }
      }
    }
    method.close();
    method.close();
    builder.addMethod(method);
  }
}
