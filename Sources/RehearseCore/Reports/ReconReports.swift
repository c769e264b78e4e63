import Foundation

/// The text and JSON forms of `rehearse recon` and of saved focuses.
enum ReconReports {
  /// How many question ids a term's row shows.
  static let shownQuestionIDs = 3

  /// A term as `recon --format json` gives it.
  struct TermRow: Encodable {
    var name: String
    var kind: String
    var lines: [Int]
    var count: Int
    var emphasised: Bool
    var components: [String]
    /// How many questions ask it.
    var questions: Int
    var questionIds: [String]
  }

  /// `recon --format json`.
  struct ReportRow: Encodable {
    var source: String
    var terms: [TermRow]
    var gaps: [String]
    var components: [String: Double]
    var saved: String?
  }

  /// A focus as `recon show --format json` gives it.
  struct FocusRow: Encodable {
    var name: String
    var source: String
    var components: [String: Double]
    var terms: [Focus.Term]
    var gaps: [String]
  }

  /// A focus as `recon list --format json` gives it.
  struct ListedRow: Encodable {
    var name: String
    var source: String
    /// The two heaviest components.
    var top: [String]
    var terms: Int
    var gaps: Int
  }

  static func components(_ weights: [ComponentWeight]) -> [String: Double] {
    Dictionary(weights.map { ($0.component.rawValue, ($0.weight * 10_000).rounded() / 10_000) }) {
      first, _ in first
    }
  }

  static func json(_ report: ReconReport, saved: String?) -> String {
    JSONOutput.encode(
      ReportRow(
        source: report.source,
        terms: report.terms.map {
          TermRow(
            name: $0.name, kind: $0.kind, lines: $0.lines, count: $0.count,
            emphasised: $0.emphasised, components: $0.components.map(\.rawValue),
            questions: $0.questions.count, questionIds: $0.questions)
        },
        gaps: report.gaps.map(\.name), components: components(report.weights), saved: saved))
  }

  static func focusJSON(_ focus: Focus) -> String {
    JSONOutput.encode(
      FocusRow(
        name: focus.name, source: focus.source, components: components(focus.weights),
        terms: focus.terms, gaps: focus.gaps.map(\.name)))
  }

  static func listJSON(_ focuses: [Focus]) -> String {
    JSONOutput.encode(
      focuses.map {
        ListedRow(
          name: $0.name, source: $0.source,
          top: $0.weights.prefix(2).map(\.component.rawValue), terms: $0.terms.count,
          gaps: $0.gaps.count)
      })
  }

  /// The weights as a table with a bar each.
  static func weightsText(_ weights: [ComponentWeight], style: TextStyle) -> [String] {
    let heaviest = weights.map(\.weight).max() ?? 1
    let rows = weights.map { weight -> [String] in
      let bar = String(
        repeating: "█", count: max(1, Int((weight.weight / heaviest * 20).rounded())))
      return [weight.component.rawValue, TextLayout.percent(weight.weight), style.cyan(bar)]
    }
    return TextLayout.tableRows(rows).map { "  " + $0 }
  }

