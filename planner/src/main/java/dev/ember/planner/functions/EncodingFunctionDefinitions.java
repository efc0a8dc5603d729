package dev.ember.planner.functions;

import dev.ember.planner.functions.ScalarFunction.Nullability;
import dev.ember.runtime.functions.EncodingFunctions;
import dev.ember.runtime.functions.FormatFunctions;
import dev.ember.runtime.functions.StringSimilarityFunctions;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructType;
import java.util.List;

/**
 * Spark's encoding and miscellaneous string functions: base64, unbase64, encode, decode, ascii,
 * chr (char), levenshtein, soundex, format_number and format_string (printf). Names, argument casts, result types and
 * nullability were observed on Spark 4.2.0.
 */
public final class EncodingFunctionDefinitions {
  private EncodingFunctionDefinitions() {}

  /** Text; binaries are cast to text too (encode(X'01', 'utf-8')). */
  private static final ArgumentType TEXT_OR_BINARY = new ArgumentType("\"STRING\"", DataTypes.StringType::equals,
      from -> from instanceof BinaryType ? DataTypes.StringType : ArgumentType.STRING.coercionTarget(from));

  /** ascii takes anything Spark can write as text, booleans and binaries included (ascii(true) is 116). */
  private static final ArgumentType ANY_AS_TEXT = new ArgumentType("\"STRING\"", DataTypes.StringType::equals,
      from -> from instanceof BooleanType ? DataTypes.StringType : TEXT_OR_BINARY.coercionTarget(from));

  /** chr: any number or numeric text becomes bigint. */
  private static final ArgumentType CHARACTER_CODE = new ArgumentType("\"BIGINT\"", DataTypes.LongType::equals,
      from -> from.isNumeric() || from instanceof StringType || from instanceof NullType ? DataTypes.LongType : null);

  /**
   * format_number's number: any numeric type (smaller integrals widened to bigint, which formats the
   * same); unlike NUMERIC, text is rejected.
   */
  private static final ArgumentType NUMBER = new ArgumentType("\"NUMERIC\"",
      type -> type.isNumeric() && (ImplicitCasts.integralRank(type) == 0 || type instanceof LongType),
      from -> from.isNumeric() ? DataTypes.LongType : from instanceof NullType ? DataTypes.DoubleType : null);

  /**
   * format_number's second argument: a count of decimals (int) or a DecimalFormat pattern (string).
   * Spark casts nothing else to them, not even a smallint.
   */
  private static final ArgumentType DECIMALS_OR_PATTERN = new ArgumentType("(\"INT\" or \"STRING\")",
      type -> type instanceof IntegerType || type instanceof StringType,
      from -> from instanceof NullType ? DataTypes.IntegerType : null);

  public static final ScalarFunction BASE64 = ScalarFunction.builder("base64").arguments(ArgumentType.BINARY)
      .returns(DataTypes.StringType).implementedBy(EncodingFunctions.class).build();

  public static final ScalarFunction UNBASE64 = ScalarFunction.builder("unbase64").arguments(ArgumentType.STRING)
      .returns(DataTypes.BinaryType).implementedBy(EncodingFunctions.class).build();

  public static final ScalarFunction ENCODE = ScalarFunction.builder("encode")
      .arguments(TEXT_OR_BINARY, ArgumentType.STRING)
      .returns(DataTypes.BinaryType).nullability(Nullability.ALWAYS)
      .implementedBy(EncodingFunctions.class).build();

  public static final ScalarFunction DECODE = ScalarFunction.builder("decode")
      .arguments(ArgumentType.BINARY, ArgumentType.STRING)
      .returns(DataTypes.StringType).nullability(Nullability.ALWAYS)
      .implementedBy(EncodingFunctions.class).build();

  public static final ScalarFunction ASCII = ScalarFunction.builder("ascii").arguments(ANY_AS_TEXT)
      .returns(DataTypes.IntegerType).implementedBy(EncodingFunctions.class).build();

  public static final ScalarFunction CHR = ScalarFunction.builder("chr").arguments(CHARACTER_CODE)
      .returns(DataTypes.StringType).implementedBy(EncodingFunctions.class).build();

  public static final ScalarFunction CHAR = CHR.toBuilder().name("char").prettyName("char").build();

  public static final ScalarFunction LEVENSHTEIN = ScalarFunction.builder("levenshtein")
      .arguments(ArgumentType.STRING, ArgumentType.STRING)
      .returns(DataTypes.IntegerType).implementedBy(StringSimilarityFunctions.class).build();

  public static final ScalarFunction LEVENSHTEIN_WITH_THRESHOLD = LEVENSHTEIN.toBuilder()
      .arguments(ArgumentType.STRING, ArgumentType.STRING, ArgumentType.INT).build();

  public static final ScalarFunction SOUNDEX = ScalarFunction.builder("soundex")
      .arguments(ArgumentType.exactly(DataTypes.StringType))
      .returns(DataTypes.StringType).implementedBy(StringSimilarityFunctions.class).build();

  public static final ScalarFunction FORMAT_NUMBER = ScalarFunction.builder("format_number")
      .arguments(NUMBER, DECIMALS_OR_PATTERN)
      .returns(DataTypes.StringType).nullability(Nullability.ALWAYS)
      .implementedBy(FormatFunctions.class).build();

  /** format_string's values: any atomic type, boxed as they are; a null literal prints as "null". */
  private static final ArgumentType FORMATTABLE = new ArgumentType("\"ANY\"",
      type -> !(type instanceof NullType || type instanceof ArrayType || type instanceof MapType
          || type instanceof StructType),
      from -> from instanceof NullType ? DataTypes.StringType : null);

  /** format_string(format): nothing to substitute. */
  public static final ScalarFunction FORMAT_STRING_ALONE = ScalarFunction.builder("format_string")
      .arguments(ArgumentType.STRING).returns(DataTypes.StringType)
      .implementedBy(FormatFunctions.class).build();

  /** format_string(format, values...): only a null format gives null. */
  public static final ScalarFunction FORMAT_STRING = ScalarFunction.builder("format_string")
      .arguments(ArgumentType.STRING, FORMATTABLE).variadicObjects().nullAware()
      .returns(DataTypes.StringType).nullability(arguments -> arguments.get(0).nullable())
      .implementedBy(FormatFunctions.class).build();

  public static final ScalarFunction PRINTF_ALONE = FORMAT_STRING_ALONE.toBuilder().name("printf")
      .prettyName("printf").build();

  public static final ScalarFunction PRINTF = FORMAT_STRING.toBuilder().name("printf").prettyName("printf").build();

  public static final List<ScalarFunction> ALL = List.of(BASE64, UNBASE64, ENCODE, DECODE, ASCII, CHR, CHAR,
      LEVENSHTEIN, LEVENSHTEIN_WITH_THRESHOLD, SOUNDEX, FORMAT_NUMBER, FORMAT_STRING_ALONE, FORMAT_STRING,
      PRINTF_ALONE, PRINTF);
}
