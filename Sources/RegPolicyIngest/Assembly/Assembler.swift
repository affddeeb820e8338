import RegPolicyModel

/// Turns blocks into provisions with pinpoint IDs. The one place the ID scheme's structural rules
/// live:
///
/// - the first text block of a body is the provision's own text (the first subparagraph, or the
///   chapeau of a list);
/// - every further text block is a subparagraph `sub_N`, N counting text blocks from 1;
/// - list items are points `pt_X` (X as printed, without brackets) of the latest subparagraph, or
///   of the provision itself while no second text block was seen; dashes are indents `idt_N`;
/// - numbered paragraphs are `par_N` of the provision; annex groups take their own prefix.
struct Assembler {
  let file: String
  let lines: LineIndex
  /// IDs seen so far in the document: duplicates get a diagnostic and a distinguishing suffix.
  private(set) var seen: Set<PinpointID> = []
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String, lines: LineIndex) {
    self.file = file
    self.lines = lines
  }

  func span(_ start: Int, _ end: Int? = nil) -> SourceSpan {
    let (line, column) = lines.location(of: start)
    return SourceSpan(
      file: file, line: line, column: column, startOffset: start, endOffset: end ?? start)
  }

  /// Normalised text and markers of a text block.
  static func text(_ block: TextBlock) -> String { Normalizer.normalize(block.bytes) }

  /// Registers `id`, returning it or, when it was already used, a suffixed variant plus a diagnostic.
  mutating func claim(_ id: PinpointID, at source: Int) -> PinpointID {
    if seen.insert(id).inserted { return id }
    var counter = 2
    while !seen.insert(PinpointID(rawValue: "\(id.rawValue)-dup\(counter)")).inserted {
      counter += 1
    }
    let (line, column) = lines.location(of: source)
    diagnostics.append(
      Diagnostic(
        DiagnosticCode.ingestDuplicateID, .warning, file: file, line: line, column: column,
        "pinpoint id '\(id)' occurs more than once; this one is '\(id.rawValue)-dup\(counter)'"))
    return PinpointID(rawValue: "\(id.rawValue)-dup\(counter)")
  }

  /// Text and list items that follow a numbered paragraph belong to it: consolidated pages print a
  /// paragraph's further subparagraphs as siblings of the paragraph's container.
  static func foldIntoParagraphs(_ blocks: [Block]) -> [Block] {
    guard blocks.contains(where: { if case .paragraph = $0 { true } else { false } }) else { return blocks }
    var result: [Block] = []
    for block in blocks {
      switch block {
      case .text, .item:
        if case .paragraph(let number, let source, let body)? = result.last {
          result[result.count - 1] = .paragraph(number: number, source: source, body: body + [block])
        } else {
          result.append(block)
        }
      case .paragraph, .group:
        result.append(block)
      }
    }
    return result
  }

  /// An article's paragraphs, where the markup does not mark them (flat pages, old Formex): text
  /// blocks that begin with their number ("1.   Everyone …"), or hanging-indent items numbered so
  /// that hold the paragraph's points. When the first of them is "1.", each opens a paragraph (the
  /// blocks after it are folded into it).
  static func numberedParagraphs(_ blocks: [Block]) -> [Block] {
    // The first block is a text or, where a hanging indent holds the paragraph's points, an item.
    func paragraph(_ block: Block, anyItem: Bool) -> Block? {
      switch block {
      case .text(var text):
        guard let split = Numbering.splitParagraphNumber(text.bytes) else { return nil }
        text.bytes = split.rest
        return .paragraph(number: split.number, source: text.source, body: [.text(text)])
      case .item(let number, let source, let body):
        let digits = Numbering.clean(number)
        guard number.hasSuffix("."), digits.first?.isNumber == true,
          anyItem || body.contains(where: { if case .item = $0 { true } else { false } })
        else { return nil }
        return .paragraph(number: digits, source: source, body: body)
      case .paragraph, .group:
        return nil
      }
    }
    guard
      let first = blocks.first(where: {
        if case .text = $0 { true } else if case .item = $0 { paragraph($0, anyItem: false) != nil } else { false }
      }),
      case .paragraph(let number, _, _)? = paragraph(first, anyItem: false), number == "1"
    else { return blocks }
    // Paragraphs laid out as a list are all its "N." items, whether they hold points or not.
    let isList = if case .item = first { true } else { false }
    return blocks.map { paragraph($0, anyItem: isList) ?? $0 }
  }

  /// Items printed at one indentation whose labels change style — "(9) …:", "(a)", "(b)", then
  /// "(10)" — nested as their labels say: a run of items of another style than the list's first
  /// belongs to the item before it (recursively, so "(c)" then "(i)", "(ii)" nests too). For pages
  /// whose markup does not nest lists (flat and early pages); paragraphs' bodies are nested alike.
  static func nestByLabelStyle(_ blocks: [Block]) -> [Block] {
    var result: [Block] = []
    var listStyle: LabelStyle?
    var previous: String?  // the last label of the list's own style
    var index = 0
    while index < blocks.count {
      switch blocks[index] {
      case .paragraph(let number, let source, let body):
        result.append(.paragraph(number: number, source: source, body: nestByLabelStyle(body)))
        listStyle = nil
        previous = nil
      case .item(let number, _, _):
        let label = Numbering.clean(number)
        let style = LabelStyle(label, after: previous)
        if listStyle == nil { listStyle = style }
        if style == listStyle {
          result.append(blocks[index])
          previous = label
        } else if case .item(let parentNumber, let parentSource, let parentBody)? = result.last {
          // The run of items of other styles, up to the next item of the list's style.
          var end = index
          while end < blocks.count, case .item(let next, _, _) = blocks[end],
            LabelStyle(Numbering.clean(next), after: previous) != listStyle
          {
            end += 1
          }
          let run = nestByLabelStyle(Array(blocks[index..<end]))
          result[result.count - 1] = .item(number: parentNumber, source: parentSource, body: parentBody + run)
          index = end
          continue
        } else {
          result.append(blocks[index])
        }
      case .text, .group:
        result.append(blocks[index])
      }
      index += 1
    }
    return result
  }

  /// How a list label is written: "1", "a", "iv", "—".
  enum LabelStyle {
    case number, letter, roman, dash, other

    /// "i", "v", "x" are roman numerals unless they follow the letter before them ("h", "u", "w").
    init(_ label: String, after previous: String?) {
      let scalars = label.unicodeScalars
      if scalars.isEmpty || label == "—" || label == "–" || label == "-" || label == "•" {
        self = .dash
      } else if scalars.first?.properties.numericType != nil {
        self = .number  // "2", and "2a" inserted after it
      } else if scalars.allSatisfy({ "ivxlc".unicodeScalars.contains($0) }),
        !(scalars.count == 1 && previous?.unicodeScalars.count == 1
          && previous!.unicodeScalars.first!.value + 1 == scalars.first!.value)
      {
        self = .roman
      } else if scalars.allSatisfy({ $0.properties.isLowercase }) {
        self = .letter
      } else {
        self = .other
      }
    }
  }

  /// Builds the body of the provision `id`: its own text, its markers and its children.
  mutating func body(_ blocks: [Block], under id: PinpointID) -> (
    text: String, markers: [String], children: [Provision]
  ) {
    var ownText: String?
    var markers: [String] = []
    var children: [Provision] = []
    var textBlocks = 0
    var currentSubparagraph: Int?

    func attach(_ provision: Provision, toSubparagraph: Bool) {
      if toSubparagraph, let index = currentSubparagraph {
        children[index].children.append(provision)
      } else {
        children.append(provision)
      }
    }

    for block in blocks {
      switch block {
      case .text(let raw):
        let text = Assembler.text(raw)
        if text.isEmpty { continue }
        textBlocks += 1
        if textBlocks == 1 && children.isEmpty {
          ownText = text
          markers += raw.markers
        } else {
          let subID = claim(id.appending(.subparagraph, String(textBlocks)), at: raw.source)
          children.append(
            Provision(
              id: subID, kind: .subparagraph, text: text, source: span(raw.source),
              markers: raw.markers))
          currentSubparagraph = children.count - 1
        }
      case .item(let number, let source, let body):
        let parent = currentSubparagraph.map { children[$0] }
        let parentID = parent?.id ?? id
        let siblings = parent?.children ?? children
        let pointID: PinpointID
        let kind: ProvisionKind
        let printed: String
        if Numbering.isDash(Array(number.utf8)) {
          printed = String(siblings.filter { $0.kind == .indent }.count + 1)
          pointID = parentID.appending(.indent, printed)
          kind = .indent
        } else {
          printed = Numbering.clean(number)
          pointID = parentID.appending(.point, printed)
          kind = .point
        }
        let claimed = claim(pointID, at: source)
        let content = self.body(body, under: claimed)
        attach(
          Provision(
            id: claimed, kind: kind, num: printed, text: content.text, children: content.children,
            source: span(source), markers: content.markers), toSubparagraph: true)
      case .paragraph(let number, let source, let body):
        let paragraphID = claim(id.appending(.paragraph, number), at: source)
        let content = self.body(body, under: paragraphID)
        currentSubparagraph = nil
        children.append(
          Provision(
            id: paragraphID, kind: .paragraph, num: number, text: content.text,
            children: content.children, source: span(source), markers: content.markers))
      case .group(let kind, let prefix, let number, let heading, let source, let body):
        let groupID = claim(id.appending(prefix, number), at: source)
        let content = self.body(body, under: groupID)
        currentSubparagraph = nil
        children.append(
          Provision(
            id: groupID, kind: kind, num: number, heading: heading, text: content.text,
            children: content.children, source: span(source), markers: content.markers))
      }
    }
    return (ownText ?? "", markers, children)
  }
}
