import Foundation
import RegPolicyExtract
import RegPolicyGit
import RegPolicyIndex
import RegPolicyIngest
import RegPolicyModel
import RegPolicyPolicies

/// Where `trace`, `search` and `serve` read from: a regulation (optional), a policy tree — a folder
/// `generate` wrote, or the tree at HEAD of a policy repository — and that repository's commits;
/// gathered into the trace index, which is rebuilt only when one of them changed.
public struct TraceStore: Sendable {
  public var source: String?
  /// A folder `generate` wrote.
  public var policies: String?
  /// A policy repository: its tree at HEAD under `prefix` (unless `policies` is given) and its
  /// commits.
  public var repository: String?
  public var prefix: String
  /// Where the index lives (default: inside the repository's git directory, else the user's cache).
  public var indexPath: String?
  public var options: IngestOptions
  /// The rules folder whose crosswalks the index keeps (nil: the built-in copy of `rules/`).
  public var rules: String?

  /// Creates a store.
  public init(
    source: String? = nil, policies: String? = nil, repository: String? = nil, prefix: String = "policies",
    indexPath: String? = nil, options: IngestOptions = IngestOptions(), rules: String? = nil
  ) {
    self.source = source
    self.policies = policies
    self.repository = repository
    self.prefix = prefix
    self.indexPath = indexPath
    self.options = options
    self.rules = rules
  }

  /// The index of these inputs: opened as it is when they are unchanged, else built anew.
  public func open() throws(Diagnostics) -> TraceIndex {
    guard source != nil || policies != nil || repository != nil else {
      throw Diagnostics([
        Diagnostic.error(
          .traceNoInputs, file: "<arguments>", "nothing to trace in: give --source, --policies or --repo")
      ])
    }
    let git = repository.map { Git(repository: $0) }
    // Everything the index is built from, and the build itself: a change to any rebuilds it.
    var key = ["regpolicy=\(RegPolicyVersion.current)", "format=\(options.format?.rawValue ?? "detect")"]
    if let source { key.append("source=" + (try wrap { () throws(Diagnostic) in try Self.fingerprint(source) })) }
    // The repository's state is its refs (HEAD among them).
    var gitDirectory: String?
    if let git {
      let head = try wrap { () throws(Diagnostic) in try git.run(["rev-parse", "--absolute-git-dir", "HEAD"]) }
      let lines = head.stdout.split(separator: "\n").map(String.init)
      gitDirectory =
        head.status == 0 && lines.count == 2 ? lines[0] : try wrap { () throws(Diagnostic) in try git.gitDirectory() }
      let refs = try wrap { () throws(Diagnostic) in
        try git.check(["for-each-ref", "--format=%(objectname) %(refname)"])
      }
      key.append("refs=" + Ingester.sha256(Array((refs + "\nHEAD " + (lines.last ?? "")).utf8)))
      key.append("prefix=" + prefix)
    }
    if let policies {
      // Every file, not only index.json: a reviewer may edit a generated policy by hand.
      key.append("policies=" + (try wrap { () throws(Diagnostic) in try Self.stamp(policies) }))
    }
    // The crosswalks (and the rules that say which clauses a control rests on) the index keeps.
    if let rules {
      key.append("rules=" + (try wrap { () throws(Diagnostic) in try Self.stamp(rules) }))
    } else {
      key.append("rules=" + Self.embeddedRules)
    }
    // The tree is read only to build.
    let build = { () throws(Diagnostics) -> TraceIndex.Contents in
      let treeText = try wrap { () throws(Diagnostic) -> String? in
        if let policies { return try PolicyIndex.read(from: policies).text }
        return try git?.file("\(prefix)/\(PolicyIndex.fileName)", at: "HEAD")
      }
      var contents = try contents(treeText: treeText, git: git)
      contents.crosswalk = try Trace.Links.load(rules: rules).json
      return contents
    }
    let joined = key.joined(separator: ";")
    if let indexPath {
      return try TraceIndex.open(at: indexPath, key: joined, fold: Normalizer.matchKey, contents: build)
    }
    // One file per set of inputs named (not per content: a changed input rebuilds its own file),
    // so that two views of different trees do not rebuild each other's index.
    let name = "trace-" + Ingester.sha256(Array(identity.utf8)).prefix(16) + ".sqlite"
    if let gitDirectory {
      do {
        return try TraceIndex.open(
          at: gitDirectory + "/regpolicy/" + name, key: joined, fold: Normalizer.matchKey, contents: build)
      } catch  where error.all.allSatisfy({ $0.code == .outputUnwritable }) {
        // A repository the user may read but not write: the user's cache will do.
      }
    }
    return try TraceIndex.open(
      at: TraceStore.cacheDirectory + "/" + name, key: joined, fold: Normalizer.matchKey, contents: build)
  }

