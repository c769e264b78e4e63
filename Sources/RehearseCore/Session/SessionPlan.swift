/// The questions of a session, in the order they are asked, with their time limits.
///
/// A plan is drawn once, saved with the session and read back on `--resume`, so a resumed session
/// asks the same questions with the same limits.
public struct SessionPlan: Sendable, Equatable, Codable {
  /// One question of the plan and the seconds allowed for its answer.
  public struct Item: Sendable, Equatable, Codable {
    public var questionID: String
    public var component: Component
    public var limitSeconds: Int

    public init(questionID: String, component: Component, limitSeconds: Int) {
      self.questionID = questionID
      self.component = component
      self.limitSeconds = limitSeconds
    }
  }

  public var items: [Item]
  /// The seconds allowed for the whole session.
  public var sessionLimitSeconds: Int
  /// The seed the questions were drawn with; the same seed and flags draw the same questions.
  public var seed: UInt64
  /// The story retold, when the session is a story rehearsal rather than a mock interview.
  public var rehearsedStory: String?
  /// The focus the questions were drawn for (`mock --focus NAME`), shown again on `--resume`.
  public var focus: String?

  public init(
    items: [Item], sessionLimitSeconds: Int, seed: UInt64, rehearsedStory: String? = nil,
    focus: String? = nil
  ) {
    self.items = items
    self.sessionLimitSeconds = sessionLimitSeconds
    self.seed = seed
    self.rehearsedStory = rehearsedStory
    self.focus = focus
  }

  /// The components of the plan, each once, in the order of the user's notes.
  public var components: [Component] {
    Array(Set(items.map(\.component))).sorted()
  }
}

extension SessionPlan {
  /// The longest limit accepted, in minutes.
  public static let maximumMinutes = 24.0 * 60
  /// The shortest limit accepted, in minutes: three seconds.
  public static let minimumMinutes = 0.05

  /// Draws the questions of a session from `bank` as `selection` asks.
  ///
  /// Without a count, one question of each selected component, in the order of the user's notes.
  /// With a count, the questions are spread evenly over the selected components (the earlier ones
  /// get the extra), drawn at random within each component, and asked component by component.
  /// With a focus, its quotas decide how many come from each component (`FocusDraw`), still
  /// asked in the order of the notes. A count larger than the matching questions asks them all;
  /// `shortfall` tells by how many.
  public static func draw(
    from bank: Bank, _ selection: SessionSelection
  ) throws -> (plan: SessionPlan, shortfall: Int) {
    if let count = selection.count, count < 1 {
      throw SessionSelectionError.invalidValue(
        flag: "--count", value: "\(count)", expected: "a whole number from 1")
    }
    for (flag, minutes) in [
      ("--minutes", selection.minutesPerQuestion), ("--session-minutes", selection.sessionMinutes),
    ] {
      if let minutes, !(minimumMinutes...maximumMinutes).contains(minutes) {
        throw SessionSelectionError.invalidValue(
          flag: flag, value: "\(minutes)",
          expected: "minutes from \(minimumMinutes) to \(Int(maximumMinutes))")
      }
    }
    var chosen: [Question]
    var shortfall = 0
    if !selection.questionIDs.isEmpty {
      chosen = try selection.questionIDs.map { try bank.requireQuestion(id: $0) }
      if let reason = selection.pythonUnavailable,
        let python = chosen.first(where: { $0.python != nil })
      {
        throw SessionSelectionError.cannotRun(questionID: python.id, reason: reason)
      }
    } else {
      let components = selection.components.isEmpty ? Component.allCases : selection.components
      var generator = SeededGenerator(seed: selection.seed)
      let wantedTags = Set(selection.tags.map { $0.lowercased() })
      var pools: [(Component, [Question])] = []
      for component in Component.allCases where components.contains(component) {
        let pool = bank.questions.filter { question in
          question.component == component
            && (selection.difficulties?.contains(question.difficulty) ?? true)
            && (selection.pythonUnavailable == nil || question.python == nil)
            && (wantedTags.isEmpty
              || question.tags.contains { wantedTags.contains($0.lowercased()) })
        }
        let ordered = order(pool.shuffled(using: &generator), selection)
        if !ordered.isEmpty { pools.append((component, ordered)) }
      }
      guard !pools.isEmpty else {
        throw SessionSelectionError.noQuestions(filters: describe(selection, components))
      }
      // One source without a count: as many of it as a default session has questions, from
      // whichever components have them.
      let wanted =
        selection.count
        ?? (selection.source == nil
          ? pools.count : min(pools.reduce(0) { $0 + $1.1.count }, Component.allCases.count))
      var taken = [Int](repeating: 0, count: pools.count)
      var remaining = wanted
      if let focus = selection.focus {
        // The focus's quotas first, as far as each component has questions; what they leave
        // goes round robin below.
        let quotas = focus.quotas(
          for: pools.map(\.0), wanted: wanted, using: &generator)
        for index in pools.indices {
          taken[index] = min(quotas[index], pools[index].1.count)
          remaining -= taken[index]
        }
      }
      // Round robin over the components until the count is met or every pool is empty.
      while remaining > 0 {
        var progressed = false
        for index in pools.indices where remaining > 0 && taken[index] < pools[index].1.count {
          taken[index] += 1
          remaining -= 1
          progressed = true
        }
        if !progressed { break }
      }
      shortfall = remaining
      chosen = pools.indices.flatMap { pools[$0].1.prefix(taken[$0]) }
    }
    let items = chosen.map {
      Item(
        questionID: $0.id, component: $0.component,
        limitSeconds: selection.minutesPerQuestion.map(seconds) ?? $0.minutes * 60)
    }
    let sessionSeconds =
      selection.sessionMinutes.map(seconds) ?? items.reduce(0) { $0 + $1.limitSeconds }
    return (
      SessionPlan(
        items: items, sessionLimitSeconds: sessionSeconds, seed: selection.seed,
        focus: selection.focus?.name),
      shortfall
    )
  }

