import Foundation
import RegPolicyTestSupport
import Testing

/// `regpolicy serve` as a person and a program meet it: every route over real HTTP on loopback, and
/// the clause and control pages in a real headless Chromium, with a screenshot.
@Suite("regpolicy serve", .serialized)
struct ServeCLITests {
  /// The server on a free port of 127.0.0.1, over the AI Act and the repository trace uses.
  final class Running: @unchecked Sendable {
    let server: Server
    let address: String

    init() throws {
      let (repo, _) = try TraceCLITests.repository.get()
      var environment = ProcessInfo.processInfo.environment
      environment["TMPDIR"] = TestPaths.temporaryRoot + "/"
      environment["XDG_CACHE_HOME"] = TestPaths.temporaryRoot + "/cache"
      server = try Server(
        CLITests.binary, ["serve", "--repo", repo, "--source", TraceCLITests.aiAct, "--port", "0"],
        environment: environment)
      // "serving http://127.0.0.1:PORT/" once it listens.
      address = server.firstLine.split(separator: " ").last.map { String($0.dropLast()) } ?? ""
    }
  }

  static let server = Result { try Running() }

  /// An HTTP exchange with curl: status, content type, body.
  static func fetch(_ path: String, method: String = "GET", headers: [String] = []) throws -> (
    status: Int, type: String, body: String
  ) {
    let address = try server.get().address
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      [
        "curl", "-s", "--path-as-is", method == "HEAD" ? "-I" : "-X", method == "HEAD" ? "-s" : method, "-o", "-",
        "-w", "\n%{http_code} %{content_type}", address + path,
      ] + headers.flatMap { ["-H", $0] }
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    let split = text.range(of: "\n", options: .backwards)
    let tail = split.map { text[$0.upperBound...] }?.split(separator: " ", maxSplits: 1) ?? []
    return (
      Int(tail.first ?? "") ?? 0, tail.count > 1 ? String(tail[1]) : "",
      split.map { String(text[..<$0.lowerBound]) } ?? ""
    )
  }

  @Test(
    "every route answers over HTTP, HTML and its JSON twin",
    arguments: [
      ("/", 200, "text/html", "Article 12</a> — Record-keeping"),
      ("/clause/art_12.par_1", 200, "text/html", "High-risk AI systems shall technically allow"),
      ("/clause/pbl", 200, "text/html", "Recital 1"),
      ("/clause/art_26.par_6", 200, "text/html", "<b>obligation</b> (addressed to deployer)"),
      ("/control/AIA-12", 200, "text/html", "rego/32024R1689/aia-12/policy.rego"),
      ("/control/aia-12", 200, "text/html", "Automatic event logging"),
      ("/search?q=human%20oversight", 200, "text/html", "<mark>Human</mark> <mark>oversight</mark>"),
      // Article 12(1) has a policy, 12(2) and (3) none; Article 70 binds Member States only.
      ("/api", 200, "application/json", "\"coverage\":\"partial\",\"id\":\"art_12\""),
      ("/api", 200, "application/json", "\"coverage\":\"open\",\"id\":\"art_70\""),
      ("/api/clause/art_12.par_1", 200, "application/json", "\"state\":\"current\""),
      ("/api/control/AIA-12", 200, "application/json", "\"controls\":[{"),
      // The crosswalk links, read from the clause's side (rules/crosswalks/ai-act--nist-ai-rmf.yaml).
      (
        "/api/clause/art_12.par_1", 200, "application/json",
        "\"id\":\"sbc_measure-2-4\",\"label\":\"MEASURE 2.4\",\"near\":\"ai-act:art_12.par_1\",\"rationale\":\"Article 12(2)"
      ),
      (
        "/api/control/AIA-12", 200, "application/json",
        "\"id\":\"ctl_au-11\",\"label\":\"AU-11\",\"near\":\"ai-act:art_19.par_1\""
      ),
      ("/api/search?q=serious%20incident", 200, "application/json", "\"id\":\"art_73\""),
      ("/clause/art_999", 404, "text/html", "no clause art_999"),
      ("/control/AIA-99", 404, "text/html", "no control AIA-99"),
      ("/nowhere", 404, "text/html", "no page at /nowhere"),
      ("/clause/..%2F..%2Fetc%2Fpasswd", 404, "text/html", "no clause"),
      ("/../../etc/passwd", 404, "text/html", "Not found"),
      // An ID is escaped wherever the page repeats it.
      ("/clause/art_19.par_1.pt_a\"><b>x", 404, "text/html", "no clause art_19.par_1.pt_a&quot;&gt;&lt;b&gt;x"),
      ("/search?q=" + String(repeating: "article+", count: 40), 400, "text/html", "at most 256 bytes"),
    ] as [(String, Int, String, String)])
  func routes(_ path: String, _ status: Int, _ type: String, _ text: String) throws {
    let (got, contentType, body) = try Self.fetch(path)
    #expect(got == status, "\(path)")
    #expect(contentType.hasPrefix(type), "\(path): \(contentType)")
    #expect(body.contains(text), "\(path): \(body.prefix(400))")
    #expect(!body.contains("root:x:0:0"))
  }

