/// Text in XML and HTML: the one escaping both need.
package enum Markup {
  /// Text and attribute values, escaped; tabs and carriage returns as references (an attribute
  /// would otherwise turn them into spaces); characters XML 1.0 forbids are dropped.
  package static func escape(_ text: String) -> String {
    // Most text needs nothing: it is returned as it is.
    let special: (UInt8) -> Bool = {
      $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
        || $0 == UInt8(ascii: "\"") || $0 == 0xEF  // 0xEF leads U+FFFE and U+FFFF
    }
    if !text.utf8.contains(where: special) { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += "&#10;"
      case "\t": out += "&#9;"
      case "\r": out += "&#13;"
      default:
        if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
