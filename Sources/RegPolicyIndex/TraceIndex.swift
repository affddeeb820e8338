import Foundation
import GRDB
import RegPolicyModel
import RegPolicyPolicies

/// The trace index: one SQLite database of a regulation's provisions and statements, an
/// organisation's policies, and the commits that carry them, with a full-text index over the law.
/// It is a cache, never the reviewed record: `index.json` stays the text contract, and the database
/// is rebuilt whenever the key of its inputs (their hashes) changes.
public final class TraceIndex: Sendable {
  let queue: DatabaseQueue

  /// The schema's version, part of every key: a database of an older layout is rebuilt.
  static let schema = "5"

  /// A provision (or a clause known from the policies alone) as the index holds it.
  public struct ProvisionRecord: Sendable, Equatable {
    public var id: PinpointID
    public var parent: PinpointID?
    /// The provision's kind ("article", "paragraph", …); for a clause known only from the words the
    /// policies quote, "quoted" (no source given) or "gone" (the source given lacks it).
    public var kind: String
    public var num: String?
    public var heading: String?
    /// The provision's own text.
    public var text: String
    /// Its text and every descendant's, one per line: what a clause's sha256 is over.
    public var clauseText: String
    public var sha256: String
    public var citation: String
    public var link: String

    /// Creates a record.
    public init(
      id: PinpointID, parent: PinpointID?, kind: String, num: String?, heading: String?, text: String,
      clauseText: String, sha256: String, citation: String, link: String
    ) {
      self.id = id
      self.parent = parent
      self.kind = kind
      self.num = num
      self.heading = heading
      self.text = text
      self.clauseText = clauseText
      self.sha256 = sha256
      self.citation = citation
      self.link = link
    }
  }

  /// A statement extracted from a clause.
  public struct StatementRecord: Sendable, Equatable {
    public var clause: PinpointID
    public var modality: String
    /// Lexicon roles of its addressees ("provider", …), "none" for a statement that names none.
    public var roles: [String]
    /// The statement as `regpolicy extract` writes it.
    public var json: String

    /// Creates a record.
    public init(clause: PinpointID, modality: String, roles: [String], json: String) {
      self.clause = clause
      self.modality = modality
      self.roles = roles
      self.json = json
    }
  }

  /// A commit that carries a control (`Control:`) and clauses (`Clause:` trailers).
  public struct CommitRecord: Sendable, Equatable {
    public var commit: String
    public var subject: String
    public var date: String
    public var control: String
    public var clauses: [PinpointID]
    public var review: String?

    /// Creates a record.
    public init(commit: String, subject: String, date: String, control: String, clauses: [PinpointID], review: String?)
    {
      self.commit = commit
      self.subject = subject
      self.date = date
      self.control = control
      self.clauses = clauses
      self.review = review
    }
  }

  /// What the index is built from.
  public struct Contents: Sendable {
    public var instrument: Instrument?
    public var provisions: [ProvisionRecord]
    public var statements: [StatementRecord]
    public var policies: [(policy: Policy, files: [String])]
    /// The generated files' texts, by path in the tree.
    public var files: [String: String]
    public var commits: [CommitRecord]
    /// The crosswalk links trace and serve show, as JSON (kept as `meta("crosswalk")`).
    public var crosswalk: String?

    /// Creates contents.
    public init(
      instrument: Instrument?, provisions: [ProvisionRecord], statements: [StatementRecord],
      policies: [(policy: Policy, files: [String])], files: [String: String], commits: [CommitRecord],
      crosswalk: String? = nil
    ) {
      self.instrument = instrument
      self.provisions = provisions
      self.statements = statements
      self.policies = policies
      self.files = files
      self.commits = commits
      self.crosswalk = crosswalk
    }
  }

  /// How many words of a search query count.
  public static let maximumWords = 16

  private init(queue: DatabaseQueue) { self.queue = queue }

