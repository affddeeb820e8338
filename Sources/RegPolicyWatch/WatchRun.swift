import Foundation
import RegPolicyGit
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel
import RegPolicySources

/// `regpolicy watch`: every source of `regpolicy.sources.yaml` fetched with a conditional request;
/// each that changed against `regpolicy.lock` ingested, checked to be the act it names, compared
/// with the locked version and run through the main job onto a review branch that also bumps the
/// lock. One source failing never stops the others.
public struct WatchRun: Sendable {
  public enum Format: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github
  }

  public var repository: String
  /// nil: `regpolicy.sources.yaml` at the repository's root.
  public var sourcesPath: String?
  /// nil: `SourceCache.defaultRoot`.
  public var cachePath: String?
  public var format: Format
  public var connectTimeout: Double
  public var readTimeout: Double
  public var retries: Int
  public var maxBytes: Int
  public var prefix: String

  public init(
    repository: String = ".", sourcesPath: String? = nil, cachePath: String? = nil, format: Format = .text,
    connectTimeout: Double = 10, readTimeout: Double = 30, retries: Int = 3, maxBytes: Int = 64 << 20,
    prefix: String = "policies"
  ) {
    self.repository = repository
    self.sourcesPath = sourcesPath
    self.cachePath = cachePath
    self.format = format
    self.connectTimeout = connectTimeout
    self.readTimeout = readTimeout
    self.retries = retries
    self.maxBytes = maxBytes
    self.prefix = prefix
  }

  /// What happened to one source.
  struct Result: Sendable {
    enum Status: String, Sendable {
      case unchanged
      /// A new version: a branch was made (or already holds it).
      case newVersion = "new-version"
      case failed
    }

    var id: String
    var status: Status
    var document: String?
    var previous: String?
    var branch: String?
    var changedClauses = 0
    var changedPolicies = 0
    var needsReview = 0
    /// Whether the branch was made by this run (false: it already held this version).
    var committed = false
    var problem: Diagnostic?

    /// The summary line, after "<id>: ".
    var line: String {
      switch status {
      case .unchanged: return "unchanged (\(document ?? "-"))"
      case .newVersion:
        let was = previous.map { "was \($0)" } ?? "first version"
        let what =
          committed
          ? "\(changedClauses) changed clauses, \(changedPolicies) policies affected, \(needsReview) need review; "
            + "branch \(branch ?? "")"
          : "already on branch \(branch ?? ""), awaiting review"
        return "new version \(document ?? "") (\(was)): \(what)"
      case .failed:
        return "failed — \(problem?.message ?? "unknown") [\(problem?.code.rawValue ?? "")]"
      }
    }

    /// The `--format json` object.
    var object: [String: Any] {
      var object: [String: Any] = ["id": id, "status": status.rawValue]
      if let document { object["document"] = document }
      if let previous { object["previous"] = previous }
      if let branch {
        object["branch"] = branch
        object["committed"] = committed
        object["changed_clauses"] = changedClauses
        object["changed_policies"] = changedPolicies
        object["needs_review"] = needsReview
      }
      if let problem {
        object["code"] = problem.code.rawValue
        object["message"] = problem.message
      }
      return object
    }
  }

  /// Runs: exit 5 when no source changed, 0 when new versions wait on review branches, 6 when one
  /// of them holds policies that need review, 3 when a source failed (the others were processed),
  /// 4 when the repository, the cache or a branch could not be written.
  public func run() -> ExitStatus {
    let sources = sourcesPath ?? repository + "/regpolicy.sources.yaml"
    let manifest: SourcesManifest
    do { manifest = try SourcesManifest.read(sources) } catch {
      OutputFile.report(error.all)
      return error.exitStatus
    }
    let git = Git(repository: repository)
    let commonDirectory: String
    do throws(Diagnostic) {
      // The git directory every worktree of the repository shares (its refs are shared).
      let shown = try git.run(["rev-parse", "--path-format=absolute", "--git-common-dir"])
      guard shown.status == 0 else {
        throw Diagnostic.error(.gitNotARepository, file: repository, "not a git repository")
      }
      commonDirectory = shown.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    } catch {
      OutputFile.report([error])
      return error.code.exitStatus
    }
    // One watcher per repository: the second says so and leaves everything as it was.
    let lockPath = commonDirectory + "/regpolicy-watch.lock"
    guard let repositoryLock = FileLock(lockPath, wait: false) else {
      let problem = Diagnostic.error(
        .watchBusy, file: repository,
        "another regpolicy watch is running on this repository (\(lockPath)); nothing done")
      OutputFile.report([problem])
      return problem.code.exitStatus
    }
    defer { repositoryLock.release() }
    // The lock as the branches will be based on it: the one committed at HEAD.
    let lock: LockFile
    do {
      let text = try git.commit("HEAD") == nil ? nil : try git.file(LockFile.fileName, at: "HEAD")
      lock =
        try text.map { text throws(Diagnostic) in try LockFile(yaml: text, file: "HEAD:" + LockFile.fileName) }
        ?? LockFile()
    } catch {
      OutputFile.report([error])
      return error.code.exitStatus
    }
    let cache = SourceCache(
      root: cachePath ?? SourceCache.defaultRoot(environment: ProcessInfo.processInfo.environment))
    // The cache may be shared by several repositories' watchers: one at a time writes it.
    do { try cache.makeFolders() } catch {
      OutputFile.report([error])
      return error.code.exitStatus
    }
    guard let cacheLock = FileLock(cache.root + "/.lock", wait: true) else {
      let problem = Diagnostic.error(.watchCacheUnwritable, file: cache.root, "cannot lock the cache")
      OutputFile.report([problem])
      return problem.code.exitStatus
    }
    defer { cacheLock.release() }
    cache.removeStaleDownloads()
    let fetcher = Fetcher(
      settings: Fetcher.Settings(
        connectTimeout: connectTimeout, readTimeout: readTimeout, retries: retries, maxBytes: maxBytes),
      userAgent: "regpolicy/\(RegPolicyVersion.current) (policy-as-code from official legal texts)")
    var results: [Result] = []
    for entry in manifest.entries {
      results.append(watch(entry, lock: lock, cache: cache, fetcher: fetcher))
    }
    emit(results, sourcesFile: sources)
    // Failures outrank everything; else a branch made is 0 (6 if it needs review); else 5.
    var status = ExitStatus.noChange
    if results.contains(where: \.committed) {
      status = results.contains { $0.committed && $0.needsReview > 0 } ? .needsReview : .success
    }
    for result in results where result.status == .failed {
      status = status.combined(with: result.problem?.code.exitStatus ?? .inputError)
    }
    return status
  }

  /// One source, start to end; every failure is this source's alone.
  private func watch(_ entry: SourcesManifest.Entry, lock: LockFile, cache: SourceCache, fetcher: Fetcher) -> Result {
    var result = Result(id: entry.id, status: .failed, previous: lock.entries[entry.id]?.document)
    func fail(_ code: DiagnosticCode, file: String? = nil, _ message: String) -> Result {
      result.problem = Diagnostic.error(
        code, file: file ?? entry.urls.first ?? entry.id, "source '\(entry.id)': \(message)")
      return result
    }
    var states = cache.states()
    // The validators of the latest fetch where the cache holds one for these URLs, else the lock's.
    let known: (sha256: String, etag: String?, lastModified: String?)? =
      states[entry.id].flatMap { entry.urls.contains($0.url) ? ($0.sha256, $0.etag, $0.lastModified) : nil }
      ?? lock.entries[entry.id].flatMap {
        entry.urls.contains($0.url) ? ($0.sha256, $0.etag, $0.lastModified) : nil
      }
    var outcome = blocking {
      await fetcher.fetch(entry.urls, etag: known?.etag, lastModified: known?.lastModified, into: cache)
    }
    // 304 for a pending version whose bytes the cache no longer has: fetched again, unconditionally.
    if case .success(.notModified) = outcome, let known, lock.entries[entry.id]?.sha256 != known.sha256,
      !cache.has(known.sha256)
    {
      outcome = blocking { await fetcher.fetch(entry.urls, etag: nil, lastModified: nil, into: cache) }
    }
    let now = WatchRun.timestamp()
    let fetched: Fetcher.Fetched
    switch outcome {
    case .failure(let failure):
      return fail(failure.code, failure.message)
    case .success(.notModified):
      guard let known else { return fail(.watchFetchFailed, "HTTP 304 to a request without validators") }
      if lock.entries[entry.id]?.sha256 == known.sha256 {
        result.status = .unchanged
        result.document = lock.entries[entry.id]?.document
        return result
      }
      let state = states[entry.id]
      fetched = Fetcher.Fetched(
        sha256: known.sha256, size: state?.size ?? 0, etag: known.etag, lastModified: known.lastModified,
        url: state?.url ?? entry.urls[0], created: false)
    case .success(.fetched(let body)):
      fetched = body
    }
    // The same bytes as locked: nothing to do but remember the validators.
    let locked = lock.entries[entry.id]
    /// Drops a file this fetch put in the cache (never one that was there: another source's).
    func forget() {
      guard fetched.created else { return }
      try? FileManager.default.removeItem(atPath: cache.path(of: fetched.sha256))
      try? FileManager.default.removeItem(atPath: cache.root + "/packages/" + fetched.sha256)
    }
    // The record of these bytes: the first fetch that brought them, so a rerun writes the same
    // lock (and the same cache state) whatever validators the server sends now.
    let recorded = states[entry.id].flatMap { $0.sha256 == fetched.sha256 ? $0 : nil }
    let state =
      recorded
      ?? SourceCache.State(
        sha256: fetched.sha256, size: fetched.size, url: fetched.url, etag: fetched.etag,
        lastModified: fetched.lastModified, fetched: now)
    func remember() throws(Diagnostic) {
      guard recorded == nil else { return }
      states[entry.id] = state
      try cache.save(states)
    }
    if locked?.sha256 == fetched.sha256 {
      do { try remember() } catch { return fail(error.code, error.message) }
      result.status = .unchanged
      result.document = locked?.document
      return result
    }

    // A new version: it must read as the act this source names (a zip: the package in it).
    let path: String
    do { path = try cache.package(fetched.sha256, maxBytes: maxBytes) ?? cache.path(of: fetched.sha256) } catch {
      forget()
      return fail(error.code, error.message)
    }
    let ingested = Ingester.ingest(path, options: IngestOptions(maxBytes: maxBytes))
    guard let document = ingested.document else {
      forget()
      let reason = ingested.diagnostics.first { $0.severity == .error }?.message ?? "not a regulation"
      return fail(.watchWrongAct, "the fetched file is not a readable act (\(reason))")
    }
    if let mismatch = SourcesManifest.mismatch(entry, instrument: document.instrument) {
      forget()
      return fail(.watchWrongAct, mismatch)
    }
    result.document = document.instrument.id

    // Already on its review branch (made by an earlier run, whatever moved on the main branch
    // since): nothing to make; only the fetch is remembered, if it was not.
    let branch = "regpolicy/\(entry.id)-\(document.instrument.id)"
    var rebuild = false
    if let onBranch = WatchRun.pending(entry.id, sha256: state.sha256, on: branch, in: repository) {
      var others = onBranch.entries
      others[entry.id] = nil
      var othersNow = lock.entries
      othersNow[entry.id] = nil
      if others == othersNow {
        do { try remember() } catch { return fail(error.code, error.message) }
        result.status = .newVersion
        result.branch = branch
        return result
      }
      // The main branch's lock moved on (another act merged): the branch would conflict. It is
      // made again on the main branch — unless someone added commits to it, which are never lost.
      guard WatchRun.onlyGenerated(branch, in: repository) else {
        return fail(
          .branchExists, file: repository,
          "branch '\(branch)' holds this version on an older regpolicy.lock and commits regpolicy did not make; "
            + "rebase it on the main branch by hand")
      }
      rebuild = true
    }
    var newLock = lock
    newLock.entries[entry.id] = LockFile.Entry(
      sha256: state.sha256, size: state.size, document: document.instrument.id, date: document.instrument.date,
      url: state.url, etag: state.etag, lastModified: state.lastModified, fetched: state.fetched)
    let previous = locked.flatMap { locked in
      cache.has(locked.sha256)
        ? ((try? cache.package(locked.sha256, maxBytes: maxBytes)) ?? nil) ?? cache.path(of: locked.sha256) : nil
    }
    // Each source's policies in a folder of their own: a new version of one act never touches
    // another's.
    var job = MainRun(
      source: path, previous: previous, repository: repository, profilePath: entry.profile,
      rulesDirectory: entry.rules, branch: branch, prefix: prefix + "/" + entry.id)
    job.force = rebuild
    job.ingested = (document, ingested.diagnostics)
    job.attachments = ReviewBranch.Attachments(
      files: [LockFile.fileName: newLock.text],
      subject: "Lock \(entry.id) at \(document.instrument.id)",
      body: "regpolicy.lock pins the text these policies were generated from: \(state.url), sha256 "
        + "\(state.sha256), \(state.size) bytes"
        + (locked.map { " (was \($0.document), sha256 \($0.sha256))" } ?? " (first version)") + "."
    )
    let made: MainRun.Outcome
    do { made = try job.perform() } catch {
      result.problem =
        error.all.first { $0.severity == .error }
        ?? Diagnostic.error(.gitFailed, file: repository, "source '\(entry.id)': the branch could not be made")
      return result
    }
    // The branch exists: only now is the fetch remembered.
    do { try remember() } catch { return fail(error.code, error.message) }
    result.status = .newVersion
    result.branch = made.branch
    result.committed = made.changed
    result.changedClauses = made.changedClauses
    result.changedPolicies = made.changedPolicies
    result.needsReview = made.needsReview
    return result
  }

  /// The lock on the review branch of these bytes, if a run made it already (its cache state
  /// lost, or killed before it was saved).
  static func pending(_ id: String, sha256: String, on branch: String, in repository: String) -> LockFile? {
    guard let text = try? Git(repository: repository).file(LockFile.fileName, at: "refs/heads/" + branch),
      let locked = try? LockFile(yaml: text, file: LockFile.fileName), locked.entries[id]?.sha256 == sha256
    else { return nil }
    return locked
  }

  /// Whether every commit of `branch` since the main branch carries regpolicy's `Generated-By`.
  static func onlyGenerated(_ branch: String, in repository: String) -> Bool {
    guard
      let log = try? Git(repository: repository).run([
        "log", "--format=%x01%(trailers:key=Generated-By,valueonly)", "HEAD.." + "refs/heads/" + branch,
      ]), log.status == 0
    else { return false }
    // One "\u{1}<value>" per commit; a commit without the trailer has an empty value.
    return log.stdout.split(separator: "\u{1}").allSatisfy {
      $0.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("regpolicy ")
    }
  }

  /// The summary, one entry per source.
  private func emit(_ results: [Result], sourcesFile: String) {
    switch format {
    case .text:
      let lines = results.map { "\($0.id): " + $0.line }
      OutputFile.emit(Array((lines.joined(separator: "\n") + "\n").utf8), to: 1)
      OutputFile.report(results.compactMap(\.problem))
    case .json:
      OutputFile.emit(JSONValues.encode(["sources": results.map(\.object)]), to: 1)
    case .sarif:
      OutputFile.emit(JSONValues.encode(WatchRun.sarif(results, sources: sourcesFile)), to: 1)
    case .junit:
      OutputFile.emit(Array(WatchRun.junit(results).utf8), to: 1)
    case .github:
      OutputFile.emit(Array(WatchRun.github(results).utf8), to: 1)
    }
  }

  /// SARIF 2.1.0: a result per source that failed (error) or has a new version (note), at the
  /// sources file; the rule is the diagnostic code, or `watch.new-version`.
  static func sarif(_ results: [Result], sources: String) -> [String: Any] {
    var rules: [String] = []
    var found: [[String: Any]] = []
    for result in results where result.status != .unchanged {
      let rule = result.problem?.code.rawValue ?? "watch.new-version"
      if !rules.contains(rule) { rules.append(rule) }
      found.append([
        "ruleId": rule, "ruleIndex": rules.firstIndex(of: rule) ?? 0,
        "level": result.status == .failed ? "error" : "note",
        "message": ["text": "\(result.id): " + result.line],
        "locations": [["physicalLocation": ["artifactLocation": ["uri": sources]]]],
        "partialFingerprints": ["regpolicy/v1": "\(result.id):\(rule):\(result.document ?? "")"],
      ])
    }
    return [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
      "runs": [
        [
          "tool": [
            "driver": [
              "name": "regpolicy", "version": RegPolicyVersion.current,
              "rules": rules.map { rule -> [String: Any] in
                [
                  "id": rule,
                  "shortDescription": [
                    "text": DiagnosticCode(rawValue: rule)?.entry.meaning
                      ?? "a new version of a followed act is on a review branch"
                  ],
                ]
              },
            ]
          ],
          "results": found,
        ]
      ],
    ]
  }

  /// JUnit XML: a test case per source; a failed source is a failure.
  static func junit(_ results: [Result]) -> String {
    let failures = results.filter { $0.status == .failed }.count
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"regpolicy watch\" tests=\"\(results.count)\" "
      + "failures=\"\(failures)\" errors=\"0\">\n  <testsuite name=\"sources\" tests=\"\(results.count)\" "
      + "failures=\"\(failures)\" errors=\"0\">\n"
    for result in results {
      xml += "    <testcase classname=\"sources\" name=\"\(Markup.escape(result.id))\">"
      if result.status == .failed {
        xml +=
          "<failure type=\"\(result.problem?.code.rawValue ?? "")\" message=\"\(Markup.escape(result.line))\"/>"
      } else {
        xml += "<system-out>\(Markup.escape(result.line))</system-out>"
      }
      xml += "</testcase>\n"
    }
    return xml + "  </testsuite>\n</testsuites>\n"
  }

  /// GitHub Actions workflow commands: `::error` per failed source, `::notice` per new version.
  static func github(_ results: [Result]) -> String {
    func data(_ text: String) -> String {
      text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
        .replacingOccurrences(of: "\n", with: "%0A")
    }
    var out = ""
    for result in results where result.status != .unchanged {
      let command = result.status == .failed ? "error" : "notice"
      let title = data("regpolicy watch: \(result.id)").replacingOccurrences(of: ":", with: "%3A")
        .replacingOccurrences(of: ",", with: "%2C")
      out += "::\(command) title=\(title)::" + data(result.line) + "\n"
    }
    return out
  }

  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }
}

/// Runs async work to completion from synchronous code (the CLI's commands are synchronous).
func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
  let box = Box<T>()
  let done = DispatchSemaphore(value: 0)
  Task {
    box.value = await body()
    done.signal()
  }
  done.wait()
  return box.value!
}

private final class Box<T>: @unchecked Sendable {
  var value: T?
}

/// An exclusive `flock` on a file, held until `release`.
final class FileLock: Sendable {
  private let descriptor: Int32

  /// nil when the lock cannot be had: held by another process and `wait` is false, or the file
  /// cannot be opened.
  init?(_ path: String, wait: Bool) {
    let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return nil }
    guard flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0 else {
      close(descriptor)
      return nil
    }
    self.descriptor = descriptor
  }

  func release() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
