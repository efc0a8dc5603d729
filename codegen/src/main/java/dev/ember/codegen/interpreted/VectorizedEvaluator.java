package dev.ember.codegen.interpreted;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.codegen.semantics.ArithmeticOps;
import dev.ember.codegen.semantics.ComparisonOps;
import dev.ember.codegen.semantics.DecimalOps;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.CaseWhen;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Coalesce;
import dev.ember.planner.expressions.GreatestLeast;
import dev.ember.planner.expressions.HigherOrderFunction;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.In;
import dev.ember.planner.expressions.ReplacedCall;
import dev.ember.planner.expressions.TryEval;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.ShortType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Evaluates bound expressions a column at a time: each node's children are evaluated into whole Arrow
 * vectors, then combined in one loop. The plain fallback when a pipeline has no generated kernel, and
 * the oracle generated kernels are tested against; per-value semantics come from the shared helpers
 * in {@code dev.ember.codegen.semantics}.
 *
 * <p>Rows: {@code rows} lists the batch rows to evaluate (a filter's survivors), or is null for all
 * of them; a result vector has one value per listed row, in order. Like Spark, {@code AND} and
 * {@code OR} evaluate their right side only on rows the left side does not decide, so
 * {@code x <> 0 AND 10 / x > 1} never divides by zero. Not thread-safe: one per worker.
 */
public final class VectorizedEvaluator {
  private static final String INTERMEDIATE = "_";

  private final KernelOptions options;
  private final BufferAllocator allocator;
  private final FunctionCallEvaluator functionCalls;
  private final ConditionalEvaluator conditionals;

  public VectorizedEvaluator(KernelOptions options, BufferAllocator allocator) {
    this.options = Objects.requireNonNull(options, "options is null");
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
    this.functionCalls = new FunctionCallEvaluator(this, options, allocator);
    this.conditionals = new ConditionalEvaluator(this, allocator);
  }

  private TryEvaluator tryEvaluator;

  /** Made on first use: only kernels with a try function need the ANSI twin of this evaluator. */
  private TryEvaluator tryEvaluator() {
    if (tryEvaluator == null) {
      VectorizedEvaluator ansi = options.ansiEnabled() ? this : new VectorizedEvaluator(
          new KernelOptions(true, options.checkedMemoryAccess(), options.sessionTimeZone()), allocator);
      tryEvaluator = new TryEvaluator(this, ansi, allocator);
    }
    return tryEvaluator;
  }

  private HigherOrderFunctionEvaluator higherOrderFunctions;

  private HigherOrderFunctionEvaluator higherOrderFunctions() {
    if (higherOrderFunctions == null) {
      higherOrderFunctions = new HigherOrderFunctionEvaluator(this, allocator);
    }
    return higherOrderFunctions;
  }

  /** A new vector, owned by the caller, with the value of {@code expression} for each selected row. */
  public FieldVector evaluate(Expression expression, ColumnBatch batch, int[] rows) {
    Objects.requireNonNull(expression, "expression is null");
    Objects.requireNonNull(batch, "batch is null");
    return evaluate(expression, batch, rows, rows == null ? batch.rowCount() : rows.length);
  }

  /** The selected rows (batch row indexes, ascending as given) for which {@code condition} is true. */
  public int[] filter(Expression condition, ColumnBatch batch, int[] rows) {
    try (FieldVector result = evaluate(condition, batch, rows)) {
      int count = result.getValueCount();
      int[] survivors = new int[count];
      int kept = 0;
      for (int i = 0; i < count; i++) {
        if (!result.isNull(i) && Columns.getBoolean(result, i)) {
          survivors[kept++] = rows == null ? i : rows[i];
        }
      }
      return kept == count ? survivors : Arrays.copyOf(survivors, kept);
    }
  }

  /** {@code rows} (batch row indexes) or all rows when null; one value per row, {@code count} of them. */
  FieldVector evaluateRows(Expression expression, ColumnBatch batch, int[] rows, int count) {
    return evaluate(expression, batch, rows, count);
  }

  /**
   * Evaluates {@code expression} only at the positions (0..count) where {@code selected} is true;
   * the others are null in the result, and the expression never sees them.
   */
  FieldVector evaluateWhere(Expression expression, boolean[] selected, ColumnBatch batch, int[] rows, int count) {
    int[] positions = new int[count];
    int[] batchRows = new int[count];
    int remaining = 0;
    for (int i = 0; i < count; i++) {
      if (selected[i]) {
        positions[remaining] = i;
        batchRows[remaining] = rows == null ? i : rows[i];
        remaining++;
      }
    }
    if (remaining == count) {
      return evaluate(expression, batch, rows, count);
    }
    try (FieldVector subset = evaluate(expression, batch, Arrays.copyOf(batchRows, remaining), remaining)) {
      FieldVector out = subset.getField().createVector(allocator);
      try {
        out.setInitialCapacity(count);
        out.allocateNew();
        for (int j = 0; j < remaining; j++) {
          NestedValues.copy(subset, j, out, positions[j]);
        }
        out.setValueCount(count);
        return out;
      } catch (RuntimeException e) {
        out.close();
        throw e;
      }
    }
  }

  FieldVector evaluate(Expression expression, ColumnBatch batch, int[] rows, int count) {
    if (expression instanceof BoundReference reference) {
      return column(reference, batch, rows, count);
    } else if (expression instanceof Literal literal) {
      return literal(literal, count);
    } else if (expression instanceof Alias alias) {
      return evaluate(alias.child(), batch, rows, count);
    } else if (expression instanceof BinaryArithmetic arithmetic) {
      try (FieldVector left = evaluate(arithmetic.left(), batch, rows, count);
          FieldVector right = evaluateWhereNotNull(arithmetic.right(), left, batch, rows, count)) {
        return arithmetic(arithmetic, left, right, count);
      }
    } else if (expression instanceof UnaryMinus minus) {
      try (FieldVector child = evaluate(minus.child(), batch, rows, count)) {
        return negate(minus.dataType(), child, count);
      }
    } else if (expression instanceof Comparison comparison) {
      try (FieldVector left = evaluate(comparison.left(), batch, rows, count);
          FieldVector right = comparison.operator() == ComparisonOperator.NULL_SAFE_EQUAL
              ? evaluate(comparison.right(), batch, rows, count)
              : evaluateWhereNotNull(comparison.right(), left, batch, rows, count)) {
        return compare(comparison, left, right, count);
      }
    } else if (expression instanceof And and) {
      return logical(and.left(), and.right(), false, batch, rows, count);
    } else if (expression instanceof Or or) {
      return logical(or.left(), or.right(), true, batch, rows, count);
    } else if (expression instanceof Not not) {
      try (FieldVector child = evaluate(not.child(), batch, rows, count)) {
        FieldVector out = Columns.allocate(INTERMEDIATE, DataTypes.BooleanType, allocator, count);
        for (int i = 0; i < count; i++) {
          if (!child.isNull(i)) {
            Columns.setBoolean(out, i, !Columns.getBoolean(child, i));
          }
        }
        out.setValueCount(count);
        return out;
      }
    } else if (expression instanceof IsNull isNull) {
      return nullTest(isNull.child(), true, batch, rows, count);
    } else if (expression instanceof IsNotNull isNotNull) {
      return nullTest(isNotNull.child(), false, batch, rows, count);
    } else if (expression instanceof Cast cast) {
      try (FieldVector child = evaluate(cast.child(), batch, rows, count)) {
        // A cast is ANSI only when the session is: the analyzer marks implicit casts ANSI regardless.
        // TRY_CAST is always the ANSI cast, with its errors turned into nulls.
        boolean castAnsi = cast.nullOnError() || cast.ansi() && options.ansiEnabled();
        return new VectorCasts(allocator, castAnsi, options.sessionTimeZone(), cast.nullOnError())
            .cast(child, cast.child().dataType(), cast.dataType(), count);
      }
    } else if (expression instanceof ScalarFunctionCall call) {
      return functionCalls.evaluate(call, batch, rows, count);
    } else if (expression instanceof ReplacedCall replaced) {
      return evaluate(replaced.replacement(), batch, rows, count);
    } else if (expression instanceof TryEval tryEval) {
      return tryEvaluator().evaluate(tryEval, batch, rows, count);
    } else if (expression instanceof HigherOrderFunction function) {
      return higherOrderFunctions().evaluate(function, batch, rows, count);
    } else if (expression instanceof If conditional) {
      return conditionals.ifThenElse(conditional, batch, rows, count);
    } else if (expression instanceof CaseWhen caseWhen) {
      return conditionals.caseWhen(caseWhen, batch, rows, count);
    } else if (expression instanceof Coalesce coalesce) {
      return conditionals.coalesce(coalesce, batch, rows, count);
    } else if (expression instanceof In in) {
      return conditionals.in(in, batch, rows, count);
    } else if (expression instanceof GreatestLeast extremum) {
      return conditionals.greatestLeast(extremum, batch, rows, count);
    }
    throw new IllegalArgumentException("the interpreted kernels cannot evaluate " + expression
        + " (" + expression.getClass().getSimpleName() + "); expressions must be bound and scalar");
  }

  private FieldVector column(BoundReference reference, ColumnBatch batch, int[] rows, int count) {
    if (reference.ordinal() < 0 || reference.ordinal() >= batch.columnCount()) {
      throw new IllegalArgumentException("bound reference " + reference + " is outside the batch of "
          + batch.columnCount() + " columns " + batch.schema().simpleString());
    }
    FieldVector source = batch.vector(reference.ordinal());
    if (rows == null && count > 0) {
      // Shares the buffers (reference counted) instead of copying; the batch keeps its own reference.
      TransferPair share = source.getTransferPair(source.getField(), allocator);
      share.splitAndTransfer(0, count);
      return (FieldVector) share.getTo();
    }
    FieldVector out = Columns.allocate(INTERMEDIATE, reference.dataType(), allocator, count);
    for (int i = 0; i < count; i++) {
      NestedValues.copy(source, rows[i], out, i);
    }
    out.setValueCount(count);
    return out;
  }

  private FieldVector literal(Literal literal, int count) {
    FieldVector out = Columns.allocate(INTERMEDIATE, literal.dataType(), allocator, count);
    Object value = literal.value();
    if (value != null) {
      switch (ValueFamily.of(literal.dataType())) {
        case BOOLEAN -> {
          for (int i = 0; i < count; i++) {
            Columns.setBoolean(out, i, (Boolean) value);
          }
        }
        case INTEGRAL -> {
          Columns.LongWriter writer = Columns.longWriter(out);
          long number = ((Number) value).longValue();
          for (int i = 0; i < count; i++) {
            writer.set(i, number);
          }
        }
        case FRACTIONAL -> {
          Columns.DoubleWriter writer = Columns.doubleWriter(out);
          double number = ((Number) value).doubleValue();
          for (int i = 0; i < count; i++) {
            writer.set(i, number);
          }
        }
        case DECIMAL -> {
          for (int i = 0; i < count; i++) {
            Columns.setDecimal(out, i, (BigDecimal) value);
          }
        }
        case BYTES -> {
          byte[] bytes = value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) value;
          for (int i = 0; i < count; i++) {
            Columns.setBytes(out, i, bytes);
          }
        }
        case NULL -> { }
      }
    }
    out.setValueCount(count);
    return out;
  }

  private FieldVector arithmetic(BinaryArithmetic arithmetic, FieldVector left, FieldVector right, int count) {
    DataType type = arithmetic.dataType();
    ArithmeticOperator operator = arithmetic.operator();
    boolean divides = operator == ArithmeticOperator.DIVIDE || operator == ArithmeticOperator.REMAINDER;
    FieldVector out = Columns.allocate(INTERMEDIATE, type, allocator, count);
    try {
      switch (ValueFamily.of(type)) {
        case INTEGRAL -> {
          Columns.LongReader l = Columns.longReader(left);
          Columns.LongReader r = Columns.longReader(right);
          Columns.LongWriter writer = Columns.longWriter(out);
          for (int i = 0; i < count; i++) {
            if (left.isNull(i) || right.isNull(i)) {
              continue;
            }
            long divisor = r.get(i);
            if (divides && divisor == 0 && zeroDivisorGivesNull(operator)) {
              continue;
            }
            writer.set(i, integral(operator, type, l.get(i), divisor));
          }
        }
        case FRACTIONAL -> {
          Columns.DoubleReader l = Columns.doubleReader(left);
          Columns.DoubleReader r = Columns.doubleReader(right);
          Columns.DoubleWriter writer = Columns.doubleWriter(out);
          for (int i = 0; i < count; i++) {
            if (left.isNull(i) || right.isNull(i)) {
              continue;
            }
            double divisor = r.get(i);
            if (divides && divisor == 0 && zeroDivisorGivesNull(operator)) {
              continue;
            }
            writer.set(i, fractional(operator, l.get(i), divisor));
          }
        }
        case DECIMAL -> {
          DecimalType decimal = (DecimalType) type;
          for (int i = 0; i < count; i++) {
            if (left.isNull(i) || right.isNull(i)) {
              continue;
            }
            BigDecimal result = decimal(operator, Columns.getDecimal(left, i), Columns.getDecimal(right, i), decimal);
            if (result != null) {
              Columns.setDecimal(out, i, result);
            }
          }
        }
        default -> throw new IllegalArgumentException("arithmetic on " + type.simpleString() + ": " + arithmetic);
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** ANSI: a zero divisor is an error (thrown here); otherwise the result is null. */
  private boolean zeroDivisorGivesNull(ArithmeticOperator operator) {
    if (options.ansiEnabled()) {
      if (operator == ArithmeticOperator.DIVIDE) {
        ArithmeticOps.checkDivisor(0L);
      } else {
        ArithmeticOps.checkRemainderDivisor(0L);
      }
    }
    return true;
  }

  private long integral(ArithmeticOperator operator, DataType type, long left, long right) {
    boolean ansi = options.ansiEnabled();
    return switch (operator) {
      case ADD -> ansi ? addExact(type, left, right) : wrap(type, left + right);
      case SUBTRACT -> ansi ? subtractExact(type, left, right) : wrap(type, left - right);
      case MULTIPLY -> ansi ? multiplyExact(type, left, right) : wrap(type, left * right);
      // Java's remainder has Spark's sign rule; MIN_VALUE % -1 is 0 in both.
      case REMAINDER -> left % right;
      case DIVIDE -> throw new IllegalArgumentException(
          "integral division reached the kernel; the analyzer casts its operands to double or decimal");
    };
  }

  private static long addExact(DataType type, long left, long right) {
    if (type instanceof ByteType) {
      return ArithmeticOps.addExact((byte) left, (byte) right);
    } else if (type instanceof ShortType) {
      return ArithmeticOps.addExact((short) left, (short) right);
    } else if (type instanceof IntegerType) {
      return ArithmeticOps.addExact((int) left, (int) right);
    }
    return ArithmeticOps.addExact(left, right);
  }

  private static long subtractExact(DataType type, long left, long right) {
    if (type instanceof ByteType) {
      return ArithmeticOps.subtractExact((byte) left, (byte) right);
    } else if (type instanceof ShortType) {
      return ArithmeticOps.subtractExact((short) left, (short) right);
    } else if (type instanceof IntegerType) {
      return ArithmeticOps.subtractExact((int) left, (int) right);
    }
    return ArithmeticOps.subtractExact(left, right);
  }

  private static long multiplyExact(DataType type, long left, long right) {
    if (type instanceof ByteType) {
      return ArithmeticOps.multiplyExact((byte) left, (byte) right);
    } else if (type instanceof ShortType) {
      return ArithmeticOps.multiplyExact((short) left, (short) right);
    } else if (type instanceof IntegerType) {
      return ArithmeticOps.multiplyExact((int) left, (int) right);
    }
    return ArithmeticOps.multiplyExact(left, right);
  }

  /** Java's wrapping narrowing, which is Spark's behaviour with ANSI off. */
  private static long wrap(DataType type, long value) {
    if (type instanceof ByteType) {
      return (byte) value;
    } else if (type instanceof ShortType) {
      return (short) value;
    } else if (type instanceof IntegerType) {
      return (int) value;
    }
    return value;
  }

  private static double fractional(ArithmeticOperator operator, double left, double right) {
    return switch (operator) {
      case ADD -> left + right;
      case SUBTRACT -> left - right;
      case MULTIPLY -> left * right;
      case DIVIDE -> left / right;
      case REMAINDER -> left % right;
    };
  }

  private BigDecimal decimal(ArithmeticOperator operator, BigDecimal left, BigDecimal right, DecimalType type) {
    int precision = type.precision();
    int scale = type.scale();
    boolean ansi = options.ansiEnabled();
    return switch (operator) {
      case ADD -> DecimalOps.add(left, right, precision, scale, ansi);
      case SUBTRACT -> DecimalOps.subtract(left, right, precision, scale, ansi);
      case MULTIPLY -> DecimalOps.multiply(left, right, precision, scale, ansi);
      case DIVIDE -> DecimalOps.divide(left, right, precision, scale, ansi);
      case REMAINDER -> DecimalOps.remainder(left, right, precision, scale, ansi);
    };
  }

  private FieldVector negate(DataType type, FieldVector child, int count) {
    FieldVector out = Columns.allocate(INTERMEDIATE, type, allocator, count);
    try {
      boolean ansi = options.ansiEnabled();
      switch (ValueFamily.of(type)) {
        case INTEGRAL -> {
          Columns.LongReader reader = Columns.longReader(child);
          Columns.LongWriter writer = Columns.longWriter(out);
          for (int i = 0; i < count; i++) {
            if (!child.isNull(i)) {
              long value = reader.get(i);
              writer.set(i, ansi ? negateExact(type, value) : wrap(type, -value));
            }
          }
        }
        case FRACTIONAL -> {
          Columns.DoubleReader reader = Columns.doubleReader(child);
          Columns.DoubleWriter writer = Columns.doubleWriter(out);
          for (int i = 0; i < count; i++) {
            if (!child.isNull(i)) {
              writer.set(i, -reader.get(i));
            }
          }
        }
        case DECIMAL -> {
          for (int i = 0; i < count; i++) {
            if (!child.isNull(i)) {
              Columns.setDecimal(out, i, DecimalOps.negate(Columns.getDecimal(child, i)));
            }
          }
        }
        default -> throw new IllegalArgumentException("unary minus on " + type.simpleString());
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private static long negateExact(DataType type, long value) {
    if (type instanceof ByteType) {
      return ArithmeticOps.negateExact((byte) value);
    } else if (type instanceof ShortType) {
      return ArithmeticOps.negateExact((short) value);
    } else if (type instanceof IntegerType) {
      return ArithmeticOps.negateExact((int) value);
    }
    return ArithmeticOps.negateExact(value);
  }

  private FieldVector compare(Comparison comparison, FieldVector left, FieldVector right, int count) {
    ComparisonOperator operator = comparison.operator();
    RowComparator comparator = comparator(comparison.left().dataType(), comparison.right().dataType(), left, right);
    FieldVector out = Columns.allocate(INTERMEDIATE, DataTypes.BooleanType, allocator, count);
    for (int i = 0; i < count; i++) {
      boolean leftNull = left.isNull(i);
      boolean rightNull = right.isNull(i);
      if (operator == ComparisonOperator.NULL_SAFE_EQUAL) {
        Columns.setBoolean(out, i, leftNull || rightNull ? leftNull == rightNull : comparator.compare(i) == 0);
        continue;
      }
      if (leftNull || rightNull) {
        continue;
      }
      int order = comparator.compare(i);
      boolean result = switch (operator) {
        case EQUAL_TO, NULL_SAFE_EQUAL -> order == 0;
        case LESS_THAN -> order < 0;
        case LESS_THAN_OR_EQUAL -> order <= 0;
        case GREATER_THAN -> order > 0;
        case GREATER_THAN_OR_EQUAL -> order >= 0;
      };
      Columns.setBoolean(out, i, result);
    }
    out.setValueCount(count);
    return out;
  }

  private interface RowComparator {
    int compare(int row);
  }

  /** Operands normally share a type after coercion; mixed numeric ones compare in the wider family. */
  private static RowComparator comparator(DataType leftType, DataType rightType, FieldVector left, FieldVector right) {
    ValueFamily leftFamily = ValueFamily.of(leftType);
    ValueFamily rightFamily = ValueFamily.of(rightType);
    if (leftFamily == ValueFamily.NULL || rightFamily == ValueFamily.NULL) {
      return row -> 0; // never consulted: every row of a NullType vector is null
    }
    if (leftFamily == rightFamily) {
      switch (leftFamily) {
        case BOOLEAN:
          return row -> ComparisonOps.compare(Columns.getBoolean(left, row), Columns.getBoolean(right, row));
        case INTEGRAL: {
          Columns.LongReader l = Columns.longReader(left);
          Columns.LongReader r = Columns.longReader(right);
          return row -> ComparisonOps.compare(l.get(row), r.get(row));
        }
        case FRACTIONAL: {
          Columns.DoubleReader l = Columns.doubleReader(left);
          Columns.DoubleReader r = Columns.doubleReader(right);
          return row -> ComparisonOps.compare(l.get(row), r.get(row));
        }
        case DECIMAL:
          return row -> ComparisonOps.compare(Columns.getDecimal(left, row), Columns.getDecimal(right, row));
        case BYTES:
          return row -> ComparisonOps.compareBytes(Columns.getBytes(left, row), Columns.getBytes(right, row));
        default:
          break;
      }
    }
    if (leftFamily != ValueFamily.BYTES && rightFamily != ValueFamily.BYTES
        && leftFamily != ValueFamily.BOOLEAN && rightFamily != ValueFamily.BOOLEAN) {
      if (leftFamily == ValueFamily.FRACTIONAL || rightFamily == ValueFamily.FRACTIONAL) {
        return row -> ComparisonOps.compare(asDouble(left, leftFamily, row), asDouble(right, rightFamily, row));
      }
      return row -> ComparisonOps.compare(asDecimal(left, leftFamily, row), asDecimal(right, rightFamily, row));
    }
    throw new IllegalArgumentException("cannot compare " + leftType.simpleString() + " with " + rightType.simpleString());
  }

  private static double asDouble(FieldVector vector, ValueFamily family, int row) {
    return switch (family) {
      case INTEGRAL -> Columns.longReader(vector).get(row);
      case FRACTIONAL -> Columns.doubleReader(vector).get(row);
      default -> Columns.getDecimal(vector, row).doubleValue();
    };
  }

  private static BigDecimal asDecimal(FieldVector vector, ValueFamily family, int row) {
    return family == ValueFamily.INTEGRAL
        ? BigDecimal.valueOf(Columns.longReader(vector).get(row))
        : Columns.getDecimal(vector, row);
  }

  /**
   * Evaluates the right operand of a null-intolerant operator only on rows where the left one is not
   * null, as Spark does: {@code NULL > 1.0 / 0.0} is null, not a division-by-zero error. Rows skipped
   * are null in the result.
   */
  private FieldVector evaluateWhereNotNull(Expression expression, FieldVector left, ColumnBatch batch, int[] rows,
      int count) {
    boolean[] notNull = new boolean[count];
    for (int i = 0; i < count; i++) {
      notNull[i] = !left.isNull(i);
    }
    return evaluateWhere(expression, notNull, batch, rows, count);
  }

  /**
   * Three-valued AND ({@code decidingValue} false) or OR (true): the right side is evaluated only on
   * rows where the left side is not {@code decidingValue}.
   */
  private FieldVector logical(Expression leftExpression, Expression rightExpression, boolean decidingValue,
      ColumnBatch batch, int[] rows, int count) {
    try (FieldVector left = evaluate(leftExpression, batch, rows, count)) {
      int[] undecided = new int[count];
      int[] undecidedRows = new int[count];
      int remaining = 0;
      for (int i = 0; i < count; i++) {
        if (left.isNull(i) || Columns.getBoolean(left, i) != decidingValue) {
          undecided[remaining] = i;
          undecidedRows[remaining] = rows == null ? i : rows[i];
          remaining++;
        }
      }
      FieldVector out = Columns.allocate(INTERMEDIATE, DataTypes.BooleanType, allocator, count);
      try (FieldVector right = evaluate(rightExpression, batch, Arrays.copyOf(undecidedRows, remaining), remaining)) {
        for (int i = 0; i < count; i++) {
          if (!left.isNull(i) && Columns.getBoolean(left, i) == decidingValue) {
            Columns.setBoolean(out, i, decidingValue);
          }
        }
        for (int j = 0; j < remaining; j++) {
          int i = undecided[j];
          boolean leftNull = left.isNull(i);
          if (right.isNull(j)) {
            continue; // null, whatever the left side (it is null or not deciding)
          }
          boolean rightValue = Columns.getBoolean(right, j);
          if (rightValue == decidingValue) {
            Columns.setBoolean(out, i, decidingValue);
          } else if (!leftNull) {
            Columns.setBoolean(out, i, !decidingValue);
          }
        }
        out.setValueCount(count);
        return out;
      } catch (RuntimeException e) {
        out.close();
        throw e;
      }
    }
  }

  private FieldVector nullTest(Expression child, boolean wantNull, ColumnBatch batch, int[] rows, int count) {
    try (FieldVector value = evaluate(child, batch, rows, count)) {
      FieldVector out = Columns.allocate(INTERMEDIATE, DataTypes.BooleanType, allocator, count);
      for (int i = 0; i < count; i++) {
        Columns.setBoolean(out, i, value.isNull(i) == wantNull);
      }
      out.setValueCount(count);
      return out;
    }
  }
}
