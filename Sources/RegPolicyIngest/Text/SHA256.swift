import CDigestShims

/// An incremental sha256 (OpenSSL's libcrypto), giving lower-case hex.
package struct SHA256 {
  private var context: OpaquePointer?

  package init() { context = rp_sha256_new() }

  package mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { rp_sha256_update(context, $0.baseAddress, $0.count) }
  }

  /// The digest as 64 lower-case hex digits; the context is released.
  package mutating func finish() -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    rp_sha256_finish(context, &digest)
    context = nil
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in digest {
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
  }
}
