import RegPolicyModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes whole files atomically (temporary file in the same folder, then rename), so a failed or
/// interrupted run never leaves a half-written output; and writes to the standard streams.
package enum OutputFile {
  /// Writes `bytes` to `path`; a failure is `output.unwritable` naming the file and the reason.
  package static func write(_ bytes: [UInt8], to path: String, atomically: Bool = true) throws(Diagnostic) {
    let temporary = atomically ? path + ".tmp-\(getpid())" : path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw failure("cannot write", path) }
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
      let error = failure("cannot write", path)
      unlink(temporary)
      throw error
    }
  }

  /// Creates a folder unless it is there; anything else at the path is an error.
  package static func makeDirectory(_ path: String) throws(Diagnostic) {
    var info = stat()
    if stat(path, &info) == 0 {
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        throw Diagnostic.error(.outputUnwritable, file: path, "exists and is not a folder")
      }
      return
    }
    guard mkdir(path, 0o755) == 0 else { throw failure("cannot create", path) }
  }

  private static func failure(_ what: String, _ path: String) -> Diagnostic {
    Diagnostic.error(.outputUnwritable, file: path, "\(what) '\(path)': \(String(cString: strerror(errno)))")
  }

  /// Writes diagnostics to standard error, one per line.
  package static func report(_ diagnostics: [Diagnostic]) {
    if !diagnostics.isEmpty { emit(Array(diagnostics.map { $0.description + "\n" }.joined().utf8), to: 2) }
  }

  /// Writes a line of text to standard error.
  package static func say(_ text: String) { emit(Array((text + "\n").utf8), to: 2) }

  /// Writes to standard output or standard error in full.
  package static func emit(_ bytes: [UInt8], to descriptor: Int32) {
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
