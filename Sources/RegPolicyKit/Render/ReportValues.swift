import Foundation
import RegPolicyModel
import RegPolicyPolicies

/// The gap report as JSON values, the public contract (README "Gap report JSON"): keys sorted,
/// amounts as strings of exact decimals, absent sections `null`. `--previous` reads it back.
enum ReportValues {
  static let format = "regpolicy-report/1"

  static func values(_ report: Report) -> [String: Any] {
    [
      "format": format, "generator": report.generator, "organisation": report.organisation,
      "controls": report.policies.map { policy -> [String: Any] in
        [
          "control": policy.control, "title": policy.title, "citation": policy.citation,
          "enforcement": policy.enforcement, "review": (policy.review ?? .needsReview).rawValue,
          "crosswalk": (report.crosswalk[policy.control] ?? []).map(CrosswalkRun.values),
        ]
      },
      "coverage": report.coverage.map(coverage) ?? NSNull(),
      "violations": violations(report),
      "costs": report.spend.map(costs) ?? NSNull(),
      "exposure": exposure(report),
      "trend": report.trend.map(trend) ?? NSNull(),
    ]
  }

  static func counts(_ group: Coverage.Group) -> [String: Any] {
    Dictionary(uniqueKeysWithValues: zip(Coverage.Group.columnNames, group.columns.map { $0 as Any }))
  }

  private static func coverage(_ coverage: Coverage) -> [String: Any] {
    func group(_ group: Coverage.Group, _ key: String) -> [String: Any] {
      var values = counts(group)
      values[key] = group.id.rawValue
      values["citation"] = group.id.citation
      values["heading"] = group.heading
      return values
    }
    return [
      "instrument": coverage.instrument,
      "totals": counts(coverage.total),
      "articles": coverage.articles.map { group($0, "article") },
      "chapters": coverage.chapters.map { group($0, "chapter") },
      "clauses": coverage.clauses.map { clause -> [String: Any] in
        [
          "clause": clause.id.rawValue, "citation": clause.id.citation, "article": clause.article.rawValue,
          "addressee": clause.addressee.rawValue, "status": clause.status?.rawValue ?? NSNull(),
          "roles": clause.roles, "controls": clause.controls, "link": clause.link,
          "inherited-from": clause.inheritedFrom?.rawValue ?? NSNull(),
          "text": clause.text,
        ]
      },
    ]
  }

  private static func violations(_ report: Report) -> [String: Any] {
    let byControl = report.violationsByControl
    func groups(_ key: (Report.Workload) -> String?) -> [String: Any] {
      var groups: [String: (objects: Int, controls: Set<String>)] = [:]
      for workload in report.workloads where !workload.violated.isEmpty {
        let name = key(workload) ?? "(unlabelled)"
        groups[name, default: (0, [])].objects += workload.subjects.count
        groups[name, default: (0, [])].controls.formUnion(workload.violated)
      }
      return groups.mapValues { ["objects": $0.objects, "controls": $0.controls.sorted()] }
    }
    var namespaces: [String: (objects: Set<String>, controls: Set<String>)] = [:]
    for violation in report.violations {
      namespaces[violation.manifest.namespace, default: ([], [])].objects.insert(violation.subject)
      namespaces[violation.manifest.namespace, default: ([], [])].controls.insert(violation.policy.control)
    }
    let labels = Labels(report.profile)
    return [
      "manifests": report.manifestsGiven, "objects": report.objects, "count": report.violations.count,
      "controls": report.violatedControls.map { policy -> [String: Any] in
        let found = byControl[policy.control] ?? []
        let clauses = Set(found.flatMap(\.basis.clauses))
        return [
          "control": policy.control, "title": policy.title, "enforcement": policy.enforcement,
          "clauses": policy.clauses.filter { clauses.contains($0.id) }.map { clause -> [String: Any] in
            ["clause": clause.id.rawValue, "citation": clause.citation, "link": clause.link, "text": clause.text]
          },
          "violations": found.map { violation -> [String: Any] in
            [
              "subject": violation.subject, "file": violation.file, "line": violation.line,
              "namespace": violation.manifest.namespace, "message": violation.message,
              "citation": violation.basis.citation, "workload-id": labels.workload(violation.manifest) ?? NSNull(),
              "cost-center": labels.costCenter(violation.manifest) ?? NSNull(),
              "owner": labels.owner(violation.manifest) ?? NSNull(),
            ]
          },
        ]
      },
      "by-owner": groups(\.owner), "by-cost-center": groups(\.costCenter),
      "by-namespace": namespaces.mapValues { ["objects": $0.objects.count, "controls": $0.controls.sorted()] },
    ]
  }

  private static func amounts<Key>(_ sums: [Key: ExactDecimal], _ name: (Key) -> String) -> [String: String] {
    Dictionary(uniqueKeysWithValues: sums.map { (name($0.key), $0.value.description) })
  }

