/// A FOCUS tag column's value: a JSON object of tag keys to values. String values are kept (the
/// last of a repeated key wins, as JSON readers do); numbers, booleans, null, arrays and objects
/// are skipped, since a FinOps label is text.
enum TagObject {
  /// The object's string values by key; nil when the bytes are not one JSON object.
  static func parse(_ json: [UInt8]) -> [String: String]? {
    var reader = Reader(json: json)
    guard let tags = reader.object(), reader.atEnd else { return nil }
    return tags
  }

  /// The value of the first of `keys` the tags have, blank values not counting.
  static func first(_ keys: [String], in tags: [String: String]) -> String? {
    for key in keys {
      if let value = tags[key], !value.allSatisfy(\.isWhitespace) { return value }
    }
    return nil
  }

  private struct Reader {
    let json: [UInt8]
    var index = 0
    var depth = 0

    init(json: [UInt8]) { self.json = json }

    var atEnd: Bool {
      mutating get {
        skipSpace()
        return index == json.count
      }
    }

    mutating func skipSpace() {
      while index < json.count, [0x20, 0x09, 0x0A, 0x0D].contains(json[index]) { index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
      skipSpace()
      guard index < json.count, json[index] == byte else { return false }
      index += 1
      return true
    }

    /// `{ "key": value, … }`, keeping the string values.
    mutating func object() -> [String: String]? {
      guard take(UInt8(ascii: "{")) else { return nil }
      var tags: [String: String] = [:]
      if take(UInt8(ascii: "}")) { return tags }
      repeat {
        skipSpace()
        guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        if index < json.count, json[index] == UInt8(ascii: "\"") {
          guard let value = string() else { return nil }
          tags[key] = value
        } else {
          guard skipValue() else { return nil }
        }
      } while take(UInt8(ascii: ","))
      return take(UInt8(ascii: "}")) ? tags : nil
    }

    /// Skips a number, literal, array or object; false when it is not one.
    mutating func skipValue() -> Bool {
      skipSpace()
      guard index < json.count, depth < 64 else { return false }
      switch json[index] {
      case UInt8(ascii: "\""):
        return string() != nil
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        let close = json[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        let isObject = close == UInt8(ascii: "}")
        index += 1
        depth += 1
        defer { depth -= 1 }
        if take(close) { return true }
        repeat {
          if isObject {
            skipSpace()
            guard string() != nil, take(UInt8(ascii: ":")) else { return false }
          }
          guard skipValue() else { return false }
        } while take(UInt8(ascii: ","))
        return take(close)
      default:
        // A number, true, false or null: letters, digits, sign, point, exponent.
        let start = index
        while index < json.count,
          json[index] == UInt8(ascii: "-") || json[index] == UInt8(ascii: "+") || json[index] == UInt8(ascii: ".")
            || (json[index] >= 0x30 && json[index] <= 0x39)
            || (json[index] | 0x20 >= 0x61 && json[index] | 0x20 <= 0x7A)
        {
          index += 1
        }
        let word = String(decoding: json[start..<index], as: UTF8.self)
        return ["true", "false", "null"].contains(word) || (index > start && Double(word) != nil)
      }
    }

    /// A JSON string with its escapes decoded; nil when it is malformed.
    mutating func string() -> String? {
      guard index < json.count, json[index] == UInt8(ascii: "\"") else { return nil }
      index += 1
      var bytes: [UInt8] = []
      while index < json.count {
        let byte = json[index]
        index += 1
        if byte == UInt8(ascii: "\"") { return String(decoding: bytes, as: UTF8.self) }
        guard byte == UInt8(ascii: "\\") else {
          bytes.append(byte)
          continue
        }
        guard index < json.count else { return nil }
        let escaped = json[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escaped)
        case UInt8(ascii: "u"):
          guard index + 4 <= json.count,
            let code = UInt32(String(decoding: json[index..<index + 4], as: UTF8.self), radix: 16)
          else { return nil }
          index += 4
          // A lone surrogate (or half of a pair, which FOCUS tags do not need) becomes U+FFFD.
          bytes += Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
        default: return nil
        }
      }
      return nil
    }
  }
}
