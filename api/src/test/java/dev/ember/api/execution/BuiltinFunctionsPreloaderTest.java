package dev.ember.api.execution;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ember.planner.analysis.FunctionRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BuiltinFunctionsPreloaderTest {
  @Test
  void buildsTheBuiltinRegistryOnceAndEveryCallerSeesTheSameLoading() throws Exception {
    FunctionRegistry preloaded = BuiltinFunctionsPreloader.start().get(60, TimeUnit.SECONDS);
    assertSame(FunctionRegistry.builtin(), preloaded);
    assertSame(BuiltinFunctionsPreloader.start(), BuiltinFunctionsPreloader.start());
  }
}
