/// Amendment and corrigendum markers of EUR-Lex consolidated texts: "►M1" and "►C2" open an
/// amended passage, "◄" closes it, "▼B"/"▼M2"/"▼C1" head a block that comes from the basic act or
/// from an amendment or corrigendum. They are metadata, not text: `extract` moves them out.
enum Markers {
  private static let opening: [UInt8] = [0xE2, 0x96, 0xBA]  // ► U+25BA
  private static let closing: [UInt8] = [0xE2, 0x97, 0x84]  // ◄ U+25C4
  private static let heading: [UInt8] = [0xE2, 0x96, 0xBC]  // ▼ U+25BC

  /// Removes every marker from the block's bytes and appends the opening/heading ones (with their
  /// code, e.g. "►C2") to its markers, in order.
  static func extract(from block: inout TextBlock) {
    let bytes = block.bytes
    guard bytes.contains(0xE2) else { return }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if index + 3 <= bytes.count, bytes[index] == 0xE2 {
        let sign = Array(bytes[index..<index + 3])
        if sign == closing {
          index += 3
          // "delay ◄." reads "delay.": a closing marker glued to punctuation takes its space along.
          if index < bytes.count, !Numbering.isSpace(bytes[index]) {
            while let last = out.last, Numbering.isSpace(last) { out.removeLast() }
          }
          continue
        }
        if sign == opening || sign == heading {
          var end = index + 3
          while end < bytes.count, Numbering.isAlphanumeric(bytes[end]) { end += 1 }
          block.markers.append(String(decoding: bytes[index..<end], as: UTF8.self))
          index = end
          continue
        }
      }
      out.append(bytes[index])
      index += 1
    }
    block.bytes = out
  }
}
