import Foundation
import Yams

/// Reads the lines of one story file.
struct StoryFileParser {
  let file: String
  let lines: [String]
  var problems: [StoryFileError] = []

  init(file: String, lines: [String]) {
    self.file = file
    self.lines = lines
  }

  static let sectionNames: [String: String] = [
    "situation": "situation", "context": "situation", "background": "situation",
    "task": "task", "action": "action", "actions": "action", "result": "result",
    "results": "result", "outcome": "result", "pipeline": "pipeline", "notes": "notes",
  ]
  static let pipelineNames: [String: PipelinePart] = [
    "requirement": .requirement, "business requirement": .requirement,
    "requirements": .requirement, "need": .requirement, "business need": .requirement,
    "source": .source, "sources": .source, "data source": .source, "data sources": .source,
    "logic": .logic, "business logic": .logic, "transformation": .logic,
    "transformations": .logic, "destination": .destination, "target": .destination,
    "sink": .destination, "scheduler": .scheduler, "scheduling": .scheduler,
    "schedule": .scheduler, "orchestration": .scheduler,
  ]

  mutating func parse(slug: String) -> Story? {
    guard let first = lines.first, first.trimmedWhitespace == "---" else {
      problems.append(.missingFrontMatter(file: file))
      return nil
    }
    guard
      let close = lines.indices.dropFirst().first(where: {
        ["---", "..."].contains(lines[$0].trimmedWhitespace)
      })
    else {
      problems.append(.unclosedFrontMatter(file: file, line: 1))
      return nil
    }
    let header = readFrontMatter(lines[1..<close].joined(separator: "\n"), closeLine: close + 1)
    var story = Story(
      slug: slug, title: header.title ?? "", competencies: header.competencies,
      tags: header.tags, date: header.date, file: file)
    readBody(from: close + 1, into: &story)
    return header.title == nil ? nil : story
  }

  // MARK: Front matter

  struct Header {
    var title: String?
    var competencies: [Competency] = []
    var tags: [String] = []
    var date: String?
  }

