package dev.ember.codegen.generated;

import static dev.ember.codegen.generated.TestBatches.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every expression kind over every type it accepts, generated (raw and checked memory access) against
 * the interpreted kernels; where Spark 4.2.0's answer was checked by running it, against that too.
 */
class GeneratedExpressionsTest {
  private static final DecimalType SMALL_DECIMAL = new DecimalType(10, 2);
  private static final DecimalType WIDE_DECIMAL = new DecimalType(30, 5);

  /** Each type with sample values: null, ordinary values, and edges (NaN, -0.0, minimums). */
  private static final List<Object[]> SAMPLES = List.of(
      new Object[] {DataTypes.BooleanType, null, true, false, true, false},
      new Object[] {DataTypes.ByteType, null, (byte) 1, (byte) -128, (byte) 127, (byte) 0},
      new Object[] {DataTypes.ShortType, null, (short) 7, (short) -32768, (short) 32767, (short) 7},
      new Object[] {DataTypes.IntegerType, null, 42, Integer.MIN_VALUE, Integer.MAX_VALUE, -3},
      new Object[] {DataTypes.LongType, null, 42L, Long.MIN_VALUE, Long.MAX_VALUE, -3L},
      new Object[] {DataTypes.FloatType, null, 1.5f, Float.NaN, -0.0f, Float.NEGATIVE_INFINITY},
      new Object[] {DataTypes.DoubleType, null, 1.5, Double.NaN, -0.0, 0.0},
      new Object[] {SMALL_DECIMAL, null, new BigDecimal("12.34"), new BigDecimal("-99999999.99"),
          new BigDecimal("0.00"), new BigDecimal("12.34")},
      new Object[] {WIDE_DECIMAL, null, new BigDecimal("1234567890123456789012.12345"),
          new BigDecimal("-0.00001"), new BigDecimal("0.00000"), new BigDecimal("5.50000")},
      new Object[] {DataTypes.StringType, null, "abc", "", "é-ü", "abcd"},
      new Object[] {DataTypes.BinaryType, null, new byte[] {1, 2}, new byte[] {}, new byte[] {(byte) 0xFF},
          new byte[] {1, 2, 3}},
      new Object[] {DataTypes.DateType, null, 0, -719162, 19000, 19000},
      new Object[] {DataTypes.TimestampType, null, 0L, -1L, 1_700_000_000_000_000L, 5L});

  private final BufferAllocator allocator = Allocators.newRoot();
  private final GeneratedKernels generated = new GeneratedKernels();
  private final Differential differential = new Differential(generated, allocator);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** Two columns of one type: the samples, and the samples rotated by one (so pairs differ). */
  private static StructType pairSchema(DataType type) {
    return new StructType().add("a", type).add("b", type);
  }

