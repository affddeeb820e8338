#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes whole files atomically (temporary file in the same folder, then rename), so a failed or
/// interrupted run never leaves a half-written output.
enum OutputFile {
  struct Failure: Error {
    var message: String
  }

  static func write(_ bytes: [UInt8], to path: String, atomically: Bool = true) throws(Failure) {
    let temporary = atomically ? path + ".tmp-\(getpid())" : path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
      throw Failure(message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
      }  // non-nil: count > written >= 0
      if count <= 0 { break }
      written += count
    }
    let closed = close(descriptor)
    guard written == bytes.count, closed == 0, !atomically || rename(temporary, path) == 0 else {
      unlink(temporary)
      throw Failure(message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
  }

  static func makeDirectory(_ path: String) throws(Failure) {
    var info = stat()
    if stat(path, &info) == 0 {
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        throw Failure(message: "'\(path)' exists and is not a directory")
      }
      return
    }
    guard mkdir(path, 0o755) == 0 else {
      throw Failure(message: "cannot create '\(path)': \(String(cString: strerror(errno)))")
    }
  }

  /// Writes to standard output or standard error in full.
  static func emit(_ bytes: [UInt8], to descriptor: Int32) {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
      }  // non-nil: count > written >= 0
      if count <= 0 { return }
      written += count
    }
  }
}
