package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code CASE WHEN c1 THEN v1 ... [ELSE e] END}: the value of the first branch whose condition is
 * true, else {@code elseValue} (null when absent). Conditions are evaluated in order and stop at the
 * first true one, and only the chosen value is evaluated, as in Spark. {@code elseValue} may be null.
 */
public record CaseWhen(List<Expression> conditions, List<Expression> values, Expression elseValue)
    implements Expression {
  public CaseWhen {
    conditions = List.copyOf(conditions);
    values = List.copyOf(values);
    if (conditions.isEmpty() || conditions.size() != values.size()) {
      throw new IllegalArgumentException("CASE needs one value per condition and at least one branch, got "
          + conditions.size() + " conditions and " + values.size() + " values");
    }
  }

  public boolean hasElse() {
    return elseValue != null;
  }

  @Override
  public List<Expression> children() {
    List<Expression> children = new ArrayList<>(conditions.size() * 2 + 1);
    for (int i = 0; i < conditions.size(); i++) {
      children.add(conditions.get(i));
      children.add(values.get(i));
    }
    if (elseValue != null) {
      children.add(elseValue);
    }
    return children;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, conditions.size() * 2 + (hasElse() ? 1 : 0));
    if (children.equals(children())) {
      return this;
    }
    List<Expression> newConditions = new ArrayList<>();
    List<Expression> newValues = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      newConditions.add(children.get(2 * i));
      newValues.add(children.get(2 * i + 1));
    }
    return new CaseWhen(newConditions, newValues, hasElse() ? children.get(children.size() - 1) : null);
  }

  /** The branch values and the else value: what coercion brings to one type. */
  public List<Expression> results() {
    List<Expression> results = new ArrayList<>(values);
    if (elseValue != null) {
      results.add(elseValue);
    }
    return results;
  }

  @Override
  public DataType dataType() {
    return values.get(0).dataType();
  }

  @Override
  public boolean nullable() {
    return !hasElse() || results().stream().anyMatch(Expression::nullable);
  }

  @Override
  public String sql() {
    StringBuilder out = new StringBuilder("CASE");
    for (int i = 0; i < conditions.size(); i++) {
      out.append(" WHEN ").append(conditions.get(i).sql()).append(" THEN ").append(values.get(i).sql());
    }
    if (elseValue != null) {
      out.append(" ELSE ").append(elseValue.sql());
    }
    return out.append(" END").toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("CASE");
    for (int i = 0; i < conditions.size(); i++) {
      out.append(" WHEN ").append(conditions.get(i)).append(" THEN ").append(values.get(i));
    }
    if (elseValue != null) {
      out.append(" ELSE ").append(elseValue);
    }
    return out.append(" END").toString();
  }
}
