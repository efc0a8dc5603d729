package dev.ember.planner.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.runtime.functions.RegexFunctions;
import dev.ember.runtime.functions.StringFunctions;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringFunctionDefinitionsTest {
  private static final List<DataType> FOUR_ARGUMENTS =
      List.of(DataTypes.StringType, DataTypes.StringType, DataTypes.StringType, DataTypes.IntegerType);

  @Test
  void regexFunctionsTakeTheirPatternCacheAndEveryNonConstantArgument() throws Exception {
    assertEquals(RegexFunctions.class.getMethod("regexp_replace", RegexFunctions.PatternCache.class, String.class,
        String.class, String.class), StringFunctionDefinitions.REGEXP_REPLACE.implementation(FOUR_ARGUMENTS));
    // The constant position goes to the state factory instead.
    assertEquals(RegexFunctions.class.getMethod("regexpReplaceCache", int.class, Integer.class),
        StringFunctionDefinitions.REGEXP_REPLACE.stateFactoryMethod(FOUR_ARGUMENTS));
    assertEquals(RegexFunctions.class.getMethod("rlike", RegexFunctions.PatternCache.class, String.class,
        String.class), StringFunctionDefinitions.RLIKE.implementation(List.of(DataTypes.StringType,
            DataTypes.StringType)));
  }

  @Test
  void columnNamesAreSparks() {
    Expression str = new Literal("abc", DataTypes.StringType);
    Expression chars = new Literal("a", DataTypes.StringType);
    assertEquals("TRIM(BOTH a FROM abc)", call(StringFunctionDefinitions.TRIM_CHARACTERS, chars, str));
    assertEquals("abc LIKE a ESCAPE '/'", call(StringFunctionDefinitions.LIKE_ESCAPE, str, chars,
        new Literal("/", DataTypes.StringType)));
    assertEquals("substr(abc, 2, 2147483647)", call(StringFunctionDefinitions.SUBSTR, str, Literal.fromJava(2)));
    assertEquals("locate(a, abc, 1)", call(StringFunctionDefinitions.LOCATE, chars, str));
  }

  @Test
  void paddingBinaryWithBinaryStaysBinary() throws Exception {
    List<Expression> arguments = List.of(new Literal(new byte[] {1}, DataTypes.BinaryType), Literal.fromJava(3),
        new Literal(new byte[] {0}, DataTypes.BinaryType));
    assertEquals(DataTypes.BinaryType, StringFunctionDefinitions.LPAD.resultType(arguments));
    assertEquals(StringFunctions.class.getMethod("lpad", byte[].class, int.class, byte[].class),
        StringFunctionDefinitions.LPAD.implementation(
            List.of(DataTypes.BinaryType, DataTypes.IntegerType, DataTypes.BinaryType)));
  }

  private static String call(ScalarFunction function, Expression... arguments) {
    return new ScalarFunctionCall(function, function.withDefaults(List.of(arguments))).sql();
  }
}
