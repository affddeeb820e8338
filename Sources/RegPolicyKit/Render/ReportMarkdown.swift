import RegPolicyModel
import RegPolicyPolicies

/// The gap report as GitHub-flavoured Markdown for a pull-request comment: the summary and the
/// tables a reader needs first, every long list in a collapsible section, and the whole under
/// GitHub's 65,536-character limit — lists are shortened (saying how many were left out and that
/// the JSON report has them all) until it fits.
enum ReportMarkdown {
  /// GitHub's limit on a comment body, in characters, less room for a bot's own header.
  static let limit = 65_000

  static func render(_ report: Report) -> [UInt8] {
    var head = "## regpolicy gap report — \(cell(report.organisation))\n\n"
    for line in ReportSummary.lines(report) { head += "- " + inline(line) + "\n" }
    head += "\n"
    let controls = violatedControls(report)
    // No list of 1,000 items fits: the first try is already cut there.
    for cap in [1000, 400, 200, 100, 50, 20, 10, 5, 0] {
      let text = head + render(report, cap: cap, controls: controls)
      if text.unicodeScalars.count <= limit { return Array(text.utf8) }
    }
    // Even the tables alone are too long: the summary, and where the rest is.
    let text = head + "The tables do not fit a comment: see `regpolicy report --format html` or `--format json`.\n"
    return Array(String(text.unicodeScalars.prefix(limit)).utf8)
  }

  /// The report after its summary, with every list cut to `cap` items.
  private static func render(_ report: Report, cap: Int, controls: String) -> String {
    var out = ""
    if let coverage = report.coverage { out += self.coverage(coverage, cap: cap) }
    out += crosswalk(report, cap: cap)
    out += controls + violatingObjects(report, cap: cap)
    if let spend = report.spend { out += self.spend(spend, report: report, cap: cap) }
    out += exposure(report)
    if let trend = report.trend { out += self.trend(trend, cap: cap) }
    out += "\n<sub>\(report.generator) · the exact figures, every clause and every violation are in "
    out += "`regpolicy report --format json`.</sub>\n"
    return out
  }

  private static let statusColumns =
    "| Applicable | Automated | Attestation | Needs review | Uncovered | Other operators | Others | No addressee found |"

  private static func row(_ name: String, _ group: Coverage.Group) -> String {
    "| " + name + " | " + group.columns.map(String.init).joined(separator: " | ") + " |\n"
  }

  private static func coverage(_ coverage: Coverage, cap: Int) -> String {
    var out = "### Coverage of \(coverage.instrument)\n\n"
    out += "| Chapter " + statusColumns + "\n|---|" + String(repeating: "---:|", count: 8) + "\n"
    for chapter in coverage.chapters {
      out += row(cell("\(chapter.id.citation) \(chapter.heading)"), chapter)
    }
    out += row("**Total**", coverage.total)
    let articles = coverage.articles.filter { ($0.addressees[.organisation] ?? 0) > 0 }
    out += "\n<details><summary>By article (\(articles.count) with obligations of the organisation)</summary>\n\n"
    out += "| Article " + statusColumns + "\n|---|" + String(repeating: "---:|", count: 8) + "\n"
    for article in articles.prefix(cap) { out += row(cell("\(article.id.citation) \(article.heading)"), article) }
    out += more(articles.count, cap, "articles")
    out += "\n</details>\n"
    let uncovered = coverage.clauses.filter { $0.status == .uncovered }
    out += "\n<details><summary>Uncovered obligations (\(uncovered.count)), verbatim</summary>\n\n"
    for clause in uncovered.prefix(cap) {
      out += "- **[\(clause.id.citation)](\(clause.link))** (\(clause.roles.joined(separator: ", "))): "
      out += inline(clause.text) + "\n"
    }
    out += more(uncovered.count, cap, "obligations")
    out += "\n</details>\n\n"
    return out
  }

  /// Each control's links to the other frameworks, a column per framework, in a collapsible table.
  private static func crosswalk(_ report: Report, cap: Int) -> String {
    let table = ReportSummary.crosswalk(report)
    guard !table.rows.isEmpty else { return "" }
    var out = "<details><summary>The controls in the other frameworks (\(table.rows.count) controls; "
    out += "the relationship as the control's clauses read it)</summary>\n\n"
    out += "| Control | " + table.frameworks.map(\.name).joined(separator: " | ") + " |\n"
    out += "|---|" + String(repeating: "---|", count: table.frameworks.count) + "\n"
    for row in table.rows.prefix(cap) {
      out += "| \(cell(row.policy.control)) \(cell(row.policy.title)) | "
      out += row.cells.map { entries in
        entries.map { "\(cell($0.far.label)) (\(cell($0.relation)))" }.joined(separator: ", ")
      }.joined(separator: " | ")
      out += " |\n"
    }
    out += more(table.rows.count, cap, "controls")
    return out + "\n</details>\n\n"
  }

  /// The violations per control: never cut.
  private static func violatedControls(_ report: Report) -> String {
    guard report.manifestsGiven else { return "" }
    var out = "### Violations\n\n"
    let controls = report.violatedControls
    if controls.isEmpty { return out + "No violation on \(report.objects) objects.\n\n" }
    let byControl = report.violationsByControl
    out += "| Control | Clauses | Enforcement | Objects | Violations |\n|---|---|---|---:|---:|\n"
    for policy in controls {
      let found = byControl[policy.control] ?? []
      let citations = Set(found.map(\.basis.citation)).sorted().joined(separator: "; ")
      out += "| \(cell(policy.control)) \(cell(policy.title)) | \(cell(citations)) | \(policy.enforcement) | "
      out += "\(Set(found.map(\.subject)).count) | \(found.count) |\n"
    }
    return out
  }

