extension PinpointID {
  /// The citation as the Official Journal writes it: `art_12.par_1` → "Article 12(1)",
  /// `art_5.par_1.pt_c.pt_ii` → "Article 5(1), point (c)(ii)", `art_26.par_5.sub_2` →
  /// "Article 26(5), second subparagraph", `art_2.sub_2.pt_c` → "Article 2, second subparagraph,
  /// point (c)", `anx_III.pt_1.pt_a` → "Annex III, point 1(a)", `pro_2.art_5` → "Article 5 of
  /// Protocol No 2". NIST identifiers as NIST writes them: `sbc_measure-2-4` → "MEASURE 2.4",
  /// `cat_govern-1` → "GOVERN 1", `ctl_ac-2-1` → "AC-2(1)", `sbc_govern-1-7.smt_actions` →
  /// "GOVERN 1.7, Suggested Actions".
  public var citation: String {
    var head = ""
    var parts: [String] = []
    var points = ""
    var container = ""  // a compilation's part the provision is in
    func flushPoints() {
      if !points.isEmpty { parts.append("point " + points) }
      points = ""
    }
    for segment in segments {
      guard let separator = segment.firstIndex(of: "_") else {
        flushPoints()
        parts.append(String(segment))
        continue
      }
      let prefix = Prefix(rawValue: String(segment[..<separator]))
      let number = String(segment[segment.index(after: separator)...])
      if prefix != .point { flushPoints() }
      switch prefix {
      case .article?: head = "Article \(number)"
      case .annex?: head = "Annex \(number)"
      case .recital?: head = "Recital \(number)"
      case .chapter?: head = "Chapter \(number)"
      case .paragraph?:
        if parts.isEmpty { head += "(\(number))" } else { parts.append("paragraph \(number)") }
      case .subparagraph?: parts.append(Self.ordinal(number).map { "\($0) subparagraph" } ?? "subparagraph \(number)")
      case .indent?: parts.append(Self.ordinal(number).map { "\($0) indent" } ?? "indent \(number)")
      case .point?:
        // Annex points are numbered "1" and cited "point 1(a)"; article points are "(a)".
        let isNumber = number.first.map { $0 >= "0" && $0 <= "9" } ?? false
        points += points.isEmpty && isNumber ? number : "(\(number))"
      case .section?: parts.append("Section \(number)")
      case .protocol?: container = "Protocol No \(number)"
      case .declaration?: container = "Declaration \(number)"
      case .act?: container = "act \(number) of the compilation"
      case .function?, .category?, .subcategory?, .group?, .control?: head = Self.nist(number)
      case .statement?: parts.append(Self.playbookSections[number] ?? number)
      default: parts.append(String(segment))
      }
    }
    flushPoints()
    let cited = ([head] + parts).filter { !$0.isEmpty }.joined(separator: ", ")
    if container.isEmpty { return cited }
    return cited.isEmpty ? container : cited + " of " + container
  }

  /// `measure-2-4` → "MEASURE 2.4" (a function's category and subcategory); `ac-2-1` → "AC-2(1)"
  /// (a control family, control and enhancement).
  private static func nist(_ number: String) -> String {
    let parts = number.uppercased().split(separator: "-")
    guard let first = parts.first else { return number }
    if ["GOVERN", "MAP", "MEASURE", "MANAGE"].contains(first) {
      return parts.count == 1 ? String(first) : "\(first) " + parts.dropFirst().joined(separator: ".")
    }
    let base = parts.prefix(2).joined(separator: "-")
    return base + parts.dropFirst(2).map { "(\($0))" }.joined()
  }

  /// The sections of an AI RMF Playbook entry, as the Playbook heads them.
  private static let playbookSections = [
    "about": "About", "actions": "Suggested Actions", "doc": "Transparency & Documentation", "ref": "References",
  ]

  private static func ordinal(_ number: String) -> String? {
    let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    guard let value = Int(number), value >= 1, value <= words.count else { return nil }
    return words[value - 1]
  }

  /// The enclosing article or annex (`art_12.par_1` → `art_12`), or the ID itself.
  public var topLevel: PinpointID {
    guard let dot = rawValue.utf8.firstIndex(of: UInt8(ascii: ".")) else { return self }
    return PinpointID(rawValue: String(rawValue[..<dot]))
  }

  /// The EUR-Lex page of a CELEX document, anchored at this provision's paragraph where the page
  /// has an anchor for it (Official Journal pages mark `Article 12(1)` as `id="012.001"`), else at
  /// its article or annex (`id="art_12"`, `id="anx_III"`); points have no anchors of their own.
  public func eurLexLink(celex: String, language: String = "EN") -> String {
    "https://eur-lex.europa.eu/legal-content/\(language.uppercased())/TXT/?uri=CELEX:\(celex)#\(anchor)"
  }

  /// `art_12.par_1.pt_a` → `012.001`; `anx_III.pt_1` → `anx_III`.
  var anchor: String {
    if let steps, steps.count >= 2, steps[0].prefix == .article, steps[1].prefix == .paragraph,
      let article = Int(steps[0].number), let paragraph = Int(steps[1].number), article < 1000, paragraph < 1000
    {
      func padded(_ value: Int) -> String { String(repeating: "0", count: 3 - String(value).count) + String(value) }
      return padded(article) + "." + padded(paragraph)
    }
    return topLevel.rawValue
  }
}
