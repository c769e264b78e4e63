import Foundation
import Yams

/// Measures what the aliases of a YAML file would expand to before the file is composed, so that
/// a file of a few hundred bytes cannot make loading build, hash or walk billions of nodes (the
/// "billion laughs").
///
/// An alias (`*name`) stands for the whole node anchored as `&name`, which may itself hold
/// aliases: nine levels of ten aliases each are 10⁹ nodes, and the YAML library hashes a mapping
/// key whole to find duplicates, so such an alias used as a key costs minutes of CPU. Here every
/// alias of the text is first replaced by a plain placeholder (so the copy composes in time
/// linear in its length), the copy is composed, and a walk in document order counts the nodes
/// each anchor stands for and what each alias adds; a file whose aliases add more than
/// `maximumAddedNodes` nodes is refused at the alias that goes past it.
enum YAMLAliases {
  /// The most nodes the aliases of one file may add: far beyond any sharing a bank would do
  /// (the shipped bank uses none), and a walk of well under a second.
  static let maximumAddedNodes = 100_000

  /// What a file's aliases expand to, when it goes past the limit.
  struct Excess: Equatable {
    /// The line of the alias at which the nodes added went past the limit.
    var line: Int
    /// The alias's name, without the `*`.
    var name: String
  }

  /// The first alias of `text` at which its aliases add more than `maximumAddedNodes` nodes;
  /// `nil` when they add fewer, or when the text has no alias.
  ///
  /// - Throws: the YAML library's error when the text does not compose (the same error as
  ///   composing `text` itself gives, at the same line).
  static func excess(in text: String, limit: Int = maximumAddedNodes) throws -> Excess? {
    guard let copy = placeholderCopy(of: text) else { return nil }
    // A node holds its anchor weakly; the parser keeps them, so it must outlive the walk.
    let parser = try Parser(yaml: copy, resolver: .basic)
    guard let root = try parser.singleRoot() else { return nil }
    var walk = Walk(limit: limit)
    withExtendedLifetime(parser) { _ = walk.size(of: root) }
    return walk.excess
  }

  /// What stands for `*` in the copy: a private-use character, plain text to YAML.
  static let placeholder: Unicode.Scalar = "\u{E000}"

  /// `text` with every `*` that starts an alias name replaced by `placeholder`; `nil` when no `*`
  /// does, so the text has no alias (an alias name is at least one ASCII letter, digit, `-` or
  /// `_`, as libyaml reads it).
  ///
  /// A `*name` inside a quoted text, a block text or a comment is replaced too: the copy's text
  /// changes there, but not its structure, and the copy only serves to count.
  static func placeholderCopy(of text: String) -> String? {
    let bytes = Array(text.utf8)
    let star = UInt8(ascii: "*")
    guard
      bytes.indices.contains(where: {
        bytes[$0] == star && $0 + 1 < bytes.count && isNameByte(bytes[$0 + 1])
      })
    else { return nil }
    var copy: [UInt8] = []
    copy.reserveCapacity(bytes.count + 64)
    let replacement = Array(String(Character(placeholder)).utf8)
    for index in bytes.indices {
      if bytes[index] == star && index + 1 < bytes.count && isNameByte(bytes[index + 1]) {
        copy += replacement
      } else {
        copy.append(bytes[index])
      }
    }
    return String(decoding: copy, as: UTF8.self)
  }

  /// Whether `byte` may be part of an anchor or alias name as libyaml reads one.
  private static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "-"), UInt8(ascii: "_"):
      true
    default: false
    }
  }

  /// The count over the copy, in document order, as the YAML library resolves aliases: an alias
  /// names the latest anchor of that name completed before it.
  private struct Walk {
    let limit: Int
    /// The nodes each anchor stands for, aliases expanded.
    var anchored: [String: Int] = [:]
    /// The nodes the aliases met so far add.
    var added = 0
    var excess: Excess?

    /// The nodes `node` stands for with its aliases expanded (at most about `Int.max`); the
    /// walk stops at the first excess.
    mutating func size(of node: Node) -> Int {
      guard excess == nil else { return 1 }
      var total = 1
      switch node {
      case .scalar(let scalar):
        if scalar.style == .plain, let name = Self.aliasName(scalar.string) {
          total = anchored[name] ?? 1
          added = Self.sum(added, total - 1)
          if added > limit { excess = Excess(line: scalar.mark?.line ?? 1, name: name) }
        }
      case .sequence(let sequence):
        for item in sequence { total = Self.sum(total, size(of: item)) }
      case .mapping(let mapping):
        for (key, value) in mapping {
          total = Self.sum(total, size(of: key))
          total = Self.sum(total, size(of: value))
        }
      case .alias:
        break
      }
      if let anchor = node.anchor { anchored[anchor.rawValue] = total }
      return total
    }

    /// The name of the alias a placeholder scalar stands for.
    static func aliasName(_ text: String) -> String? {
      guard text.unicodeScalars.first == YAMLAliases.placeholder else { return nil }
      let name = text.unicodeScalars.dropFirst().prefix {
        $0.isASCII && isNameByte(UInt8($0.value))
      }
      return name.isEmpty ? nil : String(String.UnicodeScalarView(name))
    }

    /// `a + b`, or `Int.max` when that overflows.
    static func sum(_ a: Int, _ b: Int) -> Int {
      let (result, overflow) = a.addingReportingOverflow(b)
      return overflow ? .max : result
    }
  }
}
