package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedStar;
import dev.ember.planner.functions.CollectionFunctionDefinitions;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands {@code *} in a select list (or an aggregate list, as Spark does) into the input's columns.
 * A star anywhere else is left for {@link ResolveFunctions} ({@code count(*)}) or reported.
 *
 * <pre>
 * Project [*]                        Project [name#1, age#2]
 * +- Relation [name#1,age#2] csv  =&gt; +- Relation [name#1,age#2] csv
 * </pre>
 *
 * A qualified star, {@code t.*} (a name ending in {@code .*}), is every column of the table aliased
 * t; failing that, as in Spark, {@code s.*} and {@code t.s.y.*} are every field of that struct,
 * each named after its field.
 */
final class ResolveStar implements AnalyzerRule {
  private final ColumnResolver resolver;
  private final NestedColumns nestedColumns;

  ResolveStar(ColumnResolver resolver) {
    this.resolver = resolver;
    this.nestedColumns = new NestedColumns(resolver);
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!ColumnResolver.childrenReady(node)) {
        return node;
      }
      if (node instanceof Project project && hasStar(project.projectList())) {
        return new Project(expand(project.projectList(), node), project.child());
      }
      if (node instanceof Aggregate aggregate && hasStar(aggregate.aggregateExpressions())) {
        return new Aggregate(aggregate.groupingExpressions(), expand(aggregate.aggregateExpressions(), node),
            aggregate.child());
      }
      return node;
    });
  }

  private static boolean hasStar(List<Expression> expressions) {
    return expressions.stream().anyMatch(expression -> expression instanceof UnresolvedStar
        || qualifiedStar(expression) != null);
  }

  /** The target {@code a} of {@code a.*} (a table alias or a struct column), else null. */
  private static String qualifiedStar(Expression expression) {
    if (expression instanceof UnresolvedAttribute attribute && attribute.name().endsWith(".*")
        && attribute.name().length() > 2) {
      return attribute.name().substring(0, attribute.name().length() - 2);
    }
    return null;
  }

  private List<Expression> expand(List<Expression> expressions, LogicalPlan node) {
    List<Expression> expanded = new ArrayList<>();
    for (Expression expression : expressions) {
      String target = qualifiedStar(expression);
      if (expression instanceof UnresolvedStar) {
        expanded.addAll(node.childOutput());
      } else if (target != null) {
        expanded.addAll(expandQualified(target, node));
      } else {
        expanded.add(expression);
      }
    }
    return expanded;
  }

  private List<Expression> expandQualified(String target, LogicalPlan node) {
    Map<Long, String> qualifiers = Qualifiers.ofInputs(node.children());
    List<String> parts = NameParts.split(target);
    List<Expression> columns = new ArrayList<>();
    if (parts.size() == 1) {
      for (AttributeReference column : node.childOutput()) {
        String qualifier = qualifiers.get(column.exprId());
        if (qualifier != null && resolver.nameMatches(parts.get(0), qualifier)) {
          columns.add(column);
        }
      }
      if (!columns.isEmpty()) {
        return columns;
      }
    }
    Expression struct = structValue(parts, node.childOutput(), qualifiers)
        .orElseThrow(() -> AnalysisErrors.cannotResolveStarExpand(parts,
            node.childOutput().stream().map(AttributeReference::name).toList()));
    if (!(struct.dataType() instanceof StructType type)) {
      throw AnalysisErrors.starExpandOfNonStruct(parts);
    }
    for (int ordinal = 0; ordinal < type.fields().length; ordinal++) {
      StructField field = type.fields()[ordinal];
      columns.add(Alias.of(new ScalarFunctionCall(CollectionFunctionDefinitions.getField(field),
          List.of(struct, Literal.fromJava(ordinal))), field.name()));
    }
    return columns;
  }

  /** The column or nested field the parts name, resolved down to the last struct field. */
  private Optional<Expression> structValue(List<String> parts, List<AttributeReference> input,
      Map<Long, String> qualifiers) {
    if (parts.size() == 1 || parts.size() == 2) {
      Optional<AttributeReference> column = parts.size() == 1 ? resolver.resolve(parts.get(0), input)
          : resolver.resolveQualified(parts.get(0), parts.get(1), input, qualifiers);
      if (column.isPresent()) {
        return Optional.of(column.get());
      }
    }
    return nestedColumns.find(parts, input, qualifiers).map(path -> {
      Expression value = path.column();
      for (String name : path.fields()) {
        if (!(value.dataType() instanceof StructType type)) {
          throw AnalysisErrors.starExpandOfNonStruct(parts);
        }
        int ordinal = fieldIndex(type, name);
        if (ordinal < 0) {
          throw AnalysisErrors.fieldNotFound(name, List.of(type.fieldNames()));
        }
        value = new ScalarFunctionCall(CollectionFunctionDefinitions.getField(type.apply(ordinal)),
            List.of(value, Literal.fromJava(ordinal)));
      }
      return value;
    });
  }

  private int fieldIndex(StructType struct, String name) {
    String[] names = struct.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (resolver.nameMatches(name, names[i])) {
        return i;
      }
    }
    return -1;
  }
}
