import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A copy of a loaded bank kept under `REHEARSE_HOME/cache/`, so that a session starts without
/// parsing every YAML file again.
///
/// The copy is used only while it is whole and nothing it was made from has changed. Its
/// fingerprint is a checksum (`Checksum`) of the bank folder's path (and the own bank's, when one
/// is merged with it), the size and modification
/// time of the program itself (a new build may read the files differently), and the name and
/// content of every question, rubric and lexicon file of both; a checksum of the copy's own content,
/// kept in it, is checked on every read, so a copy damaged or edited by hand is never used.
/// Anything unexpected in the copy — another format, a truncated file, a checksum that does not
/// match — is treated as no copy at all: the bank is loaded from its files and the copy
/// rewritten. Only a bank that loads without problems is kept, in a file of mode 0600 in a
/// folder of mode 0700.
public struct BankCache: Sendable {
  public let folder: URL
  /// The running program, part of the fingerprint.
  public let executablePath: String

  public init(folder: URL, executablePath: String) {
    self.folder = folder
    self.executablePath = executablePath
  }

  static let magic: [UInt8] = Array("RHBC".utf8)
  static let formatVersion: UInt32 = 7
  /// The largest copy read: a hundred times the shipped bank's (2.5 MiB); a bank whose copy is
  /// larger is loaded from its files each time.
  static let maximumBytes = 256 * 1024 * 1024

  /// The bank under `root`, merged with the user's own bank at `ownRoot` when there is one
  /// (`BankLoader`), from the copy when it is current and whole, else from its files.
  public func load(root: URL, ownRoot: URL? = nil) throws(BankLoadFailure) -> Bank {
    let fingerprint = Self.fingerprint(root: root, ownRoot: ownRoot, executable: executablePath)
    let file = cacheFile(for: root, ownRoot: ownRoot).path
    if let fingerprint,
      let bytes = try? TextFile.bytes(path: file, limit: Self.maximumBytes, regularFileOnly: true),
      let bank = Self.decode(bytes, fingerprint: fingerprint, root: root)
    {
      // A copy made by an older version, at 0644 in a 0755 folder.
      PrivateFiles.tighten(folder: folder.path)
      PrivateFiles.tighten(file: file)
      return bank
    }
    let bank = try BankLoader(root: root, ownRoot: ownRoot).load()
    if let fingerprint { save(Self.encode(bank, fingerprint: fingerprint), to: file) }
    return bank
  }

  /// The copy's file: one per bank folder, and per own bank merged with it.
  func cacheFile(for root: URL, ownRoot: URL? = nil) -> URL {
    var key = Array(root.standardizedFileURL.path.utf8)
    if let ownRoot { key += [0] + Array(ownRoot.standardizedFileURL.path.utf8) }
    return folder.appendingPathComponent(
      "bank-" + String(Self.hash(key), radix: 16) + ".cache")
  }

  /// Writes the copy whole or not at all, private; a failure only means the next start parses
  /// again.
  private func save(_ bytes: [UInt8], to file: String) {
    do {
      try PrivateFiles.prepareFolder(folder.path)
      try AtomicFile.write(bytes, to: file)
    } catch {
      return
    }
  }

  // MARK: - Fingerprint

  /// FNV-1a over `bytes`: the name of a bank's copy, from its folder's path.
  static func hash(_ bytes: [UInt8], into start: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    var value = start
    for byte in bytes {
      value ^= UInt64(byte)
      value = value &* 0x100_0000_01b3
    }
    return value
  }