  /// Reads the front matter, whose first line is line 2 of the file.
  mutating func readFrontMatter(_ yaml: String, closeLine: Int) -> Header {
    var header = Header()
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml, .basic)
    } catch let error as YamlError {
      problems.append(syntaxProblem(error))
      return header
    } catch {
      problems.append(.frontMatterSyntax(file: file, line: 2, message: "\(error)"))
      return header
    }
    guard let node else {
      problems.append(.missingField(file: file, line: closeLine, key: "title"))
      return header
    }
    guard let mapping = node.mapping else {
      problems.append(.frontMatterNotMapping(file: file, line: line(of: node)))
      return header
    }
    var seen: Set<String> = []
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      let at = line(of: keyNode)
      seen.insert(key)
      switch key {
      case "title":
        guard let title = value.scalar?.string else {
          problems.append(.wrongType(file: file, line: at, key: key, expected: "text"))
          continue
        }
        let trimmed = title.trimmedWhitespace
        if trimmed.isEmpty {
          problems.append(.emptyField(file: file, line: at, key: key))
        } else {
          header.title = trimmed
        }
      case "competencies":
        guard let names = textList(value, key: key, at: at) else { continue }
        if names.isEmpty { problems.append(.emptyField(file: file, line: at, key: key)) }
        for name in names {
          if let competency = Competency(rawValue: name.lowercased()) {
            if !header.competencies.contains(competency) { header.competencies.append(competency) }
          } else {
            problems.append(
              .unknownCompetency(
                file: file, line: at, value: name,
                suggestion: closestKey(to: name, among: Competency.allCases.map(\.rawValue))))
          }
        }
      case "tags":
        header.tags = textList(value, key: key, at: at) ?? []
      case "date":
        guard let text = value.scalar?.string.trimmedWhitespace else {
          problems.append(.wrongType(file: file, line: at, key: key, expected: "a date"))
          continue
        }
        if StoryDate.isValid(text) {
          header.date = text
        } else {
          problems.append(.invalidDate(file: file, line: at, value: text))
        }
      default:
        problems.append(
          .unknownField(
            file: file, line: at, key: key,
            suggestion: closestKey(to: key, among: StoryFile.frontMatterKeys)))
      }
    }
    for key in ["title", "competencies"] where !seen.contains(key) {
      problems.append(.missingField(file: file, line: closeLine, key: key))
    }
    return header
  }

  /// A list of texts: a YAML sequence, or one text with commas.
  mutating func textList(_ node: Node, key: String, at: Int) -> [String]? {
    if let scalar = node.scalar {
      return scalar.string.split(separator: ",").map { String($0).trimmedWhitespace }.filter {
        !$0.isEmpty
      }
    }
    if let sequence = node.sequence {
      var values: [String] = []
      for item in sequence {
        guard let text = item.scalar?.string.trimmedWhitespace else {
          problems.append(
            .wrongType(file: file, line: line(of: item), key: key, expected: "a list of texts"))
          return nil
        }
        if !text.isEmpty { values.append(text) }
      }
      return values
    }
    problems.append(.wrongType(file: file, line: at, key: key, expected: "a list of texts"))
    return nil
  }

  /// The file line of a front-matter node (the front matter starts at line 2).
  func line(of node: Node) -> Int {
    (node.mark?.line ?? 1) + 1
  }

  func syntaxProblem(_ error: YamlError) -> StoryFileError {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\(problem) (\($0.text))" } ?? problem
      return .frontMatterSyntax(file: file, line: mark.line + 1, message: detail)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .frontMatterSyntax(
        file: file, line: context.mark.line + 1,
        message: "the key '\(duplicates.joined(separator: ", "))' appears twice")
    default:
      return .frontMatterSyntax(file: file, line: 2, message: "\(error)")
    }
  }

  // MARK: Body

  enum Place {
    case beforeSections
    case star(StarPart)
    case pipelineIntro
    case pipeline(PipelinePart)
    case notes
    /// Under a heading that is already reported as wrong: its text is not read.
    case ignored
  }

  /// Reads the sections that follow the front matter, starting at index `start` of `lines`.
  mutating func readBody(from start: Int, into story: inout Story) {
    var place = Place.beforeSections
    var buffer: [String] = []
    var bufferLine = 0
    var firstLines: [String: Int] = [:]
    var inFence = false
    var toldOutside = false

    func flush(_ story: inout Story, place: Place) {
      let text = buffer.joined(separator: "\n").trimmedWhitespace
      let section = StorySection(text: text, line: bufferLine)
      switch place {
      case .beforeSections, .pipelineIntro, .ignored: break
      case .star(let part): story.star[part] = section
      case .pipeline(let part): story.pipeline?[part] = section
      case .notes: story.notes = section
      }
      buffer = []
    }

    for index in start..<lines.count {
      let raw = lines[index]
      let lineNumber = index + 1
      let trimmed = raw.trimmedWhitespace
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
      if !inFence, let (level, title) = Self.heading(trimmed) {
        let key = title.lowercased()
        if level == 1, case .beforeSections = place { continue }  // a `# Title` line
        if level <= 2 {
          flush(&story, place: place)
          guard let name = Self.sectionNames[key] else {
            problems.append(
              .unknownSection(
                file: file, line: lineNumber, heading: title,
                suggestion: closestKey(to: key, among: Array(Self.sectionNames.keys))
                  .map { $0.prefix(1).uppercased() + $0.dropFirst() }))
            place = .ignored
            continue
          }
          if let firstLine = firstLines[name] {
            problems.append(
              .duplicateSection(file: file, line: lineNumber, heading: title, firstLine: firstLine))
          }
          firstLines[name] = firstLines[name] ?? lineNumber
          bufferLine = lineNumber
          switch name {
          case "pipeline":
            place = .pipelineIntro
            if story.pipeline == nil { story.pipeline = [:] }
          case "notes": place = .notes
          default: place = .star(StarPart(rawValue: name)!)
          }
          continue
        }
        if level == 3, isInPipeline(place) {
          flush(&story, place: place)
          guard let part = Self.pipelineNames[key] else {
            problems.append(
              .unknownPipelinePart(
                file: file, line: lineNumber, heading: title,
                suggestion: closestKey(to: key, among: PipelinePart.allCases.map(\.rawValue))
                  .map { $0.prefix(1).uppercased() + $0.dropFirst() }))
            place = .ignored
            continue
          }
          noteDuplicate(part, heading: title, line: lineNumber, firstLines: &firstLines)
          place = .pipeline(part)
          bufferLine = lineNumber
          continue
        }
      }
      if !inFence, isInPipeline(place), let (part, rest) = Self.labelledPart(trimmed) {
        flush(&story, place: place)
        noteDuplicate(part, heading: part.heading, line: lineNumber, firstLines: &firstLines)
        place = .pipeline(part)
        bufferLine = lineNumber
        buffer = [rest]
        continue
      }
      switch place {
      case .beforeSections, .pipelineIntro:
        if !trimmed.isEmpty && !toldOutside {
          var inPipeline = false
          if case .pipelineIntro = place { inPipeline = true }
          problems.append(.textOutsideSection(file: file, line: lineNumber, inPipeline: inPipeline))
          toldOutside = true
        }
      default:
        buffer.append(raw)
      }
    }
    flush(&story, place: place)
  }

  /// Reports a pipeline part given a second time.
  mutating func noteDuplicate(
    _ part: PipelinePart, heading: String, line: Int, firstLines: inout [String: Int]
  ) {
    let key = "pipeline." + part.rawValue
    if let firstLine = firstLines[key] {
      problems.append(
        .duplicateSection(file: file, line: line, heading: heading, firstLine: firstLine))
    } else {
      firstLines[key] = line
    }
  }

  func isInPipeline(_ place: Place) -> Bool {
    switch place {
    case .pipelineIntro, .pipeline: true
    default: false
    }
  }

  /// The level and text of a Markdown ATX heading.
  static func heading(_ line: String) -> (Int, String)? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...3).contains(hashes) else { return nil }
    let rest = line.dropFirst(hashes)
    guard rest.first == " " || rest.first == "\t" else { return nil }
    var title = String(rest).trimmedWhitespace
    while title.hasSuffix("#") { title.removeLast() }
    title = title.trimmedWhitespace
    while title.hasSuffix(":") { title.removeLast() }
    return title.isEmpty ? nil : (hashes, title)
  }

  /// A line that starts a pipeline part by its label: `Source: …`, `- **Source**: …`.
  static func labelledPart(_ line: String) -> (PipelinePart, String)? {
    var text = Substring(line)
    if text.hasPrefix("- ") || text.hasPrefix("* ") { text = text.dropFirst(2) }
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let label = text[..<colon].replacingOccurrences(of: "*", with: "").trimmedWhitespace
      .lowercased()
    guard let part = pipelineNames[label] else { return nil }
    var rest = text[text.index(after: colon)...]
    while rest.first == "*" { rest = rest.dropFirst() }
    return (part, String(rest).trimmedWhitespace)
  }
}
