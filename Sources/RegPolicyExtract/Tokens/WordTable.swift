/// A fixed set of words, each with a small value, looked up by the bytes of a word. Entries are
/// sorted by first byte and length, with a slot per (first byte, length) pointing at its entries
/// and the words' bytes in one flat array: a word is rejected by one slot read unless a listed
/// word shares its first byte and length.
final class WordTable: @unchecked Sendable {
  // Filled once in init, never written or freed afterwards (tables live as long as the process),
  // hence safe to share; raw buffers, so a lookup does no reference counting and no bounds checks
  // beyond the slot arithmetic.
  private let flat: UnsafeBufferPointer<UInt8>
  private let wordOffsets: UnsafeBufferPointer<Int32>
  private let values: UnsafeBufferPointer<UInt16>
  private let slotStarts: UnsafeBufferPointer<Int32>
  private let slotEnds: UnsafeBufferPointer<Int32>

  /// Words longer than this are never listed (and never found).
  static let maximumLength = 32

  /// A table of `entries`; a word listed twice keeps its first value.
  init(_ entries: [(String, UInt16)]) {
    var flat: [UInt8] = []
    var offsets: [Int32] = []
    var values: [UInt16] = []
    let slotCount = 256 * Self.maximumLength
    var starts = [Int32](repeating: 0, count: slotCount)
    var ends = [Int32](repeating: 0, count: slotCount)
    let sorted = entries.enumerated().map { (Array($0.element.0.utf8), $0.element.1, $0.offset) }
      .filter { !$0.0.isEmpty && $0.0.count < Self.maximumLength }
      .sorted { ($0.0[0], $0.0.count, $0.2) < ($1.0[0], $1.0.count, $1.2) }
    for (bytes, value, _) in sorted {
      let slot = Int(bytes[0]) * Self.maximumLength + bytes.count
      if starts[slot] == ends[slot] {
        starts[slot] = Int32(offsets.count)
        ends[slot] = Int32(offsets.count)
      }
      offsets.append(Int32(flat.count))
      values.append(value)
      ends[slot] += 1
      flat += bytes
    }
    func permanent<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
      let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
      _ = buffer.initialize(from: array)
      return UnsafeBufferPointer(rebasing: buffer[..<array.count])
    }
    self.flat = permanent(flat)
    wordOffsets = permanent(offsets)
    self.values = permanent(values)
    slotStarts = permanent(starts)
    slotEnds = permanent(ends)
  }

  /// The value of the word in `bytes[range]`, or nil when it is not listed.
  @inline(__always)
  func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt16? {
    let count = range.count
    guard count > 0, count < Self.maximumLength else { return nil }
    let slot = Int(bytes[range.lowerBound]) * Self.maximumLength + count
    var entry = Int(slotStarts[slot])
    let end = Int(slotEnds[slot])
    while entry < end {
      let offset = Int(wordOffsets[entry])
      var index = 1
      while index < count && flat[offset + index] == bytes[range.lowerBound + index] { index += 1 }
      if index == count { return values[entry] }
      entry += 1
    }
    return nil
  }
}
