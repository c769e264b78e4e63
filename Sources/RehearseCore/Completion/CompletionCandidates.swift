import Foundation

/// The candidates of each kind of value (`CompletableValue`), in the order a shell should offer
/// them: ids, tags, slugs and names alphabetically; `last` first, then sessions and debriefs
/// newest first.
///
/// Every source is read as the commands read it, but nothing is reported, migrated or created
/// beyond the bank's cache, rewritten when out of date as any command rewrites it: a bank that
/// does not load, a store that does not open or a folder that cannot be read gives no
/// candidates of its kind.
enum CompletionCandidates {
  /// Every candidate of `request.value`, before filtering by the prefix typed.
  static func all(_ request: CompletionRequest) -> [String] {
    switch request.value {
    case .question:
      return questions(request).map(\.id).sorted()
    case .ownQuestion:
      return questions(request).filter(\.isOwn).map(\.id).sorted()
    case .draft:
      return OwnBank(folder: request.home.appendingPathComponent(RehearseHome.bankName))
        .draftIDs()
    case .tag:
      return tags(of: questions(request))
    case .ownTag:
      return tags(of: questions(request).filter(\.isOwn))
    case .story:
      return (try? StoryLibrary(home: request.home).slugs()) ?? []
    case .focus:
      return (try? FocusLibrary(home: request.home).savedNames()) ?? []
    case .session, .transcript, .debrief, .debriefID:
      return recorded(request)
    case .debriefQuestion:
      guard let debrief = request.debrief, let records = request.openRecords(),
        let count = try? records.debriefQuestionCount(debrief), count > 0
      else { return [] }
      return (1...count).map(String.init)
    }
  }

  /// The bank's questions, merged with the own bank, or none when it does not load. Its
  /// warnings are dropped, and it is loaded through its cache as commands load it, except that
  /// a cache folder inside a home folder that does not exist is not used: a completion never
  /// makes the home folder.
  private static func questions(_ request: CompletionRequest) -> [Question] {
    var quiet = request.bank
    quiet.warn = { _ in }
    let home = request.home.standardizedFileURL.path
    if let cache = quiet.cacheFolder?.standardizedFileURL.path, cache.hasPrefix(home + "/"),
      !FileManager.default.fileExists(atPath: home)
    {
      quiet.cacheFolder = nil
    }
    return (try? quiet.load().questions) ?? []
  }

  /// The distinct tags of `questions`, sorted.
  private static func tags(of questions: [Question]) -> [String] {
    Set(questions.flatMap(\.tags)).sorted()
  }

  /// The session and debrief ids `request.value` takes, from the store when there is one;
  /// `last` leads when there is a newest one for it to name.
  private static func recorded(_ request: CompletionRequest) -> [String] {
    let value = request.value
    guard let records = request.openRecords() else { return [] }
    let sessions =
      [.session, .transcript].contains(value)
      ? ((try? records.sessionIDs()) ?? []).map(String.init) : []
    let debriefs =
      [.transcript, .debrief, .debriefID].contains(value)
      ? ((try? records.debriefIDs()) ?? []).map(Debrief.label) : []
    let named = value == .debrief ? debriefs : sessions
    let last = value == .debriefID || named.isEmpty ? [] : ["last"]
    return last + sessions + debriefs
  }
}
