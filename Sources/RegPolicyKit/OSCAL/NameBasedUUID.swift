import CDigestShims

/// A name-based UUID, version 5 (RFC 9562 §5.5: SHA-1 of a namespace UUID and a name): the same
/// name always gives the same UUID, so documents made from the same input are the same bytes.
package struct NameBasedUUID: Hashable, Sendable, CustomStringConvertible {
  /// The 16 bytes, in network order.
  package let bytes: [UInt8]

  /// regpolicy's namespace for OSCAL identifiers: the version 5 UUID of the URL
  /// `https://regpolicy.dev/oscal` in RFC 9562's URL namespace (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
  package static let oscal = NameBasedUUID(
    name: "https://regpolicy.dev/oscal",
    in: NameBasedUUID(bytes: [
      0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]))

  private init(bytes: [UInt8]) { self.bytes = bytes }

  /// The UUID of `name` (its UTF-8 bytes) in `namespace`.
  package init(name: String, in namespace: NameBasedUUID) {
    let input = namespace.bytes + Array(name.utf8)
    var digest = [UInt8](repeating: 0, count: 20)
    input.withUnsafeBufferPointer { rp_sha1($0.baseAddress, $0.count, &digest) }
    var bytes = Array(digest[0..<16])
    bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
    bytes[8] = (bytes[8] & 0x3F) | 0x80  // the RFC's variant
    self.bytes = bytes
  }

  /// A name in regpolicy's OSCAL namespace.
  package init(oscal name: String) { self.init(name: name, in: .oscal) }

  /// Lower-case hex in 8-4-4-4-12 groups.
  package var description: String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(36)
    for (index, byte) in bytes.enumerated() {
      if [4, 6, 8, 10].contains(index) { text.append(UInt8(ascii: "-")) }
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