  /// A component's questions, shuffled, in the order a study-ordered draw takes them: due, on
  /// weak points, new, then the rest; resting ones (answered in the last few days, not due) and,
  /// with a source, those of another standing are left out. Without study, as shuffled.
  private static func order(_ shuffled: [Question], _ selection: SessionSelection) -> [Question] {
    // With a focus, the questions asking its terms come first within each standing.
    let focused = selection.focus?.questionIDs ?? []
    let asksFocus = { (question: Question) in focused.contains(question.id) }
    guard let study = selection.study else {
      return shuffled.filter(asksFocus) + shuffled.filter { !asksFocus($0) }
    }
    let ranked = shuffled.enumerated().compactMap {
      item -> (standing: StudyState.Standing, index: Int, question: Question)? in
      let standing = study.standing(of: item.element.id)
      guard standing != .resting, selection.source.map({ $0.standing == standing }) ?? true
      else { return nil }
      return (standing, item.offset, item.element)
    }
    return ranked.sorted { first, second in
      if first.standing != second.standing { return first.standing < second.standing }
      if asksFocus(first.question) != asksFocus(second.question) {
        return asksFocus(first.question)
      }
      if study.precedes(first.question.id, second.question.id) { return true }
      if study.precedes(second.question.id, first.question.id) { return false }
      return first.index < second.index
    }.map(\.question)
  }

  private static func seconds(_ minutes: Double) -> Int {
    max(1, Int((minutes * 60).rounded()))
  }

  private static func describe(_ selection: SessionSelection, _ components: [Component]) -> String {
    var parts: [String] = []
    if !selection.components.isEmpty || selection.source == nil {
      parts.append("components " + components.map(\.rawValue).joined(separator: ", "))
    }
    if !selection.tags.isEmpty {
      parts.append("tag " + selection.tags.joined(separator: " or "))
    }
    switch selection.source {
    case .due?: parts.append("due today")
    case .weak?: parts.append("on talking points still missed")
    case .new?: parts.append("never answered")
    case nil: break
    }
    if selection.study != nil && selection.source != .due {
      parts.append("not answered in the last \(StudyState.restDays) days")
    }
    if let range = selection.difficulties {
      parts.append(
        range.count == 1
          ? "difficulty \(range.lowerBound)"
          : "difficulty \(range.lowerBound)-\(range.upperBound)")
    }
    return parts.joined(separator: " and ")
  }
}

/// A small, fast pseudo-random generator (SplitMix64) whose sequence depends only on its seed.
///
/// The standard library's generator is seeded by the system and cannot reproduce a draw.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
