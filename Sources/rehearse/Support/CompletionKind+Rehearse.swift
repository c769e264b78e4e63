import ArgumentParser
import RehearseCore

extension CompletionKind {
  /// Completion from the user's data: the generated script calls `rehearse ---completion …`
  /// back on each Tab, which answers with the values of `value` that start with what is typed
  /// (`CompletionCallback`).
  static func rehearse(_ value: CompletableValue) -> CompletionKind {
    .custom { words, _, prefix in
      CompletionCallback.candidates(value, words: words, prefix: prefix)
    }
  }

  /// The seven component ids, written into the script itself (`--component` given as text).
  static var components: CompletionKind {
    .list(Component.allCases.map(\.rawValue))
  }
}
