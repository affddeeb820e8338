import Foundation
import Synchronization

/// The places every test suite reads from and writes to: the package root, the corpus of official
/// files — one setting, `REGPOLICY_CORPUS` (default: the repository's own copy, `corpus/official`) —
/// and one temporary folder per test process, removed when the process ends. A missing corpus fails
/// the tests that need it; nothing is skipped.
public enum TestPaths {
  public static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  public static let corpus: String =
    ProcessInfo.processInfo.environment["REGPOLICY_CORPUS"].flatMap { $0.isEmpty ? nil : $0 }
    ?? packageRoot + "/corpus/official"

  /// `$TMPDIR/regpolicy-tests-<pid>`: every test's scratch files live below it, and it is removed
  /// at exit, so a test run leaves nothing behind.
  public static let temporaryRoot: String = {
    let path = NSTemporaryDirectory() + "regpolicy-tests-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit {
      for pid in TestPaths.children.withLock({ $0 }) { kill(pid, SIGTERM) }
      try? FileManager.default.removeItem(atPath: TestPaths.temporaryRoot)
    }
    return path
  }()

  /// Ends a child process (a server a test started) when the test process exits.
  public static func terminateAtExit(_ pid: Int32) {
    children.withLock { $0.append(pid) }
    _ = temporaryRoot  // its exit handler ends the children first
  }

  private static let children = Mutex<[Int32]>([])

  /// A new, empty folder below `temporaryRoot`.
  public static func temporaryFolder(_ name: String = "scratch") -> String {
    let path = temporaryRoot + "/\(name)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}

/// A helper process a test talks to (an HTTP server, a proxy): started with its standard output
/// piped, ended when the test process exits, and the first line it prints (its port or address).
public struct Server {
  public let process = Process()
  public let firstLine: String

  /// Starts `executable` with `arguments` (and `environment`, default the test process's).
  public init(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws {
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    TestPaths.terminateAtExit(process.processIdentifier)
    var line = Data()
    while !line.contains(0x0A) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line += chunk
    }
    firstLine = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// A Python script of the repository's `Tests/Support/`, with its arguments.
  public init(python script: String, _ arguments: [String]) throws {
    try self.init(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", TestPaths.packageRoot + "/Tests/Support/" + script] + arguments)
  }
}
