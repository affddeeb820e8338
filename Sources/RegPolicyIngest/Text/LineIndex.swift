#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps byte offsets of a source file to 1-based line and column (column in UTF-8 bytes).
struct LineIndex {
  private var lineStarts: [Int] = [0]

  init(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    lineStarts.reserveCapacity(bytes.count / 40)
    var offset = 0
    while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
      offset = base.distance(to: UnsafeRawPointer(found)) + 1
      lineStarts.append(offset)
    }
  }

  /// Line and column of `offset`.
  func location(of offset: Int) -> (line: Int, column: Int) {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return (low + 1, offset - lineStarts[low] + 1)
  }
}
