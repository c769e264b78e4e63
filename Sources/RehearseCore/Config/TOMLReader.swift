/// Reads the subset of TOML the config file is written in: comments, `key = value` lines with
/// bare keys, and values that are basic or literal strings, decimal integers, floats or
/// booleans.
///
/// What TOML has beyond that — tables, dotted or quoted keys, arrays, inline tables, multi-line
/// strings, dates, hexadecimal numbers — is refused with the line it is on, never misread. A key
/// given twice is an error, as TOML says.
public enum TOMLReader {
  /// The entries of `text`, in order; `file` names it in errors.
  public static func entries(in text: String, file: String) throws(ConfigError) -> [TOMLEntry] {
    var entries: [TOMLEntry] = []
    var firstLines: [String: Int] = [:]
    // Split by scalars: to a String, "\r\n" is one character, not a line end.
    for (index, rawLine) in text.unicodeScalars.split(
      separator: "\n", omittingEmptySubsequences: false
    ).enumerated() {
      let number = index + 1
      var line = Array(rawLine)
      if line.last == "\r" { line.removeLast() }
      var scanner = LineScanner(line, file: file, line: number)
      guard let entry = try scanner.entry() else { continue }
      if let first = firstLines[entry.key] {
        throw .duplicateKey(file: file, line: number, key: entry.key, firstLine: first)
      }
      firstLines[entry.key] = number
      entries.append(entry)
    }
    return entries
  }
}

/// Reads one line of a TOML file.
private struct LineScanner {
  let scalars: [Unicode.Scalar]
  let file: String
  let line: Int
  var position = 0

  init(_ scalars: [Unicode.Scalar], file: String, line: Int) {
    self.scalars = scalars
    self.file = file
    self.line = line
  }

  var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

  func error(_ message: String) -> ConfigError {
    .syntax(file: file, line: line, message: message)
  }

  mutating func skipSpaces() {
    while let scalar = current, scalar == " " || scalar == "\t" { position += 1 }
  }

  /// The line's entry; `nil` for an empty or comment line.
  mutating func entry() throws(ConfigError) -> TOMLEntry? {
    skipSpaces()
    guard let first = current, first != "#" else { return nil }
    if first == "[" {
      let header =
        String(String.UnicodeScalarView(scalars[position...]))
        .split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
      throw .table(file: file, line: line, header: header.trimmingSpaces())
    }
    let key = try bareKey()
    skipSpaces()
    guard current == "=" else {
      if current == "." { throw error("dotted keys are not supported: write '\(key)' alone") }
      throw error("expected '=' after the key '\(key)'")
    }
    position += 1
    skipSpaces()
    let value = try self.value()
    skipSpaces()
    if let rest = current, rest != "#" {
      throw error("unexpected text after the value of '\(key)': put a comment after '#'")
    }
    try checkComment()
    return TOMLEntry(key: key, value: value, line: line)
  }

  /// A bare key: ASCII letters, digits, `-` and `_`.
  mutating func bareKey() throws(ConfigError) -> String {
    var key = ""
    while let scalar = current, scalar.isBareKeyCharacter {
      key.unicodeScalars.append(scalar)
      position += 1
    }
    guard !key.isEmpty else {
      if current == "\"" || current == "'" {
        throw error("quoted keys are not supported: keys are letters, digits, '-' and '_'")
      }
      throw error("expected a key (letters, digits, '-' and '_') followed by '= value'")
    }
    return key
  }

  /// The comment after a value holds no control character but tab (TOML's rule).
  func checkComment() throws(ConfigError) {
    for scalar in scalars[position...] where scalar.isForbiddenControl {
      throw error("a control character (U+\(scalar.hex)) in a comment")
    }
  }

  mutating func value() throws(ConfigError) -> TOMLValue {
    switch current {
    case nil, "#": throw error("a value is missing after '='")
    case "\"": return .string(try basicString())
    case "'": return .string(try literalString())
    case "[": throw error("arrays are not supported")
    case "{": throw error("inline tables are not supported")
    default: return try bareValue()
    }
  }

  /// `"…"` with TOML's escapes.
  mutating func basicString() throws(ConfigError) -> String {
    if scalars[position...].starts(with: ["\"", "\"", "\""]) {
      throw error("multi-line strings are not supported")
    }
    position += 1
    var text = ""
    while let scalar = current {
      position += 1
      switch scalar {
      case "\"": return text
      case "\\": text.unicodeScalars.append(try escape())
      default:
        if scalar.isForbiddenControl {
          throw error("a control character (U+\(scalar.hex)) in a string: write it escaped")
        }
        text.unicodeScalars.append(scalar)
      }
    }
    throw error("the string is not closed: a '\"' is missing at the end of the line")
  }

