package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.optimizer.OptimizerRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges two adjacent projects into one, substituting the lower one's aliases into the upper list; the
 * upper list's names and ids stay, so the output does not change:
 *
 * <pre>
 * Project [next#7, (next#7 * 2) AS twice#8]            Project [(age#2 + 1) AS next#7, ((age#2 + 1) * 2) AS twice#8]
 * +- Project [name#1, (age#2 + 1) AS next#7]   =&gt;      +- x
 *    +- x
 * </pre>
 *
 * That example does not fire, though: {@code next#7} is used twice, and merging would compute
 * {@code age#2 + 1} twice per row. The projects merge only when every lower alias of a computed
 * expression is used at most once above (aliases of a column or a literal may be copied freely), and
 * both lists are deterministic.
 */
public final class CollapseProjects implements OptimizerRule {
  @Override
  public String name() {
    return "CollapseProjects";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Project upper && upper.child() instanceof Project lower && canCollapse(upper, lower)) {
        return new Project(substituteInto(upper.projectList(), lower.projectList()), lower.child());
      }
      return node;
    });
  }

  private static boolean canCollapse(Project upper, Project lower) {
    if (!Determinism.allDeterministic(upper.projectList()) || !Determinism.allDeterministic(lower.projectList())) {
      return false;
    }
    Map<Long, Integer> uses = new HashMap<>();
    for (Expression entry : upper.projectList()) {
      entry.foreach(node -> {
        if (node instanceof AttributeReference attribute) {
          uses.merge(attribute.exprId(), 1, Integer::sum);
        }
      });
    }
    for (Expression entry : lower.projectList()) {
      if (entry instanceof Alias alias && !isCheapToCopy(alias.child()) && uses.getOrDefault(alias.exprId(), 0) > 1) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCheapToCopy(Expression expression) {
    return expression instanceof AttributeReference || expression instanceof Literal;
  }

  private static List<Expression> substituteInto(List<Expression> upperList, List<Expression> lowerList) {
    AliasSubstitution substitution = AliasSubstitution.of(lowerList);
    List<Expression> merged = new ArrayList<>(upperList.size());
    for (Expression entry : upperList) {
      if (entry instanceof AttributeReference attribute && substitution.definitionOf(attribute) != null) {
        // Keep the column's name and id: the upper project's output must not change.
        merged.add(new Alias(substitution.definitionOf(attribute), attribute.name(), attribute.exprId()));
      } else if (entry instanceof Alias alias) {
        merged.add(alias.withNewChildren(List.of(substitution.substitute(alias.child()))));
      } else {
        merged.add(entry);
      }
    }
    return merged;
  }
}
