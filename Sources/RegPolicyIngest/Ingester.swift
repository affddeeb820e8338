import CXMLShims
import RegPolicyModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Limits and choices for one ingest run.
public struct IngestOptions: Sendable {
  /// Read the input as this format instead of detecting it from the content.
  public var format: SourceFormat?
  /// Files larger than this are refused before they are read.
  public var maxBytes: Int
  /// Markup nested deeper than this is refused.
  public var maxDepth: Int
  /// Compute the fidelity report (share of body text placed in provisions).
  public var fidelity: Bool

  /// Creates options; the defaults suit every official file in the corpus with a wide margin.
  public init(
    format: SourceFormat? = nil, maxBytes: Int = 64 << 20, maxDepth: Int = 256,
    fidelity: Bool = false
  ) {
    self.format = format
    self.maxBytes = maxBytes
    self.maxDepth = maxDepth
    self.fidelity = fidelity
  }
}

/// The outcome of ingesting one input: a document (nil when the input could not be read as a
/// regulation), everything worth telling about it, and the fidelity report when asked for.
public struct IngestResult: Sendable {
  public var path: String
  public var document: Document?
  public var diagnostics: [Diagnostic]
  public var fidelity: [Fidelity]
}

/// Reads official regulatory markup into a `Document`.
public enum Ingester {
  /// Ingests a file, a Formex package descriptor, or a folder holding a Formex package.
  public static func ingest(_ path: String, options: IngestOptions = IngestOptions()) -> IngestResult {
    run(path) { (result) throws(IngestFailure) in
      if SourceFile.isDirectory(path) { return try FormexPackage.read(folder: path, options: options, into: &result) }
      return try ingest(try SourceFile.load(path, limit: options.maxBytes), options: options, into: &result)
    }
  }

  /// Ingests bytes already in memory (tests, benchmarks); `path` is used for diagnostics.
  public static func ingest(bytes: [UInt8], path: String, options: IngestOptions = IngestOptions()) -> IngestResult {
    run(path) { (result) throws(IngestFailure) in
      try ingest(SourceFile(path: path, bytes: bytes), options: options, into: &result)
    }
  }

  /// Runs one ingest, turning a failure into an error diagnostic, then applies the final checks.
  private static func run(
    _ path: String, _ body: (inout IngestResult) throws(IngestFailure) -> Document
  ) -> IngestResult {
    var result = IngestResult(path: path, document: nil, diagnostics: [], fidelity: [])
    do {
      result.document = try body(&result)
    } catch {
      result.diagnostics.append(
        Diagnostic(error.code, .error, file: path, line: error.line, column: error.column, error.message))
    }
    return finish(result)
  }

  private static func finish(_ result: IngestResult) -> IngestResult {
    var result = result
    if let document = result.document, document.provisions.isEmpty {
      result.diagnostics.append(
        Diagnostic(
          DiagnosticCode.ingestNoProvisions, .error, file: result.path,
          "no provisions found; is this a regulation in a supported format?"))
      result.document = nil
    }
    if result.diagnostics.contains(where: { $0.severity == .error }) { result.document = nil }
    return result
  }

