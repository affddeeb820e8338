/// A minimal JSON writer: callers write keys in sorted order, so output is deterministic byte for
/// byte. Foundation's encoder is avoided: it is several times slower on Linux, and importing
/// Foundation costs every process its start-up.
public struct JSONWriter: Sendable {
  // Public so that the @inlinable methods below (specialised in each caller module) can append.
  public var bytes: [UInt8] = []

  @inlinable public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

  @inlinable public mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  @inlinable public mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    // Fast path: most text needs no escaping and is copied in one go.
    let plain =
      value.utf8.withContiguousStorageIfAvailable { utf8 in
        !utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
      } ?? false
    if plain {
      bytes.append(contentsOf: value.utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case 0x0A: raw("\\n")
      case 0x0D: raw("\\r")
      case 0x09: raw("\\t")
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        raw("\\u00")
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  @inlinable public mutating func optionalString(_ value: String?) {
    if let value { string(value) } else { raw("null") }
  }

  @inlinable public mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

  @inlinable public mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
    bytes.append(UInt8(ascii: "["))
    for (index, item) in items.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      write(&self, item)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  @inlinable public mutating func newline() { bytes.append(0x0A) }

  /// Plain text, no quoting (for human-readable output built with the same buffer).
  @inlinable public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// Bytes as they are (already-encoded text).
  @inlinable public mutating func raw(bytes more: [UInt8]) { bytes.append(contentsOf: more) }
}