  /// The character an escape after `\` stands for.
  mutating func escape() throws(ConfigError) -> Unicode.Scalar {
    guard let letter = current else { throw error("a '\\' ends the line inside a string") }
    position += 1
    switch letter {
    case "b": return "\u{08}"
    case "t": return "\t"
    case "n": return "\n"
    case "f": return "\u{0C}"
    case "r": return "\r"
    case "\"": return "\""
    case "\\": return "\\"
    case "u", "U":
      let digits = letter == "u" ? 4 : 8
      guard position + digits <= scalars.count else {
        throw error("\\\(letter) needs \(digits) hexadecimal digits")
      }
      let hex = String(String.UnicodeScalarView(scalars[position..<position + digits]))
      position += digits
      guard hex.allSatisfy(\.isHexDigit), let value = UInt32(hex, radix: 16),
        let scalar = Unicode.Scalar(value)
      else { throw error("\\\(letter)\(hex) is not a Unicode character") }
      return scalar
    default:
      throw error("'\\\(letter)' is not an escape: use \\\\ for a backslash")
    }
  }

  /// `'…'`, taken as written.
  mutating func literalString() throws(ConfigError) -> String {
    if scalars[position...].starts(with: ["'", "'", "'"]) {
      throw error("multi-line strings are not supported")
    }
    position += 1
    var text = ""
    while let scalar = current {
      position += 1
      if scalar == "'" { return text }
      if scalar.isForbiddenControl {
        throw error("a control character (U+\(scalar.hex)) in a string")
      }
      text.unicodeScalars.append(scalar)
    }
    throw error("the string is not closed: a \"'\" is missing at the end of the line")
  }

  /// A boolean, integer or float: the text up to a space or `#`.
  mutating func bareValue() throws(ConfigError) -> TOMLValue {
    var word = ""
    while let scalar = current, scalar != " ", scalar != "\t", scalar != "#" {
      word.unicodeScalars.append(scalar)
      position += 1
    }
    if word == "true" { return .boolean(true) }
    if word == "false" { return .boolean(false) }
    if let integer = Self.integer(word) { return .integer(integer) }
    if let float = Self.float(word) { return .float(float) }
    if word.first?.isNumber == true, word.contains("-") || word.contains(":") {
      throw error("dates and times are not supported")
    }
    if word.hasPrefix("0x") || word.hasPrefix("0o") || word.hasPrefix("0b") {
      throw error("'\(word)': only decimal numbers are supported")
    }
    throw error(
      "'\(word)' is not a value: a string is quoted (\"…\" or '…'), a boolean is true or false")
  }

  /// A decimal integer: an optional sign, digits without a leading zero, `_` only between digits.
  static func integer(_ word: String) -> Int? {
    var digits = Substring(word)
    if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
    guard isDigitGroup(digits), digits == "0" || !digits.hasPrefix("0") else { return nil }
    return Int(word.replacingOccurrences(of: "_", with: ""))
  }

  /// A float: an integer part, then a fraction, an exponent or both; or `inf` or `nan`, signed
  /// or not.
  static func float(_ word: String) -> Double? {
    var body = Substring(word)
    let negative = body.first == "-"
    if body.first == "+" || body.first == "-" { body = body.dropFirst() }
    if body == "inf" { return negative ? -.infinity : .infinity }
    if body == "nan" { return .nan }
    let exponentParts = body.split(
      maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: { $0 == "e" || $0 == "E" })
    let mantissa = exponentParts[0]
    let fractionParts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    guard fractionParts.count <= 2, isDigitGroup(fractionParts[0]),
      fractionParts[0] == "0" || !fractionParts[0].hasPrefix("0")
    else { return nil }
    if fractionParts.count == 2, !isDigitGroup(fractionParts[1]) { return nil }
    if exponentParts.count == 2 {
      var exponent = exponentParts[1]
      if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
      guard isDigitGroup(exponent) else { return nil }
    } else if fractionParts.count == 1 {
      return nil
    }
    return Double(word.replacingOccurrences(of: "_", with: ""))
  }

  /// Digits, with single underscores only between two of them.
  static func isDigitGroup(_ text: Substring) -> Bool {
    guard let first = text.first, let last = text.last, first.isASCIIDigit, last.isASCIIDigit
    else { return false }
    var previousUnderscore = false
    for character in text {
      if character == "_" {
        if previousUnderscore { return false }
        previousUnderscore = true
      } else if character.isASCIIDigit {
        previousUnderscore = false
      } else {
        return false
      }
    }
    return true
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Unicode.Scalar {
  fileprivate var isBareKeyCharacter: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
      || self == "-" || self == "_"
  }

  /// A control character TOML allows in no string or comment: all but tab.
  fileprivate var isForbiddenControl: Bool {
    (value < 0x20 && self != "\t") || value == 0x7F
  }

  fileprivate var hex: String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var text = Substring(self)
    while text.last == " " || text.last == "\t" { text = text.dropLast() }
    return String(text)
  }
}
