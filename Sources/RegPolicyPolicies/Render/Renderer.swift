import Mustache
import RegPolicyModel

/// Renders policies to files through the templates in `templates/` (swift-mustache): OPA Rego v1
/// with its test, Gatekeeper ConstraintTemplate + Constraint, Kyverno ClusterPolicy (README
/// "Policy tree").
public struct Renderer: Sendable {
  /// The templates every policy needs, besides one fragment per check template and engine.
  static let required = [
    "rego/policy.rego", "rego/policy_test.rego", "rego/prelude.rego",
    "gatekeeper/template.yaml", "gatekeeper/constraint.yaml", "kyverno/clusterpolicy.yaml",
    "kyverno/kyverno-test.yaml", "gatekeeper/suite.yaml",
  ]

  let library: MustacheLibrary
  public let generator: String
  /// The folder the templates came from, as diagnostics name it.
  let folder: String

  /// Parses the templates (path relative to `folder` → text); a template that does not parse or
  /// is missing is an error naming it.
  public init(templates: [(path: String, text: String)], folder: String = "templates", generator: String)
    throws(Diagnostic)
  {
    self.folder = folder
    var library = MustacheLibrary()
    var names: Set<String> = []
    for template in templates where template.path.hasSuffix(".mustache") {
      let name = String(template.path.dropLast(".mustache".count))
      do {
        library.register(try MustacheTemplate(string: template.text), named: name)
      } catch {
        throw Diagnostic.error(
          .templateMalformed, file: folder + "/" + template.path, "template does not parse: \(error)")
      }
      names.insert(name)
    }
    let needed =
      Renderer.required
      + Check.Template.allCases.flatMap {
        ["rego/checks/\($0.rawValue).rego", "kyverno/checks/\($0.rawValue).yaml"]
      }
    for name in needed where !names.contains(name) {
      throw Diagnostic.error(.templateMissing, file: "\(folder)/\(name).mustache", "template is missing")
    }
    self.library = library
    self.generator = generator
  }

  /// The files of one policy: path (relative to the output folder) → contents.
  public func render(_ policy: Policy) throws(Diagnostic) -> [(path: String, text: String)] {
    let folder = policy.instrument ?? "profile"
    let base = Context(policy: policy, generator: generator)
    var files: [(String, String)] = []
    func render(_ template: String, _ context: [String: Any], to path: String) throws(Diagnostic) {
      guard let text = library.render(context, withTemplate: template), !text.isEmpty else {
        throw Diagnostic.error(
          .templateRenderFailed, file: "\(folder)/\(template).mustache", "rendered nothing for \(policy.control)")
      }
      files.append((path, text))
    }
    var opa = base.values
    opa["head"] = policy.enforcement == "deny" ? "deny" : "warn"
    opa["package"] = base.package
    try render("rego/policy.rego", opa, to: "rego/\(folder)/\(policy.name)/policy.rego")
    let cases = TestCase.make(policy)
    var tests = opa
    tests["cases"] = cases.map { $0.values }
    tests["alias"] = base.package.split(separator: ".").last.map(String.init) ?? base.package
    try render("rego/policy_test.rego", tests, to: "rego/\(folder)/\(policy.name)/policy_test.rego")
    var gatekeeper = base.values
    gatekeeper["gatekeeper"] = true
    gatekeeper["package"] = base.gatekeeperKind.lowercased()
    guard let rego = library.render(gatekeeper, withTemplate: "rego/policy.rego") else {
      throw Diagnostic.error(.templateRenderFailed, file: "\(folder)/rego/policy.rego.mustache", "rendered nothing")
    }
    gatekeeper["rego"] = rego.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : String(repeating: " ", count: 14) + $0 }.joined(separator: "\n")
    try render("gatekeeper/template.yaml", gatekeeper, to: "gatekeeper/\(folder)/\(policy.name)/template.yaml")
    try render("gatekeeper/constraint.yaml", gatekeeper, to: "gatekeeper/\(folder)/\(policy.name)/constraint.yaml")
    // gator's cases: one object a file, with as many violations as the native evaluator finds in it
    // (none where the constraint's match leaves it out).
    var suite = base.values
    suite["gatorCases"] = cases.map { testCase -> [String: Any] in
      let manifest = testCase.manifest
      let count = Evaluator.matches(policy.target, manifest) ? Evaluator.violations(of: policy, in: manifest).count : 0
      return ["case": manifest.name, "violations": count]
    }
    try render("gatekeeper/suite.yaml", suite, to: "gatekeeper/\(folder)/\(policy.name)/suite.yaml")
    for testCase in cases {
      files.append(
        ("gatekeeper/\(folder)/\(policy.name)/cases/\(testCase.manifest.name).yaml", json(testCase.manifest) + "\n"))
    }
    try render("kyverno/clusterpolicy.yaml", base.values, to: "kyverno/\(folder)/\(policy.name)/clusterpolicy.yaml")
    var kyvernoTest = base.values
    kyvernoTest["results"] = TestCase.kyvernoResults(policy, cases)
    try render("kyverno/kyverno-test.yaml", kyvernoTest, to: "kyverno/\(folder)/\(policy.name)/kyverno-test.yaml")
    files.append(
      (
        "kyverno/\(folder)/\(policy.name)/resources.yaml",
        cases.map { json($0.manifest) + "\n" }.joined(separator: "---\n")
      ))
    return files
  }
}

