import RegPolicyModel

/// Reads a NIST OSCAL catalog in XML (SP 800-53 rev 5 and its resolved baselines): groups
/// (`grp_ac`), controls (`ctl_ac-2`), control enhancements nested in their control (`ctl_ac-2-1`),
/// statement items (`ctl_ac-1.smt_a.smt_1`) and guidance (`ctl_ac-1.gdn`). Parameters are shown in
/// the text as NIST prints them: "[Assignment: organization-defined frequency]".
struct OSCALReader: MarkupReader {
  var context: ReadContext
  private let tree: MarkupTree
  private var instrument = Instrument(id: "", format: .oscal)
  private var provisions: [Provision] = []
  /// Parameter id → how it reads in a statement.
  private var parameters: [String: String] = [:]

  init(context: ReadContext) {
    self.context = context
    tree = context.tree
  }

  mutating func read() -> Document {
    for root in tree.roots where tree.isElement(root) && tree.name(root) == "catalog" {
      for param in tree.descendants(root, where: { tree.name($0) == "param" }) { readParameter(param) }
      for child in tree.elements(root) {
        switch tree.name(child) {
        case "metadata": readMetadata(child)
        case "group": provisions.append(readGroup(child))
        case "control": provisions.append(readControl(child, enhancement: false))
        default: context.mark(child, .header)  // back-matter: references
        }
      }
    }
    return Document(instrument: instrument, provisions: provisions)
  }

  private mutating func readMetadata(_ node: MarkupTree.NodeIndex) {
    for child in tree.elements(node) {
      switch tree.name(child) {
      case "title": instrument.title = context.plainText(child, role: .header)
      case "version": instrument.version = context.plainText(child, role: .header)
      case "last-modified": instrument.date = String(context.plainText(child, role: .header).prefix(10))
      default: break
      }
    }
    context.mark(node, .header)
    instrument.language = "en"
    // SP 800-53 titles name the publication; the id is the publication's NIST identifier.
    let title = instrument.title
    if title.contains("800-53") {
      instrument.id = "NIST.SP.800-53" + (title.contains("Revision 5") ? "r5" : "")
    } else {
      instrument.id = title
    }
  }

  private mutating func readParameter(_ node: MarkupTree.NodeIndex) {
    guard let id = tree.attribute(node, "id") else { return }
    if let label = tree.elements(node).first(where: { tree.name($0) == "label" }) {
      parameters[id] = "[Assignment: \(context.plainText(label, role: .header))]"
    } else if let select = tree.elements(node).first(where: { tree.name($0) == "select" }) {
      let choices = tree.elements(select).filter { tree.name($0) == "choice" }.map {
        context.plainText($0, role: .header)
      }
      let many = tree.attribute(select, "how-many") == "one-or-more" ? " (one or more)" : ""
      parameters[id] = "[Selection\(many): \(choices.joined(separator: "; "))]"
    }
    context.mark(node, .header)
  }

  private mutating func readGroup(_ node: MarkupTree.NodeIndex) -> Provision {
    let id = tree.attribute(node, "id") ?? String(provisions.count + 1)
    let groupID = context.assembler.claim(PinpointID(.group, id), at: tree.sourceStart(node))
    var partCounts: [String: Int] = [:]
    var group = Provision(
      id: groupID, kind: .group, num: id.uppercased(), source: context.assembler.span(tree.sourceStart(node)))
    for child in tree.elements(node) {
      switch tree.name(child) {
      case "title": group.heading = context.plainText(child)
      case "control": group.children.append(readControl(child, enhancement: false))
      case "group": group.children.append(readGroup(child))
      case "part": group.children += readParts(child, under: groupID, counts: &partCounts)
      default: context.mark(child, .header)
      }
    }
    return group
  }

