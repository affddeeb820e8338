import RegPolicyModel

/// The catalogue of ingest diagnostic codes, sorted. Codes are stable: tests and users match on them.
public enum DiagnosticCode {
  /// A pinpoint ID was derived twice in one document.
  public static let duplicateID = "ingest.duplicate-id"
  /// The markup was recognised but holds no provision (e.g. a web page that is not a regulation).
  public static let noProvisions = "ingest.no-provisions"
  /// Body text that did not end up in any provision (reported by `--check`).
  public static let unplacedText = "ingest.unplaced-text"
  /// The file contains NUL bytes or is not text.
  public static let binary = "input.binary"
  /// The file is empty or only white space.
  public static let empty = "input.empty"
  /// The format could not be recognised from the content.
  public static let unknownFormat = "input.unknown-format"
  /// The file does not exist or cannot be read.
  public static let unreadable = "input.unreadable"
  /// The parser could not get memory.
  public static let outOfMemory = "input.out-of-memory"
  /// Input text that is not valid UTF-8.
  public static let invalidUTF8 = "input.invalid-utf8"
  /// The file is larger than the size limit.
  public static let tooLarge = "input.too-large"
  /// JSON input that does not parse or lacks the expected structure.
  public static let jsonMalformed = "json.malformed"
  /// A Formex package lists a part file that is missing.
  public static let packageMissingPart = "formex.missing-part"
  /// The HTML parser recovered from broken markup (common on EUR-Lex pages with a web wrapper).
  public static let htmlRecovered = "html.recovered"
  /// The document declares entities; they are ignored (never expanded, never loaded).
  public static let entityDeclared = "xml.entity-declared"
  /// Markup nested deeper than the limit.
  public static let tooDeep = "xml.too-deep"
  /// The XML is not well-formed (truncated, bad encoding, undefined entity, …).
  public static let xmlMalformed = "xml.malformed"
}

/// An input problem that stops one file from being ingested.
public struct IngestFailure: Error, Sendable {
  public var code: String
  public var message: String
  public var line: Int
  public var column: Int

  /// Creates a failure.
  public init(code: String, message: String, line: Int = 0, column: Int = 0) {
    self.code = code
    self.message = message
    self.line = line
    self.column = column
  }
}