/// The values templates see for one policy. Strings that land inside Rego or YAML are given ready
/// quoted (`…JSON`: a JSON string literal, valid in both), so templates never escape anything.
struct Context {
  let values: [String: Any]
  let package: String
  let gatekeeperKind: String

  init(policy: Policy, generator: String) {
    let slug = { (text: String) in
      String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
    package = "regpolicy.\(slug(policy.instrumentName ?? "finops")).\(slug(policy.name))"
    gatekeeperKind =
      "Regpolicy"
      + policy.name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    let target = policy.target
    let also = policy.also ?? []
    let clauseValues = { (clause: Policy.Clause) -> [String: Any] in
      [
        "id": clause.id.rawValue, "sha256": clause.sha256, "linkJSON": quote(clause.link),
        "citationJSON": quote(clause.citation),
      ]
    }
    var values: [String: Any] = [
      "name": policy.name,
      "control": policy.control,
      "controlJSON": quote(policy.control),
      "titleJSON": quote(policy.title),
      "descriptionJSON": quote(policy.description),
      "ruleJSON": quote(policy.rule),
      "instrumentJSON": quote(policy.instrument ?? "profile"),
      "instrumentNameJSON": quote(policy.instrumentName ?? "FinOps"),
      "versionJSON": quote(policy.version ?? ""),
      "generatorJSON": quote(generator),
      "enforcement": policy.enforcement,
      "kyvernoAction": policy.enforcement == "deny" ? "Enforce" : "Audit",
      "gatekeeperKind": gatekeeperKind,
      "gatekeeperName": gatekeeperKind.lowercased(),
      "clauseIDsJSON": quote(policy.clauses.map(\.id.rawValue).joined(separator: ",")),
      "clauseHashesJSON": quote(policy.clauses.map { "\($0.id)=\($0.sha256)" }.joined(separator: ",")),
      "reviewJSON": quote((policy.review ?? .current).rawValue),
      "needsReview": policy.review == .needsReview,
      "reviewedHashesJSON": quote(
        policy.clauses.compactMap { clause in clause.reviewedSHA256.map { "\(clause.id)=\($0)" } }
          .joined(separator: ",")),
      "nistJSON": quote(policy.nistAIRMF.joined(separator: ", ")),
      "isoJSON": quote(policy.iso42001.joined(separator: ", ")),
      "kindsRego": set(target.kinds),
      "kindsList": target.kinds.map(quote).joined(separator: ", "),
      "clauses": policy.clauses.map { clause -> [String: Any] in
        var values = clauseValues(clause)
        if let reviewed = clause.reviewedSHA256 { values["reviewed"] = reviewed }
        return values
      },
      "hasClauses": !policy.clauses.isEmpty,
      // The other instruments the control implements: in the Rego's metadata, and in one annotation
      // "INSTRUMENT VERSION: id=sha256,…; …" for Kyverno and Gatekeeper.
      "hasAlso": !also.isEmpty,
      "also": also.map { other -> [String: Any] in
        [
          "instrumentJSON": quote(other.instrument),
          "instrumentNameJSON": quote(other.instrumentName ?? other.instrument),
          "versionJSON": quote(other.version ?? ""), "clauses": other.clauses.map(clauseValues),
        ]
      },
      "alsoJSON": quote(
        also.map { other in
          "\(other.instrument) \(other.version ?? ""): "
            + other.clauses.map { "\($0.id)=\($0.sha256)" }.joined(separator: ",")
        }.joined(separator: "; ")),
    ]
    var scope: [[String: Any]] = []
    if let key = target.systemKey {
      scope.append([
        "rego": "labels(obj)[parameters.systemKey] == \"true\"",
        "kyvernoKey": Kyverno.variable(Kyverno.string(Kyverno.label(key))),
        "kyvernoValues": quote("true"),
      ])
    }
    if !target.riskClasses.isEmpty {
      scope.append([
        "rego": "object.get(labels(obj), parameters.riskClassKey, null) in parameters.riskClasses",
        "kyvernoKey": Kyverno.variable(Kyverno.string(Kyverno.label(target.riskClassKey))),
        "kyvernoValues": target.riskClasses.map(quote).joined(separator: ", "),
      ])
    }
    if !target.roles.isEmpty {
      scope.append([
        "rego": "object.get(labels(obj), parameters.roleKey, parameters.defaultRole) in parameters.roles",
        "kyvernoKey": Kyverno.variable(
          Kyverno.string(Kyverno.label(target.roleKey), missing: Kyverno.raw(target.defaultRole))),
        "kyvernoValues": target.roles.map(quote).joined(separator: ", "),
      ])
    }
    values["scope"] = scope
    values["hasPreconditions"] = !scope.isEmpty || target.annexIIIExcept != nil
    if let except = target.annexIIIExcept {
      values["annexIII"] = [
        "kyvernoKey": Kyverno.variable(Kyverno.string(Kyverno.label(target.annexIIIKey))),
        "kyvernoBlank": Kyverno.variable(Kyverno.blank(Kyverno.string(Kyverno.label(target.annexIIIKey)))),
        "exceptList": except.map(quote).joined(separator: ", "),
      ]
    }
    let parameters = Parameter.of(policy)
    values["parametersRego"] = parameters.json(indent: "")
    values["parametersYAML"] = parameters.yaml(indent: "    ")
    values["excludedNamespacesList"] = target.namespacesExcluded.map(quote).joined(separator: ", ")
    values["unionRego"] =
      "union({" + policy.requirements.indices.map { "requirement_\($0)(obj)" }.joined(separator: ", ") + "})"
    values["requirements"] = policy.requirements.enumerated().map { index, requirement -> [String: Any] in
      let named = "\(requirement.noun) \(requirement.key)"
      let budgets =
        "{"
        + requirement.budgets.sorted { $0.key < $1.key }.map { "\(quote($0.key)): \($0.value)" }
        .joined(separator: ", ") + "}"
      let path = "request.object.metadata.\(requirement.field).\(quote(requirement.key))"
      return [
        "index": index,
        "template": requirement.template,
        "regoFragment": "rego/checks/\(requirement.template).rego",
        "kyvernoFragment": "kyverno/checks/\(requirement.template).yaml",
        "field": requirement.field,
        "nounJSON": quote(requirement.noun),
        "valuesList": requirement.values.map(quote).joined(separator: ", "),
        "minimum": requirement.minimum,
        "budgets": budgets,
        "isGPU": requirement.template == Check.Template.gpuBudget.rawValue,
        "kyvernoTypeJSON": Kyverno.variable("type(\(path))"),
        "kyvernoStringJSON": Kyverno.variable(Kyverno.string(path)),
        "kyvernoBlankJSON": Kyverno.variable(Kyverno.blank(Kyverno.string(path))),
        "kyvernoDigitsJSON": Kyverno.variable(Kyverno.digits(Kyverno.string(path))),
        "kyvernoNumberJSON": Kyverno.variable(
          "\(Kyverno.digits(Kyverno.string(path))) && to_number(\(Kyverno.string(path))) || `0`"),
        "kyvernoItemsJSON": Kyverno.variable(
          "split(\(Kyverno.string(path)), ',')[].regex_replace_all("
            + "\(Kyverno.raw("^[\(Kyverno.whiteSpace)]+|[\(Kyverno.whiteSpace)]+$")), @, '')"),
        "kyvernoMatchJSON": Kyverno.variable(
          "regex_match(\(Kyverno.raw(requirement.pattern)), \(Kyverno.string(path)))"),
        "kyvernoPodSpecJSON": quote(
          "request.object.kind == 'Pod' && request.object.spec"
            + " || request.object.kind == 'CronJob' && request.object.spec.jobTemplate.spec.template.spec"
            + " || request.object.spec.template.spec || `{}`"),
        "kyvernoSidecarsJSON": quote(
          "sum(\(Kyverno.gpus("(gpuPodSpec.initContainers || `[]`)[?restartPolicy == 'Always']", requirement.gpuResource)) || `[0]`)"
        ),
        "kyvernoContainersJSON": quote(
          "sum(\(Kyverno.gpus("(gpuPodSpec.containers || `[]`)[]", requirement.gpuResource)) || `[0]`)"),
        "kyvernoInitContainersJSON": quote(
          "max(\(Kyverno.gpus("(gpuPodSpec.initContainers || `[]`)[?restartPolicy != 'Always']", requirement.gpuResource)) || `[0]`)"
        ),
        "kyvernoGPUsJSON": Kyverno.variable("gpus"),
        "kyvernoBudgetJSON": Kyverno.variable(
          "lookup(budgets, \(Kyverno.string(Kyverno.label(requirement.key)))) || `0`"),
        "kyvernoMessageJSON": quote("\(requirement.basis.head); \(named) is missing or does not meet the requirement"),
        "headJSON": quote(requirement.basis.head),
        "valueHeadsRego":
          "{\n"
          + requirement.valueBases.sorted { $0.key < $1.key }.map { "\t\(quote($0.key)): \(quote($0.value.head)),\n" }
          .joined() + "}",
        "requirementTitleJSON": quote("\(policy.control) requirement \(index): \(requirement.template) \(named)"),
        "requiresJSON": quote(requirement.requires),
        "hasBasisClauses": !requirement.basis.clauses.isEmpty,
        "basisClauses": requirement.basis.clauses.map { id -> [String: Any] in
          ["linkJSON": quote(policy.clauses.first { $0.id == id }?.link ?? ""), "citationJSON": quote(id.citation)]
        },
      ]
    }
    self.values = values
  }
}

/// The JMESPath expressions of the Kyverno policies (Kyverno's own functions where JMESPath has
/// none: `regex_match`, `regex_replace_all`, `split`, `lookup`, `add`, `sum`). Each reads a value
/// as the Rego does, so the verdicts agree; `Tests/Support/kyverno_eval.py` evaluates them.
enum Kyverno {
  /// Unicode White_Space, as Rego's `trim_space` and Go's `unicode.IsSpace` know it, in RE2
  /// syntax: the ASCII controls, NEL, and the separators (`\p{Z}`: space, no-break space, …).
  static let whiteSpace = "\\t\\n\\v\\f\\r\\x{85}\\p{Z}"

