/// What a plain (unquoted) YAML scalar is under YAML 1.1, as PyYAML and Kubernetes tooling read
/// manifests: `true`, `yes` and `on` are booleans, `42` and `0x2a` integers, `1.5` a float, `~` null.
/// Manifests are parsed with Yams' basic resolver and classified here instead: Yams' default
/// resolver runs NSRegularExpression on every scalar, which took two thirds of `check`'s time.
/// Timestamps stay strings (a date is printed back as written).
enum PlainScalar {
  static func value(_ text: String) -> Manifest.Value {
    switch text {
    case "", "~", "null", "Null", "NULL": return .other
    case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON",
      "off", "Off", "OFF":
      return .other
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
    case ".nan", ".NaN", ".NAN": return .number(.nan)
    default: break
    }
    let bytes = Array(text.utf8)
    var start = 0
    var sign = 1.0
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      sign = bytes[0] == UInt8(ascii: "-") ? -1 : 1
      start = 1
    }
    // YAML 1.1 allows "_" between digits: 1_000.
    let body = bytes[start...].filter { $0 != UInt8(ascii: "_") }
    guard !body.isEmpty else { return .string(text) }
    if let value = integer(body) { return .number(sign * value) }
    if let value = float(body) { return .number(sign * value) }
    return .string(text)
  }

  /// 0b101, 0o17 or 017 (octal), 0x1F, 0, 42.
  private static func integer(_ body: [UInt8]) -> Double? {
    func parse(_ digits: ArraySlice<UInt8>, radix: Int) -> Double? {
      guard !digits.isEmpty, let value = Int(String(decoding: digits, as: UTF8.self), radix: radix) else {
        return nil
      }
      return Double(value)
    }
    if body.count > 2, body[0] == UInt8(ascii: "0") {
      switch body[1] {
      case UInt8(ascii: "b"): return parse(body[2...], radix: 2)
      case UInt8(ascii: "x"): return parse(body[2...], radix: 16)
      case UInt8(ascii: "o"): return parse(body[2...], radix: 8)
      default: break
      }
    }
    guard body.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    if body.count > 1, body[0] == UInt8(ascii: "0") { return parse(body[1...], radix: 8) }
    return parse(body[...], radix: 10)
  }

  /// PyYAML's float: digits, a dot, optional digits, optional exponent with a sign; or .5.
  private static func float(_ body: [UInt8]) -> Double? {
    guard let dot = body.firstIndex(of: UInt8(ascii: ".")) else { return nil }
    let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
    guard body[..<dot].allSatisfy(isDigit) else { return nil }
    var rest = body[(dot + 1)...]
    let fraction = rest.prefix(while: isDigit)
    rest = rest.dropFirst(fraction.count)
    if dot == 0 && fraction.isEmpty { return nil }
    if let e = rest.first {
      guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E"), rest.count >= 3,
        rest[rest.startIndex + 1] == UInt8(ascii: "+") || rest[rest.startIndex + 1] == UInt8(ascii: "-"),
        rest.dropFirst(2).allSatisfy(isDigit)
      else { return nil }
    }
    return Double(String(decoding: body, as: UTF8.self))
  }
}
