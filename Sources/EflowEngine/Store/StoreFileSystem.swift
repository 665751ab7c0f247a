#if canImport(Glibc)
  import Glibc
#endif

/// The few POSIX calls the state store needs, with EINTR retried and failures turned into
/// `StateStoreError.io` naming the path.
///
/// Plain system calls rather than FileManager/FileHandle because the guarantees the store makes
/// rest on exactly these calls: `flock` for mutual exclusion, `fsync` of the file and of its
/// directory for durability, `rename` for atomic replacement.
enum StoreFileSystem {
  /// Opens `path`; nil when it does not exist (ENOENT), which callers treat as "not created yet".
  static func openIfPresent(_ path: String, flags: Int32, mode: mode_t = 0o666) throws(StateStoreError) -> Int32? {
    while true {
      let fd = open(path, flags | O_CLOEXEC, mode)
      if fd >= 0 { return fd }
      let code = errno
      if code == EINTR { continue }
      if code == ENOENT { return nil }
      throw .io(path: path, action: "open", code: code)
    }
  }

  /// Blocks until this open file description holds an exclusive lock. flock locks belong to the
  /// open file description, so two opens of the lock file exclude each other even within one
  /// process, and the kernel drops the lock when the process dies, so a crash never wedges it.
  static func lockExclusive(_ fd: Int32, path: String) throws(StateStoreError) {
    while flock(fd, LOCK_EX) != 0 {
      let code = errno
      if code != EINTR { throw .io(path: path, action: "lock", code: code) }
    }
  }

  /// The whole contents of an open file, read to end of file (the size from fstat is only a hint).
  static func readAll(_ fd: Int32, path: String) throws(StateStoreError) -> (bytes: [UInt8], mode: mode_t) {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .io(path: path, action: "read", code: errno) }
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var count = 0
    while true {
      if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
      let n = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
      }
      if n > 0 {
        count += n
      } else if n == 0 {
        break
      } else if errno != EINTR {
        throw .io(path: path, action: "read", code: errno)
      }
    }
    bytes.removeLast(bytes.count - count)
    return (bytes, info.st_mode & 0o7777)
  }

  static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StateStoreError) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { buffer in
        Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if n >= 0 {
        offset += n
      } else if errno != EINTR {
        throw .io(path: path, action: "write", code: errno)
      }
    }
  }

  static func sync(_ fd: Int32, path: String) throws(StateStoreError) {
    while fsync(fd) != 0 {
      let code = errno
      // Some file systems cannot sync a directory; there is nothing more to be had there.
      if code == EINVAL { return }
      if code != EINTR { throw .io(path: path, action: "flush to disk", code: code) }
    }
  }

  /// Makes the directory's entries (a rename, a new file) durable.
  static func syncDirectory(_ path: String) throws(StateStoreError) {
    guard let fd = try openIfPresent(path, flags: O_RDONLY | O_DIRECTORY) else {
      throw .io(path: path, action: "open", code: ENOENT)
    }
    defer { close(fd) }
    try sync(fd, path: path)
  }

  /// `mkdir -p`, syncing each parent that gains a directory so the new path survives a crash.
  static func makeDirectories(_ path: String) throws(StateStoreError) {
    if mkdir(path, 0o777) == 0 {
      try syncDirectory(parent(of: path))
      return
    }
    switch errno {
    case EEXIST:
      return
    case ENOENT:
      let up = parent(of: path)
      guard up != path else { throw .io(path: path, action: "create the directory", code: ENOENT) }
      try makeDirectories(up)
      if mkdir(path, 0o777) != 0 && errno != EEXIST {
        throw .io(path: path, action: "create the directory", code: errno)
      }
      try syncDirectory(up)
    case let code:
      throw .io(path: path, action: "create the directory", code: code)
    }
  }

  /// The directory part of an absolute path ("/" for "/x").
  static func parent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.last == "/" { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
  }
}
