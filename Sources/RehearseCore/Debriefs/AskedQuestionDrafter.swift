import Foundation

/// Reads a question a real interview asked as the fields of a new own question.
public enum AskedQuestionDrafter {
  /// How many of the most alike bank questions vote for the component.
  static let voters = 5

  /// The fields a new question made from `asked` (of a debrief with `company`) would start with.
  ///
  /// The component is the one the most alike bank questions hold, each weighing its likeness:
  /// the words (stems, by the project's tokenizer) it shares with the asked question, each
  /// counting more the fewer bank questions use it. With no question alike, `behavioural`: an
  /// interview question that names no technology is most often about the candidate.
  public static func fields(for asked: AskedQuestion, company: String, bank: [Question])
    -> NewQuestionFields
  {
    let askedStems = stems(asked.text)
    let bankStems = bank.map { stems($0.prompt + " " + $0.tags.joined(separator: " ")) }
    var documents: [String: Int] = [:]
    for set in bankStems { for stem in set { documents[stem, default: 0] += 1 } }
    let count = Double(max(1, bank.count))
    let scored = bank.indices.compactMap { index -> (Int, Double)? in
      let shared = askedStems.intersection(bankStems[index])
      let score = shared.reduce(0.0) { $0 + log(1 + count / Double(documents[$1] ?? 1)) }
      return score > 0 ? (index, score) : nil
    }.sorted { ($1.1, bank[$0.0].id) < ($0.1, bank[$1.0].id) }
    let alike = scored.prefix(voters)
    var votes: [Component: Double] = [:]
    for (index, score) in alike { votes[bank[index].component, default: 0] += score }
    let component =
      votes.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key
      ?? .behavioural
    // The tags of alike questions that the asked question itself names.
    var tags = ["debrief"]
    let companyTag = slug(company)
    if !companyTag.isEmpty { tags.append(companyTag) }
    for (index, _) in alike {
      for tag in bank[index].tags where !tags.contains(tag) {
        let tagStems = stems(tag)
        if !tagStems.isEmpty && tagStems.isSubset(of: askedStems) { tags.append(tag) }
      }
    }
    return NewQuestionFields(
      component: component, prompt: asked.text, tags: tags, modelAnswer: asked.answer,
      hint: asked.improve.isEmpty ? nil : asked.improve,
      similarQuestions: alike.map { bank[$0.0].id })
  }

  /// The stems of `text` that say what it is about: not the words every question uses.
  static func stems(_ text: String) -> Set<String> {
    Set(
      Tokenizer.tokens(of: text).filter { $0.text.count > 1 && !commonWords.contains($0.stem) }
        .map(\.stem))
  }

  /// Words of questions that say nothing of their subject, as stems.
  static let commonWords = StoryMatcher.commonStems.union(
    [
      "the", "and", "for", "are", "is", "do", "does", "of", "to", "in", "on", "an", "or", "it",
      "be", "can", "like", "use", "used", "using", "familiar", "experience", "know", "explain",
      "why", "who", "where", "we", "our", "me", "my", "these", "those", "its",
    ].flatMap { Tokenizer.tokens(of: $0).map(\.stem) })

  /// `text` as a lowercase tag: letters and digits, words joined by hyphens.
  static func slug(_ text: String) -> String {
    text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: "-")
  }
}
