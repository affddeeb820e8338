import CXMLShims
import RegPolicyModel

/// A parsed XML or HTML document as a flat node table in document order. Readers walk it by
/// index.
///
/// The node table, attribute table and byte pool stay in the C allocation that built them and are
/// freed with the tree (`deinit`): copying several megabytes out for every document cost more than
/// the rest of the ingest. libxml2's own structures are gone before `init` returns.
final class MarkupTree {
  typealias NodeIndex = Int32

  /// A parser complaint, with libxml2's position.
  struct ParserMessage {
    enum Level { case warning, error, fatal }
    var level: Level
    var code: Int32
    var line: Int
    var column: Int
    var message: String
  }

  private let markup: OpaquePointer
  let nodes: UnsafeBufferPointer<rp_node>
  private let attributes: UnsafeBufferPointer<rp_attribute>
  /// Text, attribute values, names and messages, UTF-8.
  let pool: UnsafeBufferPointer<UInt8>
  private(set) var names: [String]
  private var nameIDs: [String: Int32]
  private(set) var messages: [ParserMessage]
  private(set) var droppedMessages: Int
  /// No error or fatal error reported.
  private(set) var wellFormed: Bool
  /// The parse stopped early; the tree is incomplete.
  private(set) var stopped: Bool
  /// Parsed with the HTML parser.
  let isHTML: Bool
  /// Where the parsed bytes start in the source file (non-zero when only a part was parsed).
  let baseOffset: Int

  /// Whether the parse stopped at one of our limits (depth, node count) rather than at bad markup.
  var hitLimit: Bool {
    messages.contains {
      $0.code == Int32(RP_ERR_TOO_DEEP) || $0.code == Int32(RP_ERR_TOO_MANY_NODES)
    }
  }

  /// Parses `bytes` with libxml2's XML parser, or its HTML parser when `html` is true.
  init(parsing bytes: UnsafeRawBufferPointer, html: Bool, maxDepth: Int = 256, baseOffset: Int = 0)
    throws(IngestFailure)
  {
    isHTML = html
    self.baseOffset = baseOffset
    let options = rp_parse_options(
      html: html ? 1 : 0, max_depth: Int32(maxDepth), max_nodes: 20_000_000,
      max_diagnostics: 50)
    guard
      let markup = rp_markup_parse(
        bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, options)
    else {
      throw IngestFailure(code: DiagnosticCode.inputOutOfMemory, message: "out of memory while parsing")
    }
    self.markup = markup

    var count = 0
    let nodePointer = rp_markup_nodes(markup, &count)
    nodes = UnsafeBufferPointer(start: count > 0 ? nodePointer : nil, count: count)
    let attributePointer = rp_markup_attributes(markup, &count)
    attributes = UnsafeBufferPointer(start: count > 0 ? attributePointer : nil, count: count)
    let poolPointer = rp_markup_pool(markup, &count)
    let pool = UnsafeBufferPointer(start: count > 0 ? poolPointer : nil, count: count)
    self.pool = pool

    var names: [String] = []
    var nameIDs: [String: Int32] = [:]
    for index in 0..<rp_markup_name_count(markup) {
      var offset: UInt32 = 0
      var length: UInt32 = 0
      rp_markup_name(markup, index, &offset, &length)
      let name = String(decoding: pool[Int(offset)..<Int(offset + length)], as: UTF8.self)
      names.append(name)
      nameIDs[name] = nameIDs[name] ?? Int32(index)
    }
    self.names = names
    self.nameIDs = nameIDs
    classID = nameIDs["class"]
    idID = nameIDs["id"]
    hrefID = nameIDs["href"]

    var messages: [ParserMessage] = []
    let diagnosticPointer = rp_markup_diagnostics(markup, &count)
    for diagnostic in UnsafeBufferPointer(start: diagnosticPointer, count: count) {
      let start = Int(diagnostic.message_offset)
      let text = String(
        decoding: pool[start..<start + Int(diagnostic.message_length)], as: UTF8.self)
      let level: ParserMessage.Level =
        diagnostic.level >= 3 ? .fatal : diagnostic.level == 2 ? .error : .warning
      messages.append(
        ParserMessage(
          level: level, code: diagnostic.code, line: Int(diagnostic.line),
          column: Int(diagnostic.column), message: text))
    }
    self.messages = messages
    droppedMessages = rp_markup_dropped_diagnostics(markup)
    wellFormed = rp_markup_well_formed(markup) != 0
    stopped = rp_markup_stopped(markup) != 0
  }

