#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes bytes to an open file descriptor, checking every write(2): a full disk, a closed pipe
/// or `/dev/full` is an error, never silently lost output.
public enum DescriptorWriter {
  /// Writes all of `bytes` to `descriptor`, named `name` in errors (a path, or "standard
  /// output"); short and interrupted writes are continued.
  public static func write(_ bytes: [UInt8], to descriptor: Int32, name: String)
    throws(FileWriteError)
  {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if count < 0 {
        let error = errno
        if error == EINTR { continue }
        throw .ioFailure(file: name, reason: String(cString: strerror(error)))
      }
      // write(2) returns 0 only when it can store nothing more.
      if count == 0 {
        throw .ioFailure(file: name, reason: String(cString: strerror(ENOSPC)))
      }
      written += count
    }
  }

  /// write(2), named apart from this type's own `write`.
  private static func systemWrite(
    _ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int
  ) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, buffer, count)
    #elseif canImport(Darwin)
      Darwin.write(descriptor, buffer, count)
    #endif
  }
}
