package dev.ember.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.Literal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {
  private static final FunctionBuilder FIRST = (name, arguments, distinct) -> Literal.fromJava(1);
  private static final FunctionBuilder SECOND = (name, arguments, distinct) -> Literal.fromJava(2);

  @Test
  void noNameIsDefinedByTwoBuiltInFamilies() {
    assertEquals(Map.of(), FunctionRegistry.namesDefinedTwice());
  }

  @Test
  void aFamilyIsBuiltOnlyWhenALookupReachesIt() {
    AtomicInteger builds = new AtomicInteger();
    FunctionSection first = new FunctionSection("first", () -> Map.of("one", FIRST));
    FunctionSection second = new FunctionSection("second", () -> {
      builds.incrementAndGet();
      return Map.of("two", SECOND);
    });
    FunctionRegistry registry = FunctionRegistry.ofSections(List.of(first, second));

    assertSame(FIRST, registry.lookup("ONE").orElseThrow());
    assertTrue(first.isBuilt());
    assertFalse(second.isBuilt());
    assertSame(SECOND, registry.lookup("two").orElseThrow());
    assertSame(SECOND, registry.lookup("Two").orElseThrow());
    assertEquals(1, builds.get());
    assertTrue(registry.lookup("three").isEmpty());
  }

  @Test
  void addedFunctionsWinOverBuiltInOnesAndListWithThem() {
    FunctionRegistry registry = FunctionRegistry.ofSections(
        List.of(new FunctionSection("first", () -> Map.of("one", FIRST)))).with("ONE", SECOND).with("extra", FIRST);

    assertSame(SECOND, registry.lookup("one").orElseThrow());
    assertEquals(List.of("extra", "one"), List.copyOf(registry.names()));
  }

  @Test
  void theBuiltInRegistryKnowsEveryFamily() {
    FunctionRegistry builtin = FunctionRegistry.builtin();
    for (String name : List.of("count", "abs", "upper", "md5", "year", "size", "row_number", "try_add", "coalesce")) {
      assertTrue(builtin.lookup(name).isPresent(), name);
    }
  }
}
