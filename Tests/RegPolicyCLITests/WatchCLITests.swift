import Foundation
import RegPolicySources
import RegPolicyTestSupport
import Testing

/// `regpolicy watch` against a real HTTP server on 127.0.0.1 (`Tests/Support/source_server.py`),
/// into a real git repository: the lock, the branch, conditional requests, and every fault a
/// network source has, each leaving the other sources processed and its own state as before.
@Suite("regpolicy watch")
struct WatchCLITests {
  let cli = CLITests()
  static let eprivacy2006 = CLITests.corpus + "/eprivacy/02002L0058-20060503_EN_consolidated.fmx.xml"
  static let eprivacy2009 = CLITests.corpus + "/eprivacy/02002L0058-20091219_EN_consolidated.fmx.xml"
  static let gdprOJ = CLITests.corpus + "/gdpr/32016R0679_EN_OJ.html"
  static let gdprConsolidated = CLITests.corpus + "/gdpr/02016R0679-20160504_EN_consolidated.html"

  /// A server with its script file, a repository and a cache, all in a folder of their own.
  final class Setup: @unchecked Sendable {
    let folder = TestPaths.temporaryFolder("watch")
    var server: Server?
    var port = 0
    var repo: String { folder + "/repo" }
    var cache: String { folder + "/cache" }
    var script: String { folder + "/script.json" }

    init(_ script: [String: [[String: Any]]], tls: (certificate: String, key: String)? = nil, sources: (Int) -> String)
      throws
    {
      try serve(script)
      server = try Server(python: "source_server.py", [self.script] + (tls.map { [$0.certificate, $0.key] } ?? []))
      port = Int(server?.firstLine ?? "") ?? 0
      try git(["init", "-q", repo], in: folder)
      try sources(port).write(toFile: repo + "/regpolicy.sources.yaml", atomically: true, encoding: .utf8)
      try git(["add", "."])
      try git(["commit", "-q", "-m", "Follow the sources"])
    }

    deinit { server?.process.terminate() }

    /// Replaces the server's script (read on every request).
    func serve(_ script: [String: [[String: Any]]]) throws {
      try JSONSerialization.data(withJSONObject: script).write(to: URL(fileURLWithPath: self.script))
    }

    /// The requests the server saw, oldest first.
    var log: [[String: Any]] {
      let text = (try? String(contentsOfFile: script + ".log", encoding: .utf8)) ?? ""
      return text.split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
      }
    }

