package dev.ember.codegen.generated;

import dev.ember.codegen.spec.AccumulatorUpdate;
import dev.ember.codegen.spec.AggregateUpdate;
import dev.ember.codegen.spec.BatchOutput;
import dev.ember.codegen.spec.FilterStep;
import dev.ember.codegen.spec.JoinProbeStep;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.codegen.spec.ProjectStep;
import dev.ember.codegen.spec.StreamingStep;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.runtime.operators.aggregate.AccumulatorKind;
import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
import dev.ember.runtime.operators.aggregate.HashAggregationTable;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes the Java source of one pipeline's kernel class. Layout: the per-row loop in
 * {@code process(batch)} calls one method per operator step; every filter condition, computed
 * projection column, grouping key and accumulator argument gets its own method, and groups of calls
 * or output-column writes are split into methods of bounded size, so each method stays far below
 * HotSpot's 8,000-byte JIT limit (Spark splits its generated code the same way).
 */
final class KernelSourceGenerator {
  static final String PACKAGE = "dev.ember.codegen.generated";
  static final String CLASS_PREFIX = "EmberPipeline";
  /** Source characters after which a group of statements is split into another method. */
  private static final int SPLIT_THRESHOLD = 1500;
  /** The smallest output batch of a pipeline with a join, whose input batches may be small. */
  private static final int MIN_JOIN_OUTPUT_ROWS = 1024;
  /** Reads and writes nested values as objects, for generated and interpreted kernels alike. */
  static final String NESTED_VALUES = "dev.ember.runtime.batch.NestedValues";

  /** The generated class: its simple name, its source and the constructor's {@code references}. */
  record Source(String className, String text, List<Object> references) {}

  private final PipelineSpec spec;
  private final KernelOptions options;
  private final boolean checked;
  private final ClassBuilder builder = new ClassBuilder();
  private final ExpressionGenerator expressions;
  private final JoinProbeGenerator joinProbes;
  /** Where the current step's code goes: the row loop, or the method a join probe calls per joined row. */
  private final CodeBuilder mainLoopBody = new CodeBuilder(4);
  /** Statements of process() right before and right after the row loop (inside its try block). */
  private final CodeBuilder beforeLoop = new CodeBuilder(3);
  private final CodeBuilder afterLoop = new CodeBuilder(3);
  private CodeBuilder loopBody = mainLoopBody;
  /** How the current step's code drops a row: the next row of the loop, or back to the join probe. */
  private String skipRow = "continue;";
  /** The methods a join probe calls per joined row, written once the whole pipeline is generated. */
  private final List<CodeBuilder> continuations = new ArrayList<>();
  /** Whether a join can make more output rows than input rows, so output goes out in several batches. */
  private final boolean joins;

  private KernelSourceGenerator(PipelineSpec spec, KernelOptions options) {
    this.spec = Objects.requireNonNull(spec, "spec is null");
    this.options = Objects.requireNonNull(options, "options is null");
    this.checked = options.checkedMemoryAccess();
    this.expressions = new ExpressionGenerator(builder, options);
    this.joinProbes = new JoinProbeGenerator(builder, expressions, checked, this::splitMethods);
    this.joins = spec.steps().stream().anyMatch(JoinProbeStep.class::isInstance);
  }

  static Source generate(PipelineSpec spec, KernelOptions options) {
    return new KernelSourceGenerator(spec, options).generate();
  }

  private Source generate() {
    String className = CLASS_PREFIX + spec.pipelineId();
    InputColumns input = new InputColumns(builder, spec.inputSchema(), checked);
    ColumnReader columns = input;
    int stepIndex = 0;
    for (StreamingStep step : spec.steps()) {
      if (step instanceof FilterStep filter) {
        filter(stepIndex, filter, columns);
      } else if (step instanceof ProjectStep project) {
        columns = project(stepIndex, project, columns);
      } else if (step instanceof JoinProbeStep join) {
        columns = joinProbe(stepIndex, join, columns);
      }
      stepIndex++;
    }
    boolean aggregate = spec.sink() instanceof AggregateUpdate;
    if (spec.sink() instanceof AggregateUpdate update) {
      rejectNestedAggregateValues(update);
      aggregateSink(update, columns);
    } else {
      batchOutputSink((BatchOutput) spec.sink(), columns);
    }
    for (CodeBuilder continuation : continuations) {
      continuation.close();
      builder.addMethod(continuation);
    }
    if (joins) {
      joinProbes.finish();
    }
    input.declareBindings();
    input.writeBindingMethods(this::splitMethods);
    return new Source(className, assemble(className, aggregate), List.copyOf(builder.references()));
  }

