import Foundation

extension Rehearse {
  /// The shell's completion callback (`rehearse ---completion …`, run on every Tab): the values
  /// of `request.value` that start with what is typed, in the order to offer them.
  ///
  /// It must be quick and silent: the bank is loaded through its cache, the store opened
  /// read-only when it exists, the home folder and the store are never created and the store
  /// never migrated; any problem means no candidates of that kind rather than a message.
  public static func completionCandidates(_ request: CompletionRequest) -> [String] {
    CompletionCandidates.all(request).filter { $0.hasPrefix(request.prefix) }
  }
}
