package dev.ember.planner.analysis;

import java.util.Comparator;
import java.util.List;

/**
 * The "Did you mean one of the following?" list of an unresolved column, ranked as Spark 4.2 ranks it
 * (observed against Spark, not documented): each candidate is back-quoted, the edit distance is taken
 * case-sensitively between the quoted candidate and the name as the user typed it, ties go to the
 * quoted candidate's natural string order, and at most five are shown.
 */
final class NameSuggestions {
  static final int MAXIMUM_SUGGESTIONS = 5;

  private NameSuggestions() {}

  static List<String> rank(String requestedName, List<String> candidateNames) {
    return rankQuoted(requestedName, candidateNames.stream().map(Identifiers::quote).toList());
  }

  /** As {@link #rank}, for candidates quoted already (a qualified one as {@code `t`.`id`}). */
  static List<String> rankQuoted(String requestedName, List<String> quotedCandidates) {
    return quotedCandidates.stream()
        .distinct()
        .sorted(Comparator.<String>comparingInt(candidate -> editDistance(candidate, requestedName))
            .thenComparing(Comparator.naturalOrder()))
        .limit(MAXIMUM_SUGGESTIONS)
        .toList();
  }

  /** Levenshtein distance: single-character insertions, deletions and substitutions. */
  static int editDistance(String from, String to) {
    int[] previous = new int[to.length() + 1];
    int[] current = new int[to.length() + 1];
    for (int j = 0; j <= to.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= from.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= to.length(); j++) {
        int substitution = previous[j - 1] + (from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[to.length()];
  }
}
