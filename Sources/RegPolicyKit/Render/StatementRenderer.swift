import RegPolicyModel

/// Writes statements as JSON Lines (`regpolicy extract`, `regpolicy classify`): one object per
/// line, keys sorted, byte spans as `[start, end]` of the statement's `text`.
enum StatementRenderer {
  /// One JSON object per statement, each on its own line.
  static func jsonLines(_ statements: [Statement]) -> [UInt8] {
    var writer = JSONWriter(capacity: statements.count * 1024)
    for statement in statements {
      write(statement, to: &writer)
      writer.newline()
    }
    return writer.bytes
  }

  static func write(_ statement: Statement, to writer: inout JSONWriter) {
    writer.raw("{\"action\":")
    writer.optionalString(statement.action)
    writer.raw(",\"addressees\":")
    writeAddressees(statement.addressees, to: &writer)
    writer.raw(",\"clause\":")
    writer.string(statement.clause.rawValue)
    writer.raw(",\"conditions\":")
    qualifiers(statement.conditions, to: &writer)
    writer.raw(",\"confidence\":")
    confidence(statement.confidence, to: &writer)
    writer.raw(",\"counterparty\":")
    if let counterparty = statement.counterparty {
      writeAddressee(counterparty, to: &writer)
    } else {
      writer.raw("null")
    }
    writer.raw(",\"deadlines\":")
    qualifiers(statement.deadlines, to: &writer)
    writer.raw(",\"evidence\":")
    writeEvidence(statement.evidence, to: &writer)
    writer.raw(",\"exceptions\":")
    qualifiers(statement.exceptions, to: &writer)
    writer.raw(",\"implicit_addressee\":")
    writer.raw(statement.isUnaddressed ? "true" : "false")
    writer.raw(",\"modality\":")
    writer.string(statement.modality.rawValue)
    writer.raw(",\"object\":")
    writer.optionalString(statement.object)
    writer.raw(",\"references\":")
    writer.array(statement.references) { writer, reference in
      writer.raw("{\"instrument\":")
      writer.optionalString(reference.instrument)
      writer.raw(",\"span\":")
      span(reference.span, to: &writer)
      writer.raw(",\"targets\":")
      writer.array(reference.targets) { $0.string($1.rawValue) }
      writer.raw(",\"text\":")
      writer.string(reference.text)
      writer.raw(",\"unresolved\":")
      writer.optionalString(reference.unresolved)
      writer.raw("}")
    }
    writer.raw(",\"sentence\":")
    writer.int(statement.sentence)
    writer.raw(",\"text\":")
    writer.string(statement.text)
    writer.raw("}")
  }

  static func writeAddressees(_ addressees: [Statement.Addressee], to writer: inout JSONWriter) {
    writer.array(addressees) { writer, addressee in writeAddressee(addressee, to: &writer) }
  }

  static func writeAddressee(_ addressee: Statement.Addressee, to writer: inout JSONWriter) {
    writer.raw("{\"role\":")
    writer.optionalString(addressee.role)
    writer.raw(",\"source\":")
    writer.string(addressee.source.rawValue)
    writer.raw(",\"span\":")
    if addressee.isStated { span(addressee.span, to: &writer) } else { writer.raw("null") }
    writer.raw(",\"text\":")
    writer.string(addressee.text)
    writer.raw(",\"via\":")
    writer.optionalString(addressee.via?.rawValue)
    writer.raw("}")
  }

  static func writeEvidence(_ evidence: [Statement.Evidence], to writer: inout JSONWriter) {
    writer.array(evidence) { writer, item in
      writer.raw("{\"rule\":")
      writer.string(item.rule)
      writer.raw(",\"span\":")
      span(item.span, to: &writer)
      writer.raw("}")
    }
  }

  private static func qualifiers(_ items: [Statement.Qualifier], to writer: inout JSONWriter) {
    writer.array(items) { writer, item in
      writer.raw("{\"kind\":")
      writer.string(item.kind)
      writer.raw(",\"span\":")
      span(item.span, to: &writer)
      writer.raw(",\"text\":")
      writer.string(item.text)
      writer.raw("}")
    }
  }

  private static func span(_ range: Range<Int>, to writer: inout JSONWriter) {
    writer.raw("[")
    writer.int(range.lowerBound)
    writer.raw(",")
    writer.int(range.upperBound)
    writer.raw("]")
  }

  /// Two decimals, always: "0.85", "1.00".
  static func confidence(_ value: Double, to writer: inout JSONWriter) {
    let hundredths = max(0, min(100, Int((value * 100).rounded())))
    writer.int(hundredths / 100)
    writer.raw(".")
    if hundredths % 100 < 10 { writer.raw("0") }
    writer.int(hundredths % 100)
  }
}
