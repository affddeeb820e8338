import RegPolicyModel

/// A Formex package: a `.doc` descriptor naming the act file and its annex files, which are read
/// in the order the descriptor lists them and merged into one document. A part missing under its
/// name is looked for among the folder's other files by what it says it is (`FormexPart`), since
/// Cellar delivers packages with the files renamed `DOC_1.xml … DOC_n.xml`.
enum FormexPackage {
  /// Reads the package in `folder` through its descriptor (the file whose root is `DOC`).
  static func read(folder: String, options: IngestOptions, into result: inout IngestResult) throws(IngestFailure)
    -> Document
  {
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    for name in SourceFile.list(base) where name.hasSuffix(".xml") {
      let file = try SourceFile.load(base + "/" + name, limit: options.maxBytes)
      if FormatDetector.detect(file.bytes) == .formexDescriptor {
        return try read(descriptor: file, options: options, into: &result)
      }
    }
    throw IngestFailure(
      code: DiagnosticCode.inputUnknownFormat,
      message: "folder holds no Formex package descriptor (a file whose root element is DOC)")
  }

  /// Reads the files a descriptor lists (`DOC.MAIN.PUB` then `DOC.SUB.PUB`, by `REF.PHYS FILE`).
  static func read(descriptor: SourceFile, options: IngestOptions, into result: inout IngestResult)
    throws(IngestFailure) -> Document
  {
    let outcome = descriptor.bytes.withUnsafeBytes { raw in
      Result { () throws(IngestFailure) in try MarkupTree(parsing: raw, html: false, maxDepth: options.maxDepth) }
    }
    let tree = try outcome.get()
    guard tree.wellFormed, !tree.stopped else {
      let first = tree.messages.first
      throw IngestFailure(
        code: DiagnosticCode.xmlMalformed, message: first?.message ?? "descriptor is not well-formed",
        line: first?.line ?? 0, column: first?.column ?? 0)
    }
    var entries: [Entry] = []
    var publicationDate: String?
    var eli: String?
    var act: String?
    for root in tree.roots where tree.isElement(root) {
      for node in tree.descendants(root, where: { _ in true }) {
        switch tree.name(node) {
        case "REF.PHYS":
          if let file = tree.attribute(node, "FILE"), tree.attribute(node, "TYPE") != "DOC.PDF" {
            entries.append(Entry(file: file, publication: tree.parent(node), in: tree))
          }
        case "DATE" where tree.name(tree.parent(node)) == "PUBLICATION.REF":
          publicationDate = tree.attribute(node, "ISO").flatMap(Vocabulary.isoDate(fromCompact:))
        case "NO.ELI":
          eli = tree.attribute(node, "ID")
        case "NO.DOC" where tree.name(tree.parent(node)) == "BIB.DOC":
          act = FormexPart.act(tree, node) { node in
            var bytes: [UInt8] = []
            tree.appendText(node, to: &bytes)
            return Normalizer.normalize(bytes)
          }
        default:
          break
        }
      }
    }
    guard !entries.isEmpty else {
      throw IngestFailure(code: DiagnosticCode.inputUnknownFormat, message: "descriptor lists no document files")
    }
    let folder = descriptor.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
      separator: "/")
    func path(_ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
    let renamed = findRenamed(
      entries, act: act, folder: folder, descriptor: descriptor, options: options, into: &result)
    var document: Document?
    var digest = SHA256()
    digest.update(descriptor.bytes)
    var files = [descriptor.path]
    for (index, entry) in entries.enumerated() {
      let file: SourceFile
      if let found = renamed[index] {
        file = found
      } else if SourceFile.exists(path(entry.file)) {
        file = try SourceFile.load(path(entry.file), limit: options.maxBytes)
      } else {
        var message = "the package lists '\(entry.file)', which is missing"
        if let identity = entry.identity, let sequence = identity.sequence {
          let of = act.map { " of act \($0)" } ?? ""
          message += ", and no other file of the folder is that \(identity.kind.rawValue) (NO.SEQ \(sequence)\(of))"
        }
        result.diagnostics.append(Diagnostic(DiagnosticCode.formexMissingPart, .error, file: descriptor.path, message))
        continue
      }
      var partDocument = try Ingester.readMarkup(file, format: .formex, options: options, into: &result)
      digest.update(file.bytes)
      files.append(file.path)
      if var merged = document {
        // Each part is read on its own: an ID one part repeats from another (two annexes without a
        // label, both `anx_I`) is told and suffixed as within one file.
        var seen = Set(merged.provisions.map(\.id))
        for provision in partDocument.provisions {
          var claimed = provision.id
          var counter = 2
          while !seen.insert(claimed).inserted {
            claimed = PinpointID(rawValue: "\(provision.id.rawValue)-dup\(counter)")
            counter += 1
          }
          guard claimed != provision.id else {
            merged.provisions.append(provision)
            continue
          }
          result.diagnostics.append(
            Diagnostic(
              DiagnosticCode.ingestDuplicateID, .warning, file: file.path, line: provision.source.line,
              column: provision.source.column,
              "pinpoint id '\(provision.id)' occurs more than once in the package; this one is '\(claimed)'"))
          merged.provisions.append(Self.renaming(provision, to: claimed))
        }
        merged.footnotes += partDocument.footnotes
        document = merged
      } else {
        partDocument.instrument.files = []
        document = partDocument
      }
    }
    guard var merged = document else {
      throw IngestFailure(code: DiagnosticCode.formexMissingPart, message: "no file of the package could be read")
    }
    if let publicationDate { merged.instrument.date = publicationDate }
    if let eli { merged.instrument.eli = eli }
    merged.instrument.files = files
    merged.instrument.sha256 = digest.finish()
    return merged
  }