  /// The sha256 of the built-in copy of `rules/`, which a build of regpolicy may change.
  static let embeddedRules = Ingester.sha256(
    Array(EmbeddedFiles.rules.map { $0.path + "\n" + $0.text }.joined(separator: "\u{0}").utf8))

  /// The inputs as named: absolute paths of the source, the tree and the repository, the prefix,
  /// and the rules folder when one is named.
  private var identity: String {
    func absolute(_ path: String?) -> String {
      guard let path else { return "" }
      return URL(fileURLWithPath: path).standardizedFileURL.path
    }
    let named = [absolute(source), absolute(policies), absolute(repository), prefix]
    return (named + (rules.map { [absolute($0)] } ?? [])).joined(separator: "\n")
  }

  /// `$XDG_CACHE_HOME/regpolicy`, else `~/.cache/regpolicy`.
  static var cacheDirectory: String {
    let environment = ProcessInfo.processInfo.environment
    let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.cache"
    return base + "/regpolicy"
  }

  /// The sha256 of a file, or of a folder's files in name order (a Formex package).
  static func fingerprint(_ path: String) throws(Diagnostic) -> String {
    let files: [String] =
      InputFiles.isDirectory(path)
      ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 } : [path]
    var bytes: [UInt8] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw Diagnostic.error(.inputUnreadable, file: file, "cannot read file")
      }
      bytes += Array(Ingester.sha256(Array(data)).utf8)
    }
    return Ingester.sha256(bytes)
  }

  /// What git's index keeps of a tree's files to see a change without reading them: each file's
  /// path, size, modification time (nanoseconds) and inode, in path order, hashed.
  static func stamp(_ tree: String) throws(Diagnostic) -> String {
    guard InputFiles.isDirectory(tree), let paths = FileManager.default.subpaths(atPath: tree) else {
      throw Diagnostic.error(.inputUnreadable, file: tree, "not a policy tree (no such folder)")
    }
    var text = ""
    for path in paths.sorted() {
      var info = stat()
      guard stat(tree + "/" + path, &info) == 0 else {
        throw Diagnostic.error(.inputUnreadable, file: tree + "/" + path, "cannot read file")
      }
      text += "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)\n"
    }
    return Ingester.sha256(Array(text.utf8))
  }

  private func contents(treeText: String?, git: Git?) throws(Diagnostics) -> TraceIndex.Contents {
    var tree: [(policy: Policy, files: [String])] = []
    var files: [String: String] = [:]
    if let treeText {
      let index = try wrap { () throws(Diagnostic) in
        try PolicyIndex.decode(treeText, file: policies.map { $0 + "/" + PolicyIndex.fileName } ?? "HEAD:\(prefix)")
      }
      tree = index.policies.map { ($0.policy, $0.files) }
      if let policies {
        files = try wrap { () throws(Diagnostic) in try PolicyTree.read(from: policies).files }
      } else if let git {
        files = try wrap { () throws(Diagnostic) in try git.texts(at: "HEAD", under: prefix) }
      }
    }
    var provisions: [TraceIndex.ProvisionRecord] = []
    var statements: [TraceIndex.StatementRecord] = []
    var instrument: Instrument?
    if let source {
      let law = Self.contents(of: try Source.readAll([{ Source.read(source, options: options) }])[0])
      (instrument, provisions, statements) = (law.instrument, law.provisions, law.statements)
      // An instrument EUR-Lex does not hold links to the page its policies record (instruments.yaml).
      if let instrument, instrument.celex == nil {
        let page = tree.lazy.flatMap { $0.policy.clauses(of: instrument.key) }.first?.link ?? ""
        for index in provisions.indices { provisions[index].link = page }
      }
    }
    // The clauses the policies quote that the source lacks: without a source, all that the index
    // knows of the law ("quoted"); with one, clauses it no longer has ("gone").
    var known = Set(provisions.map(\.id))
    for policy in tree.map(\.policy) {
      for clause in policy.clauses(of: instrument?.key) where known.insert(clause.id).inserted {
        provisions.append(
          TraceIndex.ProvisionRecord(
            id: clause.id, parent: clause.id.parent, kind: source == nil ? "quoted" : "gone", num: nil, heading: nil,
            text: clause.text, clauseText: clause.text, sha256: clause.sha256, citation: clause.citation,
            link: clause.link))
      }
    }
    let commits = try git.map { git throws(Diagnostics) in try wrap { () throws(Diagnostic) in try Self.commits(git) } }
    return TraceIndex.Contents(
      instrument: instrument, provisions: provisions, statements: statements, policies: tree, files: files,
      commits: commits ?? [])
  }

  /// What the index holds of a source: its instrument, provisions and statements.
  static func contents(of source: Source) -> TraceIndex.Contents {
    TraceIndex.Contents(
      instrument: source.document.instrument, provisions: provisions(source.document),
      statements: source.statements.map { statement in
        TraceIndex.StatementRecord(
          clause: statement.clause, modality: statement.modality.rawValue,
          roles: statement.stated.isEmpty ? ["none"] : statement.stated.map { $0.role ?? "other" },
          json: String(decoding: StatementRenderer.jsonLines([statement]).dropLast(), as: UTF8.self))
      }, policies: [], files: [:], commits: [])
  }

  /// Every provision of a document in document order, with the text and hash its clause has.
  static func provisions(_ document: Document) -> [TraceIndex.ProvisionRecord] {
    var records: [TraceIndex.ProvisionRecord] = []
    let celex = document.instrument.celex
    func add(_ provision: Provision, parent: PinpointID?) {
      let clauseText = Mapper.clauseText(provision)
      records.append(
        TraceIndex.ProvisionRecord(
          id: provision.id, parent: parent, kind: provision.kind.rawValue, num: provision.num,
          heading: provision.heading, text: provision.text, clauseText: clauseText,
          sha256: Ingester.sha256(Array(clauseText.utf8)), citation: provision.id.citation,
          link: celex.map { provision.id.eurLexLink(celex: $0, language: document.instrument.language) } ?? ""))
      for child in provision.children { add(child, parent: provision.id) }
    }
    for provision in document.provisions { add(provision, parent: nil) }
    return records
  }

  /// The commits of every branch that carry a control (`Control:` trailer), newest first.
  static func commits(_ git: Git) throws(Diagnostic) -> [TraceIndex.CommitRecord] {
    let unit = "\u{1f}"
    let record = "\u{1e}"
    let log = try git.check([
      "log", "--all", "--date=short", "--grep=^Control: ",
      "--format=%H\(unit)%ad\(unit)%s\(unit)%(trailers:only,unfold)\(record)",
    ])
    return log.split(separator: Character(record)).compactMap { entry in
      let fields = entry.split(separator: Character(unit), omittingEmptySubsequences: false)
      guard fields.count >= 4 else { return nil }
      var control = ""
      var clauses: [PinpointID] = []
      var review: String?
      for line in fields[3].split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let value = line[line.index(after: colon)...].drop { $0 == " " }
        switch line[..<colon] {
        case "Control": control = String(value)
        case "Clause": clauses.append(PinpointID(rawValue: String(value)))
        case "Review": review = String(value)
        default: break
        }
      }
      guard !control.isEmpty else { return nil }
      return TraceIndex.CommitRecord(
        commit: String(fields[0].drop { $0 == "\n" }), subject: String(fields[2]), date: String(fields[1]),
        control: control, clauses: clauses, review: review)
    }
  }
}