  /// A label of the object under review.
  static func label(_ key: String) -> String { "request.object.metadata.labels.\(quote(key))" }

  /// The value at `path` when it is a string; `missing` when there is none; '' otherwise (a
  /// number or a boolean is no string, as in Rego's `is_string`).
  static func string(_ path: String, missing: String? = nil) -> String {
    let string = "type(\(path)) == 'string' && \(path) || ''"
    guard let missing else { return "(\(string))" }
    return "(type(\(path)) == 'null' && \(missing) || \(string))"
  }

  /// Whether a string is white space only.
  static func blank(_ string: String) -> String { "regex_match(\(raw("^[\(whiteSpace)]*$")), \(string))" }

  /// Whether a string is a whole number: digits only, as the Rego's `^[0-9]+$`.
  static func digits(_ string: String) -> String { "regex_match('^[0-9]+$', \(string))" }

  /// The GPUs of the containers `containers` selects: each one's limit of `resource`, else its
  /// request, counted when a number or a string of digits.
  static func gpus(_ containers: String, _ resource: String) -> String {
    "\(containers).not_null(resources.limits.\(quote(resource)), resources.requests.\(quote(resource)))"
      + " | [?type(@) == 'number' || type(@) == 'string' && regex_match('^[0-9]+$', @)].to_number(@)"
  }

