package dev.ember.planner.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.runtime.functions.MathFunctions;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarFunctionTest {
  @Test
  void findsTheOverloadForTheArgumentTypesAfterTheContextParameters() throws Exception {
    Method abs = MathFunctionDefinitions.ABS.implementation(List.of(DataTypes.IntegerType));
    assertEquals(MathFunctions.class.getMethod("abs", boolean.class, int.class), abs);
    Method decimal = MathFunctionDefinitions.ABS.implementation(List.of(new DecimalType(10, 2)));
    assertEquals(java.math.BigDecimal.class, decimal.getReturnType());
  }

  @Test
  void aMissingOverloadNamesTheSignatureItNeeds() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> MathFunctionDefinitions.SQRT.implementation(List.of(DataTypes.StringType)));
    assertTrue(error.getMessage().contains("MathFunctions.sqrt(String)"), error.getMessage());
  }

  @Test
  void nullAwareFunctionsTakeBoxedArguments() throws Exception {
    assertEquals(MathFunctions.class.getMethod("isnan", Double.class),
        MathFunctionDefinitions.ISNAN.implementation(List.of(DataTypes.DoubleType)));
  }

  @Test
  void statefulFunctionsTakeTheStateInsteadOfTheirConstantArguments() throws Exception {
    Method rand = MathFunctionDefinitions.RAND.implementation(List.of(DataTypes.LongType));
    assertEquals(List.of(dev.ember.runtime.functions.SparkRandom.class), List.of(rand.getParameterTypes()));
    assertEquals(MathFunctions.class.getMethod("randomState", int.class, Long.class),
        MathFunctionDefinitions.RAND.stateFactoryMethod(List.of(DataTypes.LongType)));
  }

  @Test
  void omittedTrailingArgumentsTakeTheirDefaults() {
    ScalarFunction round = MathFunctionDefinitions.ROUND;
    assertTrue(round.acceptsArgumentCount(1));
    assertTrue(round.acceptsArgumentCount(2));
    assertFalse(round.acceptsArgumentCount(3));
    Expression x = Literal.fromJava(2.5);
    ScalarFunctionCall call = new ScalarFunctionCall(round, round.withDefaults(List.of(x)));
    assertEquals("round(2.5, 0)", call.sql());
  }

  @Test
  void roundingADecimalKeepsRoomForTheCarry() {
    Expression decimal = new Literal(new java.math.BigDecimal("12.345"), new DecimalType(5, 3));
    assertEquals(new DecimalType(3, 0), type(MathFunctionDefinitions.ROUND, decimal, Literal.fromJava(-1)));
    assertEquals(new DecimalType(6, 3), type(MathFunctionDefinitions.ROUND, decimal, Literal.fromJava(5)));
    assertEquals(new DecimalType(3, 0), type(MathFunctionDefinitions.CEIL, decimal), "decimal(5,3) has 2 integral digits, plus 1");
  }

  @Test
  void argumentTypesCastWhatSparkCastsAndNothingElse() {
    assertEquals(DataTypes.DoubleType, ArgumentType.DOUBLE.coercionTarget(DataTypes.StringType));
    assertEquals(DataTypes.DoubleType, ArgumentType.DOUBLE.coercionTarget(DataTypes.IntegerType));
    assertNull(ArgumentType.DOUBLE.coercionTarget(DataTypes.BooleanType));
    assertNull(ArgumentType.DOUBLE.coercionTarget(DataTypes.DoubleType), "accepted as it is");
    assertEquals(DataTypes.DoubleType, ArgumentType.NUMERIC.coercionTarget(DataTypes.StringType));
    assertNull(ArgumentType.NUMERIC.coercionTarget(DataTypes.IntegerType));
    assertFalse(ImplicitCasts.allowed(DataTypes.LongType, DataTypes.IntegerType), "no narrowing");
  }

  @Test
  void commonTypesFollowSparksAnsiRules() {
    assertEquals(new DecimalType(11, 1), CommonTypes.wider(List.of(DataTypes.IntegerType, new DecimalType(2, 1)), true));
    assertEquals(DataTypes.LongType, CommonTypes.wider(List.of(DataTypes.IntegerType, DataTypes.StringType), true));
    assertNull(CommonTypes.wider(List.of(DataTypes.IntegerType, DataTypes.StringType), false));
    assertNull(CommonTypes.wider(List.of(DataTypes.IntegerType, DataTypes.BooleanType), true));
    assertEquals(DataTypes.TimestampType, CommonTypes.wider(List.of(DataTypes.DateType, DataTypes.TimestampType), true));
  }

  @Test
  void everyMathDefinitionHasItsImplementationClassAndAName() {
    for (ScalarFunction function : MathFunctionDefinitions.ALL) {
      assertEquals(function.name(), function.name().toLowerCase(java.util.Locale.ROOT), function.name());
      assertTrue(java.util.Arrays.stream(function.implementationClass().getMethods())
          .anyMatch(method -> java.lang.reflect.Modifier.isStatic(method.getModifiers())), function.name());
    }
  }

  private static DataType type(ScalarFunction function, Expression... arguments) {
    return new ScalarFunctionCall(function, List.of(arguments)).dataType();
  }
}
