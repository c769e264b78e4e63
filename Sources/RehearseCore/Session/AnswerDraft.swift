/// The lines of the answer being typed, kept clean and within the size limit.
///
/// Control characters (escape sequences, NULs, bells), which a terminal would act on when the
/// transcript is shown, are dropped; tabs become spaces unless the answer is code, where they
/// indent. An answer never grows past `AnswerInput.maximumBytes`: what does not fit is cut at a
/// character boundary. Each of these is told once per answer.
struct AnswerDraft: Sendable, Equatable {
  private(set) var lines: [String] = []
  private var bytes = 0
  /// Whether the candidate was told that this answer held bytes that are not text.
  private var toldAboutBinary = false

  static let binaryNotice =
    "the answer held bytes that are not text (control characters or invalid UTF-8): "
    + "control characters were dropped and invalid bytes shown as \u{FFFD}"
  static let tooLongNotice =
    "the answer is longer than \(AnswerInput.maximumBytes) bytes: the rest was not kept"

  /// The answer as typed so far, without leading and trailing white space.
  var text: String {
    lines.joined(separator: "\n").trimmedWhitespace
  }

  var isEmpty: Bool { lines.isEmpty }

  /// Adds a whole line (`asLine`), or the unfinished part of one (ignored when empty); returns
  /// what the candidate should be told about it.
  mutating func append(_ raw: String, asLine: Bool, keepingTabs: Bool) -> [String] {
    let clean = Self.removingControlCharacters(raw, keepingTabs: keepingTabs)
    var notices: [String] = []
    if !toldAboutBinary
      && (clean != (keepingTabs ? raw : raw.replacingOccurrences(of: "\t", with: " "))
        || clean.contains("\u{FFFD}"))
    {
      toldAboutBinary = true
      notices.append(Self.binaryNotice)
    }
    guard asLine || !clean.isEmpty else { return notices }
    let room = AnswerInput.maximumBytes - bytes
    guard room > 0 else { return notices }
    let size = clean.utf8.count + (lines.isEmpty ? 0 : 1)
    if size <= room {
      lines.append(clean)
      bytes += size
      return notices
    }
    var kept = ""
    var used = lines.isEmpty ? 0 : 1
    for character in clean {
      let characterSize = character.utf8.count
      if used + characterSize > room { break }
      kept.append(character)
      used += characterSize
    }
    lines.append(kept)
    bytes = AnswerInput.maximumBytes
    return notices + [Self.tooLongNotice]
  }

  /// Empties the draft for the next answer; a notice already given is given again.
  mutating func reset() {
    self = AnswerDraft()
  }

  /// Empties the lines of an answer that ended; the notices given for it stand.
  mutating func clearLines() {
    lines = []
    bytes = 0
  }

  /// `text` without control characters; tabs become spaces, unless `keepingTabs`.
  static func removingControlCharacters(_ text: String, keepingTabs: Bool = false) -> String {
    guard
      text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        scalars.append(keepingTabs ? "\t" : " ")
      } else if scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
