package dev.ember.planner.analysis;

import static dev.ember.planner.analysis.PlanBuilders.col;
import static dev.ember.planner.analysis.PlanBuilders.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Union;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Union type widening and errors as Spark 4.2 reports them (observed with a probe on local[1]). */
class UnionAnalysisTest {
  private final Analyzer analyzer = new Analyzer(AnalyzerSettings.defaults());

  private LogicalPlan select(Expression... columns) {
    return new Project(List.of(columns), FakeTableSource.allTypes());
  }

  @Test
  void widerTypesFollowSparksAnsiCoercion() {
    assertEquals(DataTypes.LongType, WidenUnionTypes.widerType(DataTypes.IntegerType, DataTypes.LongType).get());
    assertEquals(DataTypes.DoubleType, WidenUnionTypes.widerType(DataTypes.IntegerType, DataTypes.DoubleType).get());
    assertEquals(DataTypes.DoubleType, WidenUnionTypes.widerType(DataTypes.FloatType, DataTypes.LongType).get());
    assertEquals(DataTypes.LongType, WidenUnionTypes.widerType(DataTypes.IntegerType, DataTypes.StringType).get());
    assertEquals(new DecimalType(12, 2),
        WidenUnionTypes.widerType(DataTypes.IntegerType, new DecimalType(3, 2)).get());
    assertEquals(DataTypes.TimestampType,
        WidenUnionTypes.widerType(DataTypes.DateType, DataTypes.TimestampType).get());
    assertEquals(DataTypes.IntegerType, WidenUnionTypes.widerType(DataTypes.NullType, DataTypes.IntegerType).get());
    assertTrue(WidenUnionTypes.widerType(DataTypes.IntegerType, DataTypes.BooleanType).isEmpty());
  }

  @Test
  void narrowerSideIsCastUnderItsOwnNameAndOutputTakesTheLeftNames() {
    Union union = (Union) analyzer.analyze(new Union(select(col("age")), select(col("big"))));
    AttributeReference output = union.output().get(0);
    assertEquals("age", output.name());
    assertEquals(DataTypes.LongType, output.dataType());
    Project left = (Project) union.left();
    assertTrue(left.projectList().get(0) instanceof Alias alias && alias.name().equals("age"),
        left.projectList().toString());
    assertEquals(union.right().output().get(0).dataType(), DataTypes.LongType);
  }

  @Test
  void outputIsNullableWhenEitherSideIs() {
    Union union = (Union) analyzer.analyze(new Union(select(lit(1)), select(col("age"))));
    assertFalse(union.left().output().get(0).nullable());
    assertTrue(union.output().get(0).nullable());
  }

  @Test
  void mismatchedInputsFailWithTheOperatorsName() {
    AnalysisException count = assertThrows(AnalysisException.class,
        () -> analyzer.analyze(new Union(select(col("age"), col("big")), select(col("age")), "INTERSECT")));
    assertEquals("NUM_COLUMNS_MISMATCH", count.getCondition());
    assertTrue(count.getMessage().startsWith("[NUM_COLUMNS_MISMATCH] INTERSECT can only be performed on inputs"
        + " with the same number of columns, but the first input has 2 columns and the second input has 1"
        + " columns. SQLSTATE: 42826;\n"), count.getMessage());
    AnalysisException types = assertThrows(AnalysisException.class,
        () -> analyzer.analyze(new Union(select(col("age")), select(lit(true)))));
    assertEquals("INCOMPATIBLE_COLUMN_TYPE", types.getCondition());
    assertTrue(types.getMessage().startsWith("[INCOMPATIBLE_COLUMN_TYPE] UNION can only be performed on tables with"
        + " compatible column types. The first column of the second table is \"BOOLEAN\" type which is not"
        + " compatible with \"INT\" at the same column of the first table.. SQLSTATE: 42825;\n"), types.getMessage());
  }
}
