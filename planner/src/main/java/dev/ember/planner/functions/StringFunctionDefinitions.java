package dev.ember.planner.functions;

import static dev.ember.planner.functions.ArgumentType.INT;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.functions.ScalarFunction.Nullability;
import dev.ember.runtime.functions.RegexFunctions;
import dev.ember.runtime.functions.StringFunctions;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.util.List;

/**
 * Spark's string functions: names, column names, result types and nullability observed on Spark
 * 4.2.0; the values come from {@link StringFunctions} and, for regular expressions and LIKE, from
 * {@link RegexFunctions}, whose compiled patterns are kept per kernel as per-partition state.
 */
public final class StringFunctionDefinitions {
  private StringFunctionDefinitions() {}

  // ---------------------------------------------------------------------------------------------
  // Argument types.

  /** Types Spark turns into their text where a string is expected: upper(1), length(true). */
  private static boolean castsToText(DataType type) {
    return type.isNumeric() || type instanceof NullType || type instanceof DateType || type instanceof TimestampType
        || type instanceof TimestampNTZType || type instanceof BooleanType || type instanceof BinaryType;
  }

  /** A string; numbers, booleans, dates, timestamps and binaries become their text. */
  private static final ArgumentType TEXT = new ArgumentType("\"STRING\"", StringType.class::isInstance,
      from -> castsToText(from) ? DataTypes.StringType : null);

  /** A string or binary as it is; other types become text. */
  private static final ArgumentType TEXT_OR_BINARY = new ArgumentType("(\"STRING\" or \"BINARY\")",
      type -> type instanceof StringType || type instanceof BinaryType,
      from -> castsToText(from) ? DataTypes.StringType : null);

  private static Literal text(String value) {
    return new Literal(value, DataTypes.StringType);
  }

  private static Literal integer(int value) {
    return new Literal(value, DataTypes.IntegerType);
  }

  /** lpad and rpad: binary when the value and the pad are binary, else string. */
  private static DataType paddedType(List<Expression> arguments) {
    return arguments.get(0).dataType() instanceof BinaryType && arguments.get(2).dataType() instanceof BinaryType
        ? DataTypes.BinaryType : DataTypes.StringType;
  }

  private static Nullability argumentNullable(int... indexes) {
    return arguments -> {
      for (int index : indexes) {
        if (arguments.get(index).nullable()) {
          return true;
        }
      }
      return false;
    };
  }

  private static ScalarFunction.Builder function(String name, DataType result, ArgumentType... arguments) {
    return ScalarFunction.builder(name).arguments(arguments).returns(result).implementedBy(StringFunctions.class);
  }

  private static ScalarFunction alias(ScalarFunction function, String name) {
    return function.toBuilder().name(name).prettyName(name).build();
  }

  // ---------------------------------------------------------------------------------------------
  // Case and length.

  public static final ScalarFunction UPPER = function("upper", DataTypes.StringType, TEXT).build();
  public static final ScalarFunction UCASE = alias(UPPER, "ucase");
  public static final ScalarFunction LOWER = function("lower", DataTypes.StringType, TEXT).build();
  public static final ScalarFunction LCASE = alias(LOWER, "lcase");
  public static final ScalarFunction INITCAP = function("initcap", DataTypes.StringType, TEXT).build();

  public static final ScalarFunction LENGTH = function("length", DataTypes.IntegerType, TEXT_OR_BINARY).build();
  public static final ScalarFunction CHAR_LENGTH = alias(LENGTH, "char_length");
  public static final ScalarFunction CHARACTER_LENGTH = alias(LENGTH, "character_length");
  public static final ScalarFunction OCTET_LENGTH =
      function("octet_length", DataTypes.IntegerType, TEXT_OR_BINARY).build();
  public static final ScalarFunction BIT_LENGTH = function("bit_length", DataTypes.IntegerType, TEXT_OR_BINARY).build();

  // ---------------------------------------------------------------------------------------------
  // Trimming and padding.

  public static final ScalarFunction TRIM = function("trim", DataTypes.StringType, TEXT).build();
  public static final ScalarFunction LTRIM = function("ltrim", DataTypes.StringType, TEXT).build();
  public static final ScalarFunction RTRIM = function("rtrim", DataTypes.StringType, TEXT).build();

  /** {@code trim(chars, source)}: Spark names it {@code TRIM(BOTH chars FROM source)}. */
  private static ScalarFunction trimCharacters(String name, String side, String method) {
    return function(name, DataTypes.StringType, TEXT, TEXT)
        .sql((prettyName, arguments) -> "TRIM(" + side + " " + arguments.get(0).sql() + " FROM "
            + arguments.get(1).sql() + ")")
        .implementedBy(StringFunctions.class, method).build();
  }