  static func ingest(_ file: SourceFile, options: IngestOptions, into result: inout IngestResult)
    throws(IngestFailure)
    -> Document
  {
    let bytes = file.bytes
    guard bytes.contains(where: { !Numbering.isSpace($0) }) else {
      throw IngestFailure(code: DiagnosticCode.inputEmpty, message: "file is empty")
    }
    if let nul = bytes.withUnsafeBytes({ raw -> Int? in
      guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
      return base.distance(to: UnsafeRawPointer(found))
    }) {
      let (line, column) = bytes.withUnsafeBytes { LineIndex($0).location(of: nul) }
      throw IngestFailure(
        code: DiagnosticCode.inputBinary, message: "file contains NUL bytes; not a text document",
        line: line, column: column)
    }
    let detected: FormatDetector.Detected
    if let format = options.format {
      detected = .format(format)
    } else if let found = FormatDetector.detect(bytes) {
      detected = found
    } else {
      throw IngestFailure(
        code: DiagnosticCode.inputUnknownFormat,
        message: "not a recognised format (EUR-Lex HTML, Formex, AKN4EU, OSCAL, NIST Playbook JSON)"
      )
    }
    if detected == .formexDescriptor {
      return try FormexPackage.read(descriptor: file, options: options, into: &result)
    }
    // The source hash does not depend on the parse: compute it on the other core meanwhile.
    let hash = Background { Ingester.sha256(bytes) }
    var document: Document
    if case .format(let format) = detected, format != .playbook {
      document = try readMarkup(file, format: format, options: options, into: &result)
    } else {
      let (read, fidelity) = try PlaybookReader.read(file)
      document = read
      if options.fidelity { result.fidelity.append(fidelity) }
    }
    document.instrument.sha256 = hash.value()
    document.instrument.files = [file.path]
    return document
  }

  /// Parses markup and runs the reader for `format`.
  static func readMarkup(
    _ file: SourceFile, format: SourceFormat, options: IngestOptions,
    into result: inout IngestResult
  ) throws(IngestFailure) -> Document {
    let outcome = file.bytes.withUnsafeBytes { raw in
      Result { () throws(IngestFailure) -> Document in
        try readMarkup(raw, file: file, format: format, options: options, into: &result)
      }
    }
    return try outcome.get()
  }

  private static func readMarkup(
    _ raw: UnsafeRawBufferPointer, file: SourceFile, format: SourceFormat,
    options: IngestOptions, into result: inout IngestResult
  ) throws(IngestFailure) -> Document {
    let isHTML = format == .eurlexHTML || format == .eurlexConsolidatedHTML || format == .commissionHTML
    let lines = LineIndex(raw)
    var tree = try MarkupTree(parsing: raw, html: false, maxDepth: options.maxDepth)
    var pageTitle: String?
    if isHTML && !tree.wellFormed && !tree.hitLimit {
      let first = tree.messages.first { $0.level != .warning }
      let problem = "not well-formed XML (\(first?.message ?? "unknown"))"
      if let (body, title) = try wellFormedBody(raw, failedAtLine: first?.line ?? 0, options: options) {
        // The EUR-Lex web wrapper leaves tags unclosed in <head> only: the body is still XHTML and
        // libxml2's XML parser reads it two to three times faster than its HTML parser.
        tree = body
        pageTitle = title
        result.diagnostics.append(
          Diagnostic(
            DiagnosticCode.htmlRecovered, .note, file: file.path, line: first?.line ?? 0, column: first?.column ?? 0,
            "\(problem) in the page head; the body read as XML"))
      } else if let act = try legacyActText(raw, options: options) {
        // A page before 2011: HTML 4 around a <TXT_TE> element whose plain paragraphs are
        // well-formed XML — read that element alone, two to three times faster than the page.
        tree = act
        result.diagnostics.append(
          Diagnostic(
            DiagnosticCode.htmlRecovered, .note, file: file.path, line: first?.line ?? 0, column: first?.column ?? 0,
            "\(problem); the act's <TXT_TE> element read as XML"))
      } else {
        // Otherwise libxml2's HTML parser recovers what it can.
        result.diagnostics.append(
          Diagnostic(
            DiagnosticCode.htmlRecovered, .note, file: file.path, line: first?.line ?? 0, column: first?.column ?? 0,
            "\(problem); read with the HTML parser"))
        tree = try MarkupTree(parsing: raw, html: true, maxDepth: options.maxDepth)
      }
    }
    try report(tree, file: file.path, html: tree.isHTML, into: &result)
    var context = ReadContext(file: file.path, tree: tree, lines: lines)
    context.pageTitle = pageTitle
    if isHTML { context.pageMetadata = dublinCore(raw) }
    func run<Reader: MarkupReader>(_: Reader.Type) -> (Document, ReadContext) {
      var reader = Reader(context: context)
      let document = reader.read()
      return (document, reader.context)
    }
    let (document, finished): (Document, ReadContext)
    switch format {
    case .eurlexHTML: (document, finished) = run(EurLexHTMLReader.self)
    case .eurlexConsolidatedHTML: (document, finished) = run(ConsolidatedHTMLReader.self)
    case .commissionHTML: (document, finished) = run(CommissionProposalReader.self)
    case .formex: (document, finished) = run(FormexReader.self)
    case .akn4eu: (document, finished) = run(AkomaNtosoReader.self)
    case .oscal: (document, finished) = run(OSCALReader.self)
    case .playbook:
      throw IngestFailure(
        code: DiagnosticCode.inputUnknownFormat, message: "the NIST Playbook is JSON, not markup")
    }
    result.diagnostics += finished.assembler.diagnostics + finished.diagnostics
    // The article headings of the text, found once for the check below and the fidelity report.
    let labels = format != .oscal || options.fidelity ? Fidelity.articleLabels(in: finished.tree) : []
    if format != .oscal {
      // The words say there are articles and fewer (or none) were read: a markup this reader does
      // not understand, never a document that silently lost its enacting terms.
      var articles: [Int] = []  // where each article read starts
      for provision in document.provisions {
        provision.forEach { if $0.kind == .article { articles.append($0.source.startOffset) } }
      }
      if articles.count < labels.count {
        let starts = Set(articles)
        let lost = labels.first { !starts.contains(finished.tree.sourceStart($0)) } ?? labels[0]
        let (line, column) = finished.assembler.lines.location(of: finished.tree.sourceStart(lost))
        let message =
          articles.isEmpty
          ? "the text has article headings but no article was read: this markup is not understood"
          : "the text has \(labels.count) article headings but \(articles.count) articles were read; this one was not"
        result.diagnostics.append(
          Diagnostic(DiagnosticCode.ingestNoArticles, .error, file: file.path, line: line, column: column, message))
      }
    }
    if options.fidelity {
      result.fidelity.append(Fidelity(context: finished, document: document, articleLabels: labels))
    }
    var output = document
    output.instrument.format = format
    return output
  }

