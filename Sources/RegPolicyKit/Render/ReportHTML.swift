import RegPolicyModel
import RegPolicyPolicies

/// The gap report as one self-contained HTML file: inline CSS and inline SVG charts (coverage per
/// article, spend at risk per cost centre and per control), no script, no external asset. Long
/// lists are cut so the file stays well under a megabyte; the JSON report has them all.
enum ReportHTML {
  /// Most rows of one list.
  static let cap = 500

  static func render(_ report: Report) -> [UInt8] {
    var out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Gap report — \(Markup.escape(report.organisation))</title>
      <style>
      body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1b1f24}
      h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #d0d7de}
      table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d0d7de;padding:.25em .5em;vertical-align:top}
      th{background:#f6f8fa;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
      blockquote{margin:.25em 0 .75em 1em;color:#57606a}summary{cursor:pointer;margin:.5em 0}
      .legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em}
      svg text{font:11px system-ui,sans-serif;fill:#1b1f24}
      .crosswalk small{white-space:nowrap;color:#57606a}
      </style></head><body>
      <h1>Gap report — \(Markup.escape(report.organisation))</h1>
      <ul>
      """
    out += "\n"
    for line in ReportSummary.lines(report) { out += "<li>\(Markup.escape(line))</li>\n" }
    out += "</ul>\n"
    if let coverage = report.coverage { out += self.coverage(coverage) }
    out += crosswalk(report)
    out += violations(report)
    if let spend = report.spend { out += self.spend(spend, report: report) }
    out += exposure(report)
    if let trend = report.trend {
      out += "<h2>Since the last report</h2>\n<ul>\n"
      for line in ReportSummary.trendLines(trend) { out += "<li>\(Markup.escape(line))</li>\n" }
      out += "</ul>\n"
      for (title, items) in [
        ("New gaps", trend.newGaps), ("Closed gaps", trend.closedGaps), ("New violations", trend.newViolations),
        ("Fixed violations", trend.fixedViolations),
      ] where !items.isEmpty {
        out += "<details><summary>\(title) (\(items.count))</summary><ul>\n"
        for item in items.prefix(cap) { out += "<li><code>\(Markup.escape(item))</code></li>\n" }
        out += more(items.count) + "</ul></details>\n"
      }
    }
    out += "<p><small>\(Markup.escape(report.generator)).</small></p>\n</body></html>\n"
    return Array(out.utf8)
  }

  static let colours: [Coverage.Status: String] = [
    .automated: "#1a7f37", .attestation: "#8fd19e", .needsReview: "#d4a72c", .uncovered: "#cf222e",
  ]

  private static func coverage(_ coverage: Coverage) -> String {
    var out = "<h2>Coverage of \(Markup.escape(coverage.instrument))</h2>\n"
    let articles = coverage.articles.filter { ($0.addressees[.organisation] ?? 0) > 0 }
    out += "<p class=\"legend\">"
    for status in Coverage.Status.allCases {
      out += "<span><i style=\"background:\(colours[status]!)\"></i>\(status.rawValue)</span>"
    }
    out += "</p>\n"
    // One stacked bar per article with obligations of the organisation.
    let widest = max(articles.map { $0.addressees[.organisation] ?? 0 }.max() ?? 1, 1)
    let height = 16
    out +=
      "<svg role=\"img\" aria-label=\"Coverage per article\" width=\"720\" height=\"\(articles.count * height + 4)\">\n"
    for (row, article) in articles.enumerated() {
      let y = row * height + 2
      out += "<text x=\"0\" y=\"\(y + 12)\">\(Markup.escape(article.id.citation))</text>"
      var x = 110.0
      for status in Coverage.Status.allCases {
        let count = article.statuses[status] ?? 0
        guard count > 0 else { continue }
        let width = Double(count) * 560 / Double(widest)
        out += "<rect x=\"\(format(x))\" y=\"\(y)\" width=\"\(format(width))\" height=\"\(height - 3)\" "
        out +=
          "fill=\"\(colours[status]!)\"><title>\(Markup.escape(article.id.citation)): \(count) \(status.rawValue)</title></rect>"
        x += width
      }
      out += "<text x=\"\(format(x + 4))\" y=\"\(y + 12)\">\(article.addressees[.organisation] ?? 0)</text>\n"
    }
    out += "</svg>\n"
    out += "<table><tr><th>Chapter</th><th>Applicable</th><th>Automated</th><th>Attestation</th><th>Needs review</th>"
    out += "<th>Uncovered</th><th>Other operators</th><th>Others</th><th>No addressee found</th></tr>\n"
    for chapter in coverage.chapters { out += row("\(chapter.id.citation) \(chapter.heading)", chapter) }
    out += row("Total", coverage.total) + "</table>\n"
    let uncovered = coverage.clauses.filter { $0.status == .uncovered }
    out += "<details><summary>Uncovered obligations (\(uncovered.count)), verbatim</summary>\n"
    for clause in uncovered.prefix(cap) {
      out += "<p><a href=\"\(Markup.escape(clause.link))\">\(Markup.escape(clause.id.citation))</a> "
      out +=
        "(\(Markup.escape(clause.roles.joined(separator: ", "))))</p><blockquote>\(Markup.escape(clause.text))</blockquote>\n"
    }
    return out + more(uncovered.count) + "</details>\n"
  }

  private static func row(_ name: String, _ group: Coverage.Group) -> String {
    "<tr><td>\(Markup.escape(name))</td>" + group.columns.map { "<td class=\"n\">\($0)</td>" }.joined() + "</tr>\n"
  }

  /// Each control's links to the other frameworks, a column per framework; each entry's links and
  /// why in its tooltip.
  private static func crosswalk(_ report: Report) -> String {
    let table = ReportSummary.crosswalk(report)
    guard !table.rows.isEmpty else { return "" }
    var out = "<h2>The controls in the other frameworks</h2>\n"
    out += "<p>What each control also evidences: the relationship (NIST OLIR) as the control's clauses read it; "
    out += "hover an entry for why.</p>\n<table class=\"crosswalk\"><tr><th>Control</th>"
    out += table.frameworks.map { "<th>\(Markup.escape($0.name))</th>" }.joined() + "</tr>\n"
    for row in table.rows.prefix(cap) {
      out += "<tr><td><b>\(Markup.escape(row.policy.control))</b> \(Markup.escape(row.policy.title))</td>"
      for entries in row.cells {
        out += "<td>"
        out += entries.map { entry in
          "<span title=\"\(Markup.escape(ReportSummary.why(entry)))\">\(Markup.escape(entry.far.label))</span> "
            + "<small>\(Markup.escape(entry.relation))</small>"
        }.joined(separator: "<br>")
        out += "</td>"
      }
      out += "</tr>\n"
    }
    return out + "</table>\n" + more(table.rows.count)
  }

  private static func violations(_ report: Report) -> String {
    guard report.manifestsGiven else { return "" }
    var out = "<h2>Violations</h2>\n"
    guard !report.violations.isEmpty else { return out + "<p>No violation on \(report.objects) objects.</p>\n" }
    out += "<table><tr><th>Control</th><th>Object</th><th>Where</th><th>Owner</th><th>Namespace</th>"
    out += "<th>Cost centre</th><th>What the law says</th></tr>\n"
    let labels = Labels(report.profile)
    for violation in report.violations.prefix(cap) {
      out += "<tr><td>\(Markup.escape(violation.policy.control))</td><td>\(Markup.escape(violation.subject))</td>"
      out += "<td>\(Markup.escape("\(violation.file):\(violation.line)"))</td>"
      out +=
        "<td>\(Markup.escape(labels.owner(violation.manifest) ?? "—"))</td><td>\(Markup.escape(violation.manifest.namespace))</td>"
      out += "<td>\(Markup.escape(labels.costCenter(violation.manifest) ?? "—"))</td>"
      out += "<td><a href=\"\(Markup.escape(violation.basis.link))\">\(Markup.escape(violation.basis.citation))</a>: "
      out += "\(Markup.escape(violation.message))</td></tr>\n"
    }
    return out + "</table>\n" + more(report.violations.count)
  }

  private static func spend(_ spend: Report.Spend, report: Report) -> String {
    let currency = spend.data.currency
    var out = "<h2>Spend at risk (\(Markup.escape(currency)), \(Markup.escape(spend.data.periodStart)) – "
    out += "\(Markup.escape(spend.data.periodEnd)))</h2>\n"
    out += chart("Spend at risk per cost centre", ReportSummary.ranked(spend.atRiskByCostCenter), currency)
    out += chart("Spend at risk per control", ReportSummary.ranked(spend.atRiskByControl), currency)
    for (title, sums) in [
      ("Per owner", ReportSummary.ranked(spend.atRiskByOwner)),
      ("Per article", ReportSummary.ranked(spend.atRiskByArticle).map { ($0.0.citation, $0.1) }),
      ("Unallocated, by the rows' cost centre", ReportSummary.ranked(spend.unallocatedByCostCenter)),
      ("Unallocated, by the rows' owner", ReportSummary.ranked(spend.unallocatedByOwner)),
    ] where !sums.isEmpty {
      out += "<details><summary>\(title)</summary><table><tr><th></th><th>\(Markup.escape(currency))</th></tr>\n"
      for (name, amount) in sums.prefix(cap) {
        out += "<tr><td>\(Markup.escape(name))</td><td class=\"n\">\(ReportSummary.money(amount))</td></tr>\n"
      }
      out += "</table>\(more(sums.count))</details>\n"
    }
    out += "<ul>" + ReportSummary.costNotes(spend).map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ul>\n"
    return out
  }

  /// A horizontal bar chart of amounts, largest first (at most 20 bars).
  private static func chart(_ title: String, _ sums: [(String, ExactDecimal)], _ currency: String) -> String {
    let bars = sums.prefix(20)
    guard !bars.isEmpty else { return "" }
    // Bar lengths only: Double is exact enough for pixels, never for the figures printed.
    let largest = max(bars.map { Double($0.1.description) ?? 0 }.max() ?? 1, .leastNonzeroMagnitude)
    var out = "<h3>\(Markup.escape(title))</h3>\n"
    out += "<svg role=\"img\" aria-label=\"\(Markup.escape(title))\" width=\"720\" height=\"\(bars.count * 18 + 4)\">\n"
    for (row, (name, amount)) in bars.enumerated() {
      let y = row * 18 + 2
      let width = max(0, (Double(amount.description) ?? 0) / largest * 420)
      out += "<text x=\"0\" y=\"\(y + 12)\">\(Markup.escape(String(name.prefix(24))))</text>"
      out += "<rect x=\"170\" y=\"\(y)\" width=\"\(format(width))\" height=\"14\" fill=\"#cf222e\">"
      out += "<title>\(Markup.escape(name)): \(Markup.escape(currency)) \(ReportSummary.money(amount))</title></rect>"
      out += "<text x=\"\(format(174 + width))\" y=\"\(y + 12)\">\(ReportSummary.money(amount))</text>\n"
    }
    return out + "</svg>\n"
  }

  private static func exposure(_ report: Report) -> String {
    guard !report.fines.isEmpty else { return "" }
    var out = "<h2>Exposure: the ceilings the law sets</h2>\n<table><tr><th>Tier</th><th>Clause</th>"
    out += "<th>Controls</th><th>Violated</th><th>Ceiling</th></tr>\n"
    for fine in report.fines {
      out +=
        "<tr><td>\(Markup.escape(fine.tier.title))</td><td><a href=\"\(Markup.escape(fine.link))\">\(Markup.escape(fine.citation))</a>"
      out += fine.needsReview ? " (needs review)" : ""
      out += "</td><td>\(Markup.escape(fine.controls.joined(separator: ", ")))</td>"
      out += "<td>\(Markup.escape(fine.violated.joined(separator: ", ")))</td>"
      out += "<td class=\"n\">\(Markup.escape(ReportSummary.ceiling(fine, report.profile.exposure)))</td></tr>\n"
    }
    return out + "</table>\n<p>\(Markup.escape(ReportSummary.exposureNote(report)))</p>\n"
  }

  private static func more(_ count: Int) -> String {
    count > cap ? "<p>… and \(count - cap) more (the JSON report lists them all).</p>\n" : ""
  }

  private static func format(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    return String(Int(tenths) / 10) + "." + String(abs(Int(tenths)) % 10)
  }
}
