/// A fixed set of words, each with a small value, looked up by the bytes of a word.
///
/// An open-addressing hash table keyed by a word's first eight bytes (one integer) and its length:
/// a word that is not listed — most words of a text — costs one unaligned load, one multiplication
/// and one or two integer comparisons, in a table small enough to stay in the first-level cache.
/// Bytes after the eighth are compared only when the key matches.
final class WordTable: @unchecked Sendable {
  // Filled once in init and never written afterwards, hence safe to share; freed with the table
  // (an act's own lexicon lives as long as its extraction). Raw buffers, so a lookup does no
  // reference counting and no bounds checks.
  /// Per slot: the first eight bytes of the word, little-endian, zero-padded; 0 marks an empty
  /// slot (no word starts with a NUL byte).
  private let keys: UnsafeBufferPointer<UInt64>
  private let lengths: UnsafeBufferPointer<UInt8>
  private let values: UnsafeBufferPointer<UInt16>
  /// Per slot: where the word's bytes after the eighth start in `rest`.
  private let restOffsets: UnsafeBufferPointer<Int32>
  private let rest: UnsafeBufferPointer<UInt8>
  private let shift: UInt64
  /// How many words are listed.
  private let count: Int

  /// Words this long or longer are never listed (and never found).
  static let maximumLength = 32

  /// A table of `entries`, whose values must not be 0; a word listed twice keeps its first value.
  convenience init(_ entries: [(String, UInt16)]) {
    var slots = Slots(bits: Self.bits(for: entries.count))
    for (word, value) in entries { slots.insert(Array(word.utf8), value) }
    self.init(slots)
  }

  /// This table with `entries` added (values must not be 0; a word listed already keeps its
  /// value): the slots are copied and the new words put in, with no word of this table hashed
  /// again unless the table has to grow.
  func adding(_ entries: [(String, UInt16)]) -> WordTable {
    func copied<T>(_ buffer: UnsafeBufferPointer<T>) -> [T] {
      [T](unsafeUninitializedCapacity: buffer.count) { copy, count in
        if let from = buffer.baseAddress, let to = copy.baseAddress { to.initialize(from: from, count: buffer.count) }
        count = buffer.count
      }
    }
    var slots = Slots(
      keys: copied(keys), lengths: copied(lengths), values: copied(values), restOffsets: copied(restOffsets),
      rest: copied(rest), count: count)
    let bits = Self.bits(for: slots.count + entries.count)
    if 1 << bits > keys.count {
      var grown = Slots(bits: bits)
      for slot in 0..<keys.count where lengths[slot] != 0 { grown.insert(slots.word(at: slot), values[slot]) }
      slots = grown
    }
    for (word, value) in entries { slots.insert(Array(word.utf8), value) }
    return WordTable(slots)
  }

  /// Sparse (one slot in sixteen used), so a word that is not listed almost always meets an
  /// empty slot.
  private static func bits(for count: Int) -> Int {
    var bits = 6
    while 1 << bits < count * 16 { bits += 1 }
    return bits
  }

  /// The table being filled, in arrays.
  private struct Slots {
    var keys: [UInt64]
    var lengths: [UInt8]
    var values: [UInt16]
    var restOffsets: [Int32]
    var rest: [UInt8]
    var count: Int
    var shift: UInt64 { UInt64(64 - keys.count.trailingZeroBitCount) }

    init(bits: Int) {
      self.init(
        keys: [UInt64](repeating: 0, count: 1 << bits), lengths: [UInt8](repeating: 0, count: 1 << bits),
        values: [UInt16](repeating: 0, count: 1 << bits), restOffsets: [Int32](repeating: 0, count: 1 << bits),
        rest: [], count: 0)
    }

    init(keys: [UInt64], lengths: [UInt8], values: [UInt16], restOffsets: [Int32], rest: [UInt8], count: Int) {
      self.keys = keys
      self.lengths = lengths
      self.values = values
      self.restOffsets = restOffsets
      self.rest = rest
      self.count = count
    }

    /// The word in `slot`.
    func word(at slot: Int) -> [UInt8] {
      let length = Int(lengths[slot])
      let head = (0..<min(length, 8)).map { UInt8(truncatingIfNeeded: keys[slot] >> UInt64($0 * 8)) }
      let offset = Int(restOffsets[slot])
      return head + rest[offset..<offset + max(0, length - 8)]
    }

