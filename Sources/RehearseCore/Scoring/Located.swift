/// An occurrence of one term of a phrasing, with its claim, for grouping by claim.
struct Located {
  var claim: Int
  var term: Int
  var occurrence: TermOccurrence
}
