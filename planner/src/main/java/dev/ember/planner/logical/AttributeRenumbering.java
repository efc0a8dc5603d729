package dev.ember.planner.logical;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.ExprIds;
import dev.ember.planner.expressions.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every column a resolved plan produces a fresh attribute id: its scans and ranges new output
 * attributes, its aliases new ids, and every reference the matching new id. A self-join needs it: the
 * two sides of {@code df.join(df, ...)} must be told apart by id (Spark's {@code DeduplicateRelations}).
 */
public final class AttributeRenumbering {
  /** The renumbered plan and the new id of each old one. */
  public record Result(LogicalPlan plan, Map<Long, Long> newIds) {
    public Result {
      newIds = Map.copyOf(newIds);
    }
  }

  private final Map<Long, Long> newIds = new HashMap<>();

  private AttributeRenumbering() {}

  public static Result renumber(LogicalPlan plan) {
    AttributeRenumbering renumbering = new AttributeRenumbering();
    LogicalPlan renumbered = plan.transformUp(renumbering::renumberNode);
    return new Result(renumbered, renumbering.newIds);
  }

  private LogicalPlan renumberNode(LogicalPlan node) {
    if (node instanceof ScanRelation scan) {
      return new ScanRelation(scan.source(), scan.output().stream().map(this::fresh).toList());
    } else if (node instanceof RangeRelation range) {
      return new RangeRelation(range.start(), range.end(), range.step(), range.numSlices(), fresh(range.id()));
    }
    return node.transformExpressionsUp(this::renumberExpression);
  }

  private AttributeReference fresh(AttributeReference column) {
    long id = ExprIds.next();
    newIds.put(column.exprId(), id);
    return new AttributeReference(column.name(), column.dataType(), column.nullable(), id);
  }

  private Expression renumberExpression(Expression expression) {
    if (expression instanceof AttributeReference column) {
      Long id = newIds.get(column.exprId());
      return id == null ? column : new AttributeReference(column.name(), column.dataType(), column.nullable(), id);
    } else if (expression instanceof Alias alias) {
      long id = ExprIds.next();
      newIds.put(alias.exprId(), id);
      return new Alias(alias.child(), alias.name(), id);
    }
    return expression;
  }

  /** Whether the two plans' outputs share an attribute id. */
  public static boolean overlap(List<AttributeReference> left, List<AttributeReference> right) {
    return left.stream().anyMatch(column -> right.stream().anyMatch(other -> other.exprId() == column.exprId()));
  }
}
