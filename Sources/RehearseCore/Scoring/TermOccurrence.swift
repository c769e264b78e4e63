/// Where a term was found, as token positions (inclusive).
struct TermOccurrence {
  var start: Int
  var end: Int
}