    /// Lists `bytes` with `value`, unless it is listed already (or cannot be).
    mutating func insert(_ bytes: [UInt8], _ value: UInt16) {
      precondition(value != 0, "0 means not listed")
      guard !bytes.isEmpty, bytes.count < WordTable.maximumLength, bytes[0] != 0 else { return }
      let key = bytes.withUnsafeBufferPointer { WordTable.prefix($0, 0..<$0.count) }
      var slot = WordTable.slot(key, bytes.count, shift: shift)
      while keys[slot] != 0 {
        if keys[slot] == key, Int(lengths[slot]) == bytes.count,
          rest[Int(restOffsets[slot])..<Int(restOffsets[slot]) + max(0, bytes.count - 8)].elementsEqual(
            bytes.dropFirst(8))
        {
          return
        }
        slot = (slot + 1) & (keys.count - 1)
      }
      keys[slot] = key
      lengths[slot] = UInt8(bytes.count)
      values[slot] = value
      restOffsets[slot] = Int32(rest.count)
      rest += bytes.dropFirst(8)
      count += 1
    }
  }

  private init(_ slots: Slots) {
    func owned<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
      let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
      array.withUnsafeBufferPointer { from in
        if let source = from.baseAddress, let target = buffer.baseAddress {
          target.initialize(from: source, count: from.count)
        }
      }
      return UnsafeBufferPointer(buffer)
    }
    keys = owned(slots.keys)
    lengths = owned(slots.lengths)
    values = owned(slots.values)
    restOffsets = owned(slots.restOffsets)
    rest = owned(slots.rest)
    shift = slots.shift
    count = slots.count
  }

  deinit {
    UnsafeMutableBufferPointer(mutating: keys).deallocate()
    UnsafeMutableBufferPointer(mutating: lengths).deallocate()
    UnsafeMutableBufferPointer(mutating: values).deallocate()
    UnsafeMutableBufferPointer(mutating: restOffsets).deallocate()
    UnsafeMutableBufferPointer(mutating: rest).deallocate()
  }

  /// The value of the word in `bytes[range]`, or 0 when it is not listed. Only a slot held by
  /// another word, or a word longer than eight bytes, walks on from the first slot read.
  @inline(__always)
  func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt16 {
    value(bytes, range, prefix: Self.prefix(bytes, range))
  }

  /// `value(bytes, range)` for a caller that has read the word's `prefix` already.
  @inline(__always)
  func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, prefix key: UInt64) -> UInt16 {
    let count = range.count
    guard count > 0, count < Self.maximumLength else { return 0 }
    let slot = Self.slot(key, count, shift: shift)
    let found = keys[slot]
    let mismatch = (found ^ key) | UInt64(lengths[slot] ^ UInt8(truncatingIfNeeded: count))
    if _slowPath(count > 8 || (mismatch != 0 && found != 0)) { return probe(bytes, range, key, from: slot) }
    return mismatch == 0 ? values[slot] : 0
  }

  private func probe(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ key: UInt64, from start: Int)
    -> UInt16
  {
    let count = range.count
    var slot = start
    while true {
      let found = keys[slot]
      if found == key && Int(lengths[slot]) == count && (count <= 8 || restEquals(slot, bytes, range)) {
        return values[slot]
      }
      if found == 0 { return 0 }
      slot = (slot &+ 1) & (keys.count &- 1)
    }
  }

  /// Multiplicative hashing: the top bits of the product pick the slot.
  @inline(__always) private static func slot(_ key: UInt64, _ count: Int, shift: UInt64) -> Int {
    Int(truncatingIfNeeded: ((key ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) &>> shift)
  }

  private func restEquals(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let offset = Int(restOffsets[slot]) &- 8
    var index = 8
    while index < range.count && rest[offset &+ index] == bytes[range.lowerBound &+ index] { index &+= 1 }
    return index == range.count
  }

  /// The first eight bytes of `bytes[range]` (fewer when shorter, zeros after), little-endian.
  @inline(__always)
  static func prefix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
    let count = min(range.count, 8)
    if range.lowerBound &+ 8 <= bytes.count, let base = bytes.baseAddress {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self))
      return count == 8 ? word : word & ((1 &<< UInt64(count &* 8)) &- 1)
    }
    var word: UInt64 = 0
    for index in 0..<count { word |= UInt64(bytes[range.lowerBound &+ index]) &<< UInt64(index &* 8) }
    return word
  }
}
