import Foundation

/// What `rehearse recon` and its subcommands are asked.
public struct ReconRequest: Sendable {
  /// Where the job description comes from.
  public enum Input: Sendable {
    case file(path: String)
    /// An open file or pipe, such as standard input; `name` stands for it in messages.
    case handle(FileHandle, name: String)
  }

  public var bank: BankSource
  /// The user's home folder, whose `focus/` folder keeps the focuses.
  public var home: URL
  public var format: OutputFormat
  public var style: TextStyle

  public init(bank: BankSource, home: URL, format: OutputFormat = .text, style: TextStyle = .plain)
  {
    self.bank = bank
    self.home = home
    self.format = format
    self.style = style
  }

  var library: FocusLibrary { FocusLibrary(home: home) }
}
