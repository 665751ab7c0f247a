import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reading and writing files for redirections, the content cmdlets and transcripts. Text
/// written without an explicit encoding is UTF-8 without a byte-order mark (PowerShell 7's
/// default; see `FileEncoding`), newlines as `\n` (this is Linux).
enum FileText {
  static func write(_ text: String, to path: String, append: Bool) throws {
    try writeBytes(Array(text.utf8), to: path, append: append)
  }

  /// Writes (or appends) bytes; the error carries `errno`.
  static func writeBytes(_ bytes: [UInt8], to path: String, append: Bool) throws(FileIOError) {
    let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
    let fd = open(path, flags, 0o666)
    guard fd >= 0 else { throw FileIOError(code: errno) }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileIOError(code: errno)
      }
      offset += n
    }
  }

  /// A whole file's bytes.
  static func readBytes(_ path: String) throws(FileIOError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw FileIOError(code: errno) }
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { throw FileIOError(code: EISDIR) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileIOError(code: errno)
      }
      if n == 0 { break }
      out += buffer[0..<n]
    }
    return out
  }
}

/// A failed file operation: its `errno`.
struct FileIOError: Error, LocalizedError {
  var code: Int32

  var errorDescription: String? { String(cString: strerror(code)) }

  /// The error PowerShell writes for it, for the item at `shown`; `prefix` names the operation
  /// in the error id (`GetContentWriter`, …).
  func record(_ shown: String, prefix: String) -> ErrorRecord {
    switch code {
    case ENOENT, ENOTDIR:
      var r = FileSystemErrors.partOfPathNotFound(shown, id: prefix + "DirectoryNotFoundError")
      r.category = .objectNotFound
      return r
    case EACCES, EPERM, EISDIR: return FileSystemErrors.accessDenied(shown, id: prefix + "UnauthorizedAccessError")
    default:
      return FileSystemErrors.io(String(cString: strerror(code)), id: prefix + "IOError", target: shown)
    }
  }
}
