import Foundation

/// Reading a pipe or file descriptor to its end. Foundation's `readDataToEndOfFile()` traps when
/// a signal (a child's SIGCHLD, say) interrupts the read; this retries on EINTR as POSIX asks.
public enum FileDescriptorIO {
  public static func readAll(_ handle: FileHandle) -> Data {
    let fd = handle.fileDescriptor
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        data.append(buffer, count: n)
      } else if n == 0 {
        return data
      } else if errno != EINTR {
        return data
      }
    }
  }
}
