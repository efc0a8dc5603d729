package dev.ember.planner.expressions;

import java.util.concurrent.atomic.AtomicLong;

/** Hands out the unique ids that tell two attributes of the same name apart ({@code age#12}). */
public final class ExprIds {
  private static final AtomicLong NEXT = new AtomicLong();

  private ExprIds() {}

  public static long next() {
    return NEXT.getAndIncrement();
  }
}
