import Foundation

/// Reads a typed or pasted answer, refusing what is not an answer rather than scoring noise.
///
/// The reading and its errors are `TextFile`'s; this names the limit an answer has.
public enum AnswerInput {
  /// The largest answer accepted: far above anything said in an interview, far below a paste of a
  /// whole file by mistake.
  public static let maximumBytes = 64 * 1024

  /// Reads an answer file.
  public static func read(path: String) throws(TextFileError) -> String {
    try TextFile.read(path: path, limit: maximumBytes)
  }

  /// Reads an answer from an open file or pipe, never holding more than the limit in memory.
  public static func read(from handle: FileHandle, source: String) throws -> String {
    try TextFile.read(from: handle, name: source, limit: maximumBytes)
  }

  /// Checks and decodes answer bytes; `source` names them in messages (a path or `<stdin>`).
  public static func decode(_ data: Data, source: String) throws(TextFileError) -> String {
    try TextFile.decode([UInt8](data), name: source, limit: maximumBytes)
  }
}
