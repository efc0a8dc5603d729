package dev.ember.codegen.generated;

import dev.ember.codegen.spec.JoinProbeStep;
import dev.ember.planner.expressions.Expression;
import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the probe of one {@link JoinProbeStep} into a generated kernel. Per probe row the key
 * components go straight from the evaluated key expressions into a {@code JoinKeyEncoder} (the
 * build side's byte layout), the table gives the first build row with that key, and the chain of
 * equal keys is walked with the build row's position held in fields that {@link BuildColumns} reads.
 *
 * <ul>
 *   <li>Inner and outer: {@code probe<k>(row)} calls {@code joined<k>(row)}, the rest of the
 *       pipeline, once per matching pair, and an outer join once more with null build columns
 *       ({@code build<k>Padded}) when nothing matched; a full outer join marks the matched build rows.
 *   <li>Semi and anti: {@code probe<k>(row)} returns whether the row is kept, a filter.
 * </ul>
 *
 * A null {@code =} key component makes the row unmatchable, a null {@code <=>} component is a value
 * equal to other nulls: the encoder's rules, shared with the build side and the interpreted probe.
 *
 * <p>When every key component is fixed-width and the key fits two words ({@link CompactKeyLayout}),
 * the components are built into two {@code long}s and a null mask instead, one method per component
 * returning its bits; a table holding compact keys of the same layout is probed with those words
 * ({@code table.findFirst(word0, word1, nulls)}, or {@code findFirst(word0)} for one word without
 * {@code <=>} components), any other table through the encoder ({@code keyWords}). Which one is
 * decided once per kernel, when the table is known.
 */
final class JoinProbeGenerator {
  private final ClassBuilder builder;
  private final ExpressionGenerator expressions;
  private final boolean checked;
  private final InputColumns.MethodSplitter splitter;
  private final List<String> encoders = new ArrayList<>();
  private final List<Runnable> bindings = new ArrayList<>();

  JoinProbeGenerator(ClassBuilder builder, ExpressionGenerator expressions, boolean checked,
      InputColumns.MethodSplitter splitter) {
    this.builder = builder;
    this.expressions = expressions;
    this.checked = checked;
    this.splitter = splitter;
  }

  /** The probe's method and the reader of the joined row (input columns, then build columns). */
  record Probe(String method, ColumnReader joinedColumns) {}

  /** Whether any probe was generated. */
  boolean any() {
    return !bindings.isEmpty();
  }

  /**
   * Writes what depends on all code being generated: the build column bindings, and
   * {@code openProbes()}/{@code closeProbes()}, which bound each batch's key encoders (created on
   * first use; their scratch memory comes from the query's allocator, and a kernel is never closed, so
   * they live per batch).
   */
  void finish() {
    bindings.forEach(Runnable::run);
    CodeBuilder open = new CodeBuilder(1);
    open.open("private void openProbes() {");
    CodeBuilder close = new CodeBuilder(1);
    close.open("private void closeProbes() {");
    for (String encoder : encoders) {
      open.line(encoder + " = null;");
      close.open("if (" + encoder + " != null) {").line(encoder + ".close();").line(encoder + " = null;").close();
    }
    open.close();
    close.close();
    builder.addMethod(open);
    builder.addMethod(close);
    builder.addFieldComment("Set when the consumer wants no more batches: the probes stop walking their chains.");
    builder.addField("private boolean stopped;");
    builder.addField("private final BufferAllocator joinAllocator;");
    builder.addConstructorLine("this.joinAllocator = allocator;");
  }

  /**
   * Writes {@code probe<k>} for step {@code stepIndex} over {@code input} (the step's input columns);
   * for inner and outer joins it calls {@code continuation(row)} per joined row.
   */
  Probe generate(int stepIndex, JoinProbeStep step, ColumnReader input, String continuation) {
    builder.addImport("dev.ember.runtime.operators.join.JoinHashTable");
    builder.addImport("dev.ember.runtime.operators.join.JoinKeyEncoder");
    builder.addImport("dev.ember.runtime.operators.join.JoinTableHandle");
    String prefix = "build" + stepIndex;
    String table = "table" + stepIndex;
    String encoder = "encoder" + stepIndex;
    String description = "Join probe (step " + stepIndex + "): " + step.mode() + " on " + step.keys()
        + (step.residual() == null ? "" : " where " + step.residual()) + (step.marksMatches() ? ", marks matches" : "");
    String handle = builder.addReference("joinTableHandle", "JoinTableHandle", step.table(),
        "Where the build side of step " + stepIndex + " left its table: " + step.table().description());
    builder.addFieldComment(description);
    builder.addField("private final JoinHashTable " + table + ";");
    if (!step.keys().isEmpty()) {
      builder.addField("private JoinKeyEncoder " + encoder + ";");
      encoders.add(encoder);
    }
    builder.addField("private int " + prefix + "Batch;");
    builder.addField("private int " + prefix + "Row;");
    boolean outer = step.mode() == JoinProbeStep.Mode.OUTER;
    if (outer) {
      builder.addField("private boolean " + prefix + "Padded;");
    }
    builder.addConstructorLine("this." + table + " = " + handle + ".table();");
    builder.addConstructorLine("bind" + capitalized(prefix) + "();");

    BuildColumns build = new BuildColumns(builder, step.buildSchema(), checked, outer, prefix);
    bindings.add(() -> build.writeBindings("bind" + capitalized(prefix), table));
    int inputColumns = step.filtersOnly() ? step.outputSchema().length()
        : step.outputSchema().length() - step.buildSchema().length();
    ColumnReader joined = (ordinal, scope) -> ordinal < inputColumns
        ? input.read(ordinal, scope) : build.read(ordinal - inputColumns, scope);

    CompactKeyLayout layout = compactLayout(step);
    String keysMethod = layout == null ? keys(stepIndex, step, input, encoder) : null;
    List<String> compactLookup = layout == null || step.keys().isEmpty() ? null
        : compactKeys(stepIndex, step, input, layout, table, encoder);
    String residual = step.residual() == null ? null : residual(stepIndex, step.residual(), joined);

    CodeBuilder code = new CodeBuilder(1);
    code.comment(description);
    String method = "probe" + stepIndex;
    boolean filters = step.filtersOnly();
    code.open("private " + (filters ? "boolean " : "void ") + method + "(int row) {");
    if (compactLookup != null) {
      compactLookup.forEach(code::line);
    } else {
      if (keysMethod != null) {
        code.line(createEncoder(encoder));
        code.line(encoder + ".beginKey();");
        code.line(keysMethod + "(row);");
      }
      code.line("int match = " + table + ".findFirst(" + (keysMethod == null ? "null" : encoder) + ");");
    }
    if (step.mode() == JoinProbeStep.Mode.MARK) {
      code.comment("Marks the matching build rows; the row itself goes no further.");
      code.open("while (match >= 0) {");
      // A build row marked already needs no second look at the residual condition.
      code.open("if (!" + table + ".matched(match)) {");
      if (residual == null) {
        code.line(table + ".markMatched(match);");
      } else {
        bindBuildRow(code, prefix, table);
        code.open("if (" + residual + "(row)) {").line(table + ".markMatched(match);").close();
      }
      code.close();
      code.line("match = " + table + ".nextMatch(match);");
      code.close();
      code.line("return false;");
    } else if (filters) {
      boolean keepMatched = step.mode() == JoinProbeStep.Mode.SEMI;
      if (residual == null) {
        code.line("return match " + (keepMatched ? ">= 0" : "< 0") + ";");
      } else {
        code.open("while (match >= 0) {");
        bindBuildRow(code, prefix, table);
        code.open("if (" + residual + "(row)) {").line("return " + keepMatched + ";").close();
        code.line("match = " + table + ".nextMatch(match);");
        code.close();
        code.line("return " + !keepMatched + ";");
      }
    } else {
      if (outer) {
        code.line("boolean matched = false;");
      }
      code.open("while (match >= 0) {");
      bindBuildRow(code, prefix, table);
      if (residual != null) {
        code.open("if (" + residual + "(row)) {");
      }
      if (outer) {
        code.line("matched = true;");
      }
      if (step.marksMatches()) {
        code.line(table + ".markMatched(match);");
      }
      code.line(continuation + "(row);");
      code.open("if (stopped) {").line("return;").close();
      if (residual != null) {
        code.close();
      }
      code.line("match = " + table + ".nextMatch(match);");
      code.close();
      if (outer) {
        code.comment("No build row matched: once with null build columns.");
        code.open("if (!matched) {");
        code.line(prefix + "Padded = true;");
        code.line(continuation + "(row);");
        code.line(prefix + "Padded = false;");
        code.close();
      }
    }
    code.close();
    builder.addMethod(code);
    return new Probe(method, joined);
  }

  private static void bindBuildRow(CodeBuilder code, String prefix, String table) {
    code.line(prefix + "Batch = " + table + ".batchIndex(match);");
    code.line(prefix + "Row = " + table + ".rowInBatch(match);");
  }

  private String keys(int stepIndex, JoinProbeStep step, ColumnReader input, String encoder) {
    if (step.keys().isEmpty()) {
      return null;
    }
    List<CodeBuilder> calls = new ArrayList<>();
    for (int key = 0; key < step.keys().size(); key++) {
      Expression expression = step.keys().get(key);
      String method = "probe" + stepIndex + "Key" + key;
      CodeBuilder code = new CodeBuilder(1);
      code.comment("Join key " + key + (step.nullSafe().get(key) ? " (<=>)" : "") + ": " + expression);
      code.open("private void " + method + "(int row) {");
      MethodScope scope = new MethodScope(new CodeBuilder(2));
      ExprValue value = expressions.generate(expression, input, scope);
      code.append(scope.code());
      code.line(keyCall(encoder, value, step.nullSafe().get(key)));
      code.close();
      builder.addMethod(code);
      calls.add(new CodeBuilder(2).line(method + "(row);"));
    }
    String method = "probe" + stepIndex + "Keys";
    splitter.split(method, "int row", "row", "Join probe (step " + stepIndex + "): the row's key", calls);
    return method;
  }

  /** The layout of the probe keys in two words, or null (no keys, a string, or too wide). */
  private static CompactKeyLayout compactLayout(JoinProbeStep step) {
    List<DataType> keyTypes = step.keys().stream().map(Expression::dataType).toList();
    CompactKeyLayout layout = CompactKeyLayout.of(keyTypes).orElse(null);
    for (int key = 0; layout != null && key < layout.size(); key++) {
      if (layout.encoding(key) == CompactKeyLayout.Encoding.BYTES) {
        return null;
      }
    }
    return layout;
  }

  /**
   * Writes one method per key component returning its bits in its word (a null sets its bit in
   * {@code probe<k>KeyNulls}), and returns the probe's lines that build the words and set
   * {@code match}.
   */
  private List<String> compactKeys(int stepIndex, JoinProbeStep step, ColumnReader input, CompactKeyLayout layout,
      String table, String encoder) {
    builder.addImport("dev.ember.runtime.operators.aggregate.CompactKeyLayout");
    builder.addImport("dev.ember.runtime.operators.aggregate.HashAggregationTable");
    String prefix = "probe" + stepIndex;
    String layoutField = builder.addReference("joinKeyLayout", "CompactKeyLayout", layout,
        "Where the key components of step " + stepIndex + " sit in two words");
    String compact = "compact" + stepIndex;
    builder.addFieldComment("Whether the table of step " + stepIndex + " holds keys in the same two-word layout");
    builder.addField("private final boolean " + compact + ";");
    builder.addConstructorLine("this." + compact + " = " + table + ".compactKeysMatch(" + layoutField + ");");
    String nulls = prefix + "KeyNulls";
    builder.addField("private int " + nulls + ";");
    int nullSafeMask = 0;
    List<String> lines = new ArrayList<>();
    lines.add(nulls + " = 0;");
    List<List<String>> words = List.of(new ArrayList<>(), new ArrayList<>());
    for (int key = 0; key < step.keys().size(); key++) {
      Expression expression = step.keys().get(key);
      boolean nullSafe = step.nullSafe().get(key);
      if (nullSafe) {
        nullSafeMask |= 1 << key;
      }
      String method = prefix + "Key" + key;
      CodeBuilder code = new CodeBuilder(1);
      code.comment("Join key " + key + (nullSafe ? " (<=>)" : "") + ": " + expression + " (word " + layout.word(key)
          + ", bit " + layout.shift(key) + ")");
      code.open("private long " + method + "(int row) {");
      MethodScope scope = new MethodScope(new CodeBuilder(2));
      ExprValue value = expressions.generate(expression, input, scope);
      code.append(scope.code());
      String onNull = nulls + " |= " + (1 << key) + "; return 0L;";
      if (value.alwaysNull()) {
        code.line(onNull);
      } else {
        if (!value.neverNull()) {
          code.open("if (" + value.isNull() + ") {").line(onNull).close();
        }
        code.line("return " + compactKeyBits(value, layout.encoding(key), layout.shift(key)) + ";");
      }
      code.close();
      builder.addMethod(code);
      String bits = prefix + "Bits" + key;
      lines.add("long " + bits + " = " + method + "(row);");
      words.get(layout.word(key)).add(bits);
    }
    String word0 = words.get(0).isEmpty() ? "0L" : String.join(" | ", words.get(0));
    String word1 = words.get(1).isEmpty() ? "0L" : String.join(" | ", words.get(1));
    lines.add("long " + prefix + "Word0 = " + word0 + ";");
    lines.add("long " + prefix + "Word1 = " + word1 + ";");
    lines.add("int match;");
    lines.add("if (" + compact + ") {");
    if (nullSafeMask == 0 && !layout.usesSecondWord()) {
      // A null = component matches nothing, so only keys without nulls are looked up, in one word.
      lines.add("  match = " + nulls + " != 0 ? -1 : " + table + ".findFirst(" + prefix + "Word0);");
    } else {
      lines.add("  match = " + table + ".findFirst(" + prefix + "Word0, " + prefix + "Word1, " + nulls + ");");
    }
    lines.add("} else {");
    lines.add("  " + createEncoder(encoder));
    lines.add("  " + encoder + ".keyWords(" + layoutField + ", " + prefix + "Word0, " + prefix + "Word1, " + nulls
        + ", " + nullSafeMask + ");");
    lines.add("  match = " + table + ".findFirst(" + encoder + ");");
    lines.add("}");
    return lines;
  }

  /** A component's bits at {@code shift} in its word, normalised as the build side's encoder does. */
  private static String compactKeyBits(ExprValue value, CompactKeyLayout.Encoding encoding, int shift) {
    String v = value.value();
    String shifted = shift == 0 ? "" : " << " + shift;
    return switch (encoding) {
      case BOOLEAN -> "((" + v + ") ? 1L : 0L)" + shifted;
      case INT -> "((long) (" + v + ") & 0xFFFFFFFFL)" + shifted;
      case FLOAT -> "((long) HashAggregationTable.floatKeyBits(" + v + ") & 0xFFFFFFFFL)" + shifted;
      case LONG, DECIMAL -> "(long) (" + v + ")";
      case DOUBLE -> "HashAggregationTable.doubleKeyBits(" + v + ")";
      case BYTES -> throw new IllegalArgumentException("a compact join key cannot hold a string");
    };
  }

  private String residual(int stepIndex, Expression condition, ColumnReader joined) {
    String method = "residual" + stepIndex;
    CodeBuilder code = new CodeBuilder(1);
    code.comment("Join condition beyond the keys (step " + stepIndex + "): " + condition);
    code.open("private boolean " + method + "(int row) {");
    MethodScope scope = new MethodScope(new CodeBuilder(2));
    ExprValue value = expressions.generate(condition, joined, scope);
    code.append(scope.code());
    code.line("return " + (value.neverNull() ? "" : "!" + value.isNull() + " && ") + value.value() + ";");
    code.close();
    builder.addMethod(code);
    return method;
  }

  private static String keyCall(String encoder, ExprValue value, boolean nullSafe) {
    DataType type = value.type();
    String onNull = encoder + (nullSafe ? ".keyNull();" : ".keyUnmatchable();");
    if (value.alwaysNull()) {
      return onNull;
    }
    String v = value.value();
    String call;
    if (JavaTypes.isNested(type)) {
      throw Unsupported.type(type);
    } else if (JavaTypes.isBytes(type)) {
      call = encoder + ".keyBytes(" + value.bytesArguments() + ");";
    } else if (type instanceof BooleanType) {
      call = encoder + ".keyBoolean(" + v + ");";
    } else if (type instanceof FloatType) {
      call = encoder + ".keyFloat(" + v + ");";
    } else if (type instanceof DoubleType) {
      call = encoder + ".keyDouble(" + v + ");";
    } else if (type instanceof DecimalType) {
      call = encoder + ".keyDecimal(" + KernelSourceGenerator.decimalWords(value) + ");";
    } else if ("long".equals(JavaTypes.javaType(type))) {
      call = encoder + ".keyLong(" + v + ");";
    } else {
      call = encoder + ".keyInt(" + v + ");";
    }
    return value.neverNull() ? call : "if (" + value.isNull() + ") { " + onNull + " } else { " + call + " }";
  }

  /**
   * Creates the batch's encoder on first use: a probe of compact keys into a table of the same layout
   * never needs one, and allocating and freeing its scratch memory per batch and probe cost a few
   * percent of a query with several such joins (TPC-H Q8).
   */
  private static String createEncoder(String encoder) {
    return "if (" + encoder + " == null) { " + encoder + " = new JoinKeyEncoder(joinAllocator); }";
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
