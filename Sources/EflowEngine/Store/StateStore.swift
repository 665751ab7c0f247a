import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The persistent simulated host: one JSON document in one file, changed only in whole
/// transactions so that concurrent eflowsh processes and crashes never lose or mix updates.
///
/// Next to the state file `state.json` live two siblings:
/// - `state.json.lock`, the file `flock` is taken on. The lock is not on the state file itself
///   because every write replaces that file by rename: a lock on the old inode would not stop a
///   process that opened the new one. The lock file is never deleted (deleting it would let two
///   processes lock two different inodes).
/// - `state.json.tmp`, where the new state is written and synced before it is renamed over the
///   old one. Only the lock holder writes it, so one fixed name suffices, and a temp file left by
///   a crash is simply truncated and reused by the next write.
///
/// Readers take no lock: `rename` swaps the whole file at once, so a reader opens either the old
/// complete file or the new complete one. That also keeps reads free of side effects (no lock file
/// is created). A file that cannot be read as a document of this build is refused and never
/// written; only `reset` replaces it, which is the user's explicit way out.
public struct StateStore<Document: StateDocument>: Sendable {
  /// The state file.
  public let url: URL
  /// The sibling file that writers lock.
  public var lockURL: URL { URL(fileURLWithPath: lockPath) }

  let path: String
  let lockPath: String
  let temporaryPath: String
  let directoryPath: String
  private let makeInitial: @Sendable () throws -> Document

  /// Test hook: runs after the new state is synced to the temporary file and before the rename.
  /// Throwing from it stands in for a crash at that instant: the store leaves the temporary file
  /// where it is, as a real crash would.
  var beforeRename: (@Sendable () throws(StateStoreError) -> Void)?

  /// - Parameters:
  ///   - url: the state file. Its directory is created on the first write, not before.
  ///   - makeInitial: the document to start from when the file does not exist yet (built from the
  ///     host profile). Called on every read of a missing file, and once by the write that creates it.
  public init(url: URL, makeInitial: @escaping @Sendable () throws -> Document) {
    self.url = url.standardizedFileURL
    self.path = self.url.path
    self.lockPath = path + ".lock"
    self.temporaryPath = path + ".tmp"
    self.directoryPath = StoreFileSystem.parent(of: path)
    self.makeInitial = makeInitial
  }

  /// Whether the state file exists; a missing file reads as the initial document.
  public var fileExists: Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  // MARK: - Reading

  /// The current state, without locking and without writing anything.
  ///
  /// When the file does not exist yet this returns the initial document and does NOT create the
  /// file: read-only commands must leave no trace, and the first state-changing command creates
  /// the file from the same initial document anyway.
  public func read() throws(StateStoreError) -> Document {
    guard let current = try readFile() else { return try initialDocument() }
    return try StateCodec<Document>.decode(current.bytes, path: path)
  }

  // MARK: - Writing

  /// Runs `body` on the current state under the exclusive lock and saves what it leaves, atomically.
  ///
  /// One read and at most one write: if the encoded result is byte-for-byte the file that was
  /// read, nothing is written (no fsync for commands that changed nothing). If the file did not
  /// exist, `body` gets the initial document and the file is created, even when `body` changed
  /// nothing.
  ///
  /// - Throws: `StateStoreError` when the file is refused or the system fails; otherwise whatever
  ///   `body` throws, unchanged, in which case nothing is written.
  public func transaction<R>(cache: DocumentCache<Document>? = nil, _ body: (inout Document) throws -> R) throws -> R {
    let lock = try lockExclusively()
    defer { close(lock) }
    let current = try readFile()
    var document: Document
    if let current {
      // The file still holds exactly what this process last wrote or read: no need to decode.
      if let cache, let cached = cache.document(for: current.bytes) {
        document = cached
      } else {
        document = try StateCodec<Document>.decode(current.bytes, path: path)
      }
    } else {
      document = try initialDocument()
    }
    let result = try body(&document)
    let bytes = try StateCodec<Document>.encode(document, path: path)
    cache?.remember(bytes, document)
    if let current, current.bytes == bytes { return result }
    try replaceFile(with: bytes, mode: current?.mode)
    return result
  }

