package dev.ember.runtime.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {
  private final CsvTokenizer tokenizer = new CsvTokenizer(CsvOptions.parse(Map.of()));

  private List<String> fields(String line, int limit) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    tokenizer.tokenize(bytes, 0, bytes.length, limit);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokenizer.count(); i++) {
      out.add(new String(tokenizer.data(), tokenizer.start(i), tokenizer.end(i) - tokenizer.start(i),
          StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void stopsAfterTheFieldLimit() {
    assertEquals(List.of("a", "b"), fields("a,b,\"c,d\",e", 2));
    assertEquals(List.of("a", "b", "c,d"), fields("a,b,\"c,d\",e", 3));
  }

  @Test
  void withoutALimitReadsEveryFieldIncludingATrailingEmptyOne() {
    assertEquals(List.of("a", "b", "c,d", "e", ""), fields("a,b,\"c,d\",e,", Integer.MAX_VALUE));
  }

  @Test
  void aLimitBeyondTheLineReadsTheWholeLine() {
    assertEquals(List.of("x", "y"), fields("x,y", 10));
  }
}
