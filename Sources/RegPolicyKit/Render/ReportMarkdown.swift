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
    for cap in [Int.max, 400, 200, 100, 50, 20, 10, 5, 0] {
      let text = render(report, cap: cap)
      if text.count <= limit || cap == 0 { return Array(text.utf8) }
    }
    return []
  }

  /// The report with every list cut to `cap` items.
  static func render(_ report: Report, cap: Int) -> String {
    var out = "## regpolicy gap report — \(cell(report.organisation))\n\n"
    for line in ReportSummary.lines(report) { out += "- " + inline(line) + "\n" }
    out += "\n"
    if let coverage = report.coverage { out += self.coverage(coverage, cap: cap) }
    out += violations(report, cap: cap)
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
    let counts: [Int] =
      [group.addressees[.organisation] ?? 0] + Coverage.Status.allCases.map { group.statuses[$0] ?? 0 }
      + [.otherOperators, .others, .undetermined].map { group.addressees[$0] ?? 0 }
    return "| " + name + " | " + counts.map(String.init).joined(separator: " | ") + " |\n"
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

  private static func violations(_ report: Report, cap: Int) -> String {
    guard report.manifestsGiven else { return "" }
    var out = "### Violations\n\n"
    let controls = report.violatedControls
    if controls.isEmpty { return out + "No violation on \(report.objects) objects.\n\n" }
    var byControl: [String: [CheckRun.Violation]] = [:]
    for violation in report.violations { byControl[violation.policy.control, default: []].append(violation) }
    out += "| Control | Clauses | Enforcement | Objects | Violations |\n|---|---|---|---:|---:|\n"
    for policy in controls {
      let found = byControl[policy.control] ?? []
      let citations = Set(found.map(\.basis.citation)).sorted().joined(separator: "; ")
      out += "| \(cell(policy.control)) \(cell(policy.title)) | \(cell(citations)) | \(policy.enforcement) | "
      out += "\(Set(found.map(\.subject)).count) | \(found.count) |\n"
    }
    out += "\n<details><summary>Violating objects (\(report.violations.count) violations)</summary>\n\n"
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
      var text = "| \(title) | \(currency) |\n|---|---:|\n"
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
      out += unlabelled.prefix(cap).map { "`\($0)`" }.joined(separator: ", ")
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
        + items.prefix(cap).map { "- `\($0)`\n" }.joined() + more(items.count, cap, "items") + "\n</details>\n"
    }
    out += list("New gaps", trend.newGaps) + list("Closed gaps", trend.closedGaps)
    out += list("New violations", trend.newViolations) + list("Fixed violations", trend.fixedViolations)
    return out + "\n"
  }

  private static func more(_ count: Int, _ cap: Int, _ what: String) -> String {
    count > cap ? "\n… and \(count - cap) more \(what) (the JSON report lists them all).\n" : ""
  }

  /// Text for a table cell: one line, pipes escaped, HTML inert.
  static func cell(_ text: String) -> String { inline(text).replacingOccurrences(of: "|", with: "\\|") }

  /// Text on one line with HTML inert (GitHub renders tags in comments).
  static func inline(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\n", with: " ")
  }
}

/// Sentences and figures shared by the Markdown and HTML reports.
enum ReportSummary {
  /// An amount as shown: two decimals, thousands grouped.
  static func money(_ amount: ExactDecimal) -> String { amount.formatted(places: 2, grouping: true) }