  /// The Dublin Core `<meta name="DC.language" content="EN">` of a page's head (pages before 2011
  /// carry them), read from the bytes whichever parser reads the body.
  private static func dublinCore(_ raw: UnsafeRawBufferPointer) -> [String: String] {
    let page = raw.bindMemory(to: UInt8.self)
    // The head only: never a scan of the whole page for a tag it does not have.
    let bytes = UnsafeBufferPointer(rebasing: page[..<min(page.count, 1 << 14)])
    let head = FormatDetector.firstRange(of: "<body", in: bytes, from: 0)?.lowerBound ?? bytes.count
    var metadata: [String: String] = [:]
    var position = 0
    while let found = FormatDetector.firstRange(of: "<meta name=\"DC.", in: bytes, from: position),
      found.upperBound < head
    {
      position = found.upperBound
      guard let nameEnd = bytes[found.upperBound..<head].firstIndex(of: UInt8(ascii: "\"")),
        let content = FormatDetector.firstRange(of: "content=\"", in: bytes, from: nameEnd),
        let contentEnd = bytes[content.upperBound..<head].firstIndex(of: UInt8(ascii: "\"")),
        bytes[nameEnd..<content.lowerBound].firstIndex(of: UInt8(ascii: ">")) == nil
      else { continue }
      let name = "DC." + String(decoding: bytes[found.upperBound..<nameEnd], as: UTF8.self)
      metadata[name] = Normalizer.normalize(bytes[content.upperBound..<contentEnd])
    }
    return metadata
  }

