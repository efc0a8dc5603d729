package dev.ember.planner.parser;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.WindowExpression;
import dev.ember.planner.expressions.WindowFrameSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The OVER clause of a function call:
 * {@code OVER ([PARTITION BY e, ...] [ORDER BY e [ASC|DESC] [NULLS FIRST|LAST], ...] [frame])} where the
 * frame is {@code ROWS|RANGE BETWEEN bound AND bound} or {@code ROWS|RANGE bound}, and a bound is
 * {@code UNBOUNDED PRECEDING|FOLLOWING}, {@code CURRENT ROW} or {@code n PRECEDING|FOLLOWING} with an
 * integer n. Named windows ({@code OVER w}) are not supported.
 */
final class WindowGrammar {
  private final TokenCursor tokens;
  private final ExpressionGrammar expressions;

  WindowGrammar(TokenCursor tokens, ExpressionGrammar expressions) {
    this.tokens = tokens;
    this.expressions = expressions;
  }

  /** Whether an OVER clause starts at the current token. */
  boolean atOver() {
    return tokens.current().isKeyword("OVER") && tokens.peek(1).isSymbol("(");
  }

  WindowExpression over(Expression function) {
    tokens.expectKeyword("OVER");
    tokens.expectSymbol("(");
    List<Expression> partition = new ArrayList<>();
    if (tokens.atKeyword("PARTITION") || tokens.atKeyword("DISTRIBUTE")) {
      tokens.advance();
      tokens.expectKeyword("BY");
      do {
        partition.add(expressions.expression());
      } while (tokens.acceptSymbol(","));
    }
    List<SortOrder> order = new ArrayList<>();
    if (tokens.atKeyword("ORDER") || tokens.atKeyword("SORT")) {
      tokens.advance();
      tokens.expectKeyword("BY");
      do {
        order.add(sortKey());
      } while (tokens.acceptSymbol(","));
    }
    WindowFrameSpec frame = null;
    if (tokens.atKeyword("ROWS") || tokens.atKeyword("RANGE")) {
      boolean rows = tokens.advance().isKeyword("ROWS");
      if (tokens.acceptKeyword("BETWEEN")) {
        long lower = bound();
        tokens.expectKeyword("AND");
        frame = new WindowFrameSpec(rows, lower, bound(), true);
      } else {
        frame = new WindowFrameSpec(rows, bound(), WindowFrameSpec.CURRENT_ROW, true);
      }
    }
    tokens.expectSymbol(")");
    return new WindowExpression(function, partition, order, frame);
  }

  private SortOrder sortKey() {
    Expression key = expressions.expression();
    boolean ascending = true;
    if (tokens.acceptKeyword("DESC")) {
      ascending = false;
    } else {
      tokens.acceptKeyword("ASC");
    }
    boolean nullsFirst = ascending;
    if (tokens.acceptKeyword("NULLS")) {
      nullsFirst = tokens.expect(token -> token.isKeyword("FIRST") || token.isKeyword("LAST")).isKeyword("FIRST");
    }
    return new SortOrder(key, ascending, nullsFirst);
  }

  private long bound() {
    if (tokens.acceptKeyword("UNBOUNDED")) {
      return tokens.expect(token -> token.isKeyword("PRECEDING") || token.isKeyword("FOLLOWING"))
          .isKeyword("PRECEDING") ? WindowFrameSpec.UNBOUNDED_PRECEDING : WindowFrameSpec.UNBOUNDED_FOLLOWING;
    } else if (tokens.acceptKeyword("CURRENT")) {
      tokens.expectKeyword("ROW");
      return WindowFrameSpec.CURRENT_ROW;
    }
    Token number = tokens.expect(token -> token.kind() == TokenKind.NUMBER);
    long offset;
    try {
      offset = Long.parseLong(number.text());
    } catch (NumberFormatException notAnInteger) {
      throw tokens.unsupported(number, "a frame bound that is not an integer (" + number.text() + ")");
    }
    boolean preceding = tokens.expect(token -> token.isKeyword("PRECEDING") || token.isKeyword("FOLLOWING"))
        .isKeyword("PRECEDING");
    return preceding ? -offset : offset;
  }
}