  private static func costs(_ spend: Report.Spend) -> [String: Any] {
    [
      "currency": spend.data.currency, "column": spend.data.column, "files": spend.data.files,
      "period": ["start": spend.data.periodStart, "end": spend.data.periodEnd], "rows": spend.data.rows.count,
      "total": spend.data.total.description,
      "allocated": amounts(spend.allocated) { $0 },
      "unallocated": [
        "total": spend.unallocated.description, "rows": spend.unallocatedRows,
        "by-cost-center": amounts(spend.unallocatedByCostCenter) { $0 },
        "by-owner": amounts(spend.unallocatedByOwner) { $0 },
      ],
      "at-risk": [
        "total": spend.atRisk.description, "by-control": amounts(spend.atRiskByControl) { $0 },
        "by-article": amounts(spend.atRiskByArticle) { $0.rawValue },
        "by-cost-center": amounts(spend.atRiskByCostCenter) { $0 },
        "by-owner": amounts(spend.atRiskByOwner) { $0 },
      ],
      "gpu-ai": spend.gpuAI.description,
      "converted-rows": spend.data.converted,
      "other-pricing-currency-rows": spend.data.otherPricingCurrency,
      "split-allocation-rows": spend.data.allocated,
    ]
  }

  private static func exposure(_ report: Report) -> Any {
    guard !report.fines.isEmpty else { return NSNull() }
    let exposure = report.profile.exposure
    return [
      "currency": exposure.currency, "sme": exposure.sme, "turnover": exposure.turnover?.description ?? NSNull(),
      "outside-tiers": report.violatedOutsideTiers,
      "tiers": report.fines.map { fine -> [String: Any] in
        [
          "tier": fine.tier.id, "title": fine.tier.title, "citation": fine.citation,
          "clauses": fine.tier.cites.map(\.rawValue), "link": fine.link, "text": fine.text,
          "amount": fine.tier.amount.description, "currency": fine.tier.currency,
          "percent": fine.tier.percent.description, "controls": fine.controls, "violated": fine.violated,
          "ceiling": fine.ceiling?.description ?? NSNull(), "needs-review": fine.needsReview,
        ]
      },
    ]
  }

  private static func trend(_ trend: Report.Trend) -> [String: Any] {
    var change: Any = NSNull()
    if let current = trend.currentAtRisk, let previous = trend.previousAtRisk,
      let difference = current.subtracting(previous)
    {
      change = difference.description
    }
    let atRisk: [String: Any] = [
      "previous": trend.previousAtRisk?.description ?? NSNull(),
      "current": trend.currentAtRisk?.description ?? NSNull(), "change": change,
      "currency": trend.currency ?? NSNull(),
    ]
    return [
      "new-gaps": trend.newGaps, "closed-gaps": trend.closedGaps, "new-violations": trend.newViolations,
      "fixed-violations": trend.fixedViolations, "at-risk": atRisk,
    ]
  }

  /// A violation's key in trends: "AIA-12 deployment/ml/scorer".
  static func violationKey(control: String, subject: String) -> String { control + " " + subject }

  /// What changed since `previous`, a report's JSON; a file that is not one is an error.
  static func trend(_ report: Report, previous text: String, file: String) throws(Diagnostic) -> Report.Trend {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      object["format"] as? String == format
    else {
      throw Diagnostic.error(.jsonMalformed, file: file, "not a report `regpolicy report --format json` wrote")
    }
    func uncovered(_ coverage: Any?) -> Set<String> {
      let clauses = (coverage as? [String: Any])?["clauses"] as? [[String: Any]] ?? []
      return Set(clauses.filter { $0["status"] as? String == "uncovered" }.compactMap { $0["clause"] as? String })
    }
    let before = uncovered(object["coverage"])
    let now = Set(report.coverage?.clauses.filter { $0.status == .uncovered }.map(\.id.rawValue) ?? [])
    let controls = (object["violations"] as? [String: Any])?["controls"] as? [[String: Any]] ?? []
    let beforeViolations = Set(
      controls.flatMap { control in
        (control["violations"] as? [[String: Any]] ?? []).compactMap { violation -> String? in
          guard let name = control["control"] as? String, let subject = violation["subject"] as? String else {
            return nil
          }
          return violationKey(control: name, subject: subject)
        }
      })
    let nowViolations = Set(report.violations.map { violationKey(control: $0.policy.control, subject: $0.subject) })
    let costs = object["costs"] as? [String: Any]
    let previousCurrency = costs?["currency"] as? String
    let previousAtRisk = ((costs?["at-risk"] as? [String: Any])?["total"] as? String).flatMap { ExactDecimal($0) }
    let previousColumn = costs?["column"] as? String
    // Two currencies, or two cost columns, are not compared: the earlier figure is dropped.
    let sameCurrency =
      (previousCurrency == nil || previousCurrency == report.spend?.data.currency)
      && (previousColumn == nil || previousColumn == report.spend?.data.column)
    return Report.Trend(
      newGaps: now.subtracting(before).sorted(), closedGaps: before.subtracting(now).sorted(),
      newViolations: nowViolations.subtracting(beforeViolations).sorted(),
      fixedViolations: beforeViolations.subtracting(nowViolations).sorted(),
      previousAtRisk: sameCurrency ? previousAtRisk : nil, currentAtRisk: report.spend?.atRisk,
      currency: report.spend?.data.currency ?? previousCurrency)
  }
}
