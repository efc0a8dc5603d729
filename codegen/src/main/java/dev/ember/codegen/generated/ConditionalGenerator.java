package dev.ember.codegen.generated;

import dev.ember.planner.expressions.CaseWhen;
import dev.ember.planner.expressions.Coalesce;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.GreatestLeast;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.In;
import dev.ember.sql.types.DataType;

/**
 * Code for the conditionals. Each branch's code is written inside the block that chooses it, so a
 * value is computed only when it is the result (and an ANSI error in another branch never fires);
 * {@code IN} stops at the first match. Results are held in one local per expression; strings as
 * byte[] (copied out of Arrow memory only when chosen).
 */
final class ConditionalGenerator {
  private final ExpressionGenerator expressions;

  ConditionalGenerator(ExpressionGenerator expressions) {
    this.expressions = expressions;
  }

  ExprValue ifThenElse(If expression, ColumnReader columns, MethodScope scope) {
    CodeBuilder code = scope.code();
    String name = declare(expression.dataType(), "if", scope);
    ExprValue predicate = expressions.generate(expression.predicate(), columns, scope);
    code.open("if (" + isTrue(predicate) + ") {");
    assign(name, expressions.generate(expression.trueValue(), columns, scope), code);
    code.orElse();
    assign(name, expressions.generate(expression.falseValue(), columns, scope), code);
    code.close();
    return result(expression.dataType(), name);
  }

  ExprValue caseWhen(CaseWhen expression, ColumnReader columns, MethodScope scope) {
    CodeBuilder code = scope.code();
    String name = declare(expression.dataType(), "caseWhen", scope);
    for (int i = 0; i < expression.conditions().size(); i++) {
      ExprValue condition = expressions.generate(expression.conditions().get(i), columns, scope);
      code.open("if (" + isTrue(condition) + ") {");
      assign(name, expressions.generate(expression.values().get(i), columns, scope), code);
      code.orElse();
    }
    if (expression.hasElse()) {
      assign(name, expressions.generate(expression.elseValue(), columns, scope), code);
    }
    for (int i = 0; i < expression.conditions().size(); i++) {
      code.close();
    }
    return result(expression.dataType(), name);
  }

  ExprValue coalesce(Coalesce expression, ColumnReader columns, MethodScope scope) {
    CodeBuilder code = scope.code();
    String name = declare(expression.dataType(), "coalesce", scope);
    int blocks = 0;
    for (Expression argument : expression.arguments()) {
      if (blocks > 0 || argument != expression.arguments().get(0)) {
        code.open("if (" + name + "Null) {");
        blocks++;
      }
      assign(name, expressions.generate(argument, columns, scope), code);
    }
    for (int i = 0; i < blocks; i++) {
      code.close();
    }
    return result(expression.dataType(), name);
  }

  ExprValue in(In expression, ColumnReader columns, MethodScope scope) {
    CodeBuilder code = scope.code();
    String name = scope.fresh("in");
    code.line("boolean " + name + " = false;");
    code.line("boolean " + name + "Null = true;");
    ExprValue value = expressions.generate(expression.value(), columns, scope);
    code.open("if (!" + value.isNull() + ") {");
    code.line("boolean " + name + "SawNull = false;");
    int blocks = 0;
    for (Expression element : expression.list()) {
      if (element != expression.list().get(0)) {
        code.open("if (!" + name + ") {");
        blocks++;
      }
      ExprValue item = expressions.generate(element, columns, scope);
      code.open("if (" + item.isNull() + ") {").line(name + "SawNull = true;").orElse()
          .line(name + " = " + ExpressionGenerator.compare(ComparisonOperator.EQUAL_TO, value, item) + ";").close();
    }
    for (int i = 0; i < blocks; i++) {
      code.close();
    }
    code.line(name + "Null = !" + name + " && " + name + "SawNull;");
    code.close();
    return ExprValue.of(expression.dataType(), name + "Null", name);
  }

  /** All arguments are evaluated, as in Spark; nulls are skipped. */
  ExprValue greatestLeast(GreatestLeast expression, ColumnReader columns, MethodScope scope) {
    CodeBuilder code = scope.code();
    DataType type = expression.dataType();
    String name = declare(type, expression.prettyName(), scope);
    ExprValue current = result(type, name);
    ComparisonOperator better = expression.greatest() ? ComparisonOperator.GREATER_THAN
        : ComparisonOperator.LESS_THAN;
    for (Expression argument : expression.arguments()) {
      ExprValue value = expressions.generate(argument, columns, scope);
      code.open("if (!" + value.isNull() + " && (" + name + "Null || "
          + ExpressionGenerator.compare(better, value, current) + ")) {");
      assign(name, value, code);
      code.close();
    }
    return current;
  }

  private static String declare(DataType type, String prefix, MethodScope scope) {
    String name = scope.fresh(prefix);
    boolean bytes = JavaTypes.isBytes(type);
    scope.code().line((bytes ? "byte[]" : JavaTypes.javaType(type)) + " " + name + " = "
        + (bytes ? "null" : JavaTypes.defaultValue(type)) + ";");
    scope.code().line("boolean " + name + "Null = true;");
    return name;
  }

  private static void assign(String name, ExprValue value, CodeBuilder code) {
    code.line(name + "Null = " + value.isNull() + ";");
    if (JavaTypes.isBytes(value.type())) {
      String bytes = value.isByteArray() ? value.byteArray()
          : "GeneratedRuntime.copyBytes(" + value.bytesArguments() + ")";
      code.open("if (!" + name + "Null) {").line(name + " = " + bytes + ";").close();
    } else {
      code.line(name + " = " + value.value() + ";");
    }
  }

  private static ExprValue result(DataType type, String name) {
    return JavaTypes.isBytes(type) ? ExprValue.byteArray(type, name + "Null", name)
        : ExprValue.of(type, name + "Null", name);
  }

  private static String isTrue(ExprValue condition) {
    return condition.neverNull() ? condition.value() : "!" + condition.isNull() + " && " + condition.value();
  }
}
