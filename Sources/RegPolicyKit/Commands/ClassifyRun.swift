import RegPolicyExtract
import RegPolicyIngest
import RegPolicyModel

/// `regpolicy classify`: one sentence per input line in, one JSON object per line out (or, with
/// `explain`, the text with its triggers marked). Lines are normalised as ingest does first.
public struct ClassifyRun: Sendable {
  /// Print marked-up text for people instead of JSON.
  public var explain: Bool

  /// Creates a run.
  public init(explain: Bool = false) { self.explain = explain }

  /// Reads all of standard input and classifies it.
  public func run() -> ExitStatus {
    let (output, diagnostics) = classify(InputFiles.standardInput())
    OutputFile.report(diagnostics)
    OutputFile.emit(output, to: 1)
    return ExitStatus.of(diagnostics)
  }

  /// Classifies `input`: the output bytes and the diagnostics.
  public func classify(_ input: [UInt8]) -> ([UInt8], [Diagnostic]) {
    guard input.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
      let diagnostic = Diagnostic(
        DiagnosticCode.inputEmpty, .error, file: "<stdin>", line: 1, column: 1,
        "no input: expected one sentence per line on standard input")
      return ([], [diagnostic])
    }
    let classifier = Classifier()
    var writer = JSONWriter()
    var diagnostics: [Diagnostic] = []
    var lines = input.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    for (index, raw) in lines.enumerated() {
      var line = raw
      if line.last == 0x0D { line = line.dropLast() }
      guard String(validating: line, as: UTF8.self) != nil else {
        let column = Self.firstInvalidByte(line) + 1
        diagnostics.append(
          Diagnostic(
            DiagnosticCode.inputInvalidUTF8, .error, file: "<stdin>", line: index + 1, column: column,
            "invalid UTF-8 at byte \(column) of the line; the line was not classified"))
        if explain {
          writer.raw("line \(index + 1): not classified: invalid UTF-8\n")
        } else {
          writer.raw("{\"error\":")
          writer.string(DiagnosticCode.inputInvalidUTF8.rawValue)
          writer.raw(",\"line\":")
          writer.int(index + 1)
          writer.raw("}\n")
        }
        continue
      }
      let text = Normalizer.normalize(line)
      let statements = classifier.classify(text)
      // The first regulatory statement a sentence opens with (not the second clause or the duty a
      // right implies, which follow their sentence's first statement), else the first.
      let openings = statements.indices.filter { $0 == 0 || statements[$0 - 1].sentence != statements[$0].sentence }
      let main = openings.lazy.map { statements[$0] }.first { $0.modality.isRegulatory } ?? statements.first
      if explain {
        writer.raw("line \(index + 1): ")
        Self.explain(main, statements: statements.count, to: &writer)
      } else {
        writer.raw("{\"addressees\":")
        StatementRenderer.writeAddressees(main?.addressees ?? [], to: &writer)
        writer.raw(",\"evidence\":")
        StatementRenderer.writeEvidence(main?.evidence ?? [], to: &writer)
        writer.raw(",\"modality\":")
        writer.optionalString(main?.modality.rawValue)
        writer.raw(",\"regulatory\":")
        let regulatory = main?.modality.isRegulatory ?? false
        writer.raw(regulatory ? "true" : "false")
        writer.raw(",\"sentences\":")
        writer.int(statements.count)
        writer.raw("}\n")
      }
    }
    return (writer.bytes, diagnostics)
  }

  /// A summary line, then the statement with every trigger marked ⟦like this⟧{rule}.
  static func explain(_ statement: Statement?, statements: Int, to writer: inout JSONWriter) {
    guard let statement else {
      writer.raw("no modality: not a statement of law\n")
      return
    }
    var summary = statement.modality.rawValue
    let parties = statement.addressees.map { ($0.role ?? "party") + " '" + $0.text + "' (\($0.source.rawValue))" }
    summary += parties.isEmpty ? "; no explicit addressee" : "; addressees: " + parties.joined(separator: ", ")
    summary += statement.modality.isRegulatory ? "; regulatory" : "; not regulatory"
    if statements > 1 { summary += "; first of \(statements) statements" }
    var line = Array((summary + "\n  ").utf8)
    let bytes = Array(statement.text.utf8)
    var cursor = 0
    var overlapping: [Statement.Evidence] = []
    for item in statement.evidence {
      guard item.span.lowerBound >= cursor else {
        overlapping.append(item)
        continue
      }
      line += bytes[cursor..<item.span.lowerBound]
      line += Array("⟦".utf8) + bytes[item.span] + Array("⟧{\(item.rule)}".utf8)
      cursor = item.span.upperBound
    }
    line += bytes[cursor...]
    line.append(0x0A)
    for item in overlapping {
      line += Array("  also ⟦".utf8) + bytes[item.span] + Array("⟧{\(item.rule)}\n".utf8)
    }
    writer.raw(bytes: line)
  }

  /// The 0-based offset of the first byte that breaks UTF-8 in `line`.
  static func firstInvalidByte(_ line: ArraySlice<UInt8>) -> Int {
    var offset = 0
    var iterator = line.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput, .error: return offset
      }
    }
  }
}
