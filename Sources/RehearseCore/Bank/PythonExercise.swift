/// What a `python` question is graded by: the function to write and the calls that test it.
public struct PythonExercise: Sendable, Equatable, Codable {
  /// One call and the value it must return, both as Python expressions.
  public struct TestCase: Sendable, Equatable, Codable {
    public var call: String
    public var expected: String

    public init(call: String, expected: String) {
      self.call = call
      self.expected = expected
    }

    /// Whether a function that does nothing useful could pass this test: the expected value is
    /// empty (`[]`, `{}`, `({}, 0)`, `None`, `0` …), or it is written in the call itself, so an
    /// identity function or a check that the input was not changed passes it.
    public var isTrivial: Bool {
      let expectedText = expected.filter { !$0.isWhitespace }
      let callText = call.filter { !$0.isWhitespace }
      if callText.contains(expectedText) { return true }
      var rest = expectedText
      for empty in Self.emptyLiterals {
        rest = rest.replacingOccurrences(of: empty, with: "")
      }
      return rest.allSatisfy { "()[],".contains($0) }
    }

    /// The values a test of nothing returns, longest first, so `set()` goes before `()`.
    static let emptyLiterals = [
      "set()", "dict()", "list()", "tuple()", "None", "False", "''", "\"\"", "[]", "{}", "()",
      "0.0", "0",
    ].sorted { $0.count > $1.count }
  }

  /// The `def` line the answer starts from.
  public var signature: String
  /// A correct implementation; every test passes on it.
  public var referenceSolution: String
  public var tests: [TestCase]

  public init(signature: String, referenceSolution: String, tests: [TestCase]) {
    self.signature = signature
    self.referenceSolution = referenceSolution
    self.tests = tests
  }

  /// The function's name, from the signature.
  public var functionName: String {
    let afterDef = signature.trimmedWhitespace.dropFirst("def ".count)
    return String(afterDef.prefix { $0 != "(" }).trimmedWhitespace
  }
}