  /// A JMESPath raw string literal: `'…'`, a quote escaped with a backslash.
  static func raw(_ text: String) -> String {
    "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "\\'") + "'"
  }

  /// A whole Kyverno variable, `"{{ … }}"`, JSON-quoted for the YAML: it keeps the type of the
  /// expression's value (a boolean, a number, a list).
  static func variable(_ expression: String) -> String { quote("{{ \(expression) }}") }
}

/// The values a policy checks with, as a Gatekeeper constraint passes them (`spec.parameters`, whose
/// schema is the ConstraintTemplate's) and as the OPA policy holds them (`parameters := {…}`): the
/// scope's keys and values, the namespaces left alone, and per requirement what its template reads.
/// Keys are written sorted, so the same policy gives the same bytes.
indirect enum Parameter {
  case string(String)
  case int(Int)
  case list([Parameter])
  case object([String: Parameter])

  static func of(_ policy: Policy) -> Parameter {
    let target = policy.target
    let strings = { (values: [String]) in Parameter.list(values.map(Parameter.string)) }
    var values: [String: Parameter] = ["excludedNamespaces": strings(target.namespacesExcluded)]
    if let key = target.systemKey { values["systemKey"] = .string(key) }
    if !target.riskClasses.isEmpty {
      values["riskClassKey"] = .string(target.riskClassKey)
      values["riskClasses"] = strings(target.riskClasses)
    }
    if !target.roles.isEmpty {
      values["roleKey"] = .string(target.roleKey)
      values["roles"] = strings(target.roles)
      values["defaultRole"] = .string(target.defaultRole)
    }
    if let except = target.annexIIIExcept {
      values["annexIIIKey"] = .string(target.annexIIIKey)
      values["annexIIIExcept"] = strings(except)
    }
    values["requirements"] = .list(
      policy.requirements.map { requirement in
        var values: [String: Parameter] = ["key": .string(requirement.key)]
        switch Check.Template(rawValue: requirement.template) {
        case .oneOf?, .noneOf?: values["values"] = strings(requirement.values)
        case .atLeast?: values["minimum"] = .int(requirement.minimum)
        case .matches?: values["pattern"] = .string(requirement.pattern)
        case .gpuBudget?:
          values["gpuResource"] = .string(requirement.gpuResource)
          values["budgets"] = .object(requirement.budgets.mapValues(Parameter.int))
        case .present?, nil: break
        }
        return .object(values)
      })
    return .object(values)
  }

  /// JSON (a Rego literal too), one entry a line, nested entries one tab further in.
  func json(indent: String) -> String {
    switch self {
    case .string(let text): return quote(text)
    case .int(let number): return String(number)
    case .list(let items):
      return items.isEmpty
        ? "[]"
        : "[\n" + items.map { indent + "\t" + $0.json(indent: indent + "\t") }.joined(separator: ",\n") + "\n"
          + indent + "]"
    case .object(let entries):
      return entries.isEmpty
        ? "{}"
        : "{\n"
          + entries.sorted { $0.key < $1.key }.map { key, value in
            indent + "\t" + quote(key) + ": " + value.json(indent: indent + "\t")
          }.joined(separator: ",\n") + "\n" + indent + "}"
    }
  }

  /// A YAML block for the value of a key, each line starting with `indent` (strings and keys that
  /// are not plain words JSON-quoted, which YAML reads as double-quoted scalars).
  func yaml(indent: String) -> String {
    switch self {
    case .string, .int: return " " + json(indent: "")
    case .list(let items):
      guard !items.isEmpty else { return " []" }
      return items.map { item in
        switch item {
        case .object(let entries) where !entries.isEmpty:
          // "- key: value" then the other keys under the first.
          let block = item.yaml(indent: indent + "  ")
          return "\n" + indent + "- " + block.dropFirst(indent.count + 3)
        default: return "\n" + indent + "-" + item.yaml(indent: indent + "  ")
        }
      }.joined()
    case .object(let entries):
      guard !entries.isEmpty else { return " {}" }
      return entries.sorted { $0.key < $1.key }.map { key, value in
        let plain = key.utf8.allSatisfy { ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        return "\n" + indent + (plain && !key.isEmpty ? key : quote(key)) + ":" + value.yaml(indent: indent + "  ")
      }.joined()
    }
  }
}

/// A JSON string literal: valid in Rego and in YAML (double-quoted scalar).
func quote(_ text: String) -> String {
  var writer = JSONWriter(capacity: text.utf8.count + 2)
  writer.string(text)
  return String(decoding: writer.bytes, as: UTF8.self)
}

/// A Rego set literal of strings.
func set(_ values: [String]) -> String { "{" + values.map(quote).joined(separator: ", ") + "}" }