  /// The index at `path` when it was built from inputs with this `key`; otherwise (a new path, other
  /// inputs, another schema, a damaged file) a new index built from `contents()` in its place.
  /// `fold` turns text into the form the full-text index searches (case and accents folded).
  public static func open(
    at path: String, key: String, fold: @escaping @Sendable (String) -> String,
    contents: () throws(Diagnostics) -> Contents
  ) throws(Diagnostics) -> TraceIndex {
    let key = schema + ":" + key
    if FileManager.default.fileExists(atPath: path),
      let queue = try? DatabaseQueue(path: path, configuration: configuration(readonly: true)),
      (try? queue.read({ db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'inputs'") })) == key
    {
      return TraceIndex(queue: queue)
    }
    let built = try contents()
    let temporary = path + ".new-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
    do {
      let folder = (path as NSString).deletingLastPathComponent
      if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
      let writer = try DatabaseQueue(path: temporary, configuration: configuration(readonly: false))
      try writer.write { db in try write(built, key: key, fold: fold, to: db) }
      try writer.close()
      // Opened before the swap, so this process reads the index it built even if another one
      // swaps in its own right after; the swap itself means a reader never sees half an index.
      let queue = try DatabaseQueue(path: temporary, configuration: configuration(readonly: true))
      guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
      return TraceIndex(queue: queue)
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw Diagnostics([
        Diagnostic.error(.outputUnwritable, file: path, "cannot write the trace index: \(error.localizedDescription)")
      ])
    }
  }

  private static func configuration(readonly: Bool) -> Configuration {
    var configuration = Configuration()
    configuration.readonly = readonly
    configuration.label = "regpolicy-trace"
    return configuration
  }

  private static func write(_ contents: Contents, key: String, fold: (String) -> String, to db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE provision(
          id TEXT PRIMARY KEY, position INTEGER NOT NULL, parent TEXT, kind TEXT NOT NULL, num TEXT, heading TEXT,
          text TEXT NOT NULL, clause_text TEXT NOT NULL, sha256 TEXT NOT NULL, citation TEXT NOT NULL,
          link TEXT NOT NULL);
        CREATE INDEX provision_parent ON provision(parent, position);
        CREATE TABLE statement(
          position INTEGER PRIMARY KEY, clause TEXT NOT NULL, modality TEXT NOT NULL, roles TEXT NOT NULL,
          json TEXT NOT NULL);
        CREATE INDEX statement_clause ON statement(clause);
        CREATE TABLE policy(control TEXT PRIMARY KEY, position INTEGER NOT NULL, rule TEXT NOT NULL,
          json TEXT NOT NULL, files TEXT NOT NULL);
        CREATE TABLE policy_clause(control TEXT NOT NULL, clause TEXT NOT NULL);
        CREATE TABLE policy_file(path TEXT PRIMARY KEY, text TEXT NOT NULL);
        CREATE INDEX policy_clause_clause ON policy_clause(clause);
        CREATE TABLE commit_clause(
          position INTEGER NOT NULL, "commit" TEXT NOT NULL, subject TEXT NOT NULL, date TEXT NOT NULL,
          control TEXT NOT NULL, clause TEXT, review TEXT);
        CREATE INDEX commit_clause_clause ON commit_clause(clause);
        CREATE VIRTUAL TABLE search USING fts5(
          id UNINDEXED, heading, text, tokenize = 'porter unicode61 remove_diacritics 2');
        """)
    try db.execute(sql: "INSERT INTO meta VALUES ('inputs', ?)", arguments: [key])
    if let crosswalk = contents.crosswalk {
      try db.execute(sql: "INSERT INTO meta VALUES ('crosswalk', ?)", arguments: [crosswalk])
    }
    if let instrument = contents.instrument {
      for (name, value) in [
        ("instrument", instrument.id), ("celex", instrument.celex ?? ""), ("title", instrument.title),
        ("version", instrument.date ?? instrument.version), ("language", instrument.language),
      ] {
        try db.execute(sql: "INSERT INTO meta VALUES (?, ?)", arguments: [name, value])
      }
    }
    let insertProvision = try db.makeStatement(sql: "INSERT OR IGNORE INTO provision VALUES (?,?,?,?,?,?,?,?,?,?,?)")
    let insertSearch = try db.makeStatement(sql: "INSERT INTO search VALUES (?,?,?)")
    for (position, p) in contents.provisions.enumerated() {
      try insertProvision.execute(arguments: [
        p.id.rawValue, position, p.parent?.rawValue, p.kind, p.num, p.heading, p.text, p.clauseText, p.sha256,
        p.citation, p.link,
      ])
      // A clause the source no longer has is not the law any more: nothing to find by its words.
      if p.kind != "gone", p.heading != nil || !p.text.isEmpty {
        try insertSearch.execute(arguments: [p.id.rawValue, fold(p.heading ?? ""), fold(p.text)])
      }
    }
    let insertStatement = try db.makeStatement(sql: "INSERT INTO statement VALUES (?,?,?,?,?)")
    for (position, s) in contents.statements.enumerated() {
      try insertStatement.execute(arguments: [
        position, s.clause.rawValue, s.modality, s.roles.joined(separator: ","), s.json,
      ])
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let insertPolicy = try db.makeStatement(sql: "INSERT OR REPLACE INTO policy VALUES (?,?,?,?,?)")
    let insertClause = try db.makeStatement(sql: "INSERT INTO policy_clause VALUES (?,?)")
    for (position, entry) in contents.policies.enumerated() {
      let policy = entry.policy
      try insertPolicy.execute(arguments: [
        policy.control, position, policy.rule, String(decoding: try encoder.encode(policy), as: UTF8.self),
        entry.files.joined(separator: "\n"),
      ])
      // The clauses of the instrument the index holds (a tree may come from several).
      for clause in policy.clauses(of: contents.instrument?.key) {
        try insertClause.execute(arguments: [policy.control, clause.id.rawValue])
      }
    }
    let insertFile = try db.makeStatement(sql: "INSERT INTO policy_file VALUES (?,?)")
    for (path, text) in contents.files.sorted(by: { $0.key < $1.key }) {
      try insertFile.execute(arguments: [path, text])
    }
    let insertCommit = try db.makeStatement(sql: "INSERT INTO commit_clause VALUES (?,?,?,?,?,?,?)")
    for (position, commit) in contents.commits.enumerated() {
      for clause in commit.clauses.isEmpty ? [nil] : commit.clauses.map(Optional.some) {
        try insertCommit.execute(arguments: [
          position, commit.commit, commit.subject, commit.date, commit.control, clause?.rawValue, commit.review,
        ])
      }
    }
  }

  // MARK: Queries

  /// A value of the source's metadata (`instrument`, `celex`, `title`, `version`, `language`), or
  /// the `crosswalk` kept with it.
  public func meta(_ key: String) -> String? {
    try? queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
  }

  private static func provision(_ row: Row) -> ProvisionRecord {
    ProvisionRecord(
      id: PinpointID(rawValue: row["id"]), parent: (row["parent"] as String?).map(PinpointID.init(rawValue:)),
      kind: row["kind"], num: row["num"], heading: row["heading"], text: row["text"], clauseText: row["clause_text"],
      sha256: row["sha256"], citation: row["citation"], link: row["link"])
  }

  /// The provision with this ID.
  public func provision(_ id: PinpointID) -> ProvisionRecord? {
    try? queue.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM provision WHERE id = ?", arguments: [id.rawValue]).map(Self.provision)
    }
  }

  /// The provisions directly under one (nil: the top level), in document order.
  public func children(of id: PinpointID?) -> [ProvisionRecord] {
    (try? queue.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM provision WHERE parent IS ? ORDER BY position", arguments: [id?.rawValue]
      ).map(Self.provision)
    }) ?? []
  }

  private func statements(_ sql: String, _ arguments: StatementArguments) -> [StatementRecord] {
    (try? queue.read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        StatementRecord(
          clause: PinpointID(rawValue: row["clause"]), modality: row["modality"],
          roles: (row["roles"] as String).split(separator: ",").map(String.init), json: row["json"])
      }
    }) ?? []
  }

  /// The statements of a clause and of every provision under it, in document order.
  public func statements(under id: PinpointID) -> [StatementRecord] {
    statements(
      "SELECT * FROM statement WHERE clause = ? OR clause LIKE ? ESCAPE '\\' ORDER BY position",
      [id.rawValue, Self.below(id)])
  }

  /// Every statement, in document order.
  public func statements() -> [StatementRecord] { statements("SELECT * FROM statement ORDER BY position", []) }

  /// A LIKE pattern for the IDs below `id`, with LIKE's own characters escaped.
  private static func below(_ id: PinpointID) -> String {
    var pattern = ""
    for character in id.rawValue {
      if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
      pattern.append(character)
    }
    return pattern + ".%"
  }

  private func policies(_ sql: String, _ arguments: StatementArguments) -> [Policy] {
    let decoder = JSONDecoder()
    return
      (try? queue.read { db in
        try String.fetchAll(db, sql: sql, arguments: arguments).compactMap {
          try? decoder.decode(Policy.self, from: Data($0.utf8))
        }
      }) ?? []
  }

  /// Every policy, in index order.
  public func policies() -> [Policy] { policies("SELECT json FROM policy ORDER BY position", []) }

  /// The policy of a control (case-insensitive) or of a rule id.
  public func policy(named name: String) -> Policy? {
    policies(
      "SELECT json FROM policy WHERE lower(control) = lower(?) OR rule = ? ORDER BY position LIMIT 1", [name, name]
    ).first
  }

  /// The policies that implement a clause: those citing or matching it, a provision under it, or a
  /// provision it stands in.
  public func policies(implementing id: PinpointID) -> [Policy] {
    var enclosing = [id.rawValue]
    var current = id
    while let parent = current.parent {
      enclosing.append(parent.rawValue)
      current = parent
    }
    let marks = enclosing.map { _ in "?" }.joined(separator: ",")
    return policies(
      """
      SELECT json FROM policy WHERE control IN (
        SELECT control FROM policy_clause WHERE clause IN (\(marks)) OR clause LIKE ? ESCAPE '\\')
      ORDER BY position
      """, StatementArguments(enclosing + [Self.below(id)]))
  }

  /// Every clause some policy cites or matches.
  public func policyClauses() -> Set<PinpointID> {
    let ids = (try? queue.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT clause FROM policy_clause") })
    return Set((ids ?? []).map(PinpointID.init(rawValue:)))
  }

  /// Whether a policy cites or matches this clause or a provision under it.
  public func isCited(atOrBelow id: PinpointID) -> Bool {
    (try? queue.read { db in
      try Bool.fetchOne(
        db, sql: "SELECT EXISTS(SELECT 1 FROM policy_clause WHERE clause = ? OR clause LIKE ? ESCAPE '\\')",
        arguments: [id.rawValue, Self.below(id)])
    }) == true
  }

  /// The files of a control's policy.
  public func files(of control: String) -> [String] {
    let text: String? = try? queue.read { db in
      try String.fetchOne(db, sql: "SELECT files FROM policy WHERE control = ?", arguments: [control])
    }
    return text.map { $0.split(separator: "\n").map(String.init) } ?? []
  }

  /// A generated file's text, by its path in the tree.
  public func file(_ path: String) -> String? {
    try? queue.read { db in
      try String.fetchOne(db, sql: "SELECT text FROM policy_file WHERE path = ?", arguments: [path])
    }
  }

  /// The commits that carry a clause (or a provision under it), newest first.
  public func commits(clause: PinpointID) -> [CommitRecord] {
    let rows: [Row] =
      (try? queue.read { db in
        try Row.fetchAll(
          db, sql: "SELECT * FROM commit_clause WHERE clause = ? OR clause LIKE ? ESCAPE '\\' ORDER BY position",
          arguments: [clause.rawValue, Self.below(clause)])
      }) ?? []
    var records: [CommitRecord] = []
    for row in rows {
      let commit: String = row["commit"]
      let clause = (row["clause"] as String?).map(PinpointID.init(rawValue:))
      if let index = records.firstIndex(where: { $0.commit == commit }) {
        if let clause, !records[index].clauses.contains(clause) { records[index].clauses.append(clause) }
        continue
      }
      records.append(
        CommitRecord(
          commit: commit, subject: row["subject"], date: row["date"], control: row["control"],
          clauses: clause.map { [$0] } ?? [], review: row["review"]))
    }
    return records
  }

  /// Full-text search over provisions, best first (BM25, a word in a heading weighing four in the
  /// text; English stems, so "incident" finds "incidents"). Every word of the folded query must
  /// appear; a query in double quotes is a phrase. Only the first `maximumWords` words count: the
  /// ranking's cost grows with their number, and no passage is found by more.
  public func search(_ foldedQuery: String, limit: Int = 20) -> [PinpointID] {
    let phrase = foldedQuery.hasPrefix("\"") && foldedQuery.hasSuffix("\"") && foldedQuery.count > 1
    let words = Array(foldedQuery.split { !$0.isLetter && !$0.isNumber }.map(String.init).prefix(Self.maximumWords))
    guard !words.isEmpty else { return [] }
    // Each word quoted: FTS5 reads nothing in a user's words as its own syntax.
    let match = phrase ? "\"" + words.joined(separator: " ") + "\"" : words.map { "\"\($0)\"" }.joined(separator: " ")
    return
      (try? queue.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT id FROM search WHERE search MATCH ? ORDER BY bm25(search, 0, 4, 1), id LIMIT ?
            """, arguments: [match, limit]
        ).map { row in PinpointID(rawValue: row["id"]) }
      }) ?? []
  }
}
