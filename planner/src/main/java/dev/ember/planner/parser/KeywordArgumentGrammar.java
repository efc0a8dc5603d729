package dev.ember.planner.parser;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.UnresolvedFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL-standard calls whose arguments are separated by keywords, read as the Spark function that
 * means the same and gives the same column name:
 *
 * <pre>
 * POSITION(sub IN s)                         locate(sub, s)
 * TRIM([BOTH | LEADING | TRAILING] [c] FROM s)  trim / ltrim / rtrim (c, s), or (s) without c
 * SUBSTRING(s FROM p [FOR n]), also SUBSTR     substring(s, p[, n]); a comma may replace FROM or FOR
 * OVERLAY(s PLACING r FROM p [FOR n])         overlay(s, r, p[, n])
 * </pre>
 *
 * Each is only taken when its keyword is there: {@code trim(s)}, {@code substr(s, 2)} and
 * {@code position('a', s)} stay ordinary calls (Spark names {@code substr(s, 2)} after substr, but
 * {@code substr(s FROM 2)} after substring), and {@code trim(both)} is a call on a column named both.
 */
final class KeywordArgumentGrammar {
  private final TokenCursor tokens;
  private final ExpressionGrammar expressions;

  KeywordArgumentGrammar(TokenCursor tokens, ExpressionGrammar expressions) {
    this.tokens = tokens;
    this.expressions = expressions;
  }

  /** Whether {@code name}, followed by {@code (}, may start one of these calls. */
  static boolean mayStart(Token name) {
    return name.isKeyword("POSITION") || name.isKeyword("TRIM") || name.isKeyword("SUBSTRING")
        || name.isKeyword("SUBSTR") || name.isKeyword("OVERLAY");
  }

  /**
   * The call starting at the current token (a name {@link #mayStart} accepts, then {@code (}), or
   * null with the cursor where it was when the arguments carry none of the keywords.
   */
  Expression call() {
    int start = tokens.mark();
    Token name = tokens.advance();
    tokens.expectSymbol("(");
    Expression call;
    if (name.isKeyword("POSITION")) {
      call = position();
    } else if (name.isKeyword("TRIM")) {
      call = trim();
    } else if (name.isKeyword("OVERLAY")) {
      call = overlay();
    } else {
      call = substring();
    }
    if (call == null) {
      tokens.reset(start);
    }
    return call;
  }

  private Expression position() {
    Expression substring = expressions.valueExpression();
    if (!tokens.acceptKeyword("IN")) {
      return null;
    }
    Expression string = expressions.valueExpression();
    tokens.expectSymbol(")");
    return new UnresolvedFunction("locate", List.of(substring, string), false);
  }

  /**
   * Spark's grammar: {@code TRIM '(' (BOTH | LEADING | TRAILING)? trimStr? FROM srcStr ')'}; the
   * side keyword only counts as one when something other than {@code ,} or {@code )} follows it.
   */
  private Expression trim() {
    Token side = tokens.current();
    boolean hasSide = (side.isKeyword("BOTH") || side.isKeyword("LEADING") || side.isKeyword("TRAILING"))
        && !tokens.peek(1).isSymbol(",") && !tokens.peek(1).isSymbol(")");
    if (hasSide) {
      tokens.advance();
    }
    Expression characters = null;
    if (!(tokens.atKeyword("FROM") && ExpressionGrammar.canStartOperand(tokens.peek(1)))) {
      if (!hasSide && tokens.atKeyword("FROM")) {
        return null;
      }
      characters = expressions.valueExpression();
      if (!tokens.atKeyword("FROM")) {
        if (hasSide) {
          throw tokens.syntaxError(tokens.current());
        }
        return null;
      }
    }
    tokens.expectKeyword("FROM");
    Expression source = expressions.valueExpression();
    tokens.expectSymbol(")");
    String function = !hasSide || side.isKeyword("BOTH") ? "trim" : side.isKeyword("LEADING") ? "ltrim" : "rtrim";
    return new UnresolvedFunction(function, characters == null ? List.of(source) : List.of(characters, source),
        false);
  }

  /** {@code SUBSTRING(s FROM p FOR n)}, where Spark also takes a comma for either keyword. */
  private Expression substring() {
    List<Expression> arguments = new ArrayList<>();
    arguments.add(expressions.valueExpression());
    boolean keyword = tokens.atKeyword("FROM");
    if (!keyword && !tokens.atSymbol(",")) {
      return null;
    }
    tokens.advance();
    arguments.add(expressions.valueExpression());
    if (tokens.atKeyword("FOR") || tokens.atSymbol(",")) {
      keyword |= tokens.advance().isKeyword("FOR");
      arguments.add(expressions.valueExpression());
    }
    if (!keyword) {
      return null;
    }
    tokens.expectSymbol(")");
    return new UnresolvedFunction("substring", arguments, false);
  }

  private Expression overlay() {
    Expression input = expressions.valueExpression();
    if (!tokens.acceptKeyword("PLACING")) {
      return null;
    }
    List<Expression> arguments = new ArrayList<>(List.of(input, expressions.valueExpression()));
    tokens.expectKeyword("FROM");
    arguments.add(expressions.valueExpression());
    if (tokens.acceptKeyword("FOR")) {
      arguments.add(expressions.valueExpression());
    }
    tokens.expectSymbol(")");
    return new UnresolvedFunction("overlay", arguments, false);
  }
}
