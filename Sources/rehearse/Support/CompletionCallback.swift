import Foundation
import RehearseCore
import RehearseStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The command line's side of shell completion: what `rehearse ---completion …` does on each
/// Tab, with the words of the command line the shell passes.
///
/// It reads the bank the words name (`--bank DIR`) or the environment names, the home folder
/// (named as every command names it, `UserHome`) and the session store, and prints nothing but
/// the candidates: standard error goes to `/dev/null` first, so that no warning reaches the
/// terminal in the middle of the line.
enum CompletionCallback {
  /// The candidates for `value` that start with `prefix` (`Rehearse.completionCandidates`);
  /// `debrief` is the debrief named earlier on the line, for `.debriefQuestion`.
  static func candidates(
    _ value: CompletableValue, words: [String], prefix: String, debrief: String? = nil
  ) -> [String] {
    silenceStandardError()
    let bankArguments = bankPath(in: words).map { ["--bank", $0] } ?? []
    guard let global = try? GlobalOptions.parse(bankArguments) else { return [] }
    let home = UserHome.folder
    let request = CompletionRequest(
      value: value, prefix: prefix, bank: global.bankSource(), home: home,
      openRecords: { StoreRecordIndex.open(home: home) }, debrief: debrief)
    return Rehearse.completionCandidates(request)
  }

  /// The folder `--bank DIR` or `--bank=DIR` names among the shell's words, unquoted, with a
  /// leading `~` expanded as the shell would when the command runs.
  static func bankPath(in words: [String]) -> String? {
    var path: String?
    for (index, word) in words.enumerated() {
      if word == "--bank", index + 1 < words.count {
        path = words[index + 1]
      } else if word.hasPrefix("--bank=") {
        path = String(word.dropFirst("--bank=".count))
      }
    }
    guard var path, !path.isEmpty else { return nil }
    if path.count >= 2, let quote = path.first, quote == "'" || quote == "\"", path.last == quote {
      path = String(path.dropFirst().dropLast())
    }
    if path == "~" || path.hasPrefix("~/"),
      let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty
    {
      path = home + path.dropFirst()
    }
    return path
  }

  /// Points standard error at `/dev/null` for the rest of this process.
  private static func silenceStandardError() {
    let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
    guard null >= 0 else { return }
    dup2(null, STDERR_FILENO)
    close(null)
  }
}
