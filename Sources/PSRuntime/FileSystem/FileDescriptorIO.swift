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

  /// A child's standard output and standard error, both read to their end at once (error on
  /// another thread), so a chatty child cannot block on one full pipe while the other is read.
  public static func readBoth(_ out: FileHandle, _ err: FileHandle) -> (out: Data, err: Data) {
    let box = DataBox()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      box.data = readAll(err)
      done.signal()
    }
    let o = readAll(out)
    done.wait()
    return (o, box.data)
  }
}

/// Standard error read on another thread; the semaphore orders the write before the read.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