  deinit { rp_markup_free(markup) }

  // MARK: Navigation

  /// The top-level nodes (normally one root element).
  var roots: [NodeIndex] {
    var result: [NodeIndex] = []
    var index: NodeIndex = nodes.isEmpty ? -1 : 0
    while index >= 0 {
      result.append(index)
      index = nodes[Int(index)].next_sibling
    }
    return result
  }

  /// The child nodes of `node`, in order.
  func children(_ node: NodeIndex) -> Children {
    Children(tree: self, first: nodes[Int(node)].first_child)
  }

  /// The child elements of `node`, in order.
  func elements(_ node: NodeIndex) -> [NodeIndex] {
    var result: [NodeIndex] = []
    var index = nodes[Int(node)].first_child
    while index >= 0 {
      if nodes[Int(index)].name >= 0 { result.append(index) }
      index = nodes[Int(index)].next_sibling
    }
    return result
  }

  func isElement(_ node: NodeIndex) -> Bool { nodes[Int(node)].name >= 0 }
  func isText(_ node: NodeIndex) -> Bool { nodes[Int(node)].name < 0 }
  func parent(_ node: NodeIndex) -> NodeIndex { nodes[Int(node)].parent }

  /// Whether some element around `node` (its parent, its parent's parent, …) satisfies `test`.
  func hasAncestor(_ node: NodeIndex, where test: (NodeIndex) -> Bool) -> Bool {
    var parent = self.parent(node)
    while parent >= 0 {
      if test(parent) { return true }
      parent = self.parent(parent)
    }
    return false
  }

  /// The id of an element name or attribute name in this document, or nil when it never occurs.
  func nameID(_ name: String) -> Int32? { nameIDs[name] }

  /// The element's local name ("" for text).
  func name(_ node: NodeIndex) -> String {
    let id = nodes[Int(node)].name
    return id >= 0 ? names[Int(id)] : ""
  }

  /// Whether the element's name has this id (cheap comparison in hot loops).
  func hasName(_ node: NodeIndex, _ id: Int32?) -> Bool {
    guard let id else { return false }
    return nodes[Int(node)].name == id
  }

  /// The raw bytes of the attribute's value, if the element has it.
  func attributeBytes(_ node: NodeIndex, _ nameID: Int32?) -> Slice<UnsafeBufferPointer<UInt8>>? {
    guard let nameID else { return nil }
    let element = nodes[Int(node)]
    guard element.name >= 0 else { return nil }  // text nodes have no attributes
    let start = Int(element.first)
    for attribute in attributes[start..<start + Int(element.count)]
    where attribute.name == nameID {
      let offset = Int(attribute.value_offset)
      return pool[offset..<offset + Int(attribute.value_length)]
    }
    return nil
  }