  /**
   * The hash aggregation table takes flat keys and arguments only; collect_list of an array and
   * grouping by a struct stay interpreted.
   */
  private static void rejectNestedAggregateValues(AggregateUpdate update) {
    for (Expression key : update.keys()) {
      if (JavaTypes.isNested(key.dataType())) {
        throw Unsupported.expression(key, "a grouping key of type " + key.dataType().simpleString());
      }
    }
    for (AccumulatorUpdate accumulator : update.accumulators()) {
      for (Expression argument : accumulator.arguments()) {
        if (JavaTypes.isNested(argument.dataType())) {
          throw Unsupported.expression(argument, "an aggregate argument of type " + argument.dataType().simpleString());
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Streaming steps.

  private void filter(int stepIndex, FilterStep filter, ColumnReader columns) {
    String method = "filter" + stepIndex;
    CodeBuilder code = new CodeBuilder(1);
    code.comment("Filter (step " + stepIndex + "): " + filter.condition());
    code.open("private boolean " + method + "(int row) {");
    MethodScope scope = new MethodScope(new CodeBuilder(2));
    ExprValue condition = expressions.generate(filter.condition(), columns, scope);
    code.append(scope.code());
    code.line("return " + (condition.neverNull() ? "" : "!" + condition.isNull() + " && ") + condition.value() + ";");
    code.close();
    builder.addMethod(code);
    loopBody.comment("Filter (step " + stepIndex + "): " + filter.condition());
    loopBody.open("if (!" + method + "(row)) {").line(skipRow).close();
  }

  /**
   * A semi or anti join filters the row; an inner or outer join calls a new method per joined row,
   * which the following steps and the sink are written into.
   */
  private ColumnReader joinProbe(int stepIndex, JoinProbeStep join, ColumnReader input) {
    String continuation = "joined" + stepIndex;
    JoinProbeGenerator.Probe probe = joinProbes.generate(stepIndex, join, input, continuation);
    loopBody.comment("Join probe (step " + stepIndex + "): " + join.mode() + " on " + join.keys());
    if (join.filtersOnly()) {
      loopBody.open("if (!" + probe.method() + "(row)) {").line(skipRow).close();
      return input;
    }
    loopBody.line(probe.method() + "(row);");
    CodeBuilder method = new CodeBuilder(1);
    method.comment("The steps after the join probe (step " + stepIndex + "), once per joined row.");
    method.open("private void " + continuation + "(int row) {");
    continuations.add(method);
    loopBody = method;
    skipRow = "return;";
    return probe.joinedColumns();
  }

  private ColumnReader project(int stepIndex, ProjectStep project, ColumnReader input) {
    StructType schema = project.outputSchema();
    List<Expression> projections = project.expressions();
    String[] fieldNames = new String[projections.size()];
    List<CodeBuilder> calls = new ArrayList<>();
    for (int column = 0; column < projections.size(); column++) {
      Expression expression = projections.get(column);
      if (expression instanceof BoundReference || expression instanceof Literal) {
        continue; // read in place by later steps, no copy
      }
      DataType type = schema.apply(column).dataType();
      boolean bytes = JavaTypes.isBytes(type);
      String field = "project" + stepIndex + "Column" + column;
      fieldNames[column] = field;
      builder.addFieldComment("Project (step " + stepIndex + ") column " + column + " `" + schema.apply(column).name()
          + "`: " + expression);
      builder.addField("private " + (bytes ? "byte[]" : JavaTypes.javaType(type)) + " " + field + ";");
      builder.addField("private boolean " + field + "Null;");

      CodeBuilder method = new CodeBuilder(1);
      method.comment("Project (step " + stepIndex + ") column " + column + " `" + schema.apply(column).name() + "`: "
          + expression);
      method.open("private void " + field + "(int row) {");
      MethodScope scope = new MethodScope(new CodeBuilder(2));
      ExprValue value = expressions.generate(expression, input, scope);
      if (bytes && !value.isByteArray()) {
        throw Unsupported.expression(expression, "a computed string over Arrow memory");
      }
      method.append(scope.code());
      method.line(field + "Null = " + value.isNull() + ";");
      method.line(field + " = " + (bytes ? value.byteArray() : value.value()) + ";");
      method.close();
      builder.addMethod(method);
      calls.add(new CodeBuilder(2).line(field + "(row);"));
    }
    if (!calls.isEmpty()) {
      String method = "project" + stepIndex;
      splitMethods(method, "int row", "row", "Project (step " + stepIndex + "): " + calls.size()
          + " computed columns", calls);
      loopBody.comment("Project (step " + stepIndex + "): " + projections);
      loopBody.line(method + "(row);");
    }
    return new ProjectedColumns(projections, schema, fieldNames, input);
  }

  /** Reads a projection's output: pass-through columns and literals in place, computed ones from fields. */
  private final class ProjectedColumns implements ColumnReader {
    private final List<Expression> projections;
    private final StructType schema;
    private final String[] fieldNames;
    private final ColumnReader input;

    ProjectedColumns(List<Expression> projections, StructType schema, String[] fieldNames, ColumnReader input) {
      this.projections = projections;
      this.schema = schema;
      this.fieldNames = fieldNames;
      this.input = input;
    }

    @Override
    public ExprValue read(int ordinal, MethodScope scope) {
      Expression expression = projections.get(ordinal);
      if (expression instanceof BoundReference reference) {
        return input.read(reference.ordinal(), scope);
      } else if (expression instanceof Literal literal) {
        return expressions.literal(literal);
      }
      DataType type = schema.apply(ordinal).dataType();
      return JavaTypes.isBytes(type)
          ? ExprValue.byteArray(type, fieldNames[ordinal] + "Null", fieldNames[ordinal])
          : ExprValue.of(type, fieldNames[ordinal] + "Null", fieldNames[ordinal]);
    }

    @Override
    public ExprValue readSize(int ordinal, boolean ansi, MethodScope scope) {
      return projections.get(ordinal) instanceof BoundReference reference
          ? input.readSize(reference.ordinal(), ansi, scope) : null;
    }

    @Override
    public ExprValue readStructField(int ordinal, int field, MethodScope scope) {
      return projections.get(ordinal) instanceof BoundReference reference
          ? input.readStructField(reference.ordinal(), field, scope) : null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sink: batch output.

  private void batchOutputSink(BatchOutput sink, ColumnReader columns) {
    StructType schema = sink.schema();
    String schemaField = builder.addReference("outputSchema", "StructType", schema, "Output schema: "
        + schema.simpleString());
    builder.addField("private final BatchConsumer consumer;");
    builder.addField("private final BufferAllocator allocator;");
    builder.addConstructorLine("this.consumer = (BatchConsumer) partition;");
    builder.addConstructorLine("this.allocator = allocator;");
    builder.addFieldComment("The output batch being filled (null between batches).");
    builder.addField("private java.util.List outputVectors;");

    CodeBuilder begin = new CodeBuilder(1);
    begin.open("private void beginOutput(int capacity) {");
    begin.line("outputVectors = ColumnBatch.allocateVectors(" + schemaField + ", allocator, capacity);");
    CodeBuilder end = new CodeBuilder(1);
    end.comment("Hands the filled batch to the consumer; an empty one is released instead.");
    end.open("private boolean endOutput(int rows) {");
    end.line("java.util.List vectors = outputVectors;");
    end.line("outputVectors = null;");
    end.open("if (rows == 0) {");
    end.open("for (int i = 0; i < vectors.size(); i++) {").line("((FieldVector) vectors.get(i)).close();").close();
    end.line("return true;");
    end.close();

    List<CodeBuilder> writes = new ArrayList<>();
    List<CodeBuilder> binds = new ArrayList<>();
    List<CodeBuilder> seals = new ArrayList<>();
    for (int column = 0; column < schema.length(); column++) {
      StructField field = schema.apply(column);
      DataType type = field.dataType();
      String vectorClass = JavaTypes.vectorClass(type);
      String vector = "output" + column;
      CodeBuilder bind = new CodeBuilder(2);
      CodeBuilder seal = new CodeBuilder(2);
      builder.addField("private " + vectorClass + " " + vector + ";");
      bind.line(vector + " = (" + vectorClass + ") outputVectors.get(" + column + ");");
      if (!checked && !JavaTypes.isNested(type)) {
        builder.addField("private long " + vector + "Validity;");
        bind.line(vector + "Validity = " + vector + ".getValidityBufferAddress();");
        if (!JavaTypes.isBytes(type)) {
          // Var-width data buffers move as they grow; appendBytes reads the address each time.
          builder.addField("private long " + vector + "Data;");
          bind.line(vector + "Data = " + vector + ".getDataBufferAddress();");
        } else {
          builder.addField("private int " + vector + "End;");
          bind.line(vector + "End = 0;");
          bind.line("MemoryUtil.putInt(" + vector + ".getOffsetBufferAddress(), 0);");
          seal.line(vector + ".setLastSet(rows - 1);");
        }
      }
      seal.line(vector + ".setValueCount(rows);");
      seal.line(vector + " = null;");
      binds.add(bind);
      seals.add(seal);

      MethodScope scope = new MethodScope(new CodeBuilder(2));
      scope.code().comment("column " + column + " `" + field.name() + "` " + type.simpleString());
      // A block per column: its locals are named after the input they read, and two output columns
      // (a join key and the same column kept) may read one input within one split method.
      scope.code().open("{");
      ExprValue value = columns.read(column, scope);
      writeValue(vector, type, value, scope);
      scope.code().close();
      writes.add(scope.code());
    }
    splitMethods("bindOutput", "", "", "Takes the new output vectors (and their buffer addresses).", binds);
    splitMethods("sealOutput", "int rows", "rows", "Sets the output vectors' value counts.", seals);
    begin.line("bindOutput();");
    begin.close();
    end.line("sealOutput(rows);");
    end.line("return consumer.accept(new ColumnBatch(" + schemaField + ", vectors, rows));");
    end.close();
    builder.addMethod(begin);
    builder.addMethod(end);

    CodeBuilder abandon = new CodeBuilder(1);
    abandon.comment("A failed batch releases its half-filled output.");
    abandon.open("private void abandonOutput() {");
    abandon.open("if (outputVectors != null) {");
    abandon.open("for (int i = 0; i < outputVectors.size(); i++) {")
        .line("((FieldVector) outputVectors.get(i)).close();").close();
    abandon.line("outputVectors = null;");
    abandon.close();
    abandon.close();
    builder.addMethod(abandon);

    splitMethods("writeRow", "int row, int outputRow", "row, outputRow", "Sink: writes the row's "
        + schema.length() + " columns at outputRow", writes);
    loopBody.comment("Sink: append the row to the output batch");
    if (joins) {
      builder.addField("private int outputRows;");
      builder.addField("private int outputCapacity;");
      CodeBuilder flush = new CodeBuilder(1);
      flush.comment("A join can emit more rows than came in: a full output batch goes out and a new one starts.");
      flush.open("private void flushOutput() {");
      flush.open("if (!endOutput(outputRows)) {").line("stopped = true;").close();
      flush.line("beginOutput(outputCapacity);");
      flush.line("outputRows = 0;");
      flush.close();
      builder.addMethod(flush);
      loopBody.open("if (outputRows == outputCapacity) {");
      loopBody.line("flushOutput();");
      loopBody.open("if (stopped) {").line(skipRow).close();
      loopBody.close();
    }
    loopBody.line("writeRow(row, outputRows);");
    loopBody.line("outputRows++;");
  }

  private void writeValue(String vector, DataType type, ExprValue value, MethodScope scope) {
    CodeBuilder code = scope.code();
    if (JavaTypes.isNested(type)) {
      writeNestedValue(vector, value, code);
      return;
    }
    boolean bytes = JavaTypes.isBytes(type);
    if (value.alwaysNull()) {
      if (checked) {
        code.line(vector + ".setNull(outputRow);");
      } else {
        code.line("GeneratedRuntime.setBit(" + vector + "Validity, outputRow, false);");
        if (bytes) {
          code.line("GeneratedRuntime.appendEmpty(" + vector + ", outputRow, " + vector + "End);");
        }
      }
      return;
    }
    if (!value.neverNull()) {
      code.open("if (" + value.isNull() + ") {");
      if (checked) {
        code.line(vector + ".setNull(outputRow);");
      } else {
        code.line("GeneratedRuntime.setBit(" + vector + "Validity, outputRow, false);");
        if (bytes) {
          code.line("GeneratedRuntime.appendEmpty(" + vector + ", outputRow, " + vector + "End);");
        }
      }
      code.orElse();
    } else {
      code.open("{");
    }
    if (checked) {
      if (bytes) {
        code.line(value.isByteArray()
            ? vector + ".setSafe(outputRow, " + value.byteArray() + ");"
            : "GeneratedRuntime.setBytes(" + vector + ", outputRow, " + value.bytesArguments() + ");");
      } else if (type instanceof BooleanType) {
        code.line(vector + ".set(outputRow, " + value.value() + " ? 1 : 0);");
      } else {
        code.line(vector + ".set(outputRow, " + value.value() + ");");
      }
    } else {
      code.line("GeneratedRuntime.setBit(" + vector + "Validity, outputRow, true);");
      code.line(rawWrite(vector, type, value));
    }
    code.close();
  }

  /**
   * A list, map or struct value goes in through {@code NestedValues}, as the interpreted kernels
   * write it; rows are written in order, which list and map vectors need.
   */
  private static void writeNestedValue(String vector, ExprValue value, CodeBuilder code) {
    String setNull = NESTED_VALUES + ".setNull(" + vector + ", outputRow);";
    String write = NESTED_VALUES + ".write(" + vector + ", outputRow, " + value.value() + ");";
    if (value.alwaysNull()) {
      code.line(setNull);
    } else if (value.neverNull()) {
      code.line(write);
    } else {
      code.open("if (" + value.isNull() + ") {").line(setNull).orElse().line(write).close();
    }
  }

  private static String rawWrite(String vector, DataType type, ExprValue value) {
    String data = vector + "Data";
    String v = value.value();
    if (JavaTypes.isBytes(type)) {
      return vector + "End = GeneratedRuntime.appendBytes(" + vector + ", outputRow, " + vector + "End, "
          + value.bytesArguments() + ");";
    } else if (type instanceof BooleanType) {
      return "GeneratedRuntime.setBit(" + data + ", outputRow, " + v + ");";
    } else if (type instanceof ByteType) {
      return "MemoryUtil.putByte(" + data + " + outputRow, " + v + ");";
    } else if (type instanceof FloatType) {
      return "MemoryUtil.putInt(" + data + " + ((long) outputRow << 2), Float.floatToRawIntBits(" + v + "));";
    } else if (type instanceof DoubleType) {
      return "MemoryUtil.putLong(" + data + " + ((long) outputRow << 3), Double.doubleToRawLongBits(" + v + "));";
    } else if (type instanceof DecimalType) {
      if (JavaTypes.isWideDecimal(type)) {
        return "GeneratedRuntime.writeDecimal(" + vector + ", outputRow, " + v + ");";
      }
      // Both words of the 128-bit two's complement value: the low one and its sign extension.
      return "MemoryUtil.putLong(" + data + " + ((long) outputRow << 4), " + v + "); MemoryUtil.putLong(" + data
          + " + ((long) outputRow << 4) + 8, " + v + " >> 63);";
    }
    int shift = JavaTypes.widthShift(type);
    String method = switch (shift) {
      case 1 -> "putShort";
      case 2 -> "putInt";
      default -> "putLong";
    };
    return "MemoryUtil." + method + "(" + data + " + ((long) outputRow << " + shift + "), " + v + ");";
  }

  // ---------------------------------------------------------------------------------------------
  // Sink: hash aggregation update.

  private void aggregateSink(AggregateUpdate update, ColumnReader columns) {
    builder.addImport("dev.ember.runtime.operators.aggregate.HashAggregationTable");
    builder.addField("private final HashAggregationTable table;");
    builder.addConstructorLine("this.table = (HashAggregationTable) partition;");

    List<DataType> keyTypes = update.keys().stream().map(Expression::dataType).toList();
    CompactKeyLayout compactLayout = Boolean.getBoolean(HashAggregationTable.SERIALIZED_KEYS_PROPERTY)
        ? null : CompactKeyLayout.of(keyTypes).orElse(null);
    List<CodeBuilder> keyCalls = new ArrayList<>();
    for (int key = 0; compactLayout != null && key < update.keys().size(); key++) {
      compactKeyMethod(key, update.keys().get(key), compactLayout, columns);
    }
    for (int key = 0; compactLayout == null && key < update.keys().size(); key++) {
      Expression expression = update.keys().get(key);
      String method = "key" + key;
      CodeBuilder code = new CodeBuilder(1);
      code.comment("Grouping key " + key + ": " + expression);
      code.open("private void " + method + "(int row) {");
      MethodScope scope = new MethodScope(new CodeBuilder(2));
      ExprValue value = expressions.generate(expression, columns, scope);
      code.append(scope.code());
      code.line(keyCall(expression, value));
      code.close();
      builder.addMethod(code);
      keyCalls.add(new CodeBuilder(2).line(method + "(row);"));
    }
    List<CodeBuilder> updateCalls = new ArrayList<>();
    List<CodeBuilder> batchUpdateCalls = new ArrayList<>();
    boolean batched = batchedUpdate(update);
    if (batched) {
      builder.addField("private int[] batchGroups = new int[0];");
      builder.addField("private int[] batchRows = new int[0];");
      beforeLoop.open("if (batchGroups.length < rowCount) {")
          .line("batchGroups = new int[rowCount];")
          .line("batchRows = new int[rowCount];")
          .close();
      beforeLoop.line("int batchCount = 0;");
      afterLoop.line("accumulateBatch(batchGroups, batchRows, batchCount);");
    }
    for (int slot = 0; slot < update.accumulators().size(); slot++) {
      AccumulatorUpdate accumulator = update.accumulators().get(slot);
      String method = "accumulate" + slot;
      CodeBuilder code = new CodeBuilder(1);
      code.comment("Accumulator " + slot + ": " + accumulator.kind() + "(" + (accumulator.argument() == null
          ? "*" : accumulator.arguments().stream().map(Expression::toString).collect(Collectors.joining(", ")))
          + ")");
      boolean atState = batched && updatesAtState(accumulator);
      code.open("private void " + method + (atState ? "(long state, int row) {" : "(int group, int row) {"));
      if (accumulator.kind() == AccumulatorKind.COUNT_ROWS) {
        code.line(atState ? "table.countAt(state, " + slot + ");" : "table.count(group, " + slot + ");");
      } else {
        Objects.requireNonNull(accumulator.argument(), "accumulator " + slot + " has no argument");
        MethodScope scope = new MethodScope(new CodeBuilder(2));
        List<ExprValue> values = new ArrayList<>();
        for (Expression argument : accumulator.arguments()) {
          values.add(expressions.generate(argument, columns, scope));
        }
        code.append(scope.code());
        if (accumulator.kind() == AccumulatorKind.OBJECT) {
          // Object states see every row, nulls included: each argument is staged, then applied.
          for (int argument = 0; argument < values.size(); argument++) {
            code.line(stageCall(accumulator.arguments().get(argument), slot, argument, values.get(argument)));
          }
          code.line("table.updateObject(group, " + slot + ");");
        } else {
          String call = updateCall(accumulator, slot, values, atState);
          List<String> nullChecks = new ArrayList<>();
          boolean alwaysNull = false;
          for (ExprValue value : values) {
            alwaysNull |= value.alwaysNull();
            if (!value.neverNull() && !value.alwaysNull()) {
              nullChecks.add("!" + value.isNull());
            }
          }
          if (alwaysNull) {
            code.comment("an argument is always null: nothing to accumulate");
          } else if (nullChecks.isEmpty()) {
            code.line(call);
          } else {
            code.open("if (" + String.join(" && ", nullChecks) + ") {").line(call).close();
          }
        }
      }
      code.close();
      builder.addMethod(code);
      updateCalls.add(new CodeBuilder(2).line(method + "(group, row);"));
      if (batched) {
        batchUpdateCalls.add(new CodeBuilder(2).line(method + "Batch(groups, rows, count);"));
        CodeBuilder loop = new CodeBuilder(1)
            .comment("Accumulator " + slot + " over the batch's rows: one tight loop per accumulator")
            .open("private void " + method + "Batch(int[] groups, int[] rows, int count) {");
        if (atState) {
          // No group is inserted while the batch is accumulated, so the state rows stay where they are.
          loop.line("long base = table.slotBase(" + slot + ");");
          loop.line("long stride = table.stateBytes();");
          loop.open("for (int i = 0; i < count; i++) {").line(method + "(base + groups[i] * stride, rows[i]);").close();
        } else {
          loop.open("for (int i = 0; i < count; i++) {").line(method + "(groups[i], rows[i]);").close();
        }
        builder.addMethod(loop.close());
      }
    }
    if (batched) {
      splitMethods("accumulateBatch", "int[] groups, int[] rows, int count", "groups, rows, count",
          "Sink: update each accumulator over the batch's rows", batchUpdateCalls);
    } else {
      splitMethods("accumulate", "int group, int row", "group, row", "Sink: update the group's accumulators",
          updateCalls);
    }
    loopBody.comment(batched ? "Sink: find the row's group; accumulators are updated after the loop"
        : "Sink: find the row's group and update its accumulators");
    if (compactLayout != null) {
      compactGroupLookup(compactLayout);
    } else {
      splitMethods("groupKeys", "int row", "row", "Sink: the row's grouping key", keyCalls);
      loopBody.line("table.beginKey();");
      loopBody.line("groupKeys(row);");
      loopBody.line("int group = table.findOrInsertGroup();");
    }
    if (batched) {
      loopBody.line("batchGroups[batchCount] = group;");
      loopBody.line("batchRows[batchCount] = row;");
      loopBody.line("batchCount++;");
    } else {
      loopBody.line("accumulate(group, row);");
    }
  }

  /**
   * Whether the kernel finds every row's group first and then runs each accumulator over the batch.
   * Not after a join (its columns are only readable while the probe is on the joined row), nor after a
   * projection that computes columns (they live in fields holding the current row's values only), and
   * not for object accumulators (first, last, collect_list, ... see the position of the row being added).
   */
  private boolean batchedUpdate(AggregateUpdate update) {
    boolean computedColumns = spec.steps().stream()
        .anyMatch(step -> step instanceof ProjectStep project && project.expressions().stream()
            .anyMatch(expression -> !(expression instanceof BoundReference) && !(expression instanceof Literal)));
    return options.batchAggregateUpdate() && !joins && !computedColumns
        && update.accumulators().stream().noneMatch(accumulator -> accumulator.kind() == AccumulatorKind.OBJECT);
  }

  /**
   * A key of at most two words is built in locals, one component per method (returning its bits in its
   * word; a null sets its bit in {@code groupKeyNulls}), so no key bytes go through memory.
   */
  private void compactKeyMethod(int key, Expression expression, CompactKeyLayout layout, ColumnReader columns) {
    if (key == 0) {
      builder.addField("private int groupKeyNulls;");
    }
    CodeBuilder code = new CodeBuilder(1);
    code.comment("Grouping key " + key + ": " + expression + " (word " + layout.word(key) + ", bit "
        + layout.shift(key) + ")");
    code.open("private long key" + key + "(int row) {");
    MethodScope scope = new MethodScope(new CodeBuilder(2));
    ExprValue value = expressions.generate(expression, columns, scope);
    code.append(scope.code());
    String isNull = "groupKeyNulls |= " + (1 << key) + "; return 0L;";
    if (value.alwaysNull()) {
      code.line(isNull);
    } else {
      if (!value.neverNull()) {
        code.open("if (" + value.isNull() + ") {").line(isNull).close();
      }
      code.line("return " + compactKeyBits(expression, value, key, layout) + ";");
    }
    code.close();
    builder.addMethod(code);
  }

  private static String compactKeyBits(Expression expression, ExprValue value, int key, CompactKeyLayout layout) {
    String v = value.value();
    String shift = layout.shift(key) == 0 ? "" : " << " + layout.shift(key);
    return switch (layout.encoding(key)) {
      case BOOLEAN -> "((" + v + ") ? 1L : 0L)" + shift;
      case INT -> "((long) (" + v + ") & 0xFFFFFFFFL)" + shift;
      case FLOAT -> "((long) HashAggregationTable.floatKeyBits(" + v + ") & 0xFFFFFFFFL)" + shift;
      case LONG, DECIMAL -> "(long) (" + v + ")";
      case DOUBLE -> "HashAggregationTable.doubleKeyBits(" + v + ")";
      case BYTES -> {
        if (value.isByteArray()) {
          throw Unsupported.expression(expression, "a grouping key held in a byte[] (a literal or computed string)");
        }
        yield "table.stringKeyBits(" + key + ", " + layout.shift(key) + ", " + value.bytesArguments() + ")";
      }
    };
  }

  /** Evaluates the key components in order, then looks the two words up. */
  private void compactGroupLookup(CompactKeyLayout layout) {
    loopBody.line("groupKeyNulls = 0;");
    List<List<String>> words = List.of(new ArrayList<>(), new ArrayList<>());
    for (int key = 0; key < layout.size(); key++) {
      loopBody.line("long groupKeyBits" + key + " = key" + key + "(row);");
      words.get(layout.word(key)).add("groupKeyBits" + key);
    }
    List<String> arguments = new ArrayList<>();
    for (List<String> word : words) {
      arguments.add(word.isEmpty() ? "0L" : String.join(" | ", word));
    }
    loopBody.line("int group = table.findOrInsertGroup(" + String.join(", ", arguments) + ", groupKeyNulls);");
  }

  private static String keyCall(Expression expression, ExprValue value) {
    DataType type = value.type();
    String call;
    String v = value.value();
    if (JavaTypes.isBytes(type)) {
      if (value.isByteArray()) {
        throw Unsupported.expression(expression, "a grouping key held in a byte[] (a literal or computed string)");
      }
      call = "table.keyBytes(" + value.bytesArguments() + ");";
    } else if (type instanceof BooleanType) {
      call = "table.keyBoolean(" + v + ");";
    } else if (type instanceof FloatType) {
      call = "table.keyFloat(" + v + ");";
    } else if (type instanceof DoubleType) {
      call = "table.keyDouble(" + v + ");";
    } else if (type instanceof DecimalType) {
      call = "table.keyDecimal(" + decimalWords(value) + ");";
    } else if ("long".equals(JavaTypes.javaType(type))) {
      call = "table.keyLong(" + v + ");";
    } else {
      call = "table.keyInt(" + v + ");";
    }
    if (value.neverNull()) {
      return call;
    } else if (value.alwaysNull()) {
      return "table.keyNull();";
    }
    return "if (" + value.isNull() + ") { table.keyNull(); } else { " + call + " }";
  }

  static String decimalWords(ExprValue value) {
    if (value.isInt128()) {
      return value.low() + ", " + value.high();
    }
    return JavaTypes.isCompactDecimal(value.type())
        ? value.value() + ", " + value.value() + " >> 63"
        : "GeneratedRuntime.decimalLow(" + value.value() + "), GeneratedRuntime.decimalHigh(" + value.value() + ")";
  }

  /**
   * Whether the table has an {@code ...At(state, slot, ...)} form of the accumulator's update, taking
   * the state's address instead of the group (fixed-width states that need nothing else of the group).
   */
  private static boolean updatesAtState(AccumulatorUpdate accumulator) {
    return switch (accumulator.kind()) {
      case COUNT, COUNT_ROWS, SUM_LONG, SUM_DOUBLE, SUM_DECIMAL, AVG_LONG, AVG_DOUBLE, AVG_DECIMAL -> true;
      case MIN, MAX -> !JavaTypes.isBytes(accumulator.argument().dataType());
      default -> false;
    };
  }

  /**
   * The table call of one row's update: {@code table.sumLong(group, slot, v)}, or with {@code atState}
   * {@code table.sumLongAt(state, slot, v)}.
   */
  private static String updateCall(AccumulatorUpdate accumulator, int slot, List<ExprValue> values, boolean atState) {
    ExprValue value = values.get(0);
    DataType type = value.type();
    Expression argument = accumulator.argument();
    String target = "table.";
    // Every method name below is followed by the prefix, so the At form only changes the prefix.
    String prefix = atState ? "At(state, " + slot + ", " : "(group, " + slot + ", ";
    String v = value.value();
    boolean decimal = type instanceof DecimalType;
    boolean fractional = JavaTypes.isFractional(type);
    boolean bytes = JavaTypes.isBytes(type);
    if (bytes && value.isByteArray()) {
      throw Unsupported.expression(argument, "an aggregate argument held in a byte[] (a literal or computed string)");
    }
    switch (accumulator.kind()) {
      case COUNT:
        return atState ? "table.countAt(state, " + slot + ");" : "table.count(group, " + slot + ");";
      case SUM_LONG:
      case AVG_LONG:
        requireThat(JavaTypes.isIntegral(type), argument, accumulator.kind());
        return target + (accumulator.kind() == AccumulatorKind.SUM_LONG ? "sumLong" : "avgLong") + prefix
            + "(long) " + v + ");";
      case SUM_DOUBLE:
      case AVG_DOUBLE:
        requireThat(fractional || JavaTypes.isIntegral(type), argument, accumulator.kind());
        return target + (accumulator.kind() == AccumulatorKind.SUM_DOUBLE ? "sumDouble" : "avgDouble") + prefix
            + "(double) " + v + ");";
      case SUM_DECIMAL:
      case AVG_DECIMAL:
        requireThat(decimal, argument, accumulator.kind());
        return target + (accumulator.kind() == AccumulatorKind.SUM_DECIMAL ? "sumDecimal" : "avgDecimal") + prefix
            + decimalWords(value) + ");";
      case MIN:
      case MAX:
        String kind = accumulator.kind() == AccumulatorKind.MIN ? "min" : "max";
        if (bytes) {
          return target + kind + "Bytes" + prefix + value.bytesArguments() + ");";
        } else if (decimal) {
          return target + kind + "Decimal" + prefix + decimalWords(value) + ");";
        } else if (fractional) {
          return target + kind + "Double" + prefix + "(double) " + v + ");";
        } else if (type instanceof BooleanType) {
          return target + kind + "Long" + prefix + "(" + v + " ? 1L : 0L));";
        }
        return target + kind + "Long" + prefix + "(long) " + v + ");";
      case COUNT_IF:
      case BOOL_AND:
      case BOOL_OR:
        requireThat(type instanceof BooleanType, argument, accumulator.kind());
        String method = accumulator.kind() == AccumulatorKind.COUNT_IF ? "countIf"
            : accumulator.kind() == AccumulatorKind.BOOL_AND ? "boolAnd" : "boolOr";
        return target + method + prefix + v + ");";
      case VAR_SAMP:
      case VAR_POP:
      case STDDEV_SAMP:
      case STDDEV_POP:
      case SKEWNESS:
      case KURTOSIS:
        requireThat(fractional || JavaTypes.isIntegral(type), argument, accumulator.kind());
        return target + "moment" + prefix + "(double) " + v + ");";
      case COVAR_POP:
      case COVAR_SAMP:
      case CORR:
        ExprValue second = values.get(1);
        requireThat(fractional && JavaTypes.isFractional(second.type()), argument, accumulator.kind());
        return target + "coMoment" + prefix + "(double) " + v + ", (double) " + second.value() + ");";
      default:
        throw Unsupported.expression(argument, "accumulator " + accumulator.kind());
    }
  }

  /** Boxes one argument of an OBJECT accumulator into the table's staging slot. */
  private static String stageCall(Expression argument, int slot, int index, ExprValue value) {
    DataType type = value.type();
    String prefix = "(" + slot + ", " + index + ", ";
    String v = value.value();
    String call;
    if (value.alwaysNull()) {
      return "table.stageNull(" + slot + ", " + index + ");";
    } else if (JavaTypes.isBytes(type)) {
      call = "table.stageBytes" + prefix + value.bytesArguments() + ");";
    } else if (type instanceof BooleanType) {
      call = "table.stageBoolean" + prefix + v + ");";
    } else if (type instanceof DecimalType) {
      call = "table.stageDecimal" + prefix + decimalWords(value) + ");";
    } else if (JavaTypes.isFractional(type)) {
      call = "table.stageDouble" + prefix + "(double) " + v + ");";
    } else if (JavaTypes.isIntegral(type) || "long".equals(JavaTypes.javaType(type))
        || "int".equals(JavaTypes.javaType(type))) {
      call = "table.stageLong" + prefix + "(long) " + v + ");";
    } else {
      throw Unsupported.expression(argument, "an aggregate argument of type " + type.simpleString());
    }
    if (value.neverNull()) {
      return call;
    }
    return "if (" + value.isNull() + ") { table.stageNull(" + slot + ", " + index + "); } else { " + call + " }";
  }

  private static void requireThat(boolean condition, Expression argument, AccumulatorKind kind) {
    if (!condition) {
      throw Unsupported.expression(argument, "argument type " + argument.dataType().simpleString() + " for " + kind);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Method splitting and class assembly.

  /**
   * Puts {@code blocks} into a method {@code name(parameters)}; when they are larger than the split
   * threshold, into several methods {@code name_0, name_1, …} that {@code name} calls in order.
   */
  private void splitMethods(String name, String parameters, String arguments, String comment,
      List<CodeBuilder> blocks) {
    List<List<CodeBuilder>> groups = new ArrayList<>();
    List<CodeBuilder> current = new ArrayList<>();
    int size = 0;
    for (CodeBuilder block : blocks) {
      if (!current.isEmpty() && size + block.length() > SPLIT_THRESHOLD) {
        groups.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(block);
      size += block.length();
    }
    groups.add(current);
    CodeBuilder main = new CodeBuilder(1);
    main.comment(comment);
    main.open("private void " + name + "(" + parameters + ") {");
    if (groups.size() == 1) {
      for (CodeBuilder block : groups.get(0)) {
        main.append(block);
      }
    } else {
      for (int i = 0; i < groups.size(); i++) {
        String part = name + "_" + i;
        main.line(part + "(" + arguments + ");");
        CodeBuilder partMethod = new CodeBuilder(1);
        partMethod.open("private void " + part + "(" + parameters + ") {");
        for (CodeBuilder block : groups.get(i)) {
          partMethod.append(block);
        }
        partMethod.close();
        builder.addMethod(partMethod);
      }
    }
    main.close();
    builder.addMethod(main);
  }

  private String assemble(String className, boolean aggregate) {
    CodeBuilder out = new CodeBuilder(0);
    out.comment("Generated by Ember for pipeline " + spec.pipelineId() + " (" + (options.checkedMemoryAccess()
        ? "checked" : "raw") + " memory access, ANSI " + (options.ansiEnabled() ? "on" : "off") + ").");
    out.comment("Input: " + spec.inputSchema().simpleString());
    out.line("package " + PACKAGE + ";");
    out.blank();
    out.line("import dev.ember.codegen.generated.GeneratedRuntime;");
    out.line("import dev.ember.codegen.semantics.ArithmeticOps;");
    out.line("import dev.ember.codegen.semantics.CastOps;");
    out.line("import dev.ember.codegen.semantics.ComparisonOps;");
    out.line("import dev.ember.codegen.semantics.DecimalOps;");
    out.line("import dev.ember.codegen.semantics.StringCastOps;");
    out.line("import dev.ember.runtime.batch.ColumnBatch;");
    out.line("import dev.ember.runtime.pipeline.BatchConsumer;");
    out.line("import dev.ember.runtime.pipeline.PipelineKernel;");
    out.line("import dev.ember.runtime.pipeline.SinkPartition;");
    for (String extra : builder.imports()) {
      out.line("import " + extra + ";");
    }
    out.line("import dev.ember.sql.types.DataTypes;");
    out.line("import dev.ember.sql.types.StructType;");
    out.line("import org.apache.arrow.memory.BufferAllocator;");
    out.line("import org.apache.arrow.memory.util.MemoryUtil;");
    out.line("import org.apache.arrow.vector.*;");
    out.blank();
    out.open("public final class " + className + " implements PipelineKernel {");
    out.append(builder.fields());
    out.blank();
    out.open("public " + className + "(SinkPartition partition, BufferAllocator allocator, Object[] references) {");
    out.append(builder.constructor());
    out.close();
    out.blank();
    out.open("public boolean process(ColumnBatch batch) {");
    out.line("int rowCount = batch.rowCount();");
    out.open("if (rowCount == 0) {").line("return true;").close();
    out.line("bindInput(batch);");
    if (!aggregate && joins) {
      out.line("outputCapacity = Math.max(rowCount, " + MIN_JOIN_OUTPUT_ROWS + ");");
      out.line("beginOutput(outputCapacity);");
      out.line("outputRows = 0;");
    } else if (!aggregate) {
      out.line("beginOutput(rowCount);");
      out.line("int outputRows = 0;");
    }
    if (joins && !aggregate) {
      out.line("stopped = false;");
    }
    out.open("try {");
    if (joins) {
      out.line("openProbes();");
    }
    out.append(beforeLoop);
    out.open("for (int row = 0; row < rowCount" + (joins && !aggregate ? " && !stopped" : "") + "; row++) {");
    out.append(mainLoopBody);
    out.close();
    out.append(afterLoop);
    if (!aggregate) {
      out.reopen("} catch (RuntimeException e) {");
      out.line("abandonOutput();");
      out.line("throw e;");
    }
    out.reopen("} finally {");
    if (joins) {
      out.line("closeProbes();");
    }
    out.line("unbindInput();");
    out.close();
    if (joins && !aggregate) {
      out.open("if (stopped) {").line("abandonOutput();").line("return false;").close();
    }
    out.line(aggregate ? "return true;" : "return endOutput(outputRows);");
    out.close();
    out.blank();
    out.comment("Output is handed on per batch, so nothing is buffered at the end.");
    out.open("public void finish() {").close();
    for (String method : builder.methods()) {
      out.blank();
      out.append(new CodeBuilder(0).line(method.stripTrailing()));
    }
    out.close();
    return out.toString();
  }
}
