import RegPolicyModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of one input file, read with plain POSIX calls (no Foundation on the hot path).
struct SourceFile {
  let path: String
  let bytes: [UInt8]

  /// Reads `path`, refusing files larger than `limit` bytes before reading them.
  static func load(_ path: String, limit: Int) throws(IngestFailure) -> SourceFile {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw IngestFailure(
        code: DiagnosticCode.inputUnreadable, message: "cannot read: \(String(cString: strerror(errno)))"
      )
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw IngestFailure(code: DiagnosticCode.inputUnreadable, message: "is a directory")
    }
    guard Int(info.st_size) <= limit else {
      throw IngestFailure(
        code: DiagnosticCode.inputTooLarge,
        message:
          "file is \(Int(info.st_size)) bytes; the limit is \(limit) bytes (raise it with --max-bytes)"
      )
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw IngestFailure(
        code: DiagnosticCode.inputUnreadable, message: "cannot open: \(String(cString: strerror(errno)))"
      )
    }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var total = 0
    while total < bytes.count {
      let count = bytes.withUnsafeMutableBytes {
        read(descriptor, $0.baseAddress! + total, $0.count - total)
      }  // non-nil: count > 0
      if count <= 0 { break }
      total += count
    }
    if total < bytes.count { bytes.removeSubrange(total...) }
    return SourceFile(path: path, bytes: bytes)
  }

  /// Whether `path` is a directory.
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Whether `path` exists.
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// The names in a directory, sorted.
  static func list(_ directory: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }
}
