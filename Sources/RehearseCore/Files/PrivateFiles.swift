#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps what Rehearse writes to the user alone: folders mode 0700 and files 0600, whatever the
/// umask.
///
/// Everything Rehearse writes holds the user's text or is read back as trusted (answers, stories,
/// exports, the line history, the bank cache), so it is created private, and a folder or file
/// made looser (by an older version, another program or a permissive umask) is tightened when it
/// is next opened: what the group and others may do is taken away, and what the owner may do is
/// kept (a file the user made read-only stays so). Only what is the user's own is changed: a
/// folder or file owned by someone else, or a shared folder with the sticky bit (such as `/tmp`),
/// is left as it is.
public enum PrivateFiles {
  /// The mode of every folder Rehearse makes: the owner may list, enter and change it.
  public static let folderMode: mode_t = 0o700
  /// The mode of every file Rehearse writes: the owner may read and write it.
  public static let fileMode: mode_t = 0o600

  /// Makes the folder at `path`, and every missing folder above it, mode 0700; a folder that
  /// exists is tightened (0700 for one that was 0755).
  ///
  /// - Throws: `FileWriteError.cannotCreate` when a folder cannot be made (its parent is not
  ///   writable, or a file stands where a folder should be).
  public static func prepareFolder(_ path: String) throws(FileWriteError) {
    var prefix = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      prefix += "/" + component
      if mkdir(prefix, folderMode) == 0 {
        // mkdir's mode is narrowed by the umask; a folder made here is exactly 0700.
        chmod(prefix, folderMode)
        continue
      }
      // EEXIST, or (on some file systems) EACCES for a folder that exists in a parent the user
      // cannot write: either way a folder that is there is fine.
      let error = errno
      var status = stat()
      guard error == EEXIST || stat(prefix, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
      else {
        throw .cannotCreate(file: path, reason: String(cString: strerror(error)))
      }
    }
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
      throw .cannotCreate(file: path, reason: String(cString: strerror(ENOTDIR)))
    }
    tighten(path, status: status)
  }

  /// Tightens the user's folder at `path` (to 0700 from 0755); a missing folder is left missing.
  public static func tighten(folder path: String) {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return }
    tighten(path, status: status)
  }

  /// Tightens the user's folder at `path` and the regular files directly in it (0700 and 0600
  /// from 0755 and 0644); a missing folder is left missing.
  public static func tighten(folderAndFiles path: String) {
    tighten(folder: path)
    guard let folder = opendir(path) else { return }
    defer { closedir(folder) }
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
        String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      tighten(file: path + "/" + name)
    }
  }

  /// Tightens the user's regular file at `path` (to 0600 from 0644); a missing file, a symbolic
  /// link and anything that is not a regular file are left as they are.
  public static func tighten(file path: String) {
    var status = stat()
    guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return }
    tighten(path, status: status)
  }

  /// Takes from the user's own `path` every permission of the group and others (and the
  /// set-id bits), unless it is a shared folder (sticky bit).
  private static func tighten(_ path: String, status: stat) {
    let mode = status.st_mode & 0o700
    guard status.st_uid == geteuid(), status.st_mode & S_ISVTX == 0,
      status.st_mode & 0o7777 != mode
    else { return }
    chmod(path, mode)
  }
}