  /// The provision under another ID, its descendants' IDs following (`anx_I.pt_1` → `anx_I-dup2.pt_1`).
  static func renaming(_ provision: Provision, to id: PinpointID) -> Provision {
    var renamed = provision
    let old = provision.id.rawValue
    func rename(_ node: inout Provision) {
      node.id = PinpointID(rawValue: id.rawValue + node.id.rawValue.dropFirst(old.count))
      for index in node.children.indices { rename(&node.children[index]) }
    }
    rename(&renamed)
    return renamed
  }

  /// One document file the descriptor lists, with what the descriptor says about it: the act
  /// (`DOC.MAIN.PUB`) or an annex (`DOC.SUB.PUB TYPE="ANNEX"`), its `NO.SEQ` and language.
  struct Entry {
    var file: String
    /// Nil for a part the descriptor does not call the act or an annex.
    var identity: FormexPart?

    init(file: String, publication: MarkupTree.NodeIndex, in tree: MarkupTree) {
      self.file = file
      let kind: FormexPart.Kind?
      switch tree.name(publication) {
      case "DOC.MAIN.PUB": kind = .act
      case "DOC.SUB.PUB" where tree.attribute(publication, "TYPE") == "ANNEX": kind = .annex
      default: kind = nil
      }
      identity = kind.map { kind in
        var language: String?
        if let lg = tree.elements(publication).first(where: { tree.name($0) == "LG.DOC" }) {
          var bytes: [UInt8] = []
          tree.appendText(lg, to: &bytes)
          language = Normalizer.normalize(bytes).uppercased()
        }
        return FormexPart(kind: kind, sequence: tree.attribute(publication, "NO.SEQ"), language: language)
      }
    }
  }

  /// The files of the folder that are the parts missing under their names, by entry index. A file is
  /// a part when it is of the entry's kind (act or annex), of the same act and language where both
  /// say, and has the entry's `NO.SEQ`; entries and files without one are paired in order, the
  /// descriptor's and the files' natural order (`DOC_2` before `DOC_10`), and only when as many files
  /// as entries of that kind are left. Each file found is reported as a note.
  private static func findRenamed(
    _ entries: [Entry], act: String?, folder: String, descriptor: SourceFile, options: IngestOptions,
    into result: inout IngestResult
  ) -> [Int: SourceFile] {
    func path(_ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
    let missing = entries.indices.filter { !SourceFile.exists(path(entries[$0].file)) }
    guard !missing.isEmpty else { return [:] }
    let named = Set(entries.map { path($0.file) }).union([descriptor.path])
    var candidates: [(file: SourceFile, part: FormexPart)] = []
    let names = SourceFile.list(folder.isEmpty ? "." : folder).sorted(by: FormexPart.naturalOrder)
    for name in names where name.lowercased().hasSuffix(".xml") && !named.contains(path(name)) {
      guard !SourceFile.isDirectory(path(name)) else { continue }
      do {
        let file = try SourceFile.load(path(name), limit: options.maxBytes)
        if let part = FormexPart(bytes: file.bytes) { candidates.append((file, part)) }
      } catch {
        // One file that cannot be read does not stop the search; if it was the part, the part is
        // reported missing, and this says why.
        result.diagnostics.append(
          Diagnostic(error.code, .warning, file: path(name), "not searched for the package's parts: \(error.message)"))
      }
    }
    // The entries carry the act's number from the descriptor's `BIB.DOC`.
    func expected(_ index: Int) -> FormexPart? {
      entries[index].identity.map { identity in
        var identity = identity
        identity.act = act
        return identity
      }
    }
    var found: [Int: SourceFile] = [:]
    var taken = Set<Int>()
    func take(_ entry: Int, _ candidate: Int, _ how: String) {
      found[entry] = candidates[candidate].file
      taken.insert(candidate)
      result.diagnostics.append(
        Diagnostic(
          DiagnosticCode.formexRenamedPart, .note, file: descriptor.path,
          "the package lists '\(entries[entry].file)', which is missing; read '\(candidates[candidate].file.path)', \(how)"
        ))
    }
    for entry in missing {
      guard let identity = expected(entry), let sequence = identity.sequence else { continue }
      let matches = candidates.indices.filter {
        !taken.contains($0) && candidates[$0].part.sequence == sequence && candidates[$0].part.agrees(with: identity)
      }
      if matches.count == 1 {
        take(entry, matches[0], "the \(identity.kind.rawValue) with NO.SEQ \(sequence)")
      } else if matches.count > 1 {
        let names = matches.map { "'\(candidates[$0].file.path)'" }.joined(separator: ", ")
        result.diagnostics.append(
          Diagnostic(
            DiagnosticCode.formexRenamedPart, .note, file: descriptor.path,
            "the package lists '\(entries[entry].file)', which is missing; \(names) all say they are it; none is read"))
      }
    }
    // Files that do not say their NO.SEQ: paired in order within their kind, never across kinds.
    for kind in [FormexPart.Kind.act, .annex] {
      let open = missing.filter { found[$0] == nil && expected($0)?.kind == kind }
      let left = candidates.indices.filter { index in
        !taken.contains(index) && candidates[index].part.sequence == nil
          && open.allSatisfy { expected($0).map(candidates[index].part.agrees(with:)) ?? false }
      }
      guard !open.isEmpty, open.count == left.count else { continue }
      for (entry, candidate) in zip(open, left) {
        take(entry, candidate, "the \(kind.rawValue) file in the same place among the files that give no NO.SEQ")
      }
    }
    return found
  }
}
