import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel

/// A regulation read and its statements extracted: the value every later stage (mapping, diff,
/// branch, trace) starts from. Computed once per input and handed on.
public struct Source: Sendable {
  /// Where it was read from, as the user named it.
  public var path: String
  public var document: Document
  public var statements: [Statement]

  /// Reads a source: `read` of a path, or of bytes in memory, deferred until it is run.
  public typealias Reader = () -> (source: Source?, diagnostics: [Diagnostic])

  /// Creates a source from values already computed.
  public init(path: String, document: Document, statements: [Statement]) {
    self.path = path
    self.document = document
    self.statements = statements
  }

  /// Ingests and extracts a file or Formex package; nil when it could not be read as a regulation.
  /// The diagnostics say why, and what else was noticed.
  public static func read(
    _ path: String, options: IngestOptions = IngestOptions(), extractor: Extractor = Extractor()
  ) -> (source: Source?, diagnostics: [Diagnostic]) {
    let result = Ingester.ingest(path, options: options)
    return (result.document.map { extracted($0, path: path, extractor: extractor) }, result.diagnostics)
  }

  /// The same for bytes already in memory (the built-in sample); `path` names them in diagnostics.
  public static func read(bytes: [UInt8], path: String) -> (source: Source?, diagnostics: [Diagnostic]) {
    let result = Ingester.ingest(bytes: bytes, path: path)
    return (result.document.map { extracted($0, path: path, extractor: Extractor()) }, result.diagnostics)
  }

  /// Runs each reader: the notes and warnings of a source that was read go to standard error at
  /// once; the diagnostics of every source that could not be read are thrown together.
  public static func readAll(_ readers: [Reader]) throws(Diagnostics) -> [Source] {
    var sources: [Source] = []
    var problems: [Diagnostic] = []
    for read in readers {
      let (source, diagnostics) = read()
      if let source {
        OutputFile.report(diagnostics)
        sources.append(source)
      } else {
        problems += diagnostics
      }
    }
    if !problems.isEmpty { throw Diagnostics(problems) }
    return sources
  }

  private static func extracted(_ document: Document, path: String, extractor: Extractor) -> Source {
    Source(path: path, document: document, statements: extractor.statements(in: document))
  }

  /// The instrument's CELEX number, or its declared id.
  public var instrument: String { document.instrument.key }
}
