import Foundation
import RegPolicyIndex
import RegPolicyKit
import RegPolicyModel
import RegPolicyPolicies

/// The pages of the local web view, as HTML (no script, no external asset) and as JSON: the
/// regulation's outline coloured by coverage, a page per clause and per control, and search. Pure:
/// a request path in, a page out; the server only routes and caches.
public struct WebView: Sendable {
  let index: TraceIndex
  /// The crosswalks the clause and control pages show.
  let links: Trace.Links?
  /// The coverage of each article or annex: how the outline colours it.
  let coverage: [PinpointID: Coverage]

  /// How far an article or annex is implemented.
  enum Coverage: String {
    /// Policies implement every obligation and prohibition it holds, and all are current.
    case covered
    /// Policies implement some of them; others have none.
    case partial
    /// A policy implementing it needs review (its clauses changed, are gone or were never reviewed).
    case review
    /// It holds obligations or prohibitions and no policy implements any.
    case open
    /// It holds none, and no policy cites it.
    case none
  }

  /// The longest search query served, in bytes.
  static let maximumQuery = 256

  /// A page: its status, content type and bytes.
  public struct Page: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
  }

  /// A view of the index; `links` adds each clause's and control's links to the other frameworks.
  public init(index: TraceIndex, links: Trace.Links?) {
    self.index = index
    self.links = links
    // Per article or annex: how many of its obligations some policy implements, of how many.
    var counts: [PinpointID: (implemented: Int, all: Int)] = [:]
    let cited = index.policyClauses()
    for statement in index.statements() where statement.modality == "obligation" || statement.modality == "prohibition"
    {
      let isImplemented = Trace.isImplemented(statement.clause, cited: cited)
      let count = counts[statement.clause.topLevel] ?? (0, 0)
      counts[statement.clause.topLevel] = (count.implemented + (isImplemented ? 1 : 0), count.all + 1)
    }
    var coverage: [PinpointID: Coverage] = [:]
    for (top, count) in counts {
      coverage[top] = count.implemented == 0 ? .open : count.implemented < count.all ? .partial : .covered
    }
    for policy in index.policies() {
      let needsReview = Trace.judged(policy, in: index).review == .needsReview
      for top in Set(policy.clauses.map(\.id.topLevel)) {
        // Cited with no obligation extracted: implemented as far as anyone can tell.
        if needsReview { coverage[top] = .review } else if coverage[top] == nil { coverage[top] = .covered }
      }
    }
    self.coverage = coverage
  }

  // MARK: Routing

  /// The page for a path and query (`/clause/art_12.par_1`, `/api/search?q=…`); 404 for anything
  /// else.
  public func page(path: String, query: [String: String]) -> Page {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    let api = parts.first == "api"
    let route = api ? Array(parts.dropFirst()) : parts
    switch (route.first, route.count) {
    case (nil, 0): return api ? json(outlineValues()) : html("Outline", outline())
    case ("clause", 2): return clause(route[1], api: api)
    case ("control", 2): return control(route[1], api: api)
    case ("search", 1): return search(query["q"] ?? "", api: api)
    default: return notFound("no page at \(path)")
    }
  }

  func notFound(_ message: String) -> Page {
    Page(
      status: 404, contentType: "text/html; charset=utf-8",
      body: Array(layout("Not found", "<p>\(escape(message))</p>").utf8))
  }

  func html(_ title: String, _ body: String) -> Page {
    Page(status: 200, contentType: "text/html; charset=utf-8", body: Array(layout(title, body).utf8))
  }

  func json(_ values: Any) -> Page {
    Page(status: 200, contentType: "application/json", body: TraceRenderer.json(values))
  }

  // MARK: Pages

  private var instrument: String { index.meta("title") ?? index.meta("instrument") ?? "The policies' clauses" }

  func outlineValues() -> [String: Any] {
    [
      "instrument": index.meta("instrument") ?? "", "version": index.meta("version") ?? "",
      "provisions": outlineEntries(nil).map {
        ["id": $0.id.rawValue, "citation": $0.id.citation, "coverage": $0.coverage]
      },
    ]
  }

  /// Articles and annexes in document order, inside the divisions that hold them.
  private func outlineEntries(_ parent: PinpointID?) -> [(id: PinpointID, coverage: String)] {
    var entries: [(id: PinpointID, coverage: String)] = []
    for child in index.children(of: parent) {
      switch child.kind {
      case "article", "annex", "quoted": entries.append((child.id, (coverage[child.id] ?? .none).rawValue))
      case "chapter", "section", "subsection", "title", "part": entries += outlineEntries(child.id)
      default: break
      }
    }
    return entries
  }

  func outline() -> String {
    var body = "<h1>\(escape(instrument))</h1>"
    body += "<p class=\"legend\">"
    body += "<span class=\"covered\">implemented</span> <span class=\"partial\">partly implemented</span> "
    body += "<span class=\"review\">needs review</span> <span class=\"open\">obligations without a policy</span> "
    body += "<span class=\"none\">no obligation</span></p>"
    body += outlineList(nil)
    return body
  }

  private func outlineList(_ parent: PinpointID?) -> String {
    var items = ""
    for child in index.children(of: parent) {
      let heading = child.heading.map { " — " + escape($0) } ?? ""
      switch child.kind {
      case "preamble", "final":
        let name = child.kind == "preamble" ? "Preamble: citations and recitals" : "Final formula"
        items += "<li class=\"none\"><a href=\"/clause/\(escape(child.id.rawValue))\">\(name)</a></li>"
      case "chapter", "section", "subsection", "title", "part":
        items += "<li class=\"division\">\(escape(child.citation))\(heading)\(outlineList(child.id))</li>"
      default:
        let state = (coverage[child.id] ?? .none).rawValue
        items +=
          "<li class=\"\(state)\"><a href=\"/clause/\(escape(child.id.rawValue))\">\(escape(child.citation))</a>\(heading)</li>"
      }
    }
    return "<ul>\(items)</ul>"
  }

  func clause(_ text: String, api: Bool) -> Page {
    let id = PinpointID(rawValue: text)
    guard let trace = Trace.of(clause: id, in: index, links: links), let answer = trace.clauses.first else {
      return notFound("no clause \(text)")
    }
    if api { return json(TraceRenderer.values(trace)) }
    var body = "<nav>" + breadcrumb(id) + "</nav>"
    body += "<h1>\(escape(answer.citation)) <small>\(escape(trace.instrument)) of \(escape(trace.version))</small></h1>"
    body += "<p><span class=\"state \(answer.state.rawValue)\">\(escape(answer.state.rawValue))</span>"
    if !answer.link.isEmpty { body += " <a href=\"\(escape(answer.link))\">EUR-Lex</a>" }
    body += " <a href=\"/api/clause/\(escape(id.rawValue))\">JSON</a></p>"
    body += "<blockquote>\(escape(answer.text).replacingOccurrences(of: "\n", with: "<br>"))</blockquote>"
    let children = index.children(of: id)
    if !children.isEmpty {
      body += "<h2>Provisions</h2><ul>"
      for child in children {
        body += "<li><a href=\"/clause/\(escape(child.id.rawValue))\">\(escape(child.citation))</a></li>"
      }
      body += "</ul>"
    }
    body += "<h2>Implemented by</h2>"
    body += answer.policies.isEmpty ? "<p>No policy implements this clause.</p>" : "<ul>"
    for policy in answer.policies {
      let review = (policy.review ?? .needsReview).rawValue
      body +=
        "<li><a href=\"/control/\(escape(policy.control))\">\(escape(policy.control))</a> — \(escape(policy.title))"
      body += " <span class=\"state \(review)\">\(review)</span></li>"
    }
    if !answer.policies.isEmpty { body += "</ul>" }
    body += crosswalk(answer.crosswalk)
    if !answer.statements.isEmpty { body += "<h2>Obligations</h2>" }
    for statement in answer.statements { body += obligation(statement) }
    if !answer.commits.isEmpty { body += "<h2>Commits</h2><ul>" }
    for commit in answer.commits {
      body +=
        "<li><code>\(escape(String(commit.commit.prefix(12))))</code> \(escape(commit.date)) \(escape(commit.subject))</li>"
    }
    if !answer.commits.isEmpty { body += "</ul>" }
    return html(answer.citation, body)
  }

  /// "Article 12 › Article 12(1)": the clause's enclosing provisions, each a link.
  private func breadcrumb(_ id: PinpointID) -> String {
    var links: [String] = []
    var current: PinpointID? = id.parent
    while let ancestor = current {
      links.insert("<a href=\"/clause/\(escape(ancestor.rawValue))\">\(escape(ancestor.citation))</a>", at: 0)
      current = ancestor.parent
    }
    return (["<a href=\"/\">Outline</a>"] + links).joined(separator: " › ")
  }

  /// A statement with its evidence marked in its words.
  private func obligation(_ record: TraceIndex.StatementRecord) -> String {
    let (text, marks) = TraceRenderer.evidence(record)
    let bytes = Array(text.utf8)
    var marked = ""
    var cursor = 0
    // Overlapping evidence (a pattern over a lexicon entry) is marked once, by the first.
    for (range, rule) in marks where range.lowerBound >= cursor {
      marked += escape(String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self))
      marked += "<mark title=\"\(escape(rule))\">\(escape(String(decoding: bytes[range], as: UTF8.self)))</mark>"
      cursor = range.upperBound
    }
    marked += escape(String(decoding: bytes[cursor...], as: UTF8.self))
    let roles = record.roles == ["none"] ? "no addressee named" : "addressed to " + record.roles.joined(separator: ", ")
    return "<p class=\"obligation\"><b>\(escape(record.modality))</b> (\(escape(roles))) "
      + "<a href=\"/clause/\(escape(record.clause.rawValue))\">\(escape(record.clause.citation))</a>: \(marked)</p>"
  }

  func control(_ name: String, api: Bool) -> Page {
    guard let found = index.policy(named: name),
      let trace = try? Trace.answer(found.control, in: index, repository: nil, links: links),
      let policy = trace.controls.first
    else { return notFound("no control \(name)") }
    if api { return json(TraceRenderer.values(trace)) }
    let review = (policy.review ?? .needsReview).rawValue
    var body = "<nav><a href=\"/\">Outline</a></nav>"
    body += "<h1>\(escape(policy.control)) <small>\(escape(policy.title))</small></h1>"
    body += "<p><span class=\"state \(review)\">\(review)</span> rule <code>\(escape(policy.rule))</code>"
    body += " (<code>\(escape(policy.ruleFile))</code>) <a href=\"/api/control/\(escape(policy.control))\">JSON</a></p>"
    body += "<p>\(escape(policy.description))</p><h2>Requirements</h2><ul>"
    for requirement in policy.requirements {
      let clauses = requirement.basis.clauses.map {
        "<a href=\"/clause/\(escape($0.rawValue))\">\(escape($0.citation))</a>"
      }.joined(separator: ", ")
      body += "<li>\(escape(requirement.template)) \(escape(requirement.noun)) <code>\(escape(requirement.key))</code>"
      body += "\(escape(requirement.parameters)) — \(clauses): \(escape(requirement.requires))</li>"
    }
    body += "</ul><h2>Clauses</h2><ul>"
    for clause in trace.clauses {
      body += "<li><a href=\"/clause/\(escape(clause.id.rawValue))\">\(escape(clause.citation))</a>"
      body += " <span class=\"state \(clause.state.rawValue)\">\(clause.state.rawValue)</span></li>"
    }
    body += "</ul>" + crosswalk(trace.crosswalk[policy.control] ?? [])
    body += "<h2>Policy files</h2>"
    // The Rego first: the policy's logic; then what the admission controllers install.
    let order = ["rego/", "gatekeeper/", "kyverno/"]
    let files = index.files(of: policy.control).sorted {
      (order.firstIndex(where: $0.hasPrefix) ?? 3, $0) < (order.firstIndex(where: $1.hasPrefix) ?? 3, $1)
    }
    for path in files {
      body += "<h3><code>\(escape(path))</code></h3><pre>\(escape(index.file(path) ?? ""))</pre>"
    }
    return html(policy.control, body)
  }

  /// The links to the other frameworks as a table, one row per link read from this side: "Article
  /// 12(1) intersects-with ISO/IEC 42001 A.6.2.8", with why. Nothing when there are none.
  private func crosswalk(_ readings: [Crosswalk.Reading]) -> String {
    guard !readings.isEmpty else { return "" }
    var body = "<h2>Other frameworks</h2><table class=\"crosswalk\"><tr><th>Clause or control</th>"
    body += "<th>Relationship</th><th>Other framework</th><th>Why</th></tr>"
    for reading in readings {
      let near =
        reading.near.framework == .aiAct
        ? "<a href=\"/clause/\(escape(reading.near.id))\">\(escape(reading.near.label))</a>"
        : escape(reading.near.label)
      let title = reading.farTitle.map { " <small>\(escape($0))</small>" } ?? ""
      body += "<tr><td>\(near)</td><td><span class=\"relationship\">\(reading.relationship.rawValue)</span></td>"
      body += "<td>\(escape(reading.far.framework.name)) <b>\(escape(reading.far.label))</b>\(title)</td>"
      body += "<td>\(escape(reading.link.rationale))</td></tr>"
    }
    return body + "</table>"
  }

  func search(_ query: String, api: Bool) -> Page {
    guard query.utf8.count <= Self.maximumQuery else {
      return Page(
        status: 400, contentType: "text/html; charset=utf-8",
        body: Array(layout("Query too long", "<p>A query holds at most \(Self.maximumQuery) bytes.</p>").utf8))
    }
    let hits = query.isEmpty ? [] : Search.hits(query, in: index, limit: 50)
    if api { return json(["query": query, "hits": hits.map(\.values)]) }
    var body = "<nav><a href=\"/\">Outline</a></nav><h1>Search: \(escape(query))</h1>"
    body += hits.isEmpty ? "<p>Nothing found.</p>" : "<ol>"
    for hit in hits {
      body += "<li><a href=\"/clause/\(escape(hit.id.rawValue))\">\(escape(hit.id.citation))</a> "
      body += hit.marked("<mark>", "</mark>", escape: escape) + "</li>"
    }
    if !hits.isEmpty { body += "</ol>" }
    return html("Search", body)
  }

  // MARK: HTML

  func layout(_ title: String, _ body: String) -> String {
    """
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
    <title>\(escape(title)) — regpolicy</title>
    <style>
    body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f}h1{font-size:1.5em}
    header{background:#1d3557;color:#fff;padding:.5em 1em;display:flex;gap:1em;align-items:center}
    header a{color:#fff;font-weight:bold;text-decoration:none}
    main{max-width:60em;margin:0 auto;padding:1em}
    blockquote{border-left:4px solid #457b9d;margin:1em 0;padding:.5em 1em;background:#f1faee}
    h1 small{font-weight:normal;color:#555;font-size:60%}
    li.covered,span.covered{background:#d8f3dc}li.partial,span.partial{background:#e9f5db}
    li.review,span.review{background:#ffe8a1}
    li.open,span.open{background:#ffd6d6}li.none,span.none{color:#666}
    li.division{list-style:none;font-weight:bold;margin-top:.5em}li.division li{font-weight:normal}
    .state{padding:0 .4em;border-radius:3px;font-size:85%}
    .current{background:#d8f3dc}.needs-review,.changed-since-review,.unreviewed,.gone{background:#ffe8a1}.uncited{background:#eee}
    mark{background:#ffe066}pre{background:#f6f8fa;padding:1em;overflow:auto;font-size:13px}
    .legend span{padding:0 .4em;margin-right:.5em}
    table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
    th{background:#f6f8fa}.relationship{white-space:nowrap;font-family:ui-monospace,monospace;font-size:90%}
    .crosswalk td:first-child,.crosswalk b{white-space:nowrap}
    </style></head>
    <body><header><a href="/">regpolicy</a><form action="/search" method="get">
    <input name="q" aria-label="Search the law" placeholder="Search the law"> <button>Search</button></form></header>
    <main>\(body)</main></body></html>

    """
  }

  func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