  /// Replaces the state with `document`, whatever the file holds now: corrupt, newer, or missing.
  /// This is the explicit escape hatch behind `Reset-SimState -Force`, so it does not read the
  /// old file at all; it still takes the lock so it cannot interleave with a transaction.
  public func reset(to document: Document) throws(StateStoreError) {
    let bytes = try StateCodec<Document>.encode(document, path: path)
    let lock = try lockExclusively()
    defer { close(lock) }
    var info = stat()
    let mode = stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    try replaceFile(with: bytes, mode: mode)
  }

  /// Replaces the state with a fresh initial document.
  public func reset() throws(StateStoreError) {
    try reset(to: try initialDocument())
  }

  // MARK: - Steps

  private func initialDocument() throws(StateStoreError) -> Document {
    do {
      return try makeInitial()
    } catch {
      throw .initialDocument(path: path, underlying: error)
    }
  }

  /// The file's bytes and permission bits, or nil when it does not exist.
  private func readFile() throws(StateStoreError) -> (bytes: [UInt8], mode: mode_t)? {
    guard let fd = try StoreFileSystem.openIfPresent(path, flags: O_RDONLY) else { return nil }
    defer { close(fd) }
    return try StoreFileSystem.readAll(fd, path: path)
  }

  /// Opens the lock file and blocks until it holds the exclusive lock; the caller closes the
  /// descriptor to release it. Creates the state directory and the lock file on first use.
  private func lockExclusively() throws(StateStoreError) -> Int32 {
    let flags = O_RDWR | O_CREAT
    var opened = try StoreFileSystem.openIfPresent(lockPath, flags: flags)
    if opened == nil {
      try StoreFileSystem.makeDirectories(directoryPath)
      opened = try StoreFileSystem.openIfPresent(lockPath, flags: flags)
    }
    guard let fd = opened else { throw .io(path: lockPath, action: "open", code: ENOENT) }
    do {
      try StoreFileSystem.lockExclusive(fd, path: lockPath)
    } catch {
      close(fd)
      throw error
    }
    return fd
  }

  /// Write the temporary file, sync it, rename it over the state file, sync the directory. A crash
  /// before the rename leaves the old file; after it, the new one; the directory sync makes the
  /// rename itself survive a power cut.
  private func replaceFile(with bytes: [UInt8], mode: mode_t?) throws(StateStoreError) {
    try writeTemporaryFile(bytes, mode: mode)
    try beforeRename?()
    guard rename(temporaryPath, path) == 0 else {
      let code = errno
      unlink(temporaryPath)
      throw .io(path: path, action: "replace", code: code)
    }
    try StoreFileSystem.syncDirectory(directoryPath)
  }

  private func writeTemporaryFile(_ bytes: [UInt8], mode: mode_t?) throws(StateStoreError) {
    // O_NOFOLLOW: never write through a link someone left at the temporary name.
    let flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW
    guard let fd = try StoreFileSystem.openIfPresent(temporaryPath, flags: flags) else {
      throw .io(path: temporaryPath, action: "create", code: ENOENT)
    }
    do {
      defer { close(fd) }
      // Keep the permissions the user gave the state file (e.g. 0600), which a rename would lose.
      if let mode { _ = fchmod(fd, mode) }
      try StoreFileSystem.writeAll(fd, bytes, path: temporaryPath)
      try StoreFileSystem.sync(fd, path: temporaryPath)
    } catch {
      unlink(temporaryPath)
      throw error
    }
  }
}

/// The document a process last read or wrote together with the exact bytes of the file, so a
/// transaction on an unchanged file skips decoding it (the bytes are compared, so a change by
/// another process is always seen).
public final class DocumentCache<Document>: @unchecked Sendable {
  private var bytes: [UInt8]?
  private var cached: Document?

  public init() {}

  func document(for fileBytes: [UInt8]) -> Document? {
    guard let bytes, bytes == fileBytes else { return nil }
    return cached
  }

  func remember(_ fileBytes: [UInt8], _ document: Document) {
    bytes = fileBytes
    cached = document
  }
}
