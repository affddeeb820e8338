import Foundation
import RegPolicyIngest
import RegPolicyModel
import RegPolicyTestSupport
import Testing

/// Older EUR-Lex markup (corpus `eurlex-generations/`, SOURCES.md §12): flat OJ pages of 2011–2014
/// and consolidated pages of 2014–2018, whose articles and text are siblings with no subdivision
/// containers. Their counts are checked against an independent Python count over the raw markup.
@Suite("EUR-Lex generations")
struct GenerationTests {
  static let flat = [
    "eurlex-generations/oj-2011-2014/12012P-TXT_Charter_EN_OJ-C326-2012.html",
    "eurlex-generations/oj-2011-2014/12012P-TXT_Charter_FR_OJ-C326-2012.html",
    "eurlex-generations/consolidated-2014-2018/02004R2006-20130708_EN_consolidated.html",
    "eurlex-generations/consolidated-2014-2018/02011L0083-20180701_EN_consolidated.html",
    "eurlex-generations/consolidated-2014-2018/02011L0083-20180701_FR_consolidated.html",
    "eurlex-generations/formex-consolidated-2005/01984L0450-20050612_EN_consolidated.html",
    "eurlex-generations/com-proposal/52022PC0209_EN_COM.html",
    "eurlex-generations/annex-own-articles/02008R0800-20131201_EN_consolidated.html",
    "eurlex-generations/legacy-pre-2011/31995L0046_EN_legacy.html",
    "eurlex-generations/legacy-pre-2011/31995L0046_FR_legacy.html",
    "eurlex-generations/consolidated-early-inline/01995L0046-20031120_EN_consolidated.html",
    "eurlex-generations/consolidated-early-inline/01974R2988-20040501_FR_consolidated.html",
    "eurlex-generations/legacy-pre-2011/OJ-C115-2008_TEU-TFEU-consolidated_EN_legacy.html",
  ]

