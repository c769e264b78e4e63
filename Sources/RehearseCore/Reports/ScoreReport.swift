/// Renders a scored answer as the feedback a candidate reads.
public enum ScoreReport {
  /// Score and band, the talking points hit with the words that earned them, the points missed,
  /// and any misconceptions with their corrections.
  public static func render(_ scored: ScoredAnswer, style: TextStyle) -> String {
    var lines: [String] = []
    lines.append(
      "\(style.bold(scored.question))  score \(style.bold("\(scored.score)/100"))  "
        + style.band(scored.band))
    if scored.cappedByRequired {
      lines.append(style.dim("  capped below strong: a required talking point is missing"))
    }
    if !scored.hits.isEmpty {
      lines.append("")
      lines.append(style.bold("Talking points made"))
      for hit in scored.hits {
        let quotes = hit.evidence.map { "\"\($0)\"" }.joined(separator: " … ")
        lines.append(
          "  \(style.green("✓")) \(hit.point)" + (quotes.isEmpty ? "" : "  " + style.dim(quotes)))
      }
    }
    if !scored.misses.isEmpty {
      lines.append("")
      lines.append(style.bold("Talking points missed"))
      for miss in scored.misses {
        let required = miss.required ? style.yellow(" (required)") : ""
        if miss.credit > 0 {
          let quotes = miss.evidence.map { "\"\($0)\"" }.joined(separator: " … ")
          lines.append(
            "  \(style.yellow("~")) \(miss.point)\(required)  \(style.dim("partly: " + quotes))")
        } else {
          lines.append("  \(style.red("✗")) \(miss.point)\(required)")
        }
      }
    }
    if !scored.misconceptions.isEmpty {
      lines.append("")
      lines.append(style.bold("Misconceptions"))
      for misconception in scored.misconceptions {
        let penalty =
          misconception.penalty > 0 ? style.red(" (−\(Int(misconception.penalty)))") : ""
        let quotes = misconception.evidence.map { "\"\($0)\"" }.joined(separator: " … ")
        lines.append("  \(style.red("!")) \(misconception.label)\(penalty)  \(style.dim(quotes))")
        lines.append("    → \(misconception.correction)")
      }
    }
    if let star = scored.star {
      lines.append("")
      lines += starLines(star, style: style)
    }
    return lines.joined(separator: "\n")
  }

  /// The STAR reading: the parts found, the pipeline parts, and one line per finding.
  public static func starLines(_ star: StarFeedback, style: TextStyle) -> [String] {
    func mark(_ present: Bool, _ name: String) -> String {
      (present ? style.green("✓") : style.red("✗")) + " " + name
    }
    var lines = [
      style.bold("STAR") + "  "
        + StarPart.allCases.map { mark(star.star[$0], $0.rawValue) }.joined(separator: "  ")
    ]
    if let pipeline = star.pipeline {
      lines.append(
        style.bold("Pipeline") + "  "
          + PipelinePart.allCases.map { mark(pipeline[$0], $0.rawValue) }.joined(separator: "  "))
    }
    for finding in star.findings {
      lines.append("  \(style.yellow("•")) \(finding)")
    }
    return lines
  }
}
