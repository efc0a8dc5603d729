package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.ExprIds;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Generator;
import dev.ember.planner.logical.Generate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a generator out of a select list into a {@link Generate} under it; the select then lists the
 * generator's columns where the call was. Unaliased, the columns take Spark's names ({@code col},
 * {@code pos}, {@code key}, {@code value}); {@code explode(x) AS name} names the single column.
 *
 * <pre>
 * Project [id#1, explode(tags#2)]  =&gt;  Project [id#1, col#5]
 *                                       +- Generate explode(tags#2), [col#5]
 * </pre>
 *
 * <p>Runs last among the type coercion rules, so the collection's type is final ({@code if(c, NULL,
 * map(...))} is a map only once coerced); {@link ResolveAliases} leaves generators unnamed.
 */
final class ExtractGenerators implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Project project) || !project.resolved()) {
        return node;
      }
      return extract(project);
    });
  }

  private static LogicalPlan extract(Project project) {
    int generators = 0;
    for (Expression expression : project.projectList()) {
      Expression unaliased = expression instanceof Alias alias ? alias.child() : expression;
      if (unaliased instanceof Generator) {
        generators++;
      } else if (unaliased.exists(inner -> inner instanceof Generator)) {
        throw AnalysisErrors.notYetSupported("a generator inside another expression", unaliased.sql());
      }
    }
    if (generators == 0) {
      return project;
    }
    if (generators > 1) {
      throw AnalysisErrors.notYetSupported("more than one generator in a select",
          project.projectList().stream().map(Expression::sql).toList().toString());
    }
    List<Expression> projectList = new ArrayList<>();
    Generate generate = null;
    for (Expression expression : project.projectList()) {
      Expression unaliased = expression instanceof Alias alias ? alias.child() : expression;
      if (!(unaliased instanceof Generator generator)) {
        projectList.add(expression);
        continue;
      }
      requireCollection(generator, project);
      List<StructField> fields = generator.outputFields();
      if (expression instanceof Alias alias && fields.size() != 1) {
        throw AnalysisErrors.notYetSupported("a single alias for " + fields.size() + " generated columns",
            expression.sql());
      }
      List<AttributeReference> output = new ArrayList<>();
      for (StructField field : fields) {
        String name = expression instanceof Alias alias ? alias.name() : field.name();
        output.add(new AttributeReference(name, field.dataType(), field.nullable(), ExprIds.next()));
      }
      projectList.addAll(output);
      generate = new Generate(generator, output, project.child());
    }
    return new Project(projectList, generate);
  }

  private static void requireCollection(Generator generator, LogicalPlan plan) {
    if (generator.outputFields().size() == (generator.withPosition() ? 1 : 0)) {
      throw AnalysisErrors.unexpectedInputType(generator, generator.child(), "(\"ARRAY\" or \"MAP\")", plan);
    }
  }
}
