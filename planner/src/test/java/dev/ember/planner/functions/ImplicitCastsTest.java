package dev.ember.planner.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** Spark 4.2.0 casts any number to a function's int argument (substring(s, bigint, 2)), but never a boolean. */
class ImplicitCastsTest {
  @Test
  void argumentsNarrowAnyNumberButCoercionElsewhereDoesNot() {
    assertTrue(ImplicitCasts.allowedForArgument(DataTypes.LongType, DataTypes.IntegerType));
    assertTrue(ImplicitCasts.allowedForArgument(DataTypes.DoubleType, DataTypes.IntegerType));
    assertTrue(ImplicitCasts.allowedForArgument(DataTypes.createDecimalType(10, 2), DataTypes.ShortType));
    assertTrue(ImplicitCasts.allowedForArgument(DataTypes.StringType, DataTypes.IntegerType));
    assertFalse(ImplicitCasts.allowedForArgument(DataTypes.BooleanType, DataTypes.IntegerType));
    assertFalse(ImplicitCasts.allowed(DataTypes.LongType, DataTypes.IntegerType));
  }

  @Test
  void anIntArgumentCastsABigint() {
    assertEquals(DataTypes.IntegerType, ArgumentType.INT.coercionTarget(DataTypes.LongType));
    assertNull(ArgumentType.INT.coercionTarget(DataTypes.IntegerType));
    assertNull(ArgumentType.INT.coercionTarget(DataTypes.DateType));
  }
}
