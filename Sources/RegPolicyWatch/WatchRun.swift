import Foundation
import RegPolicyGit
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel

/// `regpolicy watch`: every source of `regpolicy.sources.yaml` fetched with a conditional request;
/// each that changed against `regpolicy.lock` ingested, checked to be the act it names, compared
/// with the locked version and run through the main job onto a review branch that also bumps the
/// lock. One source failing never stops the others.
public struct WatchRun: Sendable {
  public enum Format: String, CaseIterable, Sendable {
    case text, json
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
    let gitDirectory: String
    do { gitDirectory = try Git(repository: repository).gitDirectory() } catch {
      OutputFile.report([error])
      return error.code.exitStatus
    }
    // One watcher per repository: the second says so and leaves everything as it was.
    let lockPath = gitDirectory + "/regpolicy-watch.lock"
    let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let problem = Diagnostic.error(
        .watchBusy, file: repository,
        "another regpolicy watch is running on this repository (\(lockPath)); nothing done")
      OutputFile.report([problem])
      if descriptor >= 0 { close(descriptor) }
      return problem.code.exitStatus
    }
    defer {
      flock(descriptor, LOCK_UN)
      close(descriptor)
    }
    let lockFile = repository + "/" + LockFile.fileName
    let lock: LockFile
    do { lock = try LockFile.read(lockFile) } catch {
      OutputFile.report([error])
      return error.code.exitStatus
    }
    let cache = SourceCache(
      root: cachePath ?? SourceCache.defaultRoot(environment: ProcessInfo.processInfo.environment))
    let fetcher = Fetcher(
      settings: Fetcher.Settings(
        connectTimeout: connectTimeout, readTimeout: readTimeout, retries: retries, maxBytes: maxBytes),
      userAgent: "regpolicy/\(RegPolicyVersion.current) (policy-as-code from official legal texts)")
    var results: [Result] = []
    for entry in manifest.entries {
      results.append(watch(entry, lock: lock, cache: cache, fetcher: fetcher))
    }
    emit(results)
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
    let outcome = blocking {
      await fetcher.fetch(entry.urls, etag: known?.etag, lastModified: known?.lastModified, into: cache)
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
      guard cache.has(known.sha256) else {
        return fail(.watchFetchFailed, "HTTP 304, but the cache lost the version it names; rerun with an empty cache")
      }
      let state = states[entry.id]
      fetched = Fetcher.Fetched(
        sha256: known.sha256, size: state?.size ?? 0, etag: known.etag, lastModified: known.lastModified,
        url: state?.url ?? entry.urls[0])
    case .success(.fetched(let body)):
      fetched = body
    }
    // The same bytes as locked: nothing to do but remember the validators.
    let locked = lock.entries[entry.id]
    let keep: Set<String> = Set([locked?.sha256, states[entry.id]?.sha256].compactMap { $0 })
    func forget() {
      if !keep.contains(fetched.sha256) { try? FileManager.default.removeItem(atPath: cache.path(of: fetched.sha256)) }
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

    // A new version: it must read as the act this source names.
    let path = cache.path(of: fetched.sha256)
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

    var newLock = lock
    newLock.entries[entry.id] = LockFile.Entry(
      sha256: state.sha256, size: state.size, document: document.instrument.id, date: document.instrument.date,
      url: state.url, etag: state.etag, lastModified: state.lastModified, fetched: state.fetched)
    let previous = locked.flatMap { cache.has($0.sha256) ? cache.path(of: $0.sha256) : nil }
    var job = MainRun(
      source: path, previous: previous, repository: repository, profilePath: entry.profile,
      rulesDirectory: entry.rules, branch: "regpolicy/\(entry.id)-\(document.instrument.id)", prefix: prefix)
    job.attachments = (
      files: [LockFile.fileName: newLock.text],
      subject: "Lock \(entry.id) at \(document.instrument.id)",
      body: "regpolicy.lock pins the text these policies were generated from: \(state.url), sha256 "
        + "\(state.sha256), \(state.size) bytes"
        + (locked.map { " (was \($0.document), sha256 \($0.sha256))" } ?? " (first version)") + "."
    )
    let outcome_: MainRun.Outcome
    do { outcome_ = try job.perform() } catch {
      result.problem = error.all.first { $0.severity == .error }
      return result
    }
    // The branch exists: only now is the fetch remembered.
    do { try remember() } catch { return fail(error.code, error.message) }
    result.status = .newVersion
    result.branch = outcome_.branch
    result.committed = outcome_.changed
    result.changedClauses = outcome_.changedClauses
    result.changedPolicies = outcome_.changedPolicies
    result.needsReview = outcome_.needsReview
    return result
  }

  /// The summary, one entry per source.
  private func emit(_ results: [Result]) {
    switch format {
    case .text:
      var lines: [String] = []
      for result in results {
        switch result.status {
        case .unchanged:
          lines.append("\(result.id): unchanged (\(result.document ?? "-"))")
        case .newVersion:
          let was = result.previous.map { "was \($0)" } ?? "first version"
          let what =
            result.committed
            ? "\(result.changedClauses) changed clauses, \(result.changedPolicies) policies affected, "
              + "\(result.needsReview) need review; branch \(result.branch ?? "")"
            : "already on branch \(result.branch ?? ""), awaiting review"
          lines.append("\(result.id): new version \(result.document ?? "") (\(was)): \(what)")
        case .failed:
          lines.append(
            "\(result.id): failed — \(result.problem?.message ?? "unknown") [\(result.problem?.code.rawValue ?? "")]")
        }
      }
      OutputFile.emit(Array((lines.joined(separator: "\n") + "\n").utf8), to: 1)
      OutputFile.report(results.compactMap(\.problem))
    case .json:
      let objects = results.map { result -> [String: Any] in
        var object: [String: Any] = ["id": result.id, "status": result.status.rawValue]
        if let document = result.document { object["document"] = document }
        if let previous = result.previous { object["previous"] = previous }
        if let branch = result.branch {
          object["branch"] = branch
          object["committed"] = result.committed
          object["changed_clauses"] = result.changedClauses
          object["changed_policies"] = result.changedPolicies
          object["needs_review"] = result.needsReview
        }
        if let problem = result.problem {
          object["code"] = problem.code.rawValue
          object["message"] = problem.message
        }
        return object
      }
      let data =
        (try? JSONSerialization.data(withJSONObject: ["sources": objects], options: [.sortedKeys])) ?? Data()
      OutputFile.emit(Array(data) + [0x0A], to: 1)
    }
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