  private mutating func readControl(_ node: MarkupTree.NodeIndex, enhancement: Bool) -> Provision {
    let id = tree.attribute(node, "id") ?? ""
    let controlID = context.assembler.claim(PinpointID(.control, id), at: tree.sourceStart(node))
    var partCounts: [String: Int] = [:]
    var control = Provision(
      id: controlID, kind: enhancement ? .controlEnhancement : .control, num: id.uppercased(),
      source: context.assembler.span(tree.sourceStart(node)))
    for child in tree.elements(node) {
      switch tree.name(child) {
      case "title": control.heading = context.plainText(child)
      case "prop":
        if tree.attribute(child, "name") == "label", let label = tree.attribute(child, "value") { control.num = label }
      case "part": control.children += readParts(child, under: controlID, counts: &partCounts)
      case "control": control.children.append(readControl(child, enhancement: true))
      default: context.mark(child, .header)  // params (read above), links
      }
    }
    return control
  }

  /// A part: the statement's items become `smt_<label>`, guidance `gdn`; other parts keep their name.
  /// `counts` tracks how many parts of each name the parent has had so far (an unlabelled part is
  /// numbered by its position among its same-named siblings).
  private mutating func readParts(_ node: MarkupTree.NodeIndex, under parent: PinpointID, counts: inout [String: Int])
    -> [Provision]
  {
    let name = tree.attribute(node, "name") ?? "part"
    var label: String?
    var text: [String] = []
    var children: [Provision] = []
    var childCounts: [String: Int] = [:]
    for child in tree.elements(node) where tree.name(child) == "prop" && tree.attribute(child, "name") == "label" {
      label = tree.attribute(child, "value")
    }
    let partID: PinpointID
    let isStatementRoot = name == "statement"
    if isStatementRoot {
      partID = parent
    } else {
      // Statement items by their label (smt_a); other parts by a short name and their label or
      // position among same-named siblings (gdn, obj_AC-01a-01, …).
      let prefix = Self.partPrefixes[name] ?? name
      var number = label.map(Numbering.clean)
      counts[name, default: 0] += 1
      if number == nil && name != "guidance" { number = String(counts[name]!) }  // non-nil: set on the line above
      let raw =
        parent.rawValue + "." + prefix + (number.map { "_" + $0.map { $0 == "." || $0 == " " ? "-" : $0 } } ?? "")
      partID = context.assembler.claim(PinpointID(rawValue: String(raw)), at: tree.sourceStart(node))
    }
    for child in tree.elements(node) {
      switch tree.name(child) {
      case "p": text.append(prose(child))
      case "part": children += readParts(child, under: partID, counts: &childCounts)
      case "title": text.append(context.plainText(child))
      default: context.mark(child, .header)
      }
    }
    let joined = text.filter { !$0.isEmpty }.joined(separator: " ")
    if isStatementRoot {
      // The statement's own prose (if any) heads its items.
      if joined.isEmpty { return children }
      let statementID = context.assembler.claim(
        PinpointID(rawValue: parent.rawValue + ".smt"), at: tree.sourceStart(node))
      return [
        Provision(
          id: statementID, kind: .statement, text: joined, children: children,
          source: context.assembler.span(tree.sourceStart(node)))
      ]
    }
    return [
      Provision(
        id: partID, kind: .statement, num: label, heading: name == "item" ? nil : name, text: joined,
        children: children, source: context.assembler.span(tree.sourceStart(node)))
    ]
  }

  private static let partPrefixes = [
    "item": "smt", "guidance": "gdn", "assessment-objective": "obj", "assessment-method": "mth",
    "assessment-objects": "obs", "objective": "obj",
  ]

  /// Prose with parameters written out.
  private mutating func prose(_ node: MarkupTree.NodeIndex) -> String {
    var block = TextBlock(source: tree.sourceStart(node))
    let tree = self.tree
    let parameters = self.parameters
    context.collect(
      node, into: &block, isBlock: { tree.name($0) == "p" }, skip: { _ in nil },
      replacement: { index in
        guard tree.name(index) == "insert", let reference = tree.attribute(index, "id-ref") else { return nil }
        return Array((parameters[reference] ?? "[\(reference)]").utf8)
      })
    return Assembler.text(block)
  }
}
