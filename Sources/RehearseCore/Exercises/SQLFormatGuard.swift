import Foundation
import GRDBSQLite

/// SQL's `printf` and `format` with every field width and precision held to
/// `SQLLimit.valueLength`.
///
/// SQLite's own `printf` stops adding to its string at the length limit, but goes on counting a
/// `%.*c` field out one character at a time: `printf('%.*c', 2000000000, 'x')` took 9 s of CPU in
/// one call, and no progress handler runs inside a call. These functions take the place of the
/// built-in ones on the sandbox's connection: they read the format as SQLite 3.40 does, fail with
/// `SQLITE_TOOBIG` when a width or precision is over the limit, and otherwise hand the call to the
/// built-in `printf` on a private connection, so that the text is SQLite's own to the byte.
final class SQLFormatGuard {
  /// The connection whose built-in `printf` formats the calls that pass.
  private let helper: OpaquePointer
  /// `SELECT printf(?1, …)` for each number of arguments called with so far.
  private var calls: [Int32: OpaquePointer] = [:]

  /// Opens the private connection; `nil` when SQLite cannot.
  init?() {
    var handle: OpaquePointer?
    guard
      sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        == SQLITE_OK, let handle
    else {
      if let handle { sqlite3_close_v2(handle) }
      return nil
    }
    helper = handle
    sqlite3_limit(helper, SQLITE_LIMIT_LENGTH, Int32(SQLLimit.valueLength.value))
  }

  deinit {
    for statement in calls.values { sqlite3_finalize(statement) }
    sqlite3_close_v2(helper)
  }

  /// Puts the guarded functions in place of `printf` and `format` on `connection`, which must be
  /// closed before this guard is released; `false` when SQLite refuses.
  func install(on connection: OpaquePointer) -> Bool {
    let context = Unmanaged.passUnretained(self).toOpaque()
    let names: [String] = ["printf", "format"]
    return names.allSatisfy { name in
      sqlite3_create_function_v2(
        connection, name, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, context,
        { call, count, arguments in
          guard let call, let data = sqlite3_user_data(call) else { return }
          Unmanaged<SQLFormatGuard>.fromOpaque(data).takeUnretainedValue()
            .format(call, count: count, arguments: arguments)
        }, nil, nil, nil) == SQLITE_OK
    }
  }

  private func format(
    _ call: OpaquePointer, count: Int32, arguments: UnsafeMutablePointer<OpaquePointer?>?
  ) {
    let values = (0..<Int(count)).map { arguments?[$0] }
    if let format = values.first ?? nil, let text = sqlite3_value_text(format) {
      let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(format)))
      let widest = Self.widestField(in: bytes) { index in
        index + 1 < values.count ? values[index + 1].map { sqlite3_value_int64($0) } ?? 0 : 0
      }
      if widest > SQLLimit.valueLength.value {
        sqlite3_result_error_toobig(call)
        return
      }
    }
    guard let statement = statement(arguments: count) else {
      sqlite3_result_error_nomem(call)
      return
    }
    defer {
      sqlite3_reset(statement)
      sqlite3_clear_bindings(statement)
    }
    for (index, value) in values.enumerated() {
      sqlite3_bind_value(statement, Int32(index + 1), value)
    }
    switch sqlite3_step(statement) {
    case SQLITE_ROW: sqlite3_result_value(call, sqlite3_column_value(statement, 0))
    case SQLITE_TOOBIG: sqlite3_result_error_toobig(call)
    case SQLITE_NOMEM: sqlite3_result_error_nomem(call)
    default: sqlite3_result_error(call, sqlite3_errmsg(helper), -1)
    }
  }

  /// The call of the built-in `printf` with `count` arguments, prepared once.
  private func statement(arguments count: Int32) -> OpaquePointer? {
    if let statement = calls[count] { return statement }
    let parameters = (0..<max(0, Int(count))).map { "?\($0 + 1)" }.joined(separator: ", ")
    var statement: OpaquePointer?
    guard
      sqlite3_prepare_v2(helper, "SELECT printf(\(parameters))", -1, &statement, nil)
        == SQLITE_OK, let statement
    else {
      sqlite3_finalize(statement)
      return nil
    }
    calls[count] = statement
    return statement
  }

  /// The widest field width or precision `format` asks for, as SQLite 3.40's `printf` reads it:
  /// up to its first NUL, flags, a width and a precision in any order, `*` taking the next
  /// argument (`integer(i)` is the i-th argument after the format as an integer, 0 when there is
  /// none); a conversion other than `%` and `n` uses up an argument, and one SQLite does not know
  /// (or `T` and `S`, which SQL cannot use) ends the format.
  static func widestField(in format: UnsafeBufferPointer<UInt8>, integer: (Int) -> Int64) -> Int {
    var widest = 0
    var next = 0
    func argument() -> Int32 {
      defer { next += 1 }
      // SQLite takes the argument as a 64-bit integer and keeps its low 32 bits.
      return Int32(truncatingIfNeeded: integer(next))
    }
    let end = format.firstIndex(of: 0) ?? format.count
    func byte(_ index: Int) -> UInt8 { index < end ? format[index] : 0 }
    func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    func digits(from start: inout Int) -> Int {
      var value: UInt32 = 0
      while isDigit(byte(start)) {
        value = value &* 10 &+ UInt32(byte(start) - UInt8(ascii: "0"))
        start += 1
      }
      return Int(value & 0x7fff_ffff)
    }
    func magnitude(_ value: Int32) -> Int { value == .min ? 0 : Int(abs(value)) }
    var index = 0
    while index < end {
      guard byte(index) == UInt8(ascii: "%") else {
        index += 1
        continue
      }
      index += 1
      var done = false
      while !done && byte(index) != 0 {
        switch byte(index) {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: " "), UInt8(ascii: "#"),
          UInt8(ascii: "!"), UInt8(ascii: "0"), UInt8(ascii: ","):
          index += 1
        case UInt8(ascii: "l"):
          index += byte(index + 1) == UInt8(ascii: "l") ? 2 : 1
          done = true
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
          widest = max(widest, digits(from: &index))
          done = byte(index) != UInt8(ascii: ".") && byte(index) != UInt8(ascii: "l")
        case UInt8(ascii: "*"):
          widest = max(widest, magnitude(argument()))
          index += 1
          done = byte(index) != UInt8(ascii: ".") && byte(index) != UInt8(ascii: "l")
        case UInt8(ascii: "."):
          index += 1
          if byte(index) == UInt8(ascii: "*") {
            widest = max(widest, magnitude(argument()))
            index += 1
          } else {
            widest = max(widest, digits(from: &index))
          }
          done = byte(index) != UInt8(ascii: "l")
        default:
          done = true
        }
      }
      let conversion = byte(index)
      index += 1
      switch conversion {
      case UInt8(ascii: "%"), UInt8(ascii: "n"): continue
      case _ where Self.takesArgument.contains(conversion): next += 1
      default: return widest
      }
    }
    return widest
  }

  /// The conversions that use up an argument: numbers, text, characters, SQL quoting.
  private static let takesArgument = Set("diuxXopfeEgGrcszqQw".utf8)
}