    @discardableResult
    func git(_ arguments: [String], in directory: String? = nil) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"] + arguments
      process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repo)
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }

    var branches: [String] {
      get throws {
        try git(["branch", "--list", "regpolicy/*", "--format=%(refname:short)"]).split(separator: "\n").map(
          String.init)
      }
    }

    /// The cache's files and the repository's refs: what a failed source must leave as it was.
    var state: [String] {
      get throws {
        let files = (FileManager.default.enumerator(atPath: cache)?.allObjects as? [String] ?? []).sorted()
        return files.filter { !$0.hasPrefix("tmp") } + [try git(["show-ref"])]
          + [(try? String(contentsOfFile: cache + "/state.json", encoding: .utf8)) ?? ""]
      }
    }
  }

  func watch(_ setup: Setup, _ extra: [String] = []) throws -> CLITests.Run {
    try cli.run(["watch", "--repo", setup.repo, "--cache", setup.cache] + extra)
  }

  static func source(_ id: String, celex: String, path: String, port: Int, format: String? = nil) -> String {
    "  - id: \(id)\n    celex: \(celex)\n" + (format.map { "    format: \($0)\n" } ?? "")
      + "    url: http://127.0.0.1:\(port)\(path)\n"
  }

  @Test("ePrivacy 2006, then 2009: locked, then a branch bumping the lock with the law diff, then nothing")
  func newVersion() throws {
    let setup = try Setup(["/eprivacy": [["file": Self.eprivacy2006, "etag": "\"v2006\""]]]) {
      "sources:\n" + Self.source("eprivacy", celex: "32002L0058", path: "/eprivacy", port: $0, format: "formex")
    }
    let first = try watch(setup)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("eprivacy: new version 02002L0058-20060503 (first version)"))
    let firstBranch = "regpolicy/eprivacy-02002L0058-20060503"
    #expect(try setup.branches == [firstBranch])
    let lock2006 = try setup.git(["show", firstBranch + ":regpolicy.lock"])
    #expect(lock2006.contains("document: \"02002L0058-20060503\""))
    #expect(lock2006.contains("sha256: " + (try Self.sha256(Self.eprivacy2006))))
    #expect(lock2006.contains("etag: \"\\\"v2006\\\"\""))
    // The review is accepted: the branch is merged.
    try setup.git(["merge", "-q", "--ff-only", firstBranch])

    try setup.serve(["/eprivacy": [["file": Self.eprivacy2009, "etag": "\"v2009\""]]])
    let second = try watch(setup)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains("new version 02002L0058-20091219 (was 02002L0058-20060503)"))
    let branch = "regpolicy/eprivacy-02002L0058-20091219"
    #expect(try setup.branches.contains(branch))
    let lock2009 = try setup.git(["show", branch + ":regpolicy.lock"])
    #expect(lock2009.contains("sha256: " + (try Self.sha256(Self.eprivacy2009))))
    #expect(try setup.git(["log", "-1", "--format=%s", branch]) == "Lock eprivacy at 02002L0058-20091219\n")
    let body = try String(
      contentsOfFile: setup.repo + "/.git/regpolicy/regpolicy_eprivacy-02002L0058-20091219.md", encoding: .utf8)
    #expect(body.contains("- **Article 14a** — added"))
    #expect(body.contains("- **Article 15a** — added"))
    // The conditional request carried the locked version's validator.
    #expect(setup.log.last?["if_none_match"] as? String == "\"v2006\"")
    #expect((setup.log.last?["user_agent"] as? String)?.hasPrefix("regpolicy/") == true)

    // Third run: 304 on the 2009 validator; nothing changes.
    let refs = try setup.git(["show-ref"])
    let third = try watch(setup)
    #expect(third.status == 5, "\(third.stderr)")
    #expect(setup.log.last?["status"] as? Int == 304)
    #expect(setup.log.last?["if_none_match"] as? String == "\"v2009\"")
    #expect(try setup.git(["show-ref"]) == refs)
    // And without validators: the same bytes, the same hash, nothing changes.
    try setup.serve(["/eprivacy": [["file": Self.eprivacy2009]]])
    let fourth = try watch(setup)
    #expect(fourth.status == 5, "\(fourth.stderr)")
    #expect(setup.log.last?["status"] as? Int == 200)
    #expect(try setup.git(["show-ref"]) == refs)
  }

  @Test("two acts followed: each in its own folder; a new version of one leaves the other's policies alone")
  func twoSources() throws {
    let setup = try Setup([
      "/eprivacy": [["file": Self.eprivacy2006, "etag": "\"e1\""]], "/gdpr": [["file": Self.gdprOJ, "etag": "\"g1\""]],
    ]) { port in
      "sources:\n" + Self.source("eprivacy", celex: "32002L0058", path: "/eprivacy", port: port)
        + Self.source("gdpr", celex: "32016R0679", path: "/gdpr", port: port)
    }
    #expect(try watch(setup).status == 0)
    try setup.git(["merge", "-q", "--ff-only", "regpolicy/eprivacy-02002L0058-20060503"])
    // The GDPR branch now stands on an older regpolicy.lock: the next run makes it again on the
    // main branch (all its commits are regpolicy's), so it merges without a conflict.
    let rebuilt = try watch(setup)
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    #expect(rebuilt.stdout.contains("gdpr: new version 32016R0679 (first version)"), "\(rebuilt.stdout)")
    try setup.git(["merge", "-q", "--ff-only", "regpolicy/gdpr-32016R0679"])
    let files = try setup.git(["ls-tree", "-r", "--name-only", "HEAD"]).split(separator: "\n")
    #expect(files.contains { $0.hasPrefix("policies/eprivacy/") } && files.contains { $0.hasPrefix("policies/gdpr/") })
    let lock = try setup.git(["show", "HEAD:regpolicy.lock"])
    #expect(lock.contains("\"eprivacy\":") && lock.contains("\"gdpr\":"), "\(lock)")
    let gdprTree = try setup.git(["rev-parse", "HEAD:policies/gdpr"])

    try setup.serve([
      "/eprivacy": [["file": Self.eprivacy2009, "etag": "\"e2\""]], "/gdpr": [["file": Self.gdprOJ, "etag": "\"g1\""]],
    ])
    let second = try watch(setup)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains("gdpr: unchanged (32016R0679)"))
    let branch = "regpolicy/eprivacy-02002L0058-20091219"
    #expect(try setup.git(["rev-parse", branch + ":policies/gdpr"]) == gdprTree, "the other act's policies untouched")
    let changed = try setup.git(["diff", "--name-only", "HEAD", branch]).split(separator: "\n")
    #expect(changed.allSatisfy { $0.hasPrefix("policies/eprivacy/") || $0 == "regpolicy.lock" }, "\(changed)")
    // The main branch moves on (an unrelated commit): the pending branch still counts as made.
    try "x\n".write(toFile: setup.repo + "/NOTES", atomically: true, encoding: .utf8)
    try setup.git(["add", "NOTES"])
    try setup.git(["commit", "-q", "-m", "notes"])
    let third = try watch(setup)
    #expect(third.status == 5, "\(third.stderr)")
    #expect(third.stdout.contains("already on branch \(branch), awaiting review"))
  }

  @Test("GDPR OJ, then its consolidated HTML: a new version under one CELEX, format family eurlex-html")
  func ojThenConsolidated() throws {
    let setup = try Setup(["/gdpr": [["file": Self.gdprOJ, "last_modified": "Wed, 04 May 2016 00:00:00 GMT"]]]) {
      "sources:\n" + Self.source("gdpr", celex: "32016R0679", path: "/gdpr", port: $0, format: "eurlex-html")
    }
    #expect(try watch(setup).status == 0)
    try setup.git(["merge", "-q", "--ff-only", "regpolicy/gdpr-32016R0679"])
    try setup.serve(["/gdpr": [["file": Self.gdprConsolidated, "last_modified": "Thu, 05 May 2016 00:00:00 GMT"]]])
    let second = try watch(setup)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains("gdpr: new version 02016R0679-20160504 (was 32016R0679)"))
    #expect(setup.log.last?["if_modified_since"] as? String == "Wed, 04 May 2016 00:00:00 GMT")
    let body = try String(
      contentsOfFile: setup.repo + "/.git/regpolicy/regpolicy_gdpr-02016R0679-20160504.md", encoding: .utf8)
    #expect(body.contains("## What changed in the law"))
    let refs = try setup.git(["show-ref"])
    let third = try watch(setup)
    #expect(third.status == 5)
    #expect(setup.log.last?["status"] as? Int == 304)
    // Without validators: the same bytes, nothing changes.
    try setup.serve(["/gdpr": [["file": Self.gdprConsolidated]]])
    let fourth = try watch(setup)
    #expect(fourth.status == 5, "\(fourth.stderr)")
    #expect(setup.log.last?["status"] as? Int == 200)
    #expect(try setup.git(["show-ref"]) == refs)
  }

  @Test("every fault fails its own source only, leaving the lock, the cache and the repository as before")
  func faults() throws {
    let ok = ["file": Self.eprivacy2006]
    let script: [String: [[String: Any]]] = [
      "/good": [ok],
      "/flaky": [["status": 500, "body": "oops"], ok],
      "/busy": [["status": 429, "headers": ["Retry-After": "1"]], ok],
      "/missing": [["status": 404, "body": "no"]],
      "/stall": [["file": Self.eprivacy2006, "stall": 5]],
      "/cut": [["file": Self.eprivacy2006, "truncate": 1000]],
      "/loop": [["status": 302, "location": "/loop2"]],
      "/loop2": [["status": 302, "location": "/loop"]],
      "/errorpage": [["body": "<html><body><h1>The requested document does not exist.</h1></body></html>"]],
      "/huge": [["size": 3_000_000, "no_length": true]],
      "/other": [["file": Self.gdprOJ]],
    ]
    let names = ["good", "flaky", "busy", "missing", "stall", "cut", "loop", "errorpage", "huge", "other"]
    let setup = try Setup(script) { port in
      "sources:\n"
        + names.map { Self.source($0, celex: "32002L0058", path: "/" + $0, port: port) }.joined()
    }
    let start = Date()
    let run = try watch(setup, ["--read-timeout", "1", "--retries", "1", "--max-bytes", "2000000"])
    #expect(run.status == 3, "\(run.stdout)\n\(run.stderr)")
    let lines = Dictionary(
      uniqueKeysWithValues: run.stdout.split(separator: "\n").map {
        (String($0.prefix { $0 != ":" }), String($0))
      })
    // The retried ones and the good one made their branches.
    for id in ["good", "flaky", "busy"] {
      #expect(lines[id]?.contains("new version 02002L0058-20060503") == true, "\(lines[id] ?? "")")
    }
    #expect(Date().timeIntervalSince(start) >= 1)
    // Retry-After: 1 was honoured: the retry came at least a second after the 429.
    let busy = setup.log.filter { $0["path"] as? String == "/busy" }.compactMap { $0["time"] as? Double }
    #expect(busy.count == 2 && busy[1] - busy[0] >= 1.0, "\(busy)")
    #expect(lines["missing"]?.contains("HTTP 404") == true)
    #expect(lines["stall"]?.contains("read timed out") == true, "\(lines["stall"] ?? "")")
    #expect(
      lines["cut"]?.contains("cut short") == true || lines["cut"]?.contains("closed") == true, "\(lines["cut"] ?? "")")
    #expect(lines["loop"]?.contains("redirect loop") == true, "\(lines["loop"] ?? "")")
    #expect(lines["errorpage"]?.contains("[watch.wrong-act]") == true)
    // Sent with no Content-Length: the limit stops the stream itself.
    #expect(
      lines["huge"]?.contains("the body passed the limit of 2000000 bytes; stopped") == true, "\(lines["huge"] ?? "")")
    #expect(lines["other"]?.contains("expected CELEX 32002L0058, the file is 32016R0679") == true)
    let branches = try setup.branches
    #expect(branches.sorted() == ["busy", "flaky", "good"].map { "regpolicy/\($0)-02002L0058-20060503" })
    // Only the good bytes are cached; the state names only the sources that succeeded.
    let stored = try FileManager.default.contentsOfDirectory(atPath: setup.cache + "/sources")
    #expect(stored == [try Self.sha256(Self.eprivacy2006)])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: setup.cache + "/tmp").filter { !$0.hasPrefix(".") }.isEmpty)
    let state = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: setup.cache + "/state.json")))
    #expect(Set((state as? [String: Any])?.keys.map { $0 } ?? []) == ["good", "flaky", "busy"])
    // A second run: the failed sources fail the same way and change nothing else.
    let before = try setup.state
    let again = try watch(setup, ["--read-timeout", "1", "--retries", "0", "--max-bytes", "2000000"])
    #expect(again.status == 3)
    #expect(try setup.state == before)
  }

  @Test("the summary for CI: SARIF (schema-valid), JUnit (junitparser), GitHub workflow commands, JSON")
  func formats() throws {
    let setup = try Setup(["/good": [["file": Self.eprivacy2006]], "/gone": [["status": 404]]]) { port in
      "sources:\n" + Self.source("good", celex: "32002L0058", path: "/good", port: port)
        + Self.source("gone", celex: "32002L0058", path: "/gone", port: port)
    }
    let json = try watch(setup, ["--format", "json"])
    #expect(json.status == 3)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let sources = try #require(object["sources"] as? [[String: Any]])
    #expect(sources.map { $0["status"] as? String } == ["new-version", "failed"])
    #expect(sources[0]["branch"] as? String == "regpolicy/good-02002L0058-20060503")
    #expect(sources[1]["code"] as? String == "watch.fetch-failed")
    // The branch exists now: the other formats see it as awaiting review, and the failure again.
    let sarif = try watch(setup, ["--format", "sarif"])
    let path = TestPaths.temporaryFolder("watch-sarif") + "/watch.sarif"
    try sarif.stdout.write(toFile: path, atomically: true, encoding: .utf8)
    let validation = try ReportCLITests.python(["Tests/Support/validate_sarif.py", path])
    #expect(validation.status == 0, "\(validation.output)")
    #expect(sarif.stdout.contains("\"ruleId\":\"watch.fetch-failed\""))
    #expect(sarif.stdout.contains("\"ruleId\":\"watch.new-version\""))
    let junit = try watch(setup, ["--format", "junit"])
    let xml = TestPaths.temporaryFolder("watch-junit") + "/watch.xml"
    try junit.stdout.write(toFile: xml, atomically: true, encoding: .utf8)
    let parsed = try ReportCLITests.python(["Tests/Support/read_junit.py", xml])
    #expect(parsed.status == 0, "\(parsed.output)")
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(parsed.output.utf8)) as? [String: Any])
    let cases = try #require(summary["cases"] as? [[String: Any]])
    #expect(cases.map { $0["name"] as? String } == ["good", "gone"])
    #expect(cases.map { $0["result"] as? String } == ["passed", "failure"])
    let github = try watch(setup, ["--format", "github"])
    #expect(
      github.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) } == ["::notice", "::error"],
      "\(github.stdout)")
    #expect(github.stdout.contains("title=regpolicy watch%3A gone::failed — "))
  }

  @Test("a Formex package delivered as a zip: unpacked into the cache and read as the package; a zip bomb refused")
  func formexZip() throws {
    let folder = TestPaths.temporaryFolder("zip")
    let package = CLITests.corpus + "/format-samples/reg-2024-903"
    let make = try ReportCLITests.python([
      "-c",
      """
      import os, sys, zipfile
      folder, package = sys.argv[1], sys.argv[2]
      with zipfile.ZipFile(folder + "/act.zip", "w", zipfile.ZIP_DEFLATED) as z:
          for name in sorted(os.listdir(package)):
              if name.endswith(".fmx.xml"):
                  z.write(os.path.join(package, name), name)
      with zipfile.ZipFile(folder + "/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
          z.writestr("L_202400903EN.doc.fmx.xml", b"<" * 3_000_000)
      """, folder, package,
    ])
    #expect(make.status == 0)
    let setup = try Setup([
      "/act": [["file": folder + "/act.zip"]], "/bomb": [["file": folder + "/bomb.zip"]],
    ]) { port in
      "sources:\n" + Self.source("iea", celex: "32024R0903", path: "/act", port: port, format: "formex")
        + Self.source("bomb", celex: "32024R0903", path: "/bomb", port: port, format: "formex")
    }
    let run = try watch(setup, ["--max-bytes", "2000000"])
    #expect(run.status == 3, "\(run.stderr)")
    #expect(run.stdout.contains("iea: new version 32024R0903 (first version)"), "\(run.stdout)")
    #expect(run.stdout.contains("bomb: failed — source 'bomb': the zip cannot be unpacked: more than 2000000 bytes"))
    let zip = try Self.sha256(folder + "/act.zip")
    let unpacked = try FileManager.default.contentsOfDirectory(atPath: setup.cache + "/packages/" + zip).sorted()
    #expect(unpacked.count == 4 && unpacked.allSatisfy { $0.hasSuffix(".fmx.xml") }, "\(unpacked)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: setup.cache + "/packages") == [zip], "no bomb left")
    #expect(try setup.git(["show", "regpolicy/iea-32024R0903:regpolicy.lock"]).contains("sha256: " + zip))
  }

  @Test("proxies from the environment: CONNECT through http_proxy with its credentials; no_proxy bypasses it")
  func proxy() throws {
    // The source's host name does not resolve: only a proxy can reach it.
    let setup = try Setup(["/eprivacy": [["file": Self.eprivacy2006]]]) {
      "sources:\n  - id: eprivacy\n    celex: 32002L0058\n    url: http://regpolicy-source.invalid:\($0)/eprivacy\n"
    }
    let log = setup.folder + "/proxy.log"
    let proxy = try Server(python: "connect_proxy.py", [log])
    defer { proxy.process.terminate() }
    let port = proxy.firstLine
    let bypassed = try cli.run(
      ["watch", "--repo", setup.repo, "--cache", setup.cache, "--retries", "0", "--connect-timeout", "2"],
      environment: ["http_proxy": "http://user:pass@127.0.0.1:\(port)", "no_proxy": "localhost,.invalid"])
    #expect(bypassed.status == 3, "no_proxy names the host: fetched directly, which cannot resolve it")
    #expect(!FileManager.default.fileExists(atPath: log))
    let run = try cli.run(
      ["watch", "--repo", setup.repo, "--cache", setup.cache],
      environment: ["http_proxy": "http://user:pass@127.0.0.1:\(port)", "no_proxy": "localhost"])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    let entry = try #require(
      try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").first.flatMap {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
      })
    #expect(entry["method"] as? String == "CONNECT")
    #expect((entry["target"] as? String)?.hasPrefix("regpolicy-source.invalid:") == true)
    #expect(entry["proxy_authorization"] as? String == "Basic dXNlcjpwYXNz")  // user:pass
  }

  @Test("TLS is verified: a server with a self-signed certificate is refused, once, not retried")
  func tlsVerified() throws {
    let folder = TestPaths.temporaryFolder("tls")
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    openssl.arguments = [
      "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem",
    ]
    openssl.standardOutput = FileHandle.nullDevice
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    try #require(openssl.terminationStatus == 0, "openssl made a certificate")
    let setup = try Setup(
      ["/eprivacy": [["file": Self.eprivacy2006]]], tls: (folder + "/cert.pem", folder + "/key.pem")
    ) {
      "sources:\n  - id: eprivacy\n    celex: 32002L0058\n    url: https://127.0.0.1:\($0)/eprivacy\n"
    }
    let run = try watch(setup, ["--retries", "3", "--connect-timeout", "2"])
    #expect(run.status == 3)
    #expect(run.stdout.contains("eprivacy: failed — source 'eprivacy': https://127.0.0.1:"), "\(run.stdout)")
    #expect(run.stdout.contains("CERTIFICATE_VERIFY_FAILED"), "\(run.stdout)")
    #expect(!run.stdout.contains("attempts"), "a certificate error is not retried: \(run.stdout)")
    #expect(setup.log.isEmpty, "no request got through the handshake")
    #expect(try setup.branches.isEmpty)
  }

  @Test("a sources file with several problems: all reported at once, nothing fetched")
  func malformedSources() throws {
    let setup = try Setup([:]) { port in
      """
      sources:
        - id: ok
          celex: 32002L0058
          url: http://127.0.0.1:\(port)/ok
          colour: blue
        - celex: 32016R0679
          url: ftp://example.org/gdpr
        - id: nothing
          url: http://127.0.0.1:\(port)/x
          format: pdf

      """
    }
    let run = try watch(setup)
    #expect(run.status == 3)
    for expected in [
      "unknown key 'colour'", "missing required key 'id'", "'ftp://example.org/gdpr' is not an http or https URL",
      "needs 'celex' or 'document'", "unknown format 'pdf'",
    ] {
      #expect(run.stderr.contains(expected), "\(expected)\n\(run.stderr)")
    }
    #expect(run.stderr.contains("regpolicy.sources.yaml:5:5: error: unknown key 'colour'"), "each problem at its line")
    #expect(setup.log.isEmpty)
    #expect(try setup.branches.isEmpty)
  }

  @Test("two watchers at once: exactly one does the work, the other says so")
  func twoWatchers() throws {
    let setup = try Setup(["/slow": [["file": Self.eprivacy2006, "stall": 2]]]) {
      "sources:\n" + Self.source("slow", celex: "32002L0058", path: "/slow", port: $0)
    }
    // Both started before either can finish (the server stalls 2 s on the fetch).
    let processes = (0..<2).map { _ in
      let process = Process()
      process.executableURL = CLITests.binary
      process.arguments = ["watch", "--repo", setup.repo, "--cache", setup.cache]
      let error = Pipe()
      process.standardOutput = FileHandle.nullDevice
      process.standardError = error
      return (process, error)
    }
    for (process, _) in processes { try process.run() }
    var runs: [(status: Int32, stderr: String)] = []
    for (process, error) in processes {
      let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      runs.append((process.terminationStatus, text))
    }
    #expect(runs.map(\.status).sorted() == [0, 4])
    #expect(runs.contains { $0.stderr.contains("another regpolicy watch is running") })
    #expect(setup.log.count == 1)
  }

  @Test("killed during the fetch: no partial file is kept as a version, and a rerun finishes cleanly")
  func killedMidFetch() throws {
    let setup = try Setup(["/eprivacy": [["file": Self.eprivacy2006, "truncate": 5000, "stall": 30]]]) {
      "sources:\n" + Self.source("eprivacy", celex: "32002L0058", path: "/eprivacy", port: $0)
    }
    let process = Process()
    process.executableURL = CLITests.binary
    process.arguments = ["watch", "--repo", setup.repo, "--cache", setup.cache]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until the server has answered with headers, then kill -9.
    for _ in 0..<100 where setup.log.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
    Thread.sleep(forTimeInterval: 0.3)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(try setup.branches.isEmpty)
    #expect(
      (try? FileManager.default.contentsOfDirectory(atPath: setup.cache + "/sources"))?.isEmpty ?? true,
      "nothing stored under sources/")
    try setup.serve(["/eprivacy": [["file": Self.eprivacy2006]]])
    let rerun = try watch(setup)
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(try setup.branches == ["regpolicy/eprivacy-02002L0058-20060503"])
  }

  /// Runs check-jsonschema (PyPI) with one of its vendored schemas; returns whether `file` passed.
  static func schemaCheck(_ schema: String, _ file: String) throws -> Bool {
    try ReportCLITests.python(["-m", "check_jsonschema", "--builtin-schema", schema, file]).status == 0
  }

  @Test(
    "the CI recipes are valid GitHub Actions and GitLab CI files (a broken copy is caught)",
    arguments: [
      ("github-actions-regpolicy-watch.yml", "vendor.github-workflows", "    runs-on:", "    runs_on:"),
      ("gitlab-ci-regpolicy-watch.yml", "vendor.gitlab-ci", "  script:", "  scripts:"),
    ])
  func recipes(_ file: String, _ schema: String, _ key: String, _ broken: String) throws {
    let path = CLITests.packageRoot + "/ci-recipes/" + file
    #expect(try Self.schemaCheck(schema, path))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("regpolicy watch --repo . --format json"))
    let copy = TestPaths.temporaryFolder("recipe") + "/" + file
    try text.replacingOccurrences(of: key, with: broken).write(toFile: copy, atomically: true, encoding: .utf8)
    #expect(try !Self.schemaCheck(schema, copy))
  }

  @Test("killed -9 while the branch is being made: no branch, nothing remembered; the rerun makes it")
  func killedMidBranch() throws {
    let setup = try Setup(["/eprivacy": [["file": Self.eprivacy2006]]]) {
      "sources:\n" + Self.source("eprivacy", celex: "32002L0058", path: "/eprivacy", port: $0)
    }
    // A git that stalls before moving the branch's ref: the commits exist, the branch does not yet.
    let bin = TestPaths.temporaryFolder("slow-git")
    let real = try #require(
      ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) })
    try
      "#!/bin/sh\ncase \"$*\" in *update-ref*) echo $$ > \"\(bin)/pid\"; mv \"\(bin)/pid\" \"\(bin)/stalled\"; exec sleep 60;; esac\nexec \(real) \"$@\"\n"
      .write(toFile: bin + "/git", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/git")
    let process = Process()
    process.executableURL = CLITests.binary
    process.arguments = ["watch", "--repo", setup.repo, "--cache", setup.cache]
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["TMPDIR"] = TestPaths.temporaryRoot + "/"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    for _ in 0..<600 where !FileManager.default.fileExists(atPath: bin + "/stalled") {
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(FileManager.default.fileExists(atPath: bin + "/stalled"), "the run reached the branch")
    // The whole job is killed, as CI cancels it: the watch and the git it was running.
    kill(process.processIdentifier, SIGKILL)
    let stalled = try String(contentsOfFile: bin + "/stalled", encoding: .utf8)
    let pid = Int32(stalled.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    #expect(pid > 1)
    if pid > 1 { kill(pid, SIGKILL) }
    process.waitUntilExit()
    #expect(try setup.branches.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: setup.cache + "/state.json"), "the fetch is not remembered")
    let rerun = try watch(setup)
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(try setup.branches == ["regpolicy/eprivacy-02002L0058-20060503"])
    #expect(try setup.git(["status", "--porcelain"]).isEmpty, "the working tree untouched")
  }

  @Test("killed after the branch, before the cache remembered the fetch: the rerun finds the branch, changes nothing")
  func killedAfterBranch() throws {
    let setup = try Setup(["/eprivacy": [["file": Self.eprivacy2006, "etag": "\"v1\""]]]) {
      "sources:\n" + Self.source("eprivacy", celex: "32002L0058", path: "/eprivacy", port: $0)
    }
    #expect(try watch(setup).status == 0)
    let refs = try setup.git(["show-ref"])
    // What a kill between the branch and the cache's state file leaves: the branch, no state. (A
    // second later, so the fetch time of the rerun differs from the branch's lock.)
    try FileManager.default.removeItem(atPath: setup.cache + "/state.json")
    Thread.sleep(forTimeInterval: 1.1)
    let rerun = try watch(setup)
    #expect(rerun.status == 5, "\(rerun.stderr)")
    #expect(rerun.stdout.contains("already on branch regpolicy/eprivacy-02002L0058-20060503, awaiting review"))
    #expect(try setup.git(["show-ref"]) == refs)
    #expect(setup.log.last?["if_none_match"] == nil || setup.log.last?["if_none_match"] is NSNull)
    #expect(FileManager.default.fileExists(atPath: setup.cache + "/state.json"), "remembered now")
  }

  @Test("the lock reads back as written, whatever characters a server put in a validator or a document id")
  func lockRoundTrip() throws {
    let odd = "W/\"a\\b\" \u{85}\u{2028}\u{FEFF}é\u{1F600}\t\n\u{7F}"
    let lock = LockFile(entries: [
      "b": LockFile.Entry(
        sha256: String(repeating: "a", count: 64), size: 1, document: odd, date: nil, url: "http://x/" + odd,
        etag: odd, lastModified: nil, fetched: "2026-11-29T00:00:00Z"),
      "a": LockFile.Entry(
        sha256: String(repeating: "b", count: 64), size: 2, document: "d", date: "2026-01-01", url: "http://y/",
        etag: nil, lastModified: "Wed, 04 May 2016 00:00:00 GMT", fetched: "2026-11-29T00:00:01Z"),
    ])
    let text = lock.text
    #expect(text.unicodeScalars.allSatisfy { $0.value == 0x0A || ($0.value >= 0x20 && $0.value < 0x7F) }, "ASCII only")
    #expect(try LockFile(yaml: text, file: "regpolicy.lock") == lock)
    #expect(text.contains("\n\n  \"b\":"), "a blank line between sources")
  }

  static func sha256(_ path: String) throws -> String {
    let run = try ReportCLITests.python([
      "-c", "import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())", path,
    ])
    return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
