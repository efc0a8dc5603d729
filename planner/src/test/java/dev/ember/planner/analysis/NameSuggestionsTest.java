package dev.ember.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected list below is what Spark 4.2.0 printed for the same columns (DataFrame select). */
class NameSuggestionsTest {
  @Test
  void ranksByEditDistanceOfTheQuotedNameAndShowsFive() {
    List<String> columns = List.of("name", "age", "city", "agent", "page", "ages", "salary", "a", "b", "l", "f",
        "dec", "d", "ts", "flag", "nn");
    assertEquals(List.of("`age`", "`ages`", "`page`", "`a`", "`agent`"), NameSuggestions.rank("agee", columns));
  }

  @Test
  void breaksTiesByStringOrderNotByColumnOrder() {
    assertEquals(List.of("`age`", "`city`", "`name`"), NameSuggestions.rank("zzzzzzzz", List.of("name", "age", "city")));
    assertEquals(List.of("`B`", "`C`", "`a`", "`b`"), NameSuggestions.rank("agee", List.of("B", "a", "C", "b")));
    assertEquals(List.of("`e`", "`g`", "`a`", "`b`", "`c`"),
        NameSuggestions.rank("agee", List.of("g", "f", "e", "d", "c", "b", "a")));
  }

  @Test
  void comparesCaseSensitively() {
    assertEquals(List.of("`Age2`", "`age`", "`ages`"), NameSuggestions.rank("AGEE", List.of("age", "ages", "Age2")));
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertEquals(0, NameSuggestions.editDistance("age", "age"));
    assertEquals(1, NameSuggestions.editDistance("age", "agee"));
    assertEquals(2, NameSuggestions.editDistance("`age`", "agee"));
    assertEquals(3, NameSuggestions.editDistance("kitten", "sitting"));
  }
}
