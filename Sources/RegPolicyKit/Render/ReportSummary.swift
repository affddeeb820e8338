import RegPolicyModel
import RegPolicyPolicies

/// Sentences and figures shared by the Markdown and HTML reports.
enum ReportSummary {
  /// An amount as shown: two decimals, thousands grouped.
  static func money(_ amount: ExactDecimal) -> String { amount.formatted(places: 2, grouping: true) }

  /// Sums, largest first, then by name.
  static func ranked<Key: Comparable>(_ sums: [Key: ExactDecimal]) -> [(Key, ExactDecimal)] {
    sums.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// One far end of a control's links in the report's crosswalk table: "AU-11 (intersects-with:
  /// Article 19(1), Article 26(6))", with the links behind it (the same end reached from two clauses
  /// of the control with one relationship is one entry).
  struct CrosswalkEntry {
    var far: CrosswalkEndpoint
    var relationship: CrosswalkRelationship
    var readings: [Crosswalk.Reading]

    /// "intersects-with: Article 19(1), Article 26(6)": the relationship and the control's clauses
    /// it is read from (none named for a link on the control itself).
    var relation: String {
      let clauses = readings.filter { $0.near.framework != .regpolicy }.map(\.near.label)
      return relationship.rawValue + (clauses.isEmpty ? "" : ": " + clauses.joined(separator: ", "))
    }
  }

  /// The report's crosswalk table: the frameworks the controls' links reach (its columns, in the
  /// crosswalk's order) and, per control with links in index order, the entries of each column.
  static func crosswalk(_ report: Report) -> (
    frameworks: [CrosswalkEndpoint.Framework], rows: [(policy: Policy, cells: [[CrosswalkEntry]])]
  ) {
    let linked = report.policies.filter { report.crosswalk[$0.control] != nil }
    let reached = Set(linked.flatMap { report.crosswalk[$0.control] ?? [] }.map(\.far.framework))
    let frameworks = CrosswalkEndpoint.Framework.allCases.filter(reached.contains)
    let rows = linked.map { policy in
      var entries: [CrosswalkEntry] = []
      for reading in (report.crosswalk[policy.control] ?? []).sorted(by: {
        ($0.far, $0.relationship.rawValue, $0.near) < ($1.far, $1.relationship.rawValue, $1.near)
      }) {
        if let at = entries.firstIndex(where: { $0.far == reading.far && $0.relationship == reading.relationship }) {
          entries[at].readings.append(reading)
        } else {
          entries.append(CrosswalkEntry(far: reading.far, relationship: reading.relationship, readings: [reading]))
        }
      }
      return (policy, frameworks.map { framework in entries.filter { $0.far.framework == framework } })
    }
    return (frameworks, rows)
  }

  /// "Article 12(1) related-to MEASURE 2.4: why." for each link behind an entry, one per line.
  static func why(_ entry: CrosswalkEntry) -> String {
    entry.readings.map {
      "\($0.near.label) \($0.relationship.rawValue) \($0.far.label): \($0.link.rationale)"
    }.joined(separator: "\n")
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
      let objects = Set(report.violations.map(\.object)).count
      lines.append(
        "Violations: \(report.violations.count) of \(report.violatedControls.count) controls, by \(objects) of the "
          + "\(report.objects) objects checked.")
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
    if fine.currencyMismatch {
      return "\(amount) or \(share) (the profile's turnover is in \(exposure.currency), the law's amounts in "
        + "\(fine.tier.currency): give exposure.turnover in \(fine.tier.currency))"
    }
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
