package dev.ember.codegen.pipeline;

import dev.ember.codegen.spec.BatchOutput;
import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.WindowExpression;
import dev.ember.planner.expressions.WindowFrameSpec;
import dev.ember.planner.expressions.WindowFunctionCall;
import dev.ember.planner.physical.WindowExec;
import dev.ember.runtime.operators.sort.SortKey;
import dev.ember.runtime.operators.window.WindowFrame;
import dev.ember.runtime.operators.window.WindowFunctionKind;
import dev.ember.runtime.operators.window.WindowFunctionSpec;
import dev.ember.runtime.operators.window.WindowSink;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * A window ends its input's pipeline in a {@link WindowSink} (which sorts, then computes the
 * functions); the next pipeline reads the input columns followed by the functions' columns.
 */
final class WindowPipelines {
  private WindowPipelines() {}

  static PipelineBuilder.OpenPipeline window(PipelineBuilder builder, WindowExec window) {
    PipelineBuilder.OpenPipeline open = builder.open(window.child());
    List<AttributeReference> columns = open.columns;
    List<Integer> partitionColumns = new ArrayList<>();
    for (AttributeReference key : window.partitionSpec()) {
      partitionColumns.add(ordinal(key, columns, builder));
    }
    List<SortKey> orderKeys = new ArrayList<>();
    for (SortOrder key : window.orderSpec()) {
      orderKeys.add(new SortKey(ordinal(key.child(), columns, builder), key.ascending(), key.nullsFirst()));
    }
    List<WindowFunctionSpec> functions = new ArrayList<>();
    for (Alias alias : window.windowExpressions()) {
      functions.add(spec(alias, columns, builder));
    }
    StructType schema = open.schema();
    WindowSink sink = new WindowSink(schema, partitionColumns, orderKeys, functions);
    return builder.downstreamOf(builder.close(open, new BatchOutput(schema), sink), window.output());
  }

  private static WindowFunctionSpec spec(Alias alias, List<AttributeReference> columns, PipelineBuilder builder) {
    WindowExpression expression = (WindowExpression) alias.child();
    WindowFrameSpec frame = expression.frame();
    WindowFrame runtimeFrame = new WindowFrame(frame.rows(), frame.lower(), frame.upper());
    StructField output = new StructField(alias.name(), alias.dataType(), alias.nullable());
    if (expression.function() instanceof WindowFunctionCall call) {
      WindowFunctionKind kind = WindowFunctionKind.valueOf(call.function().name());
      int input = call.input() == null ? -1 : ordinal(call.input(), columns, builder);
      int defaultColumn = call.defaultValue() == null ? -1 : ordinal(call.defaultValue(), columns, builder);
      return new WindowFunctionSpec(kind, input, defaultColumn, call.offset(), call.ignoreNulls(), runtimeFrame,
          output);
    }
    AggregateCall call = (AggregateCall) expression.function();
    WindowFunctionKind kind = WindowFunctionKind.valueOf(call.function().name());
    boolean ignoreNulls = !call.options().isEmpty() && call.options().get(0) instanceof Literal literal
        && Boolean.TRUE.equals(literal.value());
    return new WindowFunctionSpec(kind, ordinal(call.argument(), columns, builder), -1, 1, ignoreNulls, runtimeFrame,
        output);
  }

  private static int ordinal(Expression expression, List<AttributeReference> columns, PipelineBuilder builder) {
    int column = expression instanceof AttributeReference attribute ? Binder.ordinalOf(attribute, columns) : -1;
    if (column < 0) {
      throw new IllegalStateException("cannot bind window input " + expression + " in pipeline " + builder.nextId()
          + ": the input has only " + Binder.describe(columns) + "; the planner projects inputs first");
    }
    return column;
  }
}