  /// The `<TXT_TE>…</TXT_TE>` element of a page before 2011 parsed alone as XML, if it is
  /// well-formed; nil on every other page.
  private static func legacyActText(_ raw: UnsafeRawBufferPointer, options: IngestOptions) throws(IngestFailure)
    -> MarkupTree?
  {
    let bytes = raw.bindMemory(to: UInt8.self)
    guard let start = FormatDetector.firstRange(of: "<TXT_TE>", in: bytes, from: 0)?.lowerBound,
      let end = FormatDetector.lastRange(of: "</TXT_TE>", in: bytes)?.upperBound, end > start
    else { return nil }
    let tree = try MarkupTree(
      parsing: UnsafeRawBufferPointer(rebasing: raw[start..<end]), html: false, maxDepth: options.maxDepth,
      baseOffset: start)
    return tree.wellFormed && tree.messages.isEmpty ? tree : nil
  }

  /// When XML parsing failed before `<body>`, parses `<body …>…</body>` alone as XML. Returns the
  /// tree and the page's `<title>` text if that body is well-formed, nil otherwise.
  private static func wellFormedBody(_ raw: UnsafeRawBufferPointer, failedAtLine line: Int, options: IngestOptions)
    throws(IngestFailure) -> (MarkupTree, String?)?
  {
    let bytes = raw.bindMemory(to: UInt8.self)
    guard let start = FormatDetector.firstRange(of: "<body", in: bytes, from: 0)?.lowerBound,
      let end = FormatDetector.lastRange(of: "</body>", in: bytes)?.upperBound, end > start
    else { return nil }
    // Only when the failure lies before the body: a broken body needs the HTML parser.
    let lineOfBody = 1 + bytes[..<start].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    guard line > 0 && line <= lineOfBody else { return nil }
    let tree = try MarkupTree(
      parsing: UnsafeRawBufferPointer(rebasing: raw[start..<end]), html: false, maxDepth: options.maxDepth,
      baseOffset: start)
    guard tree.wellFormed, tree.messages.isEmpty else { return nil }
    var title: String?
    if let open = FormatDetector.firstRange(of: "<title>", in: bytes, from: 0), open.upperBound < start,
      let close = FormatDetector.firstRange(of: "</title>", in: bytes, from: open.upperBound), close.lowerBound < start
    {
      title = Normalizer.normalize(bytes[open.upperBound..<close.lowerBound])
    }
    return (tree, title)
  }

  /// Turns parser complaints into diagnostics; throws when the markup cannot be trusted.
  private static func report(
    _ tree: MarkupTree, file: String, html: Bool, into result: inout IngestResult
  )
    throws(IngestFailure)
  {
    for message in tree.messages {
      let code: DiagnosticCode
      switch message.code {
      case Int32(RP_ERR_TOO_DEEP): code = DiagnosticCode.xmlTooDeep
      case Int32(RP_ERR_ENTITY_DECLARED): code = DiagnosticCode.xmlEntityDeclared
      default: code = html ? DiagnosticCode.htmlRecovered : DiagnosticCode.xmlMalformed
      }
      let fatal = message.level != .warning && (!html || message.code == Int32(RP_ERR_TOO_DEEP))
      if fatal {
        throw IngestFailure(
          code: code, message: message.message.lowercasedFirst, line: message.line,
          column: message.column)
      }
      // HTML recovery messages are many and rarely useful; keep the first few as notes.
      if !html || result.diagnostics.filter({ $0.code == code }).count < 5 {
        result.diagnostics.append(
          Diagnostic(
            code, html ? .note : .warning, file: file, line: message.line,
            column: message.column, message.message.lowercasedFirst))
      }
    }
    if tree.stopped && !html {
      throw IngestFailure(code: DiagnosticCode.xmlMalformed, message: "parsing stopped early")
    }
  }

  /// Lower-case hex sha256 of bytes, as recorded in `Instrument.sha256`.
  public static func sha256(_ bytes: [UInt8]) -> String {
    var digest = SHA256()
    digest.update(bytes)
    return digest.finish()
  }

}

extension String {
  fileprivate var lowercasedFirst: String {
    guard let first else { return self }
    return first.lowercased() + dropFirst()
  }
}
