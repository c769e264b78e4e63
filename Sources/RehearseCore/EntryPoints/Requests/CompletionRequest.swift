import Foundation

/// A shell's request for the candidates of one argument or option, made each time Tab is
/// pressed (`Rehearse.completionCandidates`).
public struct CompletionRequest: Sendable {
  /// The kind of value being completed.
  public var value: CompletableValue
  /// What is typed of the word so far, before the cursor: only candidates starting with it are
  /// offered.
  public var prefix: String
  /// The bank the command line names (`--bank`, `REHEARSE_BANK`, the shipped one), merged with
  /// the own bank, loaded through its cache as commands load it.
  public var bank: BankSource
  /// The user's home folder (`REHEARSE_HOME`), whose stories, focuses and drafts are listed;
  /// it may not exist.
  public var home: URL
  /// Opens the session store read-only; `nil` when there is none (no session yet).
  public var openRecords: @Sendable () -> (any RecordIndex)?
  /// The debrief named earlier on the line, whose questions `.debriefQuestion` numbers.
  public var debrief: String?

  public init(
    value: CompletableValue, prefix: String, bank: BankSource, home: URL,
    openRecords: @escaping @Sendable () -> (any RecordIndex)? = { nil }, debrief: String? = nil
  ) {
    self.value = value
    self.prefix = prefix
    self.bank = bank
    self.home = home
    self.openRecords = openRecords
    self.debrief = debrief
  }
}