  /// What the copy depends on; `nil` when a file cannot be read (then no copy is used, and
  /// loading the files reports why).
  ///
  /// Every bank file is read and its content checked, so that an edit that keeps a file's size
  /// and modification time is seen; for the shipped bank this takes about a millisecond, against
  /// some hundreds for parsing it.
  static func fingerprint(root: URL, ownRoot: URL? = nil, executable: String) -> Checksum? {
    var record: [UInt8] = []
    func add(_ bytes: [UInt8]) {
      withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { record += $0 }
      record += bytes
    }
    add(Array(root.standardizedFileURL.path.utf8))
    var status = stat()
    guard stat(executable, &status) == 0 else { return nil }
    #if canImport(Darwin)
      let modified = status.st_mtimespec
    #else
      let modified = status.st_mtim
    #endif
    add(Array(executable.utf8))
    var numbers = [
      UInt64(truncatingIfNeeded: status.st_size),
      UInt64(truncatingIfNeeded: modified.tv_sec),
      UInt64(truncatingIfNeeded: modified.tv_nsec),
    ]
    add(numbers.withUnsafeMutableBytes { Array($0) })
    // The own bank's files count as the shipped ones do: an edit to an own question is never
    // served from an older copy. Its folders may be missing (no own question yet); that is
    // recorded too, so adding the first one is seen.
    for (base, optional) in [(root, false)] + (ownRoot.map { [($0, true)] } ?? []) {
      add(Array(base.standardizedFileURL.path.utf8))
      for folder in [BankLoader.questionFolder, BankLoader.rubricFolder] {
        let url = base.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
          if optional, !FileManager.default.fileExists(atPath: url.path) {
            add(Array(("no " + folder).utf8))
            continue
          }
          return nil
        }
        for name in names.filter({ $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }).sorted() {
          guard
            let content = try? TextFile.bytes(
              path: url.appendingPathComponent(name).path, limit: YAMLFile.maximumBytes,
              regularFileOnly: true)
          else { return nil }
          add(Array((folder + "/" + name).utf8))
          add(Checksum(content).bytes)
        }
      }
    }
    return Checksum(record)
  }

  // MARK: - Encoding

  /// The copy of `bank`: the magic, the format version, the fingerprint, the checksum of the
  /// content, then the content.
  static func encode(_ bank: Bank, fingerprint: Checksum) -> [UInt8] {
    let content = encodeContent(bank)
    return magic + withUnsafeBytes(of: UInt64(formatVersion).littleEndian) { Array($0) }
      + fingerprint.bytes + Checksum(content).bytes + content
  }

  private static func encodeContent(_ bank: Bank) -> [UInt8] {
    var writer = BinaryWriter()
    writer.count(bank.questions.count)
    for question in bank.questions {
      writer.string(question.id)
      writer.string(question.component.rawValue)
      writer.string(question.kind.rawValue)
      writer.string(question.prompt)
      writer.count(question.difficulty)
      writer.count(question.minutes)
      writer.strings(question.tags)
      writer.strings(question.hints)
      writer.strings(question.followUps)
      writer.string(question.modelAnswer)
      writer.strings(question.competencies.map(\.rawValue))
      writer.flag(question.sql != nil)
      if let sql = question.sql {
        writer.string(sql.fixture)
        writer.string(sql.referenceQuery)
        writer.flag(sql.ordered)
        writer.flag(sql.columnNames)
      }
      writer.flag(question.python != nil)
      if let python = question.python {
        writer.string(python.signature)
        writer.string(python.referenceSolution)
        writer.count(python.tests.count)
        for test in python.tests {
          writer.string(test.call)
          writer.string(test.expected)
        }
      }
      writer.location(question.location)
      writer.flag(question.isOwn)
    }
    let rubrics = bank.rubrics.values.sorted { $0.questionID < $1.questionID }
    writer.count(rubrics.count)
    for rubric in rubrics {
      writer.string(rubric.questionID)
      writer.location(rubric.location)
      writer.number(rubric.fullCreditAt)
      writer.string(rubric.curve.rawValue)
      writer.flag(rubric.readsNegation)
      writer.flag(rubric.readsClaims)
      writer.count(rubric.points.count)
      for point in rubric.points {
        writer.string(point.label)
        writer.number(point.weight)
        writer.flag(point.required)
        writer.phrasings(point.phrasings)
        writer.location(point.location)
      }
      writer.count(rubric.misconceptions.count)
      for misconception in rubric.misconceptions {
        writer.string(misconception.label)
        writer.phrasings(misconception.phrasings)
        writer.string(misconception.correction)
        writer.number(misconception.penalty)
        writer.location(misconception.location)
      }
      writer.count(rubric.examples.count)
      for example in rubric.examples {
        writer.string(example.band.rawValue)
        writer.string(example.kind.rawValue)
        writer.string(example.answer)
        writer.flag(example.note != nil)
        if let note = example.note { writer.string(note) }
        writer.location(example.location)
      }
    }
    writer.count(bank.lexicon.groups.count)
    for group in bank.lexicon.groups { writer.strings(group) }
    writer.count(bank.technologies.count)
    for technology in bank.technologies {
      writer.string(technology.name)
      writer.string(technology.kind.rawValue)
      writer.strings(technology.aliases)
      writer.strings(technology.components.map(\.rawValue))
      writer.location(technology.location)
    }
    return writer.buffer
  }

  /// The bytes before a copy's fingerprint: the magic and the format version.
  static let headerSize = magic.count + 8

  /// The format version in the header of a copy (its first `headerSize` bytes); `nil` when they
  /// are no copy's.
  static func formatVersion(ofHeader bytes: [UInt8]) -> UInt32? {
    var reader = BinaryReader(bytes)
    guard reader.bytes(magic.count) == magic, let version = reader.integer() else { return nil }
    return UInt32(exactly: version)
  }

  /// The bank in `bytes`, or `nil` when it is not a current copy, whole and unchanged.
  static func decode(_ bytes: [UInt8], fingerprint: Checksum, root: URL) -> Bank? {
    var reader = BinaryReader(bytes)
    guard formatVersion(ofHeader: bytes) == formatVersion, reader.bytes(headerSize) != nil,
      reader.bytes(16).flatMap(Checksum.init(bytes:)) == fingerprint,
      let checksum = reader.bytes(16).flatMap(Checksum.init(bytes:)),
      Checksum(bytes[reader.offset...]) == checksum
    else { return nil }
    return try? readBank(&reader, root: root)
  }

  private static func readBank(_ reader: inout BinaryReader, root: URL) throws -> Bank {
    var questions: [Question] = []
    for _ in 0..<(try reader.count()) {
      let id = try reader.string()
      let component = try reader.value(Component.self)
      let kind = try reader.value(QuestionKind.self)
      let prompt = try reader.string()
      let difficulty = try reader.count()
      let minutes = try reader.count()
      let tags = try reader.strings()
      let hints = try reader.strings()
      let followUps = try reader.strings()
      let modelAnswer = try reader.string()
      let competencies = try reader.strings().map { name in
        guard let competency = Competency(rawValue: name) else { throw BinaryReader.Invalid() }
        return competency
      }
      var sql: SQLExercise?
      if try reader.flag() {
        sql = SQLExercise(
          fixture: try reader.string(), referenceQuery: try reader.string(),
          ordered: try reader.flag(), columnNames: try reader.flag())
      }
      var python: PythonExercise?
      if try reader.flag() {
        let signature = try reader.string()
        let solution = try reader.string()
        var tests: [PythonExercise.TestCase] = []
        for _ in 0..<(try reader.count()) {
          tests.append(.init(call: try reader.string(), expected: try reader.string()))
        }
        python = PythonExercise(signature: signature, referenceSolution: solution, tests: tests)
      }
      questions.append(
        Question(
          id: id, component: component, kind: kind, prompt: prompt, difficulty: difficulty,
          minutes: minutes, tags: tags, hints: hints, followUps: followUps,
          modelAnswer: modelAnswer, competencies: competencies, sql: sql, python: python,
          location: try reader.location(), isOwn: try reader.flag()))
    }
    var rubrics: [String: Rubric] = [:]
    for _ in 0..<(try reader.count()) {
      let questionID = try reader.string()
      let location = try reader.location()
      let fullCreditAt = try reader.number()
      let curve = try reader.value(CreditCurve.self)
      let readsNegation = try reader.flag()
      let readsClaims = try reader.flag()
      var points: [TalkingPoint] = []
      for _ in 0..<(try reader.count()) {
        points.append(
          TalkingPoint(
            label: try reader.string(), weight: try reader.number(), required: try reader.flag(),
            phrasings: try reader.phrasings(), location: try reader.location()))
      }
      var misconceptions: [Misconception] = []
      for _ in 0..<(try reader.count()) {
        misconceptions.append(
          Misconception(
            label: try reader.string(), phrasings: try reader.phrasings(),
            correction: try reader.string(), penalty: try reader.number(),
            location: try reader.location()))
      }
      var examples: [GradedExample] = []
      for _ in 0..<(try reader.count()) {
        let band = try reader.value(Band.self)
        let kind = try reader.value(GradedExample.Kind.self)
        let answer = try reader.string()
        let note = try reader.flag() ? try reader.string() : nil
        examples.append(
          GradedExample(
            band: band, answer: answer, note: note, kind: kind, location: try reader.location()))
      }
      rubrics[questionID] = Rubric(
        questionID: questionID, points: points, misconceptions: misconceptions,
        examples: examples, fullCreditAt: fullCreditAt, curve: curve, readsNegation: readsNegation,
        readsClaims: readsClaims,
        location: location)
    }
    var groups: [[String]] = []
    for _ in 0..<(try reader.count()) { groups.append(try reader.strings()) }
    var technologies: [Technology] = []
    for _ in 0..<(try reader.count()) {
      let name = try reader.string()
      let kind = try reader.value(Technology.Kind.self)
      let aliases = try reader.strings()
      let components = try reader.strings().map { value in
        guard let component = Component(rawValue: value) else { throw BinaryReader.Invalid() }
        return component
      }
      technologies.append(
        Technology(
          name: name, kind: kind, aliases: aliases, components: components,
          location: try reader.location()))
    }
    guard reader.isAtEnd else { throw BinaryReader.Invalid() }
    return Bank(
      questions: questions, rubrics: rubrics, lexicon: Lexicon(groups: groups),
      technologies: technologies, root: root)
  }
}