  public static final ScalarFunction TRIM_CHARACTERS = trimCharacters("trim", "BOTH", "trimBoth");
  public static final ScalarFunction LTRIM_CHARACTERS = trimCharacters("ltrim", "LEADING", "trimLeading");
  public static final ScalarFunction RTRIM_CHARACTERS = trimCharacters("rtrim", "TRAILING", "trimTrailing");

  /** {@code btrim(source[, chars])}: the source comes first here. */
  public static final ScalarFunction BTRIM = function("btrim", DataTypes.StringType, TEXT).build();
  public static final ScalarFunction BTRIM_CHARACTERS = function("btrim", DataTypes.StringType, TEXT, TEXT).build();

  public static final ScalarFunction LPAD = function("lpad", DataTypes.StringType, TEXT_OR_BINARY, INT, TEXT_OR_BINARY)
      .defaults(text(" ")).returns(StringFunctionDefinitions::paddedType).build();
  public static final ScalarFunction RPAD = LPAD.toBuilder().name("rpad").prettyName("rpad")
      .implementedBy(StringFunctions.class, "rpad").build();

  // ---------------------------------------------------------------------------------------------
  // Substrings.

  public static final ScalarFunction SUBSTRING = function("substring", DataTypes.StringType, TEXT_OR_BINARY, INT, INT)
      .defaults(integer(Integer.MAX_VALUE)).returns(ScalarFunction.ResultType.argument(0)).build();
  public static final ScalarFunction SUBSTR = alias(SUBSTRING, "substr");
  public static final ScalarFunction SUBSTRING_INDEX =
      function("substring_index", DataTypes.StringType, TEXT, TEXT, INT).build();
  /**
   * {@code overlay(input, replace, pos[, len])}, also written {@code OVERLAY(input PLACING replace FROM
   * pos FOR len)}: string or binary, which {@code StringFunctionBuilders} keeps apart.
   */
  public static final ScalarFunction OVERLAY = function("overlay", DataTypes.StringType, TEXT_OR_BINARY,
      TEXT_OR_BINARY, INT, INT).defaults(integer(-1)).returns(ScalarFunction.ResultType.argument(0)).build();
  public static final ScalarFunction LEFT = function("left", DataTypes.StringType, TEXT, INT).build();
  /** Spark says nullable even for a non-null string (it is defined as {@code if(isnull(str), null, ...)}). */
  public static final ScalarFunction RIGHT = function("right", DataTypes.StringType, TEXT, INT)
      .nullability(Nullability.ALWAYS).build();

  // ---------------------------------------------------------------------------------------------
  // Joining and repeating.

  /** Strings only: numbers and binaries become text (Spark keeps an all-binary concat binary). */
  public static final ScalarFunction CONCAT = function("concat", DataTypes.StringType, TEXT).variadic().build();
  /** All binaries: binary, as in Spark; {@code StringFunctionBuilders} chooses it. Not registered by name. */
  public static final ScalarFunction CONCAT_BINARY = function("concat", DataTypes.BinaryType,
      ArgumentType.BINARY).variadic().build();
  public static final ScalarFunction CONCAT_NOTHING = function("concat", DataTypes.StringType)
      .nullability(Nullability.NEVER).implementedBy(StringFunctions.class, "concatNothing").build();

  /** Skips null values; null only for a null separator. */
  public static final ScalarFunction CONCAT_WS = function("concat_ws", DataTypes.StringType, TEXT, TEXT).variadic()
      .nullAware().nullability(argumentNullable(0)).build();
  public static final ScalarFunction CONCAT_WS_NOTHING = function("concat_ws", DataTypes.StringType, TEXT)
      .nullAware().nullability(argumentNullable(0)).build();

  public static final ScalarFunction REPEAT = function("repeat", DataTypes.StringType, TEXT, INT).build();
  public static final ScalarFunction SPACE = function("space", DataTypes.StringType, INT).build();
  public static final ScalarFunction REVERSE = function("reverse", DataTypes.StringType, TEXT).build();

  // ---------------------------------------------------------------------------------------------
  // Searching.

  public static final ScalarFunction INSTR = function("instr", DataTypes.IntegerType, TEXT, TEXT).build();

  /** A null start gives 0, not null, so only the strings make it nullable. */
  public static final ScalarFunction LOCATE = function("locate", DataTypes.IntegerType, TEXT, TEXT, INT)
      .defaults(integer(1)).nullAware().nullability(argumentNullable(0, 1)).build();
  public static final ScalarFunction POSITION = LOCATE.toBuilder().name("position").prettyName("position")
      .implementedBy(StringFunctions.class, "locate").build();

