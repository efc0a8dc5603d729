package dev.ember.planner.physical;

/** Which side of a join its hash table (or nested-loop buffer) is built from; the other side streams. */
public enum BuildSide {
  LEFT("BuildLeft"),
  RIGHT("BuildRight");

  private final String explainName;

  BuildSide(String explainName) {
    this.explainName = explainName;
  }

  public String explainName() {
    return explainName;
  }
}
