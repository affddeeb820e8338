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
    var tests = opa
    tests["cases"] = TestCase.make(policy).map { $0.values }
    tests["alias"] = base.package.split(separator: ".").last.map(String.init) ?? base.package
    try render("rego/policy_test.rego", tests, to: "rego/\(folder)/\(policy.name)/policy_test.rego")
    var gatekeeper = base.values
    gatekeeper["gatekeeper"] = true
    gatekeeper["package"] = base.gatekeeperKind.lowercased()
    guard let rego = library.render(gatekeeper, withTemplate: "rego/policy.rego") else {
      throw Diagnostic.error(.templateRenderFailed, file: "\(folder)/rego/policy.rego.mustache", "rendered nothing")
    }
    gatekeeper["rego"] = rego.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
    try render("gatekeeper/template.yaml", gatekeeper, to: "gatekeeper/\(folder)/\(policy.name)/template.yaml")
    try render("gatekeeper/constraint.yaml", gatekeeper, to: "gatekeeper/\(folder)/\(policy.name)/constraint.yaml")
    try render("kyverno/clusterpolicy.yaml", base.values, to: "kyverno/\(folder)/\(policy.name)/clusterpolicy.yaml")
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
        var values: [String: Any] = [
          "id": clause.id.rawValue, "sha256": clause.sha256, "linkJSON": quote(clause.link),
          "citationJSON": quote(clause.citation),
        ]
        if let reviewed = clause.reviewedSHA256 { values["reviewed"] = reviewed }
        return values
      },
      "hasClauses": !policy.clauses.isEmpty,
    ]
    var scope: [[String: Any]] = []
    if let key = target.systemKey {
      scope.append([
        "rego": "labels(obj)[\(quote(key))] == \"true\"", "kyvernoKey": Context.label(key),
        "kyvernoValues": quote("true"),
      ])
    }
    if !target.riskClasses.isEmpty {
      scope.append([
        "rego": "object.get(labels(obj), \(quote(target.riskClassKey)), null) in \(set(target.riskClasses))",
        "kyvernoKey": Context.label(target.riskClassKey),
        "kyvernoValues": target.riskClasses.map(quote).joined(separator: ", "),
      ])
    }
    if !target.roles.isEmpty {
      scope.append([
        "rego":
          "object.get(labels(obj), \(quote(target.roleKey)), \(quote(target.defaultRole))) in \(set(target.roles))",
        "kyvernoKey": Context.label(target.roleKey, default: target.defaultRole),
        "kyvernoValues": target.roles.map(quote).joined(separator: ", "),
      ])
    }
    values["scope"] = scope
    values["hasPreconditions"] = !scope.isEmpty || target.annexIIIExcept != nil
    if let except = target.annexIIIExcept {
      values["annexIII"] = [
        "keyJSON": quote(target.annexIIIKey), "exceptRego": set(except),
        "kyvernoKey": Context.label(target.annexIIIKey),
        "exceptList": except.map(quote).joined(separator: ", "),
      ]
    }
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
        "keyJSON": quote(requirement.key),
        "namedJSON": quote(named),
        "valuesRego": set(requirement.values),
        "valuesList": requirement.values.map(quote).joined(separator: ", "),
        "expectedJSON": quote("expected one of " + requirement.values.joined(separator: ", ")),
        "minimum": requirement.minimum,
        "belowJSON": quote("below the minimum of \(requirement.minimum)"),
        "patternJSON": quote(requirement.pattern),
        "resourceJSON": quote(requirement.gpuResource),
        "budgets": budgets,
        "isGPU": requirement.template == Check.Template.gpuBudget.rawValue,
        "kyvernoValueJSON": quote("{{ \(path) || '' }}"),
        // Kyverno's trim takes a cutset; blanks and tabs cover what an annotation holds.
        "kyvernoTrimmedJSON": quote("{{ trim(\(path) || '', ' \t') }}"),
        "kyvernoUsesJSON": quote("{{ split(replace_all(\(path) || '', ' ', ''), ',') }}"),
        "kyvernoMatchJSON": quote("{{ regex_match('\(requirement.pattern)', \(path) || '') }}"),
        // Containers of Deployment-like kinds; budgets come from a context variable (Kyverno `lookup`).
        "kyvernoGPUJSON": quote(
          "{{ sum(request.object.spec.template.spec.containers[].to_number(resources.limits.\(quote(requirement.gpuResource)) || '0') || `[0]`) }}"
        ),
        "kyvernoBudgetJSON": quote("{{ lookup(budgets, \(path) || '') || `0` }}"),
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

  /// A Kyverno variable reading a label, JSON-quoted for the YAML.
  private static func label(_ key: String, default value: String = "") -> String {
    quote("{{ request.object.metadata.labels.\(quote(key)) || '\(value)' }}")
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
