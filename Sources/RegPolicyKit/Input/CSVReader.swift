import RegPolicyModel

/// RFC 4180 CSV read in place from a file's bytes: fields separated by commas, records by LF or
/// CRLF; a field in double quotes may hold commas, line breaks and doubled quotes. Fields are
/// ranges of the buffer, copied only when asked for. An unterminated quote, or text after a closing
/// quote, is an error at its line.
struct CSVReader {
  /// One field: where it lies in the buffer, and whether it holds doubled quotes to undo.
  struct Field {
    var range: Range<Int>
    var doubledQuotes: Bool
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let file: String
  private var position = 0
  private var line = 1

  init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.file = file
  }

  /// Reads the next record into `fields`; returns the line it starts on, nil at the end.
  mutating func next(into fields: inout [Field]) throws(Diagnostic) -> Int? {
    guard position < bytes.count else { return nil }
    let first = line
    fields.removeAll(keepingCapacity: true)
    while true {
      var field: Field
      if bytes[position] == UInt8(ascii: "\"") {
        field = try quoted()
        guard position == bytes.count || bytes[position] == UInt8(ascii: ",") || isLineEnd(position) else {
          throw Diagnostic.error(.costsMalformed, file: file, line: line, "text after the closing quote of a field")
        }
      } else {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: ","), bytes[position] != 0x0A {
          position += 1
        }
        // A CR ends the field when a line break (or the end of the file) follows it.
        let end = position > start && bytes[position - 1] == 0x0D ? position - 1 : position
        field = Field(range: start..<end, doubledQuotes: false)
      }
      fields.append(field)
      if position < bytes.count, bytes[position] == 0x0D { position += 1 }
      guard position < bytes.count else { return first }
      let separator = bytes[position]
      position += 1
      if separator == 0x0A {
        line += 1
        return first
      }
      if position == bytes.count {  // a comma ends the file: one last, empty field
        fields.append(Field(range: position..<position, doubledQuotes: false))
        return first
      }
    }
  }

  private func isLineEnd(_ index: Int) -> Bool {
    bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] == 0x0A))
  }

  /// A quoted field, from its opening quote to after its closing one.
  private mutating func quoted() throws(Diagnostic) -> Field {
    let opened = line
    position += 1
    let start = position
    var doubled = false
    while true {
      guard position < bytes.count else {
        throw Diagnostic.error(.costsMalformed, file: file, line: opened, "a quoted field is never closed")
      }
      let byte = bytes[position]
      position += 1
      if byte == 0x0A { line += 1 }
      guard byte == UInt8(ascii: "\"") else { continue }
      if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
        doubled = true
        position += 1
      } else {
        return Field(range: start..<position - 1, doubledQuotes: doubled)
      }
    }
  }

  /// A field's bytes, doubled quotes undone.
  func value(_ field: Field) -> [UInt8] {
    guard field.doubledQuotes else { return Array(bytes[field.range]) }
    var value: [UInt8] = []
    value.reserveCapacity(field.range.count)
    var index = field.range.lowerBound
    while index < field.range.upperBound {
      value.append(bytes[index])
      index += bytes[index] == UInt8(ascii: "\"") ? 2 : 1
    }
    return value
  }

  /// A field as text; nil when it is null (empty, or FOCUS 1.0's literal `NULL`).
  func text(_ field: Field) -> String? {
    let range = field.range
    if range.isEmpty || (range.count == 4 && bytes[range].elementsEqual("NULL".utf8)) { return nil }
    return String(decoding: value(field), as: UTF8.self)
  }

  /// A field as an exact decimal; nil when it is not one.
  func decimal(_ field: Field) -> ExactDecimal? {
    field.doubledQuotes ? ExactDecimal(bytes: value(field)) : ExactDecimal(bytes: bytes[field.range])
  }
}