  /// `rehearse recon FILE`.
  static func text(_ report: ReconReport, saved: String?, style: TextStyle) -> String {
    let gaps = report.gaps
    var lines = [
      style.bold("Recon of \(TerminalText.safe(report.source))") + ": "
        + "\(report.terms.count) term\(report.terms.count == 1 ? "" : "s") named, "
        + "\(gaps.count) with no question yet.",
      "",
      style.bold("Components") + " (weight for practice)",
    ]
    lines += weightsText(report.weights, style: style)
    lines += ["", style.bold("Terms")]
    if report.terms.isEmpty {
      lines.append("  None of the catalogue's technologies, concepts or the bank's tags is named.")
    } else {
      var rows = [["  name", "kind", "lines", "questions"]]
      for term in report.terms {
        let ids = term.questions.prefix(shownQuestionIDs).joined(separator: ", ")
        let more = term.questions.count > shownQuestionIDs ? ", …" : ""
        rows.append([
          "  " + TerminalText.safe(term.name) + (term.emphasised ? " *" : ""), term.kind,
          term.lines.map(String.init).joined(separator: ","),
          term.questions.isEmpty
            ? style.yellow("none") : "\(term.questions.count): \(ids)\(more)",
        ])
      }
      lines += TextLayout.tableRows(rows, width: style.width, flexible: 3)
      if report.terms.contains(where: \.emphasised) {
        lines.append(style.dim("  * written in bold: counts more"))
      }
    }
    if !gaps.isEmpty {
      lines += ["", gapsText(gaps.map(\.name), style: style)]
    }
    if let saved {
      lines += [
        "",
        "Saved as focus '\(saved)': practise it with 'rehearse mock --focus \(saved)', see "
          + "'rehearse today --focus \(saved)'.",
      ]
    }
    return lines.joined(separator: "\n")
  }

  /// The gaps, with the suggestion to add questions for them.
  static func gapsText(_ names: [String], style: TextStyle) -> String {
    style.bold("Gaps") + ": no question asks "
      + names.map(TerminalText.safe).joined(separator: ", ")
      + " yet. Add your own with 'rehearse bank add' (tag them so recon finds them)."
  }

  /// `rehearse recon show NAME`.
  static func focusText(_ focus: Focus, style: TextStyle) -> String {
    var lines = [
      style.bold("Focus \(focus.name)") + " (from \(TerminalText.safe(focus.source)))", "",
      style.bold("Components"),
    ]
    lines += weightsText(focus.weights, style: style)
    lines += ["", style.bold("Terms")]
    var rows = [["  name", "kind", "named", "questions"]]
    for term in focus.terms {
      rows.append([
        "  " + TerminalText.safe(term.name), term.kind, "\(term.count)",
        term.questions == 0 ? style.yellow("none") : "\(term.questions)",
      ])
    }
    lines += focus.terms.isEmpty ? ["  none"] : TextLayout.tableRows(rows)
    let gaps = focus.gaps.map(\.name)
    if !gaps.isEmpty { lines += ["", gapsText(gaps, style: style)] }
    return lines.joined(separator: "\n")
  }

  /// The focus part of `rehearse progress --focus NAME`.
  static func progressText(_ progress: FocusProgress, style: TextStyle) -> String {
    var lines = [style.bold("Focus \(progress.name)"), ""]
    var rows = [["  component", "weight", "answers", "mean"]]
    for row in progress.components {
      rows.append([
        "  " + row.component.rawValue, TextLayout.percent(row.weight), "\(row.answers)",
        row.meanScore.map { String(format: "%.1f", $0) } ?? "-",
      ])
    }
    lines += TextLayout.tableRows(rows)
    lines.append("")
    var terms = [["  term", "questions", "answered", "answers"]]
    for term in progress.terms {
      terms.append([
        "  " + TerminalText.safe(term.name), "\(term.questions)",
        term.questions == 0 ? style.yellow("gap") : "\(term.answered)", "\(term.answers)",
      ])
    }
    lines += progress.terms.isEmpty ? ["  no terms"] : TextLayout.tableRows(terms)
    return lines.joined(separator: "\n")
  }

  /// `rehearse recon list`.
  static func listText(_ focuses: [Focus], style: TextStyle) -> String {
    guard !focuses.isEmpty else {
      return
        "No focus saved yet: 'rehearse recon FILE --save NAME' reads a job description into one."
    }
    var rows = [["name", "heaviest components", "terms", "gaps", "source"]]
    for focus in focuses {
      rows.append([
        focus.name, focus.weights.prefix(2).map(\.component.rawValue).joined(separator: ", "),
        "\(focus.terms.count)", "\(focus.gaps.count)", TerminalText.safe(focus.source),
      ])
    }
    return TextLayout.table(rows, width: style.width, flexible: 4)
  }
}