  public static final ScalarFunction STARTSWITH =
      function("startswith", DataTypes.BooleanType, TEXT_OR_BINARY, TEXT_OR_BINARY).build();
  public static final ScalarFunction ENDSWITH =
      function("endswith", DataTypes.BooleanType, TEXT_OR_BINARY, TEXT_OR_BINARY).build();
  public static final ScalarFunction CONTAINS =
      function("contains", DataTypes.BooleanType, TEXT_OR_BINARY, TEXT_OR_BINARY).build();

  // ---------------------------------------------------------------------------------------------
  // Rewriting.

  public static final ScalarFunction REPLACE = function("replace", DataTypes.StringType, TEXT, TEXT, TEXT)
      .defaults(text("")).build();
  public static final ScalarFunction TRANSLATE = function("translate", DataTypes.StringType, TEXT, TEXT, TEXT).build();

  // ---------------------------------------------------------------------------------------------
  // Regular expressions and LIKE.

  private static ScalarFunction.Builder regex(String name, String prettyName, DataType result, String cache,
      String method, ArgumentType... arguments) {
    return ScalarFunction.builder(name).prettyName(prettyName).arguments(arguments).returns(result)
        .perPartitionState(cache).implementedBy(RegexFunctions.class, method);
  }

  public static final ScalarFunction RLIKE =
      regex("rlike", "RLIKE", DataTypes.BooleanType, "rlikeCache", "rlike", TEXT, TEXT).build();
  public static final ScalarFunction REGEXP_LIKE =
      regex("regexp_like", "REGEXP_LIKE", DataTypes.BooleanType, "regexpLikeCache", "rlike", TEXT, TEXT).build();
  public static final ScalarFunction REGEXP =
      regex("regexp", "REGEXP", DataTypes.BooleanType, "regexpCache", "rlike", TEXT, TEXT).build();

  /** The position must be a constant (Spark's NON_FOLDABLE_INPUT otherwise); it is kept with the pattern. */
  public static final ScalarFunction REGEXP_REPLACE = regex("regexp_replace", "regexp_replace",
      DataTypes.StringType, "regexpReplaceCache", "regexp_replace", TEXT, TEXT, TEXT, INT)
      .defaults(integer(1)).foldable(3).build();
  public static final ScalarFunction REGEXP_EXTRACT = regex("regexp_extract", "regexp_extract",
      DataTypes.StringType, "regexpExtractCache", "regexp_extract", TEXT, TEXT, INT)
      .defaults(integer(1)).build();

  /** The escape character as Spark shows it after ESCAPE: quoted, unless it is a null literal. */
  private static String escapeSql(Expression escape) {
    return escape instanceof Literal literal && literal.value() != null ? "'" + literal.value() + "'" : escape.sql();
  }

  public static final ScalarFunction LIKE = regex("like", "like", DataTypes.BooleanType, "likeCache", "like",
      TEXT, TEXT)
      .sql((name, arguments) -> arguments.get(0).sql() + " LIKE " + arguments.get(1).sql()).build();
  public static final ScalarFunction LIKE_ESCAPE = regex("like", "like", DataTypes.BooleanType, "likeCache", "like",
      TEXT, TEXT, TEXT)
      .sql((name, arguments) -> arguments.get(0).sql() + " LIKE " + arguments.get(1).sql() + " ESCAPE "
          + escapeSql(arguments.get(2))).build();
  public static final ScalarFunction ILIKE = regex("ilike", "ilike", DataTypes.BooleanType, "likeCache", "ilike",
      TEXT, TEXT).build();
  /** Spark leaves the escape character out of ilike's column name. */
  public static final ScalarFunction ILIKE_ESCAPE = regex("ilike", "ilike", DataTypes.BooleanType, "likeCache",
      "ilike", TEXT, TEXT, TEXT)
      .sql((name, arguments) -> "ilike(" + arguments.get(0).sql() + ", " + arguments.get(1).sql() + ")").build();

  public static final List<ScalarFunction> ALL = List.of(
      UPPER, UCASE, LOWER, LCASE, INITCAP, LENGTH, CHAR_LENGTH, CHARACTER_LENGTH, OCTET_LENGTH, BIT_LENGTH,
      TRIM, TRIM_CHARACTERS, LTRIM, LTRIM_CHARACTERS, RTRIM, RTRIM_CHARACTERS, BTRIM, BTRIM_CHARACTERS,
      LPAD, RPAD, SUBSTRING, SUBSTR, SUBSTRING_INDEX, OVERLAY, LEFT, RIGHT, CONCAT, CONCAT_NOTHING, CONCAT_WS,
      CONCAT_WS_NOTHING, REPEAT, SPACE, REVERSE, INSTR, LOCATE, POSITION, STARTSWITH, ENDSWITH, CONTAINS,
      REPLACE, TRANSLATE, RLIKE, REGEXP_LIKE, REGEXP, REGEXP_REPLACE, REGEXP_EXTRACT, LIKE, LIKE_ESCAPE, ILIKE,
      ILIKE_ESCAPE);
}
