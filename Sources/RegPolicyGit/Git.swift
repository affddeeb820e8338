import Foundation
import RegPolicyModel

/// The real `git` binary, driven with argument arrays (never a shell string) in one repository.
/// Failures are diagnostics from the catalogue: `git.unavailable` when git cannot be run,
/// `git.failed` with git's own message when it refuses.
public struct Git: Sendable {
  public let repository: String
  /// Extra environment: a temporary index, an object directory for dry runs, author fallbacks.
  public var environment: [String: String] = [:]

  /// Git in `repository` (a work tree, a bare repository, or any folder for `init`).
  public init(repository: String) { self.repository = repository }

  /// What a git command printed, and how it ended.
  public struct Output: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Standard output as it came, for output that is not text (blobs).
    public var bytes: [UInt8]
  }

  /// Runs `git -C repository arguments…`, feeding `input` on standard input.
  @discardableResult
  public func run(_ arguments: [String], input: [UInt8] = []) throws(Diagnostic) -> Output {
    var env = ProcessInfo.processInfo.environment
    // Never ask, never page; messages in English for the diagnostics.
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["GIT_PAGER"] = "cat"
    env["LC_ALL"] = "C"
    for (key, value) in environment { env[key] = value }
    do {
      let result = try Spawn.run(["git", "-C", repository] + arguments, environment: env, input: input)
      return Output(
        status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
        stderr: String(decoding: result.stderr, as: UTF8.self), bytes: result.stdout)
    } catch {
      throw Diagnostic.error(.gitUnavailable, file: repository, error.message)
    }
  }

  /// Runs with text on standard input.
  @discardableResult
  public func run(_ arguments: [String], input: String) throws(Diagnostic) -> Output {
    try run(arguments, input: Array(input.utf8))
  }

  /// Runs and returns standard output without its final newline; a refusal is `git.failed`.
  @discardableResult
  public func check(_ arguments: [String], input: String = "") throws(Diagnostic) -> String {
    let output = try run(arguments, input: input)
    guard output.status == 0 else {
      throw Diagnostic.error(
        .gitFailed, file: repository,
        "git \(arguments.first ?? "") failed: \(output.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    return output.stdout.hasSuffix("\n") ? String(output.stdout.dropLast()) : output.stdout
  }

  /// The absolute git directory; `git.not-a-repository` when the folder is not in a repository.
  public func gitDirectory() throws(Diagnostic) -> String {
    let output = try run(["rev-parse", "--absolute-git-dir"])
    guard output.status == 0 else {
      throw Diagnostic.error(.gitNotARepository, file: repository, "not a git repository")
    }
    return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The commit a reference names, or nil when it names none.
  public func commit(_ reference: String) throws(Diagnostic) -> String? {
    let resolved = try run(["rev-parse", "--verify", "--quiet", "\(reference)^{commit}"])
    return resolved.status == 0 ? resolved.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
  }

  /// Whether `name` may name a branch (`git check-ref-format --branch`).
  public func isValidBranchName(_ name: String) throws(Diagnostic) -> Bool {
    try run(["check-ref-format", "--branch", name]).status == 0
  }

  /// The bytes of a file at a commit, or nil when the commit has no such file.
  public func file(_ path: String, at commit: String) throws(Diagnostic) -> String? {
    let shown = try run(["show", "\(commit):\(path)"])
    return shown.status == 0 ? shown.stdout : nil
  }

  /// path → blob of the files under `prefix` at a commit (none without a commit).
  public func blobs(at commit: String?, under prefix: String) throws(Diagnostic) -> [String: String] {
    guard let commit else { return [:] }
    let listing = try check(["ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix])
    var result: [String: String] = [:]
    for entry in listing.split(separator: "\0") {
      // "<mode> <type> <object>\t<path>"
      guard let tab = entry.firstIndex(of: "\t") else { continue }
      let fields = entry[..<tab].split(separator: " ")
      if fields.count == 3 { result[String(entry[entry.index(after: tab)...])] = String(fields[2]) }
    }
    return result
  }

  /// The text of every file under `prefix` at a commit, by path below `prefix`, read with one
  /// `git cat-file --batch`.
  public func texts(at commit: String, under prefix: String) throws(Diagnostic) -> [String: String] {
    let blobs = try blobs(at: commit, under: prefix).sorted { $0.key < $1.key }
    guard !blobs.isEmpty else { return [:] }
    let output = try run(["cat-file", "--batch"], input: blobs.map { $0.value + "\n" }.joined())
    guard output.status == 0 else {
      throw Diagnostic.error(.gitFailed, file: repository, "git cat-file failed: \(output.stderr)")
    }
    // "<object> blob <size>\n<bytes>\n" for each, in order; sizes count the raw bytes, so the
    // output is cut as bytes and each file decoded on its own (a file that is not UTF-8 gets
    // replacement characters, and the others stay whole).
    let bytes = output.bytes
    var texts: [String: String] = [:]
    var offset = 0
    for (path, _) in blobs {
      guard offset < bytes.count, let newline = bytes[offset...].firstIndex(of: 0x0A),
        let size = Int(String(decoding: bytes[offset..<newline], as: UTF8.self).split(separator: " ").last ?? ""),
        newline + 1 + size <= bytes.count
      else {
        throw Diagnostic.error(.gitFailed, file: repository, "git cat-file: unexpected output at \(path)")
      }
      texts[String(path.dropFirst(prefix.count + 1))] = String(
        decoding: bytes[(newline + 1)..<(newline + 1 + size)], as: UTF8.self)
      offset = newline + 1 + size + 1
    }
    return texts
  }

  /// Writes each content as a blob with one `git fast-import` (no file on disk, one process for
  /// all) and returns their object ids in order.
  public func writeBlobs(_ contents: [[UInt8]]) throws(Diagnostic) -> [String] {
    var stream: [UInt8] = []
    for (index, bytes) in contents.enumerated() {
      stream += Array("blob\nmark :\(index + 1)\ndata \(bytes.count)\n".utf8)
      stream += bytes
      stream.append(0x0A)
    }
    for index in contents.indices { stream += Array("get-mark :\(index + 1)\n".utf8) }
    stream += Array("done\n".utf8)
    let output = try run(["fast-import", "--quiet", "--done"], input: stream)
    let ids = output.stdout.split(separator: "\n").map(String.init)
    guard output.status == 0, ids.count == contents.count else {
      throw Diagnostic.error(
        .gitFailed, file: repository,
        "git fast-import failed: \(output.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    return ids
  }
}
