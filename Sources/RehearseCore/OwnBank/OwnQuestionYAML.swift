/// The YAML `bank add` writes for an own question and its drafted rubric, in the bank's format
/// (docs/formats.md), one question per file.
enum OwnQuestionYAML {
  /// The question file: its component and the one question, an open question.
  static func question(
    id: String, component: Component, prompt: String, modelAnswer: String, tags: [String],
    hints: [String] = [], difficulty: Int, minutes: Int
  ) -> String {
    var lines = [
      "# Your own question, added by 'rehearse bank add'; see docs/formats.md.",
      "component: \(component.rawValue)",
      "questions:",
      "  - id: \(id)",
      "    kind: open",
      "    prompt: " + text(prompt, indent: 6),
      "    difficulty: \(difficulty)",
      "    minutes: \(minutes)",
    ]
    if !tags.isEmpty {
      lines.append("    tags: [" + tags.map(YAMLFile.scalar).joined(separator: ", ") + "]")
    }
    if !hints.isEmpty {
      lines.append("    hints:")
      lines += hints.map { "      - " + text($0, indent: 8) }
    }
    lines.append("    model_answer: " + text(modelAnswer, indent: 6))
    return lines.joined(separator: "\n") + "\n"
  }

  /// The rubric file: the drafted rubric (`RubricDrafter.yaml`), with the model answer as its
  /// one graded example, `strong`, as `bank test` checks it.
  static func rubric(_ rubric: Rubric, modelAnswer: String) -> String {
    RubricDrafter.yaml(rubric)
      + [
        "  examples:",
        "    - band: strong",
        "      note: the model answer itself; add weak and borderline answers you expect",
        "      answer: " + text(modelAnswer, indent: 8),
      ].joined(separator: "\n") + "\n"
  }

  /// `value` as a YAML value: a plain or quoted scalar for one line, a literal block (`|-`)
  /// indented by `indent` for several; a double-quoted scalar with escapes when a block would
  /// change it (control characters, leading spaces).
  static func text(_ value: String, indent: Int) -> String {
    let lines = value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let hasControl = value.unicodeScalars.contains {
      $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F
    }
    if lines.count == 1 && !hasControl { return YAMLFile.scalar(value) }
    if hasControl || lines.first?.first == " " || value.hasSuffix("\n") {
      return quoted(value)
    }
    let pad = String(repeating: " ", count: indent)
    return "|-\n" + lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
  }

  /// A double-quoted YAML scalar with every character that needs it escaped.
  static func quoted(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}

extension String {
  /// The string with zeros before it up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