  /// The attribute's value as a string.
  func attribute(_ node: NodeIndex, _ name: String) -> String? {
    attributeBytes(node, nameID(name)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Whether the element's space-separated `class` attribute contains `token`.
  func hasClass(_ node: NodeIndex, _ token: String) -> Bool {
    guard let value = attributeBytes(node, classID) else { return false }
    let length = token.utf8.count
    var start = value.startIndex
    while start < value.endIndex {
      var end = start
      while end < value.endIndex && value[end] != UInt8(ascii: " ") { end += 1 }
      if end - start == length && value[start..<end].elementsEqual(token.utf8) { return true }
      start = end + 1
    }
    return false
  }

  /// Ids of the attribute names readers ask for most, looked up once.
  private let classID: Int32?
  let idID: Int32?
  let hrefID: Int32?

  /// Whether any text below `node` is not white space (no copying).
  func hasText(_ node: NodeIndex) -> Bool {
    if isText(node) { return textBytes(node).contains { !(0x09...0x0D).contains($0) && $0 != 0x20 } }
    for child in children(node) where hasText(child) { return true }
    return false
  }

  /// Whether the element's `class` attribute is exactly `name`.
  func hasOnlyClass(_ node: NodeIndex, _ name: StaticString) -> Bool {
    guard let value = attributeBytes(node, classID) else { return false }
    return name.withUTF8Buffer { value.elementsEqual($0) }
  }

  /// A lookup table: `table[nameID]` is true for the element names given.
  func nameTable(_ names: Set<String>) -> [Bool] {
    self.names.map { names.contains($0) }
  }

  /// Whether the element's name is marked in a table from `nameTable`.
  func isNamed(_ node: NodeIndex, in table: [Bool]) -> Bool {
    let id = nodes[Int(node)].name
    return id >= 0 && table[Int(id)]
  }

  /// The bytes of a text node.
  func textBytes(_ node: NodeIndex) -> Slice<UnsafeBufferPointer<UInt8>> {
    let text = nodes[Int(node)]
    let offset = Int(text.first)
    return pool[offset..<offset + Int(text.count)]
  }

  /// All text below `node` (inclusive), concatenated, skipping subtrees for which `skip` is true.
  func appendText(
    _ node: NodeIndex, to buffer: inout [UInt8], skip: (NodeIndex) -> Bool = { _ in false }
  ) {
    if isText(node) {
      buffer.append(contentsOf: textBytes(node))
      return
    }
    if skip(node) { return }
    for child in children(node) { appendText(child, to: &buffer, skip: skip) }
  }

  /// The text below `node` when it is shorter than `limit` bytes, nil as soon as it is not: a
  /// label test reads a few bytes of each paragraph, never the whole of a long one.
  func shortText(_ node: NodeIndex, limit: Int) -> [UInt8]? {
    var buffer: [UInt8] = []
    func collect(_ index: NodeIndex) -> Bool {
      if isText(index) {
        let bytes = textBytes(index)
        guard buffer.count + bytes.count < limit else { return false }
        buffer.append(contentsOf: bytes)
        return true
      }
      for child in children(index) where !collect(child) { return false }
      return true
    }
    return collect(node) ? buffer : nil
  }

  /// Byte offset in the source where the node starts.
  func sourceStart(_ node: NodeIndex) -> Int { baseOffset + Int(nodes[Int(node)].source_start) }
  func sourceEnd(_ node: NodeIndex) -> Int { baseOffset + Int(nodes[Int(node)].source_end) }

  /// Descendant elements of `node` in document order (pre-order), excluding `node`. Walks the
  /// sibling and parent links, so it allocates nothing but the result.
  func descendants(_ node: NodeIndex, where predicate: (NodeIndex) -> Bool) -> [NodeIndex] {
    var result: [NodeIndex] = []
    var current = nodes[Int(node)].first_child
    while current >= 0 {
      let entry = nodes[Int(current)]
      if entry.name >= 0 && predicate(current) { result.append(current) }
      if entry.first_child >= 0 {
        current = entry.first_child
        continue
      }
      var climb = current
      current = -1
      while climb != node {
        let next = nodes[Int(climb)].next_sibling
        if next >= 0 {
          current = next
          break
        }
        climb = nodes[Int(climb)].parent
      }
    }
    return result
  }

  /// First descendant element (pre-order) matching `predicate`.
  func first(_ node: NodeIndex, where predicate: (NodeIndex) -> Bool) -> NodeIndex? {
    for child in children(node) where isElement(child) {
      if predicate(child) { return child }
      if let found = first(child, where: predicate) { return found }
    }
    return nil
  }

  /// Iterates a sibling chain.
  struct Children: Sequence, IteratorProtocol {
    let tree: MarkupTree
    var cursor: NodeIndex

    init(tree: MarkupTree, first: NodeIndex) {
      self.tree = tree
      cursor = first
    }

    mutating func next() -> NodeIndex? {
      guard cursor >= 0 else { return nil }
      defer { cursor = tree.nodes[Int(cursor)].next_sibling }
      return cursor
    }
  }
}
