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
