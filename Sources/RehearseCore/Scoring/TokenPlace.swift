/// Where a token stands: its sentence, clause and claim (`Token`), in 32 bits each.
struct TokenPlace {
  var sentence: Int32
  var clause: Int32
  var claim: Int32
}