  /// Sums, largest first, then by name.
  static func ranked<Key: Comparable>(_ sums: [Key: ExactDecimal]) -> [(Key, ExactDecimal)] {
    sums.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  static func lines(_ report: Report) -> [String] {
    var lines: [String] = []
    if let coverage = report.coverage {
      let total = coverage.total
      let applicable = total.addressees[.organisation] ?? 0
      let covered = applicable - (total.statuses[.uncovered] ?? 0)
      let percent = applicable == 0 ? 0 : (covered * 1000 / applicable + 5) / 10
      lines.append(
        "Coverage: \(covered) of \(applicable) clauses with obligations or prohibitions for "
          + "\(report.profile.roles.joined(separator: ", ")) (\(report.profile.riskClasses.joined(separator: ", "))) "
          + "are covered by a control (\(percent) %): \(total.statuses[.automated] ?? 0) automated, "
          + "\(total.statuses[.attestation] ?? 0) by attestation only, \(total.statuses[.needsReview] ?? 0) needing "
          + "review; \(total.statuses[.uncovered] ?? 0) uncovered. Counted apart: "
          + "\(total.addressees[.otherOperators] ?? 0) of other operators or risk classes, "
          + "\(total.addressees[.others] ?? 0) of authorities and others, "
          + "\(total.addressees[.undetermined] ?? 0) with no addressee found.")
    } else {
      lines.append("Coverage: not computed (give --source, the regulation the policies were generated from).")
    }
    if report.manifestsGiven {
      let objects = Set(report.violations.map { $0.file + "\u{0}" + $0.subject }).count
      lines.append(
        "Violations: \(report.violations.count) of \(report.violatedControls.count) controls on \(objects) of "
          + "\(report.objects) objects.")
    } else {
      lines.append("Violations: not checked (give --manifests).")
    }
    if let spend = report.spend {
      let currency = spend.data.currency
      lines.append(
        "Spend at risk: \(currency) \(money(spend.atRisk)) of \(currency) \(money(spend.data.total)) "
          + "(\(spend.data.periodStart) – \(spend.data.periodEnd)); unallocated \(currency) \(money(spend.unallocated)); "
          + "GPU spend of AI systems \(currency) \(money(spend.gpuAI)).")
    }
    let violated = report.fines.filter { !$0.violated.isEmpty }
    if !violated.isEmpty {
      lines.append(
        "Exposure: " + violated.map { "\($0.citation) \(ceiling($0, report.profile.exposure))" }.joined(separator: "; ")
          + " — ceilings the law sets, not a prediction.")
    }
    return lines
  }

  /// "EUR 15,000,000.00"; without a turnover in the profile, what the law says of it.
  static func ceiling(_ fine: Report.Fine, _ exposure: Profile.Exposure) -> String {
    if let ceiling = fine.ceiling { return "\(fine.tier.currency) \(money(ceiling))" }
    let amount = "\(fine.tier.currency) \(money(fine.tier.amount))"
    let share = "\(fine.tier.percent.description) % of turnover"
    return exposure.sme && fine.tier.smeRule
      ? "at most \(amount) (or \(share), if lower)" : "at least \(amount) (or \(share), if higher)"
  }

  static func exposureNote(_ report: Report) -> String {
    let exposure = report.profile.exposure
    var note =
      "Each ceiling is the most the law allows for a breach of that tier: the fixed amount or the share of the "
      + "worldwide annual turnover of the preceding financial year"
    if let turnover = exposure.turnover {
      note += " (\(exposure.currency) \(money(turnover)) in the profile)"
    } else {
      note += " (no `exposure.turnover` in the profile, so only the fixed amounts are shown)"
    }
    note +=
      exposure.sme
      ? ", whichever is lower for an SME (Article 99(6))." : ", whichever is higher (the profile says: not an SME)."
    note += " Authorities fix a fine by the circumstances of each case (Article 99(7)); this is not a prediction."
    if !report.violatedOutsideTiers.isEmpty {
      note +=
        " Violated controls in no tier of Article 99(3)–(5) or 101: "
        + report.violatedOutsideTiers.joined(separator: ", ")
        + " (penalties laid down by the Member States, Article 99(1))."
    }
    return note
  }

  static func costNotes(_ spend: Report.Spend) -> [String] {
    var notes = [
      "\(spend.data.rows.count) cost rows from \(spend.data.files.count) files; \(spend.unallocatedRows) name no "
        + "workload of the fleet (no workload tag, or one no manifest carries)."
    ]
    if spend.data.allocated > 0 {
      notes.append(
        "\(spend.data.allocated) split cost allocation rows: each counts once, for the workload and cost centre its "
          + "AllocatedTags name.")
    }
    if spend.data.otherPricingCurrency > 0 {
      notes.append(
        "\(spend.data.otherPricingCurrency) rows were priced in another currency; their \(spend.data.column) is in "
          + "the billing currency \(spend.data.currency), which is what is summed.")
    }
    for (currency, rows) in spend.data.converted.sorted(by: { $0.key < $1.key }) {
      notes.append("\(rows) rows billed in \(currency) were converted at the profile's exchange rate.")
    }
    return notes
  }

  static func trendLines(_ trend: Report.Trend) -> [String] {
    var lines = [
      "Gaps: \(trend.newGaps.count) new, \(trend.closedGaps.count) closed.",
      "Violations: \(trend.newViolations.count) new, \(trend.fixedViolations.count) fixed.",
    ]
    if let current = trend.currentAtRisk, let previous = trend.previousAtRisk,
      let change = current.subtracting(previous)
    {
      let currency = trend.currency ?? ""
      let direction = change > .zero ? "up" : change < .zero ? "down" : "unchanged"
      lines.append(
        "Spend at risk \(direction): \(currency) \(money(previous)) → \(currency) \(money(current)) "
          + "(\(change > .zero ? "+" : "")\(money(change))).")
    }
    return lines
  }
}