  private static Object[][] pairRows(Object[] sample) {
    int n = sample.length - 1;
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        rows.add(new Object[] {sample[1 + i], sample[1 + j]});
      }
    }
    return rows.toArray(new Object[0][]);
  }

  private static BoundReference ref(int ordinal, DataType type) {
    return new BoundReference(ordinal, type, true);
  }

  @Test
  void referencesLiteralsAndNullChecksOfEveryType() {
    for (Object[] sample : SAMPLES) {
      DataType type = (DataType) sample[0];
      Object literalValue = sample[2];
      List<Expression> expressions = List.of(ref(0, type), ref(1, type), new Literal(literalValue, type),
          Literal.nullOf(type), new IsNull(ref(0, type)), new IsNotNull(ref(1, type)));
      List<List<Object>> rows = differential.project(pairSchema(type), expressions, true, pairRows(sample));
      assertEquals(25, rows.size(), type.simpleString());
      assertEquals(Arrays.asList(null, null), rows.get(0).subList(0, 2), type.simpleString());
      assertEquals(true, rows.get(0).get(4));
      assertEquals(false, rows.get(0).get(5));
      assertEquals(null, rows.get(0).get(3));
    }
  }

  @Test
  void comparisonsOfEveryType() {
    for (Object[] sample : SAMPLES) {
      DataType type = (DataType) sample[0];
      List<Expression> expressions = new ArrayList<>();
      for (ComparisonOperator operator : ComparisonOperator.values()) {
        expressions.add(new Comparison(operator, ref(0, type), ref(1, type)));
        expressions.add(new Comparison(operator, ref(0, type), new Literal(sample[2], type)));
        expressions.add(new Comparison(operator, new Literal(sample[3], type), ref(1, type)));
      }
      expressions.add(new Not(new Comparison(ComparisonOperator.EQUAL_TO, ref(0, type), ref(1, type))));
      differential.project(pairSchema(type), expressions, true, pairRows(sample));
    }
  }

  @Test
  void comparisonsFollowSparkOrdering() {
    // Checked on Spark 4.2.0: NaN = NaN, NaN <=> NaN, NaN > 1.0, -0.0 = 0.0; 'a' < 'é'; false < true.
    StructType doubles = pairSchema(DataTypes.DoubleType);
    List<Expression> doubleComparisons = List.of(
        new Comparison(ComparisonOperator.EQUAL_TO, ref(0, DataTypes.DoubleType), ref(1, DataTypes.DoubleType)),
        new Comparison(ComparisonOperator.LESS_THAN, ref(0, DataTypes.DoubleType), ref(1, DataTypes.DoubleType)),
        new Comparison(ComparisonOperator.NULL_SAFE_EQUAL, ref(0, DataTypes.DoubleType),
            ref(1, DataTypes.DoubleType)));
    assertEquals(List.of(row(true, false, true), row(true, false, true), row(false, true, false),
            row(null, null, false), row(null, null, true)),
        differential.project(doubles, doubleComparisons, true, new Object[] {Double.NaN, Double.NaN},
            new Object[] {-0.0, 0.0}, new Object[] {1.0, Double.NaN}, new Object[] {null, 1.0},
            new Object[] {null, null}));
    StructType strings = pairSchema(DataTypes.StringType);
    assertEquals(List.of(row(true), row(false), row(true)),
        differential.project(strings, List.of(new Comparison(ComparisonOperator.LESS_THAN,
                ref(0, DataTypes.StringType), ref(1, DataTypes.StringType))), true,
            new Object[] {"a", "é"}, new Object[] {"b", "a"}, new Object[] {"ab", "abc"}));
    assertEquals(List.of(row(true)),
        differential.project(pairSchema(DataTypes.BooleanType), List.of(new Comparison(ComparisonOperator.LESS_THAN,
            ref(0, DataTypes.BooleanType), ref(1, DataTypes.BooleanType))), true, new Object[] {false, true}));
  }

  @Test
  void threeValuedLogic() {
    Object[] sample = {DataTypes.BooleanType, null, true, false};
    BoundReference a = ref(0, DataTypes.BooleanType);
    BoundReference b = ref(1, DataTypes.BooleanType);
    List<List<Object>> rows = differential.project(pairSchema(DataTypes.BooleanType),
        List.of(new And(a, b), new Or(a, b), new Not(a), new And(a, Literal.TRUE), new Or(Literal.FALSE, b),
            new And(Literal.nullOf(DataTypes.BooleanType), b)),
        true, pairRows(sample));
    // Rows are (a, b) for a, b in (null, true, false); columns AND, OR, NOT a.
    List<List<Object>> expected = List.of(
        row(null, null, null), row(null, true, null), row(false, null, null),
        row(null, true, false), row(true, true, false), row(false, true, false),
        row(false, null, true), row(false, true, true), row(false, false, true));
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), rows.get(i).subList(0, 3), "row " + i);
    }
  }

  @Test
  void andSkipsTheRightSideWhenTheLeftIsFalse() {
    // false AND (1 / 0 = 1) is false in Spark: the division is never evaluated.
    StructType input = pairSchema(DataTypes.DoubleType);
    Expression division = new Comparison(ComparisonOperator.EQUAL_TO,
        new BinaryArithmetic(ArithmeticOperator.DIVIDE, ref(0, DataTypes.DoubleType), ref(1, DataTypes.DoubleType)),
        new Literal(1.0, DataTypes.DoubleType));
    List<List<Object>> rows = differential.project(input, List.of(new And(Literal.FALSE, division),
        new Or(Literal.TRUE, division)), true, new Object[] {1.0, 0.0}, new Object[] {2.0, 0.0});
    assertEquals(List.of(row(false, true), row(false, true)), rows);
  }

  @Test
  void arithmeticOfEveryNumericType() {
    Object[][] small = {
        {DataTypes.ByteType, (byte) 3, (byte) -4, (byte) 10, null},
        {DataTypes.ShortType, (short) 300, (short) -4, (short) 7, null},
        {DataTypes.IntegerType, 100000, -4, 7, null},
        {DataTypes.LongType, 10_000_000_000L, -4L, 7L, null},
        {DataTypes.FloatType, 1.5f, -0.0f, Float.NaN, null},
        {DataTypes.DoubleType, 1.5, -0.0, Double.NaN, null}};
    for (Object[] sample : small) {
      DataType type = (DataType) sample[0];
      BoundReference a = ref(0, type);
      BoundReference b = ref(1, type);
      List<Expression> expressions = new ArrayList<>();
      for (ArithmeticOperator operator : ArithmeticOperator.values()) {
        if (operator == ArithmeticOperator.DIVIDE && !(type.equals(DataTypes.DoubleType)
            || type.equals(DataTypes.FloatType))) {
          continue;
        }
        if (operator == ArithmeticOperator.DIVIDE || operator == ArithmeticOperator.REMAINDER) {
          // ANSI: no zero divisors in these rows (zero is tested on its own).
          expressions.add(new BinaryArithmetic(operator, a, new Literal(sample[3], type)));
        } else {
          expressions.add(new BinaryArithmetic(operator, a, b));
        }
      }
      expressions.add(new UnaryMinus(a));
      Object[][] rows = {{sample[1], sample[2]}, {sample[2], sample[3]}, {sample[4], sample[1]},
          {sample[1], sample[4]}};
      differential.project(pairSchema(type), expressions, true, rows);
      differential.project(pairSchema(type), expressions, false, rows);
    }
  }

  @Test
  void ansiArithmeticErrorsMatchSpark() {
    StructType ints = pairSchema(DataTypes.IntegerType);
    String overflow = differential.error(ints, List.of(new BinaryArithmetic(ArithmeticOperator.ADD,
        ref(0, DataTypes.IntegerType), ref(1, DataTypes.IntegerType))), true, new Object[] {Integer.MAX_VALUE, 1});
    assertEquals("ARITHMETIC_OVERFLOW: [ARITHMETIC_OVERFLOW] overflow. Use 'try_add' to tolerate overflow and return"
        + " NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error."
        + " SQLSTATE: 22003", overflow);
    String tinyint = differential.error(pairSchema(DataTypes.ByteType), List.of(new BinaryArithmetic(
        ArithmeticOperator.ADD, ref(0, DataTypes.ByteType), ref(1, DataTypes.ByteType))), true,
        new Object[] {(byte) 127, (byte) 1});
    assertTrue(tinyint.startsWith("BINARY_ARITHMETIC_OVERFLOW: [BINARY_ARITHMETIC_OVERFLOW] 127S + 1S caused overflow"),
        tinyint);
    String divide = differential.error(pairSchema(DataTypes.DoubleType), List.of(new BinaryArithmetic(
        ArithmeticOperator.DIVIDE, ref(0, DataTypes.DoubleType), ref(1, DataTypes.DoubleType))), true,
        new Object[] {1.0, -0.0});
    assertTrue(divide.startsWith("DIVIDE_BY_ZERO: [DIVIDE_BY_ZERO] Division by zero."), divide);
    String remainder = differential.error(ints, List.of(new BinaryArithmetic(ArithmeticOperator.REMAINDER,
        ref(0, DataTypes.IntegerType), ref(1, DataTypes.IntegerType))), true, new Object[] {5, 0});
    assertTrue(remainder.startsWith("REMAINDER_BY_ZERO"), remainder);
    String negate = differential.error(pairSchema(DataTypes.LongType), List.of(new UnaryMinus(
        ref(0, DataTypes.LongType))), true, new Object[] {Long.MIN_VALUE, 0L});
    assertTrue(negate.startsWith("ARITHMETIC_OVERFLOW: [ARITHMETIC_OVERFLOW] overflow. If necessary"), negate);
  }

  @Test
  void nonAnsiArithmeticWrapsAndDividesByZeroToNull() {
    // Checked on Spark 4.2.0 with spark.sql.ansi.enabled=false: 127Y + 1Y = -128, 2147483647 + 1 wraps,
    // 1.0 / 0.0 and 1.0 % 0.0 are null.
    assertEquals(List.of(row((byte) -128)), differential.project(pairSchema(DataTypes.ByteType),
        List.of(new BinaryArithmetic(ArithmeticOperator.ADD, ref(0, DataTypes.ByteType), ref(1, DataTypes.ByteType))),
        false, new Object[] {(byte) 127, (byte) 1}));
    assertEquals(List.of(row(Integer.MIN_VALUE)), differential.project(pairSchema(DataTypes.IntegerType),
        List.of(new BinaryArithmetic(ArithmeticOperator.ADD, ref(0, DataTypes.IntegerType),
            ref(1, DataTypes.IntegerType))), false, new Object[] {Integer.MAX_VALUE, 1}));
    assertEquals(List.of(Arrays.asList(null, null)), differential.project(pairSchema(DataTypes.DoubleType),
        List.of(new BinaryArithmetic(ArithmeticOperator.DIVIDE, ref(0, DataTypes.DoubleType),
                ref(1, DataTypes.DoubleType)),
            new BinaryArithmetic(ArithmeticOperator.REMAINDER, ref(0, DataTypes.DoubleType),
                ref(1, DataTypes.DoubleType))), false, new Object[] {1.0, 0.0}));
    assertEquals(List.of(row(-1, -1.5)), differential.project(
        new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.DoubleType),
        List.of(new BinaryArithmetic(ArithmeticOperator.REMAINDER, ref(0, DataTypes.IntegerType),
                new Literal(2, DataTypes.IntegerType)),
            new BinaryArithmetic(ArithmeticOperator.REMAINDER, ref(1, DataTypes.DoubleType),
                new Literal(2.0, DataTypes.DoubleType))), true, new Object[] {-7, -7.5}));
  }

  @Test
  void numericCastsBetweenEveryPair() {
    DataType[] numeric = {DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType,
        DataTypes.FloatType, DataTypes.DoubleType, DataTypes.BooleanType};
    Object[][] values = {
        {(byte) 5, (byte) -1, null},
        {(short) 5, (short) -1, null},
        {5, -1, null},
        {5L, -1L, null},
        {5.7f, -1.2f, null},
        {5.7, -1.9, null},
        {true, false, null}};
    for (int from = 0; from < numeric.length; from++) {
      List<Expression> expressions = new ArrayList<>();
      for (DataType to : numeric) {
        expressions.add(new Cast(ref(0, numeric[from]), to, true, true));
      }
      StructType input = new StructType().add("a", numeric[from]);
      Object[][] rows = {{values[from][0]}, {values[from][1]}, {values[from][2]}};
      differential.project(input, expressions, true, rows);
      differential.project(input, expressions, false, rows);
    }
  }

  @Test
  void narrowingCastsOverflowLikeSpark() {
    // Spark 4.2.0: CAST(3000000000L AS INT) fails with CAST_OVERFLOW (ANSI) or wraps to -1294967296;
    // CAST(1e20D AS INT) gives 2147483647 and AS TINYINT -1 without ANSI.
    String longToInt = differential.error(new StructType().add("a", DataTypes.LongType),
        List.of(new Cast(ref(0, DataTypes.LongType), DataTypes.IntegerType, true, true)), true,
        new Object[] {3_000_000_000L});
    assertTrue(longToInt.startsWith("CAST_OVERFLOW: [CAST_OVERFLOW] The value 3000000000L of the type \"BIGINT\""
        + " cannot be cast to \"INT\" due to an overflow."), longToInt);
    String nanToInt = differential.error(new StructType().add("a", DataTypes.DoubleType),
        List.of(new Cast(ref(0, DataTypes.DoubleType), DataTypes.IntegerType, true, true)), true,
        new Object[] {Double.NaN});
    assertTrue(nanToInt.startsWith("CAST_OVERFLOW: [CAST_OVERFLOW] The value NaN of the type \"DOUBLE\""), nanToInt);
    assertEquals(List.of(row(-1294967296)), differential.project(new StructType().add("a", DataTypes.LongType),
        List.of(new Cast(ref(0, DataTypes.LongType), DataTypes.IntegerType, true, false)), false,
        new Object[] {3_000_000_000L}));
    assertEquals(List.of(row(Integer.MAX_VALUE, (byte) -1)), differential.project(
        new StructType().add("a", DataTypes.DoubleType),
        List.of(new Cast(ref(0, DataTypes.DoubleType), DataTypes.IntegerType, true, false),
            new Cast(ref(0, DataTypes.DoubleType), DataTypes.ByteType, true, false)), false, new Object[] {1e20}));
  }

  @Test
  void stringToNumberCastsFollowSpark() {
    StructType input = new StructType().add("s", DataTypes.StringType);
    List<Expression> casts = List.of(
        new Cast(ref(0, DataTypes.StringType), DataTypes.IntegerType, true, true),
        new Cast(ref(0, DataTypes.StringType), DataTypes.LongType, true, true),
        new Cast(ref(0, DataTypes.StringType), DataTypes.ByteType, true, true),
        new Cast(ref(0, DataTypes.StringType), DataTypes.DoubleType, true, true),
        new Cast(ref(0, DataTypes.StringType), DataTypes.FloatType, true, true));
    // Valid under ANSI: trimmed, signed integers; Spark 4.2.0 gave these values.
    assertEquals(List.of(row(12, 12L, (byte) 12, 12.0, 12.0f), row(-42, -42L, (byte) -42, -42.0, -42.0f),
            row(5, 5L, (byte) 5, 5.0, 5.0f), row(null, null, null, null, null)),
        differential.project(input, casts, true, new Object[] {" 12 "}, new Object[] {"\t-42\n"},
            new Object[] {"+5"}, new Object[] {null}));
    String malformed = differential.error(input, List.of(casts.get(0)), true, new Object[] {"1.7"});
    assertEquals("CAST_INVALID_INPUT: [CAST_INVALID_INPUT] The value '1.7' of the type \"STRING\" cannot be cast to"
        + " \"INT\" because it is malformed. Correct the value as per the syntax, or change its target type. Use"
        + " `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018", malformed);
    assertTrue(differential.error(input, List.of(casts.get(0)), true, new Object[] {"2147483648"})
        .startsWith("CAST_INVALID_INPUT"));
    assertTrue(differential.error(input, List.of(casts.get(2)), true, new Object[] {"300"})
        .startsWith("CAST_INVALID_INPUT"));
    assertTrue(differential.error(input, List.of(casts.get(3)), true, new Object[] {"abc"})
        .startsWith("CAST_INVALID_INPUT"));
  }

  @Test
  void stringToDoubleAcceptsSparkSpellings() {
    // Spark 4.2.0: 'nan', 'inf', '-Infinity', '1d', '1.5f', '0x1p3', ' 1e2 ' parse; '+nan' does not.
    StructType input = new StructType().add("s", DataTypes.StringType);
    List<Expression> casts = List.of(new Cast(ref(0, DataTypes.StringType), DataTypes.DoubleType, true, false));
    assertEquals(List.of(row(Double.NaN), row(Double.POSITIVE_INFINITY), row(Double.NEGATIVE_INFINITY), row(1.0),
            row(1.5), row(8.0), row(100.0), row((Object) null)),
        differential.project(input, casts, false, new Object[] {"nan"}, new Object[] {"inf"},
            new Object[] {"-Infinity"}, new Object[] {"1d"}, new Object[] {"1.5f"}, new Object[] {"0x1p3"},
            new Object[] {" 1e2 "}, new Object[] {"+nan"}));
  }

  @Test
  void nonAnsiStringToIntegralDropsFractionsAndNullsMalformedText() {
    // Spark 4.2.0 without ANSI: '1.7' -> 1, '-1.7' -> -1, '1.' -> 1, 'abc', '1.x', '2147483648' -> null.
    StructType input = new StructType().add("s", DataTypes.StringType);
    GeneratedKernels kernels = new GeneratedKernels();
    List<List<Object>> rows = KernelRunner.run(kernels,
        Differential.projectionSpec(input, null, List.of(
            new Cast(ref(0, DataTypes.StringType), DataTypes.IntegerType, true, false))),
        new dev.ember.codegen.spec.KernelOptions(false, false), allocator,
        new Object[][] {{"1.7"}, {"-1.7"}, {"1."}, {"abc"}, {"1.x"}, {"2147483648"}, {".5"}});
    assertEquals(List.of(row(1), row(-1), row(1), row((Object) null), row((Object) null), row((Object) null),
        row(0)), rows);
  }

  @Test
  void decimalArithmeticCompactAndWide() {
    DecimalType[][] pairs = {
        {SMALL_DECIMAL, new DecimalType(5, 3)},
        {SMALL_DECIMAL, SMALL_DECIMAL},
        {new DecimalType(4, 1), new DecimalType(3, 0)},
        {WIDE_DECIMAL, SMALL_DECIMAL},
        {new DecimalType(38, 10), new DecimalType(38, 10)}};
    Object[][] values = {
        {new BigDecimal("12.34"), new BigDecimal("1.500")},
        {new BigDecimal("-99999999.99"), new BigDecimal("0.01")},
        {new BigDecimal("123.4"), new BigDecimal("-7")},
        {new BigDecimal("1234567890123456789012.12345"), new BigDecimal("-3.25")},
        {new BigDecimal("1234567890.0123456789"), new BigDecimal("-0.0000000001")}};
    for (int i = 0; i < pairs.length; i++) {
      StructType input = new StructType().add("a", pairs[i][0]).add("b", pairs[i][1]);
      BoundReference a = ref(0, pairs[i][0]);
      BoundReference b = ref(1, pairs[i][1]);
      List<Expression> expressions = new ArrayList<>();
      for (ArithmeticOperator operator : ArithmeticOperator.values()) {
        expressions.add(new BinaryArithmetic(operator, a, b));
      }
      expressions.add(new UnaryMinus(a));
      expressions.add(new Comparison(ComparisonOperator.LESS_THAN, a, b));
      Object[][] rows = {{values[i][0], values[i][1]},
          {((BigDecimal) values[i][0]).negate(), ((BigDecimal) values[i][1]).negate()}, {null, values[i][1]},
          {values[i][0], null}};
      List<List<Object>> results = differential.project(input, expressions, true, rows);
      differential.project(input, expressions, false, rows);
      // Checked on Spark 4.2.0 (+, -, *, /, % of the first row).
      if (i == 0) {
        assertEquals(List.of(new BigDecimal("13.840"), new BigDecimal("10.840"), new BigDecimal("18.51000"),
            new BigDecimal("8.22666667"), new BigDecimal("0.340")), results.get(0).subList(0, 5));
      } else if (i == 2) {
        assertEquals(List.of(new BigDecimal("116.4"), new BigDecimal("130.4"), new BigDecimal("-863.8"),
            new BigDecimal("-17.628571"), new BigDecimal("4.4")), results.get(0).subList(0, 5));
      }
    }
  }

  @Test
  void compactDecimalProductIntoWideTypeKeepsEveryDigit() {
    // decimal(15,2) * decimal(16,2) is decimal(32,4): computed as a 128-bit product, also past 2^63.
    DecimalType price = new DecimalType(15, 2);
    DecimalType factor = new DecimalType(16, 2);
    StructType input = new StructType().add("a", price).add("b", factor);
    List<Expression> product = List.of(new BinaryArithmetic(ArithmeticOperator.MULTIPLY, ref(0, price),
        ref(1, factor)));
    BigDecimal largest = new BigDecimal("9999999999999.99");
    BigDecimal largestFactor = new BigDecimal("99999999999999.99");
    Object[][] rows = {{new BigDecimal("12345.67"), new BigDecimal("0.96")},
        {largest, largestFactor}, {largest.negate(), largestFactor}, {largest, largestFactor.negate()},
        {new BigDecimal("0.00"), largestFactor.negate()}, {null, largestFactor}};
    List<List<Object>> results = differential.project(input, product, true, rows);
    differential.project(input, product, false, rows);
    for (int i = 0; i < rows.length - 1; i++) {
      BigDecimal expected = ((BigDecimal) rows[i][0]).multiply((BigDecimal) rows[i][1]);
      assertEquals(List.of(expected), results.get(i), "row " + i);
      assertEquals(4, ((BigDecimal) results.get(i).get(0)).scale(), "row " + i);
    }
    assertEquals(row((Object) null), results.get(rows.length - 1));
  }

  @Test
  void wideDecimalProductAtCombinedScaleFitsOrOverflows() {
    // decimal(32,4) * decimal(16,2) is decimal(38,6) (Q1's charge): long-sized values take the
    // 64-bit path; a product past 32 integral digits is NUMERIC_VALUE_OUT_OF_RANGE, or null without ANSI.
    DecimalType wide = new DecimalType(32, 4);
    DecimalType factor = new DecimalType(16, 2);
    StructType input = new StructType().add("a", wide).add("b", factor);
    List<Expression> product = List.of(new BinaryArithmetic(ArithmeticOperator.MULTIPLY, ref(0, wide),
        ref(1, factor)));
    BigDecimal huge = new BigDecimal("9999999999999999999999999999.9999");
    Object[][] rows = {{new BigDecimal("11851.8432"), new BigDecimal("1.08")},
        {new BigDecimal("-922337203685477.5807"), new BigDecimal("99.99")},
        {new BigDecimal("123456789012345678901234.5678"), new BigDecimal("-10.00")}};
    List<List<Object>> results = differential.project(input, product, true, rows);
    differential.project(input, product, false, rows);
    for (int i = 0; i < rows.length; i++) {
      BigDecimal expected = ((BigDecimal) rows[i][0]).multiply((BigDecimal) rows[i][1]);
      assertEquals(List.of(expected), results.get(i), "row " + i);
    }
    Object[] overflowing = {huge, new BigDecimal("99999.00")};
    assertTrue(differential.error(input, product, true, overflowing).startsWith("NUMERIC_VALUE_OUT_OF_RANGE"));
    assertEquals(List.of(row((Object) null)), differential.project(input, product, false, overflowing));
  }

  @Test
  void productOfAWideProductKeepsItsWordsFallsBackPastALongAndOverflows() {
    // a * b is decimal(37,4) and (a * b) * c decimal(38,6): the inner product is computed as 128-bit
    // words, the outer from those words while they fit a long and through BigDecimal past that.
    DecimalType operand = new DecimalType(18, 2);
    DecimalType factor = new DecimalType(16, 2);
    StructType input = new StructType().add("a", operand).add("b", operand).add("c", factor);
    Expression inner = new BinaryArithmetic(ArithmeticOperator.MULTIPLY, ref(0, operand), ref(1, operand));
    List<Expression> products = List.of(new BinaryArithmetic(ArithmeticOperator.MULTIPLY, inner, ref(2, factor)),
        new BinaryArithmetic(ArithmeticOperator.MULTIPLY, ref(2, factor), inner));
    BigDecimal large = new BigDecimal("9999999999999999.99");
    Object[][] rows = {{new BigDecimal("12.34"), new BigDecimal("-5.67"), new BigDecimal("1.08")},
        {large, large, new BigDecimal("1.00")}, {large.negate(), large, new BigDecimal("-1.00")},
        {new BigDecimal("92233720.36"), new BigDecimal("100000000.00"), new BigDecimal("-0.01")},
        {null, large, new BigDecimal("1.00")}, {large, large, null}};
    List<List<Object>> results = differential.project(input, products, true, rows);
    differential.project(input, products, false, rows);
    for (int i = 0; i < 4; i++) {
      BigDecimal expected = ((BigDecimal) rows[i][0]).multiply((BigDecimal) rows[i][1])
          .multiply((BigDecimal) rows[i][2]);
      assertEquals(List.of(expected, expected), results.get(i), "row " + i);
      assertEquals(6, ((BigDecimal) results.get(i).get(0)).scale(), "row " + i);
    }
    assertEquals(row(null, null), results.get(4));
    assertEquals(row(null, null), results.get(5));
    // 32 integral digits times 10 need 33: more than decimal(38,6) holds.
    Object[] overflowing = {large, large, new BigDecimal("10.00")};
    assertTrue(differential.error(input, products.subList(0, 1), true, overflowing)
        .startsWith("NUMERIC_VALUE_OUT_OF_RANGE"));
    assertEquals(List.of(row(null, null)), differential.project(input, products, false, overflowing));
  }

  @Test
  void castsToString() {
    DataType[] types = {DataTypes.BooleanType, DataTypes.ByteType, DataTypes.IntegerType, DataTypes.LongType,
        DataTypes.FloatType, DataTypes.DoubleType, SMALL_DECIMAL, WIDE_DECIMAL, DataTypes.DateType,
        DataTypes.TimestampType};
    for (Object[] sample : SAMPLES) {
      DataType type = (DataType) sample[0];
      if (!java.util.Arrays.asList(types).contains(type)) {
        continue;
      }
      BoundReference a = ref(0, type);
      Expression text = new Cast(a, DataTypes.StringType, true, true);
      // Through a projection and a later comparison of the computed string with a literal.
      StructType inner = new StructType().add("t", DataTypes.StringType);
      BoundReference t = new BoundReference(0, DataTypes.StringType, true);
      StructType outer = new StructType().add("t", DataTypes.StringType).add("big", DataTypes.BooleanType);
      dev.ember.codegen.spec.PipelineSpec spec = new dev.ember.codegen.spec.PipelineSpec(2, pairSchema(type),
          List.of(new dev.ember.codegen.spec.ProjectStep(List.of(text), inner),
              new dev.ember.codegen.spec.ProjectStep(List.of(t,
                  new Comparison(ComparisonOperator.GREATER_THAN, t, Literal.fromJava("1"))), outer)),
          new dev.ember.codegen.spec.BatchOutput(outer));
      differential.run(spec, true, pairRows(sample));
    }
    // Spark 4.2.0: CAST(12 AS STRING) = '12', CAST(1.5D AS STRING) = '1.5', CAST(1e20D AS STRING) = '1.0E20'.
    StructType input = new StructType().add("i", DataTypes.IntegerType).add("d", DataTypes.DoubleType);
    assertEquals(List.of(row("12", "1.5"), row("-3", "1.0E20")), differential.project(input,
        List.of(new Cast(ref(0, DataTypes.IntegerType), DataTypes.StringType, true, true),
            new Cast(ref(1, DataTypes.DoubleType), DataTypes.StringType, true, true)), true,
        new Object[] {12, 1.5}, new Object[] {-3, 1e20}));
  }

  @Test
  void decimalErrorsAndNulls() {
    StructType input = new StructType().add("a", SMALL_DECIMAL).add("b", SMALL_DECIMAL);
    List<Expression> division = List.of(new BinaryArithmetic(ArithmeticOperator.DIVIDE, ref(0, SMALL_DECIMAL),
        ref(1, SMALL_DECIMAL)));
    assertTrue(differential.error(input, division, true, new Object[] {new BigDecimal("1.00"),
        new BigDecimal("0.00")}).startsWith("DIVIDE_BY_ZERO"));
    assertEquals(List.of(row((Object) null)), differential.project(input, division, false,
        new Object[] {new BigDecimal("1.00"), new BigDecimal("0.00")}));
    DecimalType big = new DecimalType(38, 0);
    StructType wide = new StructType().add("a", big).add("b", big);
    List<Expression> sum = List.of(new BinaryArithmetic(ArithmeticOperator.ADD, ref(0, big), ref(1, big)));
    BigDecimal nines = new BigDecimal("9".repeat(38));
    assertTrue(differential.error(wide, sum, true, new Object[] {nines, nines})
        .startsWith("NUMERIC_VALUE_OUT_OF_RANGE"));
    assertEquals(List.of(row((Object) null)), differential.project(wide, sum, false, new Object[] {nines, nines}));
  }

  @Test
  void decimalCasts() {
    DataType[] others = {DataTypes.ByteType, DataTypes.IntegerType, DataTypes.LongType, DataTypes.FloatType,
        DataTypes.DoubleType};
    Object[][] values = {{(byte) 12, (byte) -3}, {123456, -7}, {9_000_000_000L, -1L}, {1.135f, -2.5f},
        {1.135, Double.NaN}};
    DecimalType[] targets = {SMALL_DECIMAL, new DecimalType(4, 1), WIDE_DECIMAL};
    for (int i = 0; i < others.length; i++) {
      List<Expression> expressions = new ArrayList<>();
      for (DecimalType target : targets) {
        expressions.add(new Cast(ref(0, others[i]), target, true, false));
      }
      differential.project(new StructType().add("a", others[i]), expressions, false,
          new Object[] {values[i][0]}, new Object[] {values[i][1]}, new Object[] {null});
    }
    for (DecimalType source : new DecimalType[] {SMALL_DECIMAL, WIDE_DECIMAL}) {
      List<Expression> expressions = new ArrayList<>();
      for (DataType target : new DataType[] {DataTypes.ByteType, DataTypes.IntegerType, DataTypes.LongType,
          DataTypes.FloatType, DataTypes.DoubleType, new DecimalType(6, 1), WIDE_DECIMAL}) {
        expressions.add(new Cast(ref(0, source), target, true, false));
      }
      differential.project(new StructType().add("a", source), expressions, false,
          new Object[] {new BigDecimal("123.45").setScale(source.scale())},
          new Object[] {new BigDecimal("-99999.99").setScale(source.scale())}, new Object[] {null});
    }
    assertTrue(differential.error(new StructType().add("a", DataTypes.IntegerType),
        List.of(new Cast(ref(0, DataTypes.IntegerType), new DecimalType(4, 1), true, true)), true,
        new Object[] {123456}).startsWith("NUMERIC_VALUE_OUT_OF_RANGE"));
  }

  @Test
  void aNullLeftOperandSkipsTheRightOne() {
    // Spark 4.2.0 (ANSI): NULL / 0.0D, NULL % 0 and NULL > (1.0D / 0.0D) are null, not DIVIDE_BY_ZERO.
    StructType input = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType)
        .add("c", DataTypes.IntegerType);
    BoundReference a = ref(0, DataTypes.DoubleType);
    BoundReference b = ref(1, DataTypes.DoubleType);
    BoundReference c = ref(2, DataTypes.IntegerType);
    List<Expression> expressions = List.of(
        new BinaryArithmetic(ArithmeticOperator.DIVIDE, a, b),
        new BinaryArithmetic(ArithmeticOperator.REMAINDER, new Cast(a, DataTypes.IntegerType, true, true), c),
        new Comparison(ComparisonOperator.GREATER_THAN, a,
            new BinaryArithmetic(ArithmeticOperator.DIVIDE, new Literal(1.0, DataTypes.DoubleType), b)));
    // All three kernels (generated raw, generated checked, interpreted) must agree.
    List<List<Object>> rows = differential.project(input, expressions, true,
        new Object[] {null, 0.0, 0}, new Object[] {null, 0.0, 0});
    assertEquals(List.of(Arrays.asList(null, null, null), Arrays.asList(null, null, null)), rows);
  }
}
