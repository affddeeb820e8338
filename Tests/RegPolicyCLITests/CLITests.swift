import Foundation
import RegPolicyTestSupport
import Testing

/// Runs the built `regpolicy` binary: exit statuses, outputs and diagnostics as a user sees them.
@Suite("regpolicy CLI")
struct CLITests {
  static let packageRoot = TestPaths.packageRoot

  static let corpus = TestPaths.corpus

  /// The binary sits next to the test bundle in the build's products folder.
  static let binary: URL = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("regpolicy")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: packageRoot + "/.build/debug/regpolicy")
  }()

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs the binary in `directory` (default: the package root), feeding `input` on standard input,
  /// with `temporary` as its temporary folder (default: the test process's own, removed with it) and
  /// also as its cache (a trace index goes there, never into the user's), and `environment` added to
  /// the test process's.
  func run(
    _ arguments: [String], input: Data? = nil, in directory: String = packageRoot,
    temporary: String = TestPaths.temporaryRoot, environment extra: [String: String] = [:]
  ) throws -> Run {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = temporary + "/"
    environment["XDG_CACHE_HOME"] = temporary + "/cache"
    environment.merge(extra) { $1 }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    let stdin = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdin
    try process.run()
    // Written from another thread: a large input would otherwise fill the pipe while the child
    // blocks writing its output.
    let writer = Thread {
      if let input { stdin.fileHandleForWriting.write(input) }
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func temporaryFolder() throws -> URL {
    URL(fileURLWithPath: TestPaths.temporaryFolder("cli"))
  }

  @Test("ingest a sample: tree on standard output, exit 0")
  func tree() throws {
    let result = try run(["ingest", "corpus/samples/synthetic-oj.html", "--format", "tree"])
    #expect(result.status == 0)
    #expect(
      result.stdout.contains("  art_1 [article 1] Obligations of providers — Providers of synthetic AI systems shall:"))
    #expect(result.stderr.isEmpty)
  }

  @Test("JSON is the same bytes on every run")
  func deterministic() throws {
    let first = try run(["ingest", Self.corpus + "/eu-ai-act/formex"])
    let second = try run(["ingest", Self.corpus + "/eu-ai-act/formex"])
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    #expect(first.stdout.hasPrefix("{\"footnotes\":["))
  }

  @Test("keeps going past a bad file, writes the good one, leaves no partial output, exits 3")
  func mixedInputs() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = folder.appendingPathComponent("truncated.xml")
    try Data("<?xml version=\"1.0\"?>\n<ACT><ENACTING.TERMS><ARTICLE><TI.ART>Article 1".utf8).write(to: bad)
    let out = folder.appendingPathComponent("out")
    let result = try run(["ingest", bad.path, "corpus/samples/synthetic.fmx.xml", "--out", out.path])
    #expect(result.status == 3)
    #expect(result.stderr.contains("truncated.xml:2:"))
    #expect(result.stderr.contains("[xml.malformed]"))
    let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(written == ["synthetic.json"])
  }

  @Test(
    "documented exit statuses",
    arguments: [
      (["ingest"], Int32(2)),  // missing argument
      (["ingest", "corpus/samples/synthetic-oj.html", "--min-coverage", "150", "--check"], Int32(2)),
      (["ingest", "corpus/samples/synthetic-oj.html", "--format", "yaml"], Int32(2)),
      (["--help"], Int32(0)),
      (["ingest", "no/such/file.html"], Int32(3)),
      (["ingest", "corpus/samples/synthetic-oj.html", "--max-bytes", "100"], Int32(3)),
      (["ingest", "--check", "corpus/samples/synthetic-oj.html"], Int32(0)),
    ])
  func exitStatus(_ arguments: [String], _ expected: Int32) throws {
    #expect(try run(arguments).status == expected)
  }

  @Test("--check reports coverage per file")
  func check() throws {
    let result = try run(["ingest", "--check", Self.corpus + "/eu-ai-act/html/32024R1689_EN_OJ.html"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("coverage 100.0%"))
  }

  @Test("usage errors say what is wrong in a sentence")
  func usageMessages() throws {
    let result = try run(["ingest", "x.html", "--check", "--out", "dir"])
    #expect(result.stderr.contains("--check prints a report; it cannot be combined with --out."))
  }
}
