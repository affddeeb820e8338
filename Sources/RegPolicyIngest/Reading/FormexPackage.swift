import RegPolicyModel

/// A Formex package: a `.doc` descriptor naming the act file and its annex files, which are read
/// in the order the descriptor lists them and merged into one document.
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
    var parts: [String] = []
    var publicationDate: String?
    var eli: String?
    for root in tree.roots where tree.isElement(root) {
      for node in tree.descendants(root, where: { _ in true }) {
        switch tree.name(node) {
        case "REF.PHYS":
          if let file = tree.attribute(node, "FILE"), tree.attribute(node, "TYPE") != "DOC.PDF" { parts.append(file) }
        case "DATE" where tree.name(tree.parent(node)) == "PUBLICATION.REF":
          publicationDate = tree.attribute(node, "ISO").flatMap(Vocabulary.isoDate(fromCompact:))
        case "NO.ELI":
          eli = tree.attribute(node, "ID")
        default:
          break
        }
      }
    }
    guard !parts.isEmpty else {
      throw IngestFailure(code: DiagnosticCode.inputUnknownFormat, message: "descriptor lists no document files")
    }
    let folder = descriptor.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
      separator: "/")
    var document: Document?
    var digest = SHA256()
    digest.update(descriptor.bytes)
    var files = [descriptor.path]
    for part in parts {
      let path = folder.isEmpty ? part : folder + "/" + part
      guard SourceFile.exists(path) else {
        result.diagnostics.append(
          Diagnostic(
            DiagnosticCode.formexMissingPart, .error, file: descriptor.path,
            "the package lists '\(part)', which is missing"))
        continue
      }
      let file = try SourceFile.load(path, limit: options.maxBytes)
      var partDocument = try Ingester.readMarkup(file, format: .formex, options: options, into: &result)
      digest.update(file.bytes)
      files.append(path)
      if var merged = document {
        merged.provisions += partDocument.provisions
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
}