  @Test("read-only: a write is refused with 405; HEAD answers like GET")
  func readOnly() throws {
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "TRACE"] {
      #expect(try Self.fetch("/", method: method).status == 405, "\(method)")
      #expect(try Self.fetch("/clause/art_12.par_1", method: method).status == 405, "\(method)")
    }
    for path in ["/", "/clause/art_12.par_1"] {
      let head = try Self.fetch(path, method: "HEAD")
      #expect(head.status == 200, "\(path)")
      #expect(head.type.hasPrefix("text/html"))
    }
  }

  @Test("a request for another host name is refused: no page elsewhere reads the view by DNS rebinding")
  func hostNames() throws {
    #expect(try Self.fetch("/control/AIA-12", headers: ["Host: evil.example:8080"]).status == 421)
    #expect(try Self.fetch("/api/control/AIA-12", headers: ["Host: evil.example"]).status == 421)
    #expect(try Self.fetch("/control/AIA-12", headers: ["Host: localhost:1"]).status == 200)
    #expect(try Self.fetch("/control/AIA-12").status == 200)
  }

  /// Chromium as a person's browser: the page it renders (after parsing, without script) and a
  /// screenshot of it, kept in .build/screenshots for a person to look at.
  static func chromium(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      [
        "chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + TestPaths.temporaryFolder("chromium"),
      ]
      + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "chromium \(arguments) failed (is Debian's chromium installed?)")
    return String(decoding: data, as: UTF8.self)
  }

  @Test("in a real browser: the clause page shows Article 12(1) and links to AIA-12, whose page links back")
  func browser() throws {
    let address = try Self.server.get().address
    let clause = try Self.chromium(["--dump-dom", address + "/clause/art_12.par_1"])
    #expect(clause.contains("<h1>Article 12(1) <small>32024R1689 of 2024-07-12</small></h1>"))
    #expect(
      clause.contains("High-risk AI systems shall technically allow for the automatic recording of events (logs)"))
    #expect(clause.contains("<a href=\"/control/AIA-12\">AIA-12</a>"))
    #expect(clause.contains("<mark title=\"modal:obligation:shall\">shall</mark>"))
    let control = try Self.chromium(["--dump-dom", address + "/control/AIA-12"])
    #expect(control.contains("<a href=\"/clause/art_12.par_1\">Article 12(1)</a>"))
    #expect(control.contains("package regpolicy.ai_act.aia_12"))
    // The links to the other frameworks, as rules/crosswalks/ states them: Article 12(1) related-to
    // MEASURE 2.4; Article 19(1) related-to ISO/IEC 42001 A.6.2.8 and intersects-with AU-11.
    #expect(clause.contains("<h2>Other frameworks</h2>"))
    #expect(
      clause.contains(
        "<tr><td><a href=\"/clause/art_12.par_1\">Article 12(1)</a></td><td><span class=\"relationship\">related-to"
          + "</span></td><td>NIST AI RMF <b>MEASURE 2.4</b></td><td>Article 12(2)(b)-(c) give logging"))
    #expect(
      control.contains(
        "<td><a href=\"/clause/art_19.par_1\">Article 19(1)</a></td><td><span class=\"relationship\">related-to"
          + "</span></td><td>ISO/IEC 42001 <b>A.6.2.8</b> <small>AI system recording of event logs</small></td>"))
    #expect(
      control.contains(
        "<td><a href=\"/clause/art_19.par_1\">Article 19(1)</a></td><td><span class=\"relationship\">"
          + "intersects-with</span></td><td>NIST SP 800-53 <b>AU-11</b></td>"))
    #expect(!clause.contains("<script") && !control.contains("<script"), "no script")

    let folder = TestPaths.packageRoot + "/.build/screenshots"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (page, name) in [
      ("/clause/art_12.par_1", "clause-art_12.par_1"), ("/control/AIA-12", "control-AIA-12"), ("/", "outline"),
    ] {
      let file = folder + "/\(name).png"
      try? FileManager.default.removeItem(atPath: file)
      _ = try Self.chromium(["--screenshot=\(file)", "--window-size=1200,1000", address + page])
      let png = try #require(FileManager.default.contents(atPath: file), "no screenshot \(file)")
      #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "\(file)")
    }
  }
}