  /// Every violating object, cut to `cap`.
  private static func violatingObjects(_ report: Report, cap: Int) -> String {
    guard !report.violations.isEmpty else { return "" }
    var out = "\n<details><summary>Violating objects (\(report.violations.count) violations)</summary>\n\n"
    out += "| Control | Object | Where | Owner | Namespace | Cost centre |\n|---|---|---|---|---|---|\n"
    let labels = Labels(report.profile)
    for violation in report.violations.prefix(cap) {
      out += "| \(cell(violation.policy.control)) | \(cell(violation.subject)) | "
      out += "\(cell("\(violation.file):\(violation.line)")) | \(cell(labels.owner(violation.manifest) ?? "—")) | "
      out += "\(cell(violation.manifest.namespace)) | \(cell(labels.costCenter(violation.manifest) ?? "—")) |\n"
    }
    out += more(report.violations.count, cap, "violations")
    out += "\n</details>\n\n"
    return out
  }

  private static func spend(_ spend: Report.Spend, report: Report, cap: Int) -> String {
    let currency = spend.data.currency
    var out =
      "### Spend at risk (\(currency), \(spend.data.column), \(spend.data.periodStart) – \(spend.data.periodEnd))\n\n"
    func table(_ title: String, _ sums: [(String, ExactDecimal)]) -> String {
      guard !sums.isEmpty else { return "" }
      var text = "| \(title) | \(cell(currency)) |\n|---|---:|\n"
      for (name, amount) in sums.prefix(cap) { text += "| \(cell(name)) | \(ReportSummary.money(amount)) |\n" }
      return text + more(sums.count, cap, "rows") + "\n"
    }
    out += table("Control", ReportSummary.ranked(spend.atRiskByControl))
    out += table("Cost centre", ReportSummary.ranked(spend.atRiskByCostCenter))
    out += "<details><summary>By article, owner; unallocated spend</summary>\n\n"
    out += table("Article", ReportSummary.ranked(spend.atRiskByArticle).map { ($0.0.citation, $0.1) })
    out += table("Owner", ReportSummary.ranked(spend.atRiskByOwner))
    out += table("Unallocated, by the rows' cost centre", ReportSummary.ranked(spend.unallocatedByCostCenter))
    out += table("Unallocated, by the rows' owner", ReportSummary.ranked(spend.unallocatedByOwner))
    let unlabelled = report.workloads.filter { $0.id == nil }.flatMap(\.subjects)
    if !unlabelled.isEmpty {
      out += "Objects without a workload-id label (their spend cannot be joined): "
      out += unlabelled.prefix(cap).map(code).joined(separator: ", ")
      out += unlabelled.count > cap ? ", … \(unlabelled.count - cap) more.\n\n" : ".\n\n"
    }
    out += ReportSummary.costNotes(spend).map { "- " + inline($0) + "\n" }.joined()
    out += "\n</details>\n\n"
    return out
  }

  private static func exposure(_ report: Report) -> String {
    guard !report.fines.isEmpty else { return "" }
    var out = "### Exposure: the ceilings the law sets\n\n"
    out += "| Tier | Clause | Controls | Violated | Ceiling |\n|---|---|---|---|---:|\n"
    for fine in report.fines {
      out +=
        "| \(cell(fine.tier.title)) | [\(fine.citation)](\(fine.link))\(fine.needsReview ? " ⚠ needs review" : "") | "
      out += "\(cell(fine.controls.joined(separator: ", "))) | \(cell(fine.violated.joined(separator: ", "))) | "
      out += "\(cell(ReportSummary.ceiling(fine, report.profile.exposure))) |\n"
    }
    out += "\n" + inline(ReportSummary.exposureNote(report)) + "\n\n"
    return out
  }

  private static func trend(_ trend: Report.Trend, cap: Int) -> String {
    var out = "### Since the last report\n\n"
    for line in ReportSummary.trendLines(trend) { out += "- " + inline(line) + "\n" }
    func list(_ title: String, _ items: [String]) -> String {
      guard !items.isEmpty else { return "" }
      return "\n<details><summary>\(title) (\(items.count))</summary>\n\n"
        + items.prefix(cap).map { "- " + code($0) + "\n" }.joined() + more(items.count, cap, "items") + "\n</details>\n"
    }
    out += list("New gaps", trend.newGaps) + list("Closed gaps", trend.closedGaps)
    out += list("New violations", trend.newViolations) + list("Fixed violations", trend.fixedViolations)
    return out + "\n"
  }

  private static func more(_ count: Int, _ cap: Int, _ what: String) -> String {
    count > cap ? "\n… and \(count - cap) more \(what) (the JSON report lists them all).\n" : ""
  }

  /// Text for a table cell (`inline` escapes the pipe too).
  static func cell(_ text: String) -> String { inline(text) }

  /// Text on one line that renders as written: HTML inert (GitHub renders tags in comments), and
  /// the characters that make emphasis, links, headings, mentions, references and table cells
  /// escaped, so a manifest name or a tag value cannot format or ping anything.
  static func inline(_ text: String) -> String {
    let special = Set("&<>\n\r\\`*_[]#@|!~".utf8)
    if !text.utf8.contains(where: special.contains) { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\n", "\r": out += " "
      case "\\", "`", "*", "_", "[", "]", "#", "@", "|", "!", "~":
        out += "\\"
        out.unicodeScalars.append(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Text in a code span, as HTML so no backtick in it can end the span.
  static func code(_ text: String) -> String { "<code>" + Markup.escape(text) + "</code>" }
}