  /// `Tests/Support/count_flat_articles.py` on a corpus file.
  static func independentCount(_ file: String) throws -> [String: Int] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", TestPaths.packageRoot + "/Tests/Support/count_flat_articles.py", Corpus.path(file)]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
  }

  @Test("articles, numbered paragraphs, recitals and lettered points equal an independent count", arguments: flat)
  func counts(_ file: String) throws {
    let (document, result) = try Corpus.ingest(file, fidelity: true)
    let expected = try Self.independentCount(file)
    #expect(document.all(.article).count == expected["articles"], "articles")
    #expect(document.all(.paragraph).count == expected["paragraphs"], "paragraphs")
    #expect(document.all(.recital).count == expected["recitals"], "recitals")
    #expect(document.all(.point).count { $0.num?.first?.isLetter == true } == expected["points"], "lettered points")
    for report in result.fidelity { #expect(report.coverage >= 0.999, "\(report.coverage)") }
  }

  @Test("the same act in two languages gets the same pinpoint IDs ('Article premier' is art_1)")
  func languages() throws {
    for (english, french) in [(Self.flat[0], Self.flat[1]), (Self.flat[3], Self.flat[4])] {
      let (en, _) = try Corpus.ingest(english)
      let (fr, _) = try Corpus.ingest(french)
      #expect(en.allProvisions.map(\.id) == fr.allProvisions.map(\.id), "\(english)")
      #expect(fr.provision(PinpointID(rawValue: "art_1")) != nil)
    }
  }

  @Test("a page of 1995 (plain <p>s in <TXT_TE>): chapters, articles with headings, points in EN and FR alike")
  func legacy() throws {
    let folder = "eurlex-generations/legacy-pre-2011/"
    let (en, _) = try Corpus.ingest(folder + "31995L0046_EN_legacy.html")
    let (fr, _) = try Corpus.ingest(folder + "31995L0046_FR_legacy.html")
    #expect(en.provision(PinpointID(rawValue: "art_1"))?.heading == "Object of the Directive")
    #expect(en.provision(PinpointID(rawValue: "cpt_I"))?.heading == "GENERAL PROVISIONS")
    // "CHAPITRE PREMIER" is cpt_I; "a) …" (French) are points as "(a) …"; "ou" between two points
    // ends the first, as the OJ prints "…; or".
    #expect(fr.provision(PinpointID(rawValue: "cpt_I")) != nil)
    #expect(en.all(.point).count == 63 && fr.all(.point).count == 63)
    #expect(
      fr.provision(PinpointID(rawValue: "art_7"))?.children.map(\.id.rawValue)
        == ["art_7.pt_a", "art_7.pt_b", "art_7.pt_c", "art_7.pt_d", "art_7.pt_e", "art_7.pt_f"])
    #expect(en.all(.chapter).map(\.id) == fr.all(.chapter).map(\.id))
    // The act and its language from the page's Dublin Core metadata.
    #expect(en.instrument.celex == "31995L0046" && en.instrument.language == "en" && fr.instrument.language == "fr")
  }

  @Test("a page before 2011 is read from its <TXT_TE> element as XML, or with the HTML parser alike (derived file)")
  func legacyParsers() throws {
    let file = Self.flat[8]
    let (document, result) = try Corpus.ingest(file)
    #expect(result.diagnostics.contains { $0.message.contains("<TXT_TE> element read as XML") })
    // Derived: one &nbsp; (an HTML entity XML does not know) in the act, so only the HTML parser reads it.
    let derived = try Corpus.derived(
      file, replacing: "<p>Object of the Directive</p>", with: "<p>Object of the&nbsp;Directive</p>")
    let html = Ingester.ingest(bytes: Array(derived.utf8), path: "derived.html")
    let recovered = try #require(html.document)
    #expect(html.diagnostics.contains { $0.message.contains("read with the HTML parser") })
    #expect(recovered.allProvisions.map(\.id) == document.allProvisions.map(\.id))
    #expect(recovered.allProvisions.map(\.text) == document.allProvisions.map(\.text))
    #expect(recovered.instrument.celex == document.instrument.celex)
  }

  @Test("an early consolidated page (no class, inline styles): the act of the 1995 page, its metadata, footnotes")
  func inlineStyled() throws {
    let (consolidated, result) = try Corpus.ingest(Self.flat[10], fidelity: true)
    let (original, _) = try Corpus.ingest(Self.flat[8])
    let instrument = consolidated.instrument
    #expect(instrument.format == .eurlexConsolidatedHTML && instrument.version == "consolidated")
    #expect(instrument.celex == "31995L0046" && instrument.id == "01995L0046-20031120" && instrument.language == "en")
    #expect(
      instrument.title.hasPrefix("DIRECTIVE 95/46/EC OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 24 October"))
    // The same act as the 1995 page: articles, chapters and sections with their headings, recitals.
    for kind in [ProvisionKind.article, .chapter, .section, .recital] {
      #expect(consolidated.all(kind).map(\.id) == original.all(kind).map(\.id), "\(kind)")
    }
    #expect(consolidated.all(.chapter).map(\.heading) == original.all(.chapter).map(\.heading))
    #expect(consolidated.all(.point).count == original.all(.point).count)
    // "FINAL PROVISIONS" has no number: Articles 32–34 are in `cpt_nn1` (as Formex and AKN name
    // an unnumbered division), not in Chapter VII, on both pages.
    for document in [consolidated, original] {
      let final = try #require(document.provision(PinpointID(rawValue: "cpt_nn1")))
      #expect(final.heading == "FINAL PROVISIONS" && final.num == nil)
      #expect(final.children.map(\.id.rawValue) == ["art_32", "art_33", "art_34"])
      #expect(document.provision(PinpointID(rawValue: "cpt_VII"))?.children.map(\.id.rawValue) == ["art_31"])
    }
    // Article 31 as amended by Regulation 1882/2003 (▼M1), and the five footnotes after the rule.
    #expect(consolidated.provision(PinpointID(rawValue: "art_31.par_1"))?.markers == ["▼M1"])
    #expect(consolidated.footnotes.map(\.id.rawValue) == (1...5).map { "ftn_\($0)" })
    #expect(consolidated.footnotes[4].text.hasPrefix("Council Decision 1999/468/EC of 28 June 1999"))
    // The consolidation's header (reference line, disclaimer, amending acts) is header, not act.
    #expect(result.fidelity.first?.unplaced == 0)
    // French, 1974: "Article premier", "Article 7 bis", the dates of the consolidation.
    let (french, _) = try Corpus.ingest(Self.flat[11])
    #expect(french.instrument.celex == "31974R2988" && french.instrument.date == "2004-05-01")
    #expect(french.provision(PinpointID(rawValue: "art_1"))?.heading == "Prescription en matière de poursuites")
    #expect(french.provision(PinpointID(rawValue: "art_7bis"))?.heading == "Exclusion du champ d'application")
    #expect(french.provision(PinpointID(rawValue: "art_1.par_1.pt_b")) != nil)
  }

  @Test("an accession-act annex of 2012: numbered items in table cells are points, as many as the label cells")
  func itemsInCells() throws {
    let file = "eurlex-generations/oj-2011-2014/12012J-N05-08_Croatia-Accession-AnnexV_EN_OJ-L112-2012.html"
    let (document, result) = try Corpus.ingest(file, fidelity: true)
    let expected = try Self.independentCount(file)
    #expect(document.instrument.language == "en" && document.instrument.date == "2012-04-24")
    #expect(document.provisions.map(\.id.rawValue) == ["anx_V"])
    #expect(document.all(.point).count == expected["cells"])
    #expect(expected["articles"] == 0 && document.all(.article).isEmpty)  // "‘Article 390c" is quoted
    // Point 8 (Taxation), item 2 (Directive 2006/112/EC), its points (a)–(g).
    let item = try #require(document.provision(PinpointID(rawValue: "anx_V.pt_8.pt_2")))
    #expect(item.text.hasPrefix("32006 L 0112: Council Directive 2006/112/EC"))
    #expect(item.children.filter { $0.kind == .point }.map(\.num) == ["a", "b", "c", "d", "e", "f", "g"])
    #expect(result.fidelity.first?.unplaced == 0)
  }

  @Test("lists the markup does not nest are nested as their labels say; lettered labels in the text are read as points")
  func nestedLists() throws {
    // 2011/83: "(9) 'business premises' means:" then "(a)", "(b)" at the same indentation.
    let (consumer, consumerResult) = try Corpus.ingest(Self.flat[3], fidelity: true)
    #expect(
      consumer.provision(PinpointID(rawValue: "art_2.pt_9"))?.children.map(\.id.rawValue)
        == ["art_2.pt_9.pt_a", "art_2.pt_9.pt_b"])
    #expect(!consumerResult.diagnostics.contains { $0.code == .ingestDuplicateID })
    // 800/2008: a hanging indent holds its own ("3. 'individual aid' means:", "(a)", "(b)").
    let (aid, aidResult) = try Corpus.ingest(Self.flat[7])
    #expect(
      aid.provision(PinpointID(rawValue: "art_2.pt_3"))?.children.map(\.id.rawValue)
        == ["art_2.pt_3.pt_a", "art_2.pt_3.pt_b"])
    #expect(
      aid.provision(PinpointID(rawValue: "art_1.par_3.pt_c"))?.children.map(\.id.rawValue)
        == ["art_1.par_3.pt_c.pt_i", "art_1.par_3.pt_c.pt_ii"])
    #expect(!aidResult.diagnostics.contains { $0.code == .ingestDuplicateID })
    // COM(2022) 209: points after paragraph 2 of Article 4 are its own (were 64 duplicate IDs), and
    // "(i) a hosting service;" typed into the text is a point of definition (f).
    let (proposal, proposalResult) = try Corpus.ingest(Self.flat[6])
    #expect(proposal.provision(PinpointID(rawValue: "art_4.par_2.pt_c")) != nil)
    #expect(proposal.provision(PinpointID(rawValue: "art_2.pt_f.pt_i")) != nil)
    #expect(!proposalResult.diagnostics.contains { $0.code == .ingestDuplicateID && $0.message.contains("art_") })
    // 84/450: Article 3a's "1." holds points (a)–(h) and is a paragraph, as the independent count says.
    let (advertising, _) = try Corpus.ingest(Self.flat[5])
    #expect(advertising.provision(PinpointID(rawValue: "art_3a.par_1.pt_a")) != nil)
    // The check's point count: every lettered label in the text is a point read.
    for file in Self.flat {
      let (_, result) = try Corpus.ingest(file, fidelity: true)
      let report = try #require(result.fidelity.first)
      #expect(report.letteredPoints == report.pointLabels, "\(file)")
    }
  }

  @Test("a page before 2011 with an annex after its final part: the annex is anx_I, not final text (derived file)")
  func legacyAnnex() throws {
    // Derived from the official 1995 page: an annex added after the signatures, laid out as the
    // page lays out everything (plain paragraphs). Not an official file.
    let path = Corpus.path(Self.flat[8])
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let end = try #require(text.range(of: "</TXT_TE>"))
    let annex = "<p>ANNEX</p><p>Information to be notified</p><p>(a) the name and address;</p><p>(b) the purpose.</p>"
    let derived = text.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: annex)
    let result = Ingester.ingest(bytes: Array(derived.utf8), path: "derived.html")
    let document = try #require(result.document)
    let read = try #require(document.provision(PinpointID(rawValue: "anx_I")))
    #expect(read.heading == "Information to be notified")
    #expect(read.children.map(\.id.rawValue) == ["anx_I.pt_a", "anx_I.pt_b"])
    let (original, _) = try Corpus.ingest(Self.flat[8])
    #expect(document.provision(.finalPart)?.text == original.provision(.finalPart)?.text)
    #expect(document.provision(.finalPart)?.children.count == original.provision(.finalPart)?.children.count)
  }

  @Test("an OJ page of 2011–2014: the last article ends at 'Done at', the final part at the annex (derived file)")
  func flatFinalPart() throws {
    // Derived from the official Charter page: after Article 54, a bold line, "Done at …", a
    // signature table and an annex, as a 2011–2014 regulation prints them. Not an official file.
    let path = Corpus.path(Self.flat[0])
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let start = try #require(text.range(of: "<p id=\"d1e829-393-1\" class=\"ti-grseq-1\">°</p>"))
    let end = try #require(text.range(of: "</div>", range: start.upperBound..<text.endIndex))
    let ending =
      "<p class=\"ti-grseq-1\"><span class=\"bold\">Final remark</span></p>"
      + "<p class=\"normal\">Done at Strasbourg, twelfth day of December in the year two thousand and seven.</p>"
      + "<table><tr><td><p class=\"signatory\">For the European Parliament</p></td></tr></table>"
      + "<p class=\"doc-ti\">ANNEX</p><p class=\"normal\">Text of the annex.</p>"
    let derived = text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: ending)
    let result = Ingester.ingest(bytes: Array(derived.utf8), path: "derived.html")
    let document = try #require(result.document)
    let last = try #require(document.provision(PinpointID(rawValue: "art_54")))
    #expect(last.children.map(\.text) == ["Final remark"])  // a bold line is text, never "sct_"
    #expect(document.provision(.finalPart)?.text.hasPrefix("Done at Strasbourg") == true)
    #expect(document.provision(PinpointID(rawValue: "anx_I"))?.text == "Text of the annex.")
    #expect(!document.allProvisions.contains { $0.kind == .section })
  }

  @Test("a 2012 OJ page is read as the OJ, with its titles and chapters as divisions")
  func charter() throws {
    let (document, _) = try Corpus.ingest(Self.flat[0])
    #expect(document.instrument.format == .eurlexHTML && document.instrument.version == "oj")
    // TITLE I DIGNITY holds Articles 1–5; Article 3(2) has points (a)–(d) laid out as tables.
    let title = try #require(document.provision(PinpointID(rawValue: "tit_I")))
    #expect(title.heading == "DIGNITY")
    #expect(title.children.map(\.id.rawValue) == ["art_1", "art_2", "art_3", "art_4", "art_5"])
    let points = try #require(document.provision(PinpointID(rawValue: "art_3.par_2"))).children
    #expect(
      points.map(\.id.rawValue) == ["art_3.par_2.pt_a", "art_3.par_2.pt_b", "art_3.par_2.pt_c", "art_3.par_2.pt_d"])
    #expect(document.all(.title).count == 7)
    // The "°°°" after Article 54 ends the enacting terms: Article 54 is one sentence.
    let last = try #require(document.provision(PinpointID(rawValue: "art_54")))
    #expect(last.children.isEmpty && last.text.hasPrefix("Nothing in this Charter shall be interpreted"))
  }

  @Test("a 2022 proposal: titles in ManualHeading paragraphs (or Normal ones), sections whose heading runs on")
  func proposal() throws {
    let (document, _) = try Corpus.ingest("eurlex-generations/com-proposal/52022PC0209_EN_COM.html")
    #expect(document.instrument.format == .commissionHTML && document.instrument.id == "COM(2022) 209 final")
    // "Section 1" and "Risk assessment …" in two spans of one paragraph; "Section 4<br>Removal
    // obligations" in a Normal paragraph; "Article 12" and its heading as Normal paragraphs.
    #expect(
      document.provision(PinpointID(rawValue: "cpt_II.sct_1"))?.heading == "Risk assessment and mitigation obligations")
    #expect(document.provision(PinpointID(rawValue: "cpt_II.sct_4"))?.heading == "Removal obligations")
    #expect(document.provision(PinpointID(rawValue: "art_12"))?.heading == "Reporting obligations")
    #expect(document.all(.chapter).count == 6 && document.all(.section).count == 18)
  }

  @Test("a proposal's article number and heading split by <br> give art_1 and its heading (derived file)")
  func splitTitle() throws {
    // Derived from the official COM(2025) 1 page, changed only there: "Article 1" becomes
    // "Artikel 1<br>Gegenstand", as German proposals write it. Not an official file.
    let derived = try Corpus.derived(
      "format-samples/com-proposal/COM_2025_1_final_EN.html", replacing: ">Article 1<",
      with: ">Artikel 1<br/>Gegenstand<")
    let result = Ingester.ingest(bytes: Array(derived.utf8), path: "derived.html")
    let document = try #require(result.document, "\(result.diagnostics)")
    let article = try #require(document.provision(PinpointID(rawValue: "art_1")))
    #expect(article.heading == "Gegenstand")
    #expect(!result.diagnostics.contains { $0.code == .ingestDuplicateID }, "\(result.diagnostics)")
  }

  @Test("a consolidated page of 2013: preamble with recitals, 45 articles, and Annex I's own six articles")
  func preamble() throws {
    let (document, _) = try Corpus.ingest(
      "eurlex-generations/annex-own-articles/02008R0800-20131201_EN_consolidated.html")
    var articles = 0
    for provision in document.provisions where provision.kind != .annex {
      provision.forEach { if $0.kind == .article { articles += 1 } }
    }
    #expect(articles == 45)
    #expect(document.all(.recital).count == 68)
    let annex = try #require(document.provision(PinpointID(rawValue: "anx_I")))
    #expect(annex.children.filter { $0.kind == .article }.map(\.id.rawValue) == (1...6).map { "anx_I.art_\($0)" })
    #expect(document.provision(PinpointID(rawValue: "anx_I.art_1"))?.heading == "Enterprise")
  }

  @Test("the 2008 Treaties page: each treaty, protocol, annex and declaration a part with IDs of its own")
  func compilation() throws {
    let (document, result) = try Corpus.ingest(Self.flat[12])
    #expect(!result.diagnostics.contains { $0.code == .ingestDuplicateID })
    // The TEU and the TFEU by position, each numbering its articles from 1.
    let parts = document.provisions
    #expect(parts.filter { $0.kind == .act }.map(\.id.rawValue) == ["act_1", "act_2"])
    #expect(parts.first?.heading == "Consolidated version of the Treaty on European Union")
    func articles(_ id: String) throws -> Int {
      var count = 0
      try #require(document.provision(PinpointID(rawValue: id))).forEach { if $0.kind == .article { count += 1 } }
      return count
    }
    #expect(try articles("act_1") == 55 && articles("act_2") == 358)
    #expect(
      document.provision(PinpointID(rawValue: "act_2.prt_ONE.tit_I"))?.heading
        == "CATEGORIES AND AREAS OF UNION COMPETENCE")
    // "(ex Article 1 TEU)" is printed under the label, before paragraph 1.
    #expect(document.provision(PinpointID(rawValue: "act_2.art_67"))?.heading?.hasPrefix("(ex Article 61 TEC") == true)
    #expect(document.provision(PinpointID(rawValue: "act_2.art_67.par_4")) != nil)
    // 37 protocols by number; an annex right after a protocol is the protocol's.
    #expect(parts.filter { $0.kind == .protocol }.map(\.num) == (1...37).map { String($0) })
    #expect(try articles("pro_3.anx_I") > 0)
    #expect(document.provision(PinpointID(rawValue: "pro_3.tit_IVa"))?.heading == "JUDICIAL PANELS")
    #expect(
      document.provision(PinpointID(rawValue: "pro_1"))?.heading
        == "ON THE ROLE OF NATIONAL PARLIAMENTS IN THE EUROPEAN UNION")
    // The Treaties' own annexes, and 65 declarations; Declaration 7 holds a draft decision with articles.
    #expect(parts.filter { $0.kind == .annex }.map(\.id.rawValue) == ["anx_I", "anx_II"])
    #expect(parts.filter { $0.kind == .declaration }.count == 65)
    #expect(try articles("dcl_7") == 7)
    #expect(PinpointID(rawValue: "pro_2.art_5").citation == "Article 5 of Protocol No 2")
    #expect(PinpointID(rawValue: "act_2.art_16.par_1").citation == "Article 16(1) of act 2 of the compilation")
  }

  @Test("without its separator lines the Treaties page is one act: the articles lost are an error, located")
  func compilationLost() throws {
    // Derived from the official 2008 page: the lines of dashes between the acts removed, so the
    // TEU's final part runs over everything after it.
    let path = Corpus.path(Self.flat[12])
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let derived = text.replacingOccurrences(of: "<p>--------------------------------------------------</p>", with: "")
    let result = Ingester.ingest(bytes: Array(derived.utf8), path: "derived.html")
    #expect(result.document == nil)
    let error = try #require(result.diagnostics.first { $0.code == .ingestNoArticles })
    #expect(error.line > 0 && error.message.contains("690 article headings but 55 articles were read"))
  }

  @Test("a page whose article titles are in a markup the reader does not know is an error, not annexes alone")
  func silentLoss() throws {
    // Derived from the official 2011/83 page: the article title class renamed, as an unknown
    // generation would name it. Before the check this read its two annexes and exited 0.
    let path = Corpus.path("eurlex-generations/consolidated-2014-2018/02011L0083-20180701_EN_consolidated.html")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let renamed = text.replacingOccurrences(of: "class=\"title-article-norm\"", with: "class=\"ti-article-x\"")
    let result = Ingester.ingest(bytes: Array(renamed.utf8), path: "renamed.html")
    #expect(result.document == nil)
    #expect(result.diagnostics.contains { $0.code == .ingestNoArticles })
  }

  @Test("Formex of 2005 (schema 02.00) and the HTML of the same version: the same provisions, IDs and texts")
  func formex2005() throws {
    let folder = "eurlex-generations/formex-consolidated-2005/"
    let (formex, result) = try Corpus.ingest(folder + "CL1984L0450EN0020010.0001.xml")
    let (html, _) = try Corpus.ingest(folder + "01984L0450-20050612_EN_consolidated.html")
    // 18 <CONSID> elements, none with a number ("Whereas …", 1984): rct_1 … rct_18, no warning.
    let raw = try String(contentsOfFile: Corpus.path(folder + "CL1984L0450EN0020010.0001.xml"), encoding: .utf8)
    #expect(formex.all(.recital).count == raw.components(separatedBy: "<CONSID>").count - 1)
    #expect(formex.all(.recital).last?.id.rawValue == "rct_18")
    #expect(!result.diagnostics.contains { $0.message.contains("recital without a number") })
    // The same version in two formats: every provision with the same ID and the same text — the
    // HTML's "Having regard …" and "Whereas …" paragraphs are citations and recitals, Article 3a's
    // lone "1." holding points is paragraph 1 in both, and "2a" follows "2" as its sibling.
    #expect(formex.allProvisions.map(\.id) == html.allProvisions.map(\.id))
    #expect(formex.allProvisions.map(\.text) == html.allProvisions.map(\.text))
    #expect(html.provision(PinpointID(rawValue: "art_3a.par_1.pt_h")) != nil)
    #expect(html.provision(PinpointID(rawValue: "art_2.pt_2a")) != nil)
  }

  @Test("the check counts units: an article lost is seen even when every byte is placed")
  func unitCounts() throws {
    // Derived from the official 2011/83 page: Article 5's title in a class no reader knows, so its
    // words fall into Article 4 — every byte still placed, one article fewer than headings.
    let derived = try Corpus.derived(
      "eurlex-generations/consolidated-2014-2018/02011L0083-20180701_EN_consolidated.html",
      replacing: "<p class=\"title-article-norm\">Article 5</p>", with: "<p class=\"unknown\">Article 5</p>")
    let result = Ingester.ingest(
      bytes: Array(derived.utf8), path: "derived.html", options: IngestOptions(fidelity: true))
    let report = try #require(result.fidelity.first)
    #expect(report.coverage >= 0.999)
    #expect(report.articles == 34 && report.articleLabels == 35)
    for file in Self.flat {
      let (_, checked) = try Corpus.ingest(file, fidelity: true)
      for report in checked.fidelity { #expect(report.articles == report.articleLabels, "\(file)") }
    }
  }

  @Test("an article heading counted as header is reported, and the Charter's preamble is no longer header")
  func headerBounds() throws {
    // Derived from the official 1995 page: the empty paragraphs that end its title block removed up
    // to Chapter II. The title block stops at the first recital all the same; without that bound
    // it ran on over Chapter I and Articles 1 to 4 were header.
    let path = Corpus.path(Self.flat[8])
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let chapter = try #require(text.range(of: "<p>CHAPTER II "))
    let head = text[..<chapter.lowerBound].replacingOccurrences(of: "<p></p>", with: "")
      .replacingOccurrences(of: "<p> </p>", with: "")
    let derived = head + text[chapter.lowerBound...]
    let result = Ingester.ingest(
      bytes: Array(derived.utf8), path: "derived.html", options: IngestOptions(fidelity: true))
    let report = try #require(result.fidelity.first)
    #expect(report.articleLabelsInHeader == 0 && report.articles == 34 && report.articleLabels == 34)
    #expect(result.document?.all(.recital).count == 72)
    // The official pages: no heading in the header; the Charter's preamble is pbl, not header.
    for file in Self.flat {
      let (_, checked) = try Corpus.ingest(file, fidelity: true)
      #expect(checked.fidelity.first?.articleLabelsInHeader == 0, "\(file)")
    }
    let (charter, checked) = try Corpus.ingest(Self.flat[0], fidelity: true)
    let preamble = try #require(charter.provision(.preamble))
    #expect(preamble.children.last?.text.hasPrefix("The Union therefore recognises the rights") == true)
    #expect(try #require(checked.fidelity.first).header < 600)
  }

  @Test("today's markup keeps its meaning: an amending article's inserted titles stay in it; a link is no title")
  func todaysMarkup() throws {
    let amending = """
      <html><body><div class="eli-subdivision" id="art_1"><p class="oj-ti-art">Article 1</p>\
      <p class="oj-normal">In Regulation X, the following Articles are inserted:</p>\
      <p class="oj-ti-art">‘Article 5a</p><p class="oj-normal">Quoted a.</p>\
      <p class="oj-ti-art">Article 5b</p><p class="oj-normal">Quoted b.’</p></div>\
      <div class="eli-subdivision" id="art_2"><p class="oj-ti-art">Article 2</p>\
      <p class="oj-normal">This Regulation shall enter into force.</p></div></body></html>
      """
    let result = Ingester.ingest(
      bytes: Array(amending.utf8), path: "amending.html", options: IngestOptions(fidelity: true))
    let document = try #require(result.document, "\(result.diagnostics)")
    #expect(document.all(.article).map(\.id.rawValue) == ["art_1", "art_2"])
    #expect(result.fidelity.first?.articleLabels == 2)
    let notice = "<html><body><p class=\"oj-normal\">As <a href=\"#\">Article 5</a> provides.</p></body></html>"
    let read = Ingester.ingest(bytes: Array(notice.utf8), path: "notice.html")
    #expect(!read.diagnostics.contains { $0.code == .ingestNoArticles })
  }
}
