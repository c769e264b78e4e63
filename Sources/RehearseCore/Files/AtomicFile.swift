#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files whole or not at all: exports, stories, the bank cache.
public enum AtomicFile {
  /// Writes `bytes` to the file at `path`, replacing it.
  ///
  /// The bytes go to a temporary file beside the target, every write(2) and the fsync checked,
  /// and the temporary file is renamed over the target: a crash or a full disk leaves the old file
  /// or the new one, never part of one, and no temporary file behind. The file is mode 0600
  /// whatever the umask, and whatever the mode of the file it replaces: everything Rehearse
  /// writes is private (`PrivateFiles`), an export to a path the user chose included.
  ///
  /// A target that exists but is not a regular file (a device such as `/dev/null`, a FIFO) is
  /// written in place and never replaced. A symbolic link is kept: the file it points to is
  /// replaced.
  public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
    let target = resolvingLink(path)
    var status = stat()
    if stat(target, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFDIR: throw .folder(file: path)
      case S_IFREG: break
      default: return try writeInPlace(bytes, to: target, name: path)
      }
    }
    let temporary = temporaryPath(beside: target)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, PrivateFiles.fileMode)
    guard descriptor >= 0 else { throw .cannotCreate(file: path, reason: reason(errno)) }
    var isOpen = true
    do throws(FileWriteError) {
      // The mode given to open() is narrowed by the umask; the file must be exactly 0600.
      if fchmod(descriptor, PrivateFiles.fileMode) != 0 {
        throw .cannotCreate(file: path, reason: reason(errno))
      }
      try DescriptorWriter.write(bytes, to: descriptor, name: path)
      if fsync(descriptor) != 0 { throw .ioFailure(file: path, reason: reason(errno)) }
      isOpen = false
      if close(descriptor) != 0 { throw .ioFailure(file: path, reason: reason(errno)) }
      if rename(temporary, target) != 0 {
        let error = errno
        switch error {
        case EISDIR: throw .folder(file: path)
        case ENOSPC, EDQUOT, EIO: throw .ioFailure(file: path, reason: reason(error))
        default: throw .cannotCreate(file: path, reason: reason(error))
        }
      }
    } catch {
      if isOpen { close(descriptor) }
      unlink(temporary)
      throw error
    }
  }

  /// Writes `bytes` to a device or FIFO that is already there, as a shell's `>` would.
  private static func writeInPlace(_ bytes: [UInt8], to target: String, name: String)
    throws(FileWriteError)
  {
    let descriptor = open(target, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .cannotCreate(file: name, reason: reason(errno)) }
    do {
      try DescriptorWriter.write(bytes, to: descriptor, name: name)
    } catch {
      close(descriptor)
      throw error
    }
    if close(descriptor) != 0 { throw .ioFailure(file: name, reason: reason(errno)) }
  }

  /// The file a symbolic link at `path` points to, or `path` itself.
  private static func resolvingLink(_ path: String) -> String {
    var status = stat()
    guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK,
      let resolved = realpath(path, nil)
    else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// A hidden name in the target's folder, unique to this process and call.
  private static func temporaryPath(beside target: String) -> String {
    let slash = target.lastIndex(of: "/").map { target.index(after: $0) } ?? target.startIndex
    let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
    return target[..<slash] + "." + target[slash...] + ".\(getpid()).\(suffix).tmp"
  }

  private static func reason(_ error: Int32) -> String {
    String(cString: strerror(error))
  }
}
