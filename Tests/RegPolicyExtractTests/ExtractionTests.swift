import RegPolicyExtract
import RegPolicyModel
import Testing

/// The statements of the AI Act that issue 3 names, found by `Extractor` on the official HTML.
@Suite("Extraction on the AI Act")
struct ExtractionTests {
  func statements(in clause: String) throws -> [Statement] {
    try Fixtures.aiActStatements.get().filter {
      $0.clause.rawValue == clause || $0.clause.rawValue.hasPrefix(clause + ".")
    }
  }

  @Test("Article 16: one provider obligation per point (a) to (l), addressee from the chapeau")
  func article16() throws {
    let found = try statements(in: "art_16")
    #expect(found.map(\.clause.rawValue) == "abcdefghijkl".map { "art_16.pt_\($0)" })
    for statement in found {
      #expect(statement.modality == .obligation, "\(statement.clause)")
      #expect(statement.addressees.map(\.role) == ["provider"], "\(statement.clause)")
      #expect(statement.addressees.map(\.source) == [.chapeau], "\(statement.clause)")
    }
    #expect(found.map { $0.action ?? "" }.prefix(4) == ["ensure", "indicate", "have", "keep"])
  }

  @Test("Article 5(1): a prohibition for each of points (a) to (h), with no invented addressee")
  func article5() throws {
    let found = try statements(in: "art_5.par_1").filter { $0.clause.rawValue.contains(".pt_") }
    #expect(found.map(\.clause.rawValue) == "abcdefgh".map { "art_5.par_1.pt_\($0)" })
    #expect(found.allSatisfy { $0.modality == .prohibition })
    #expect(found.allSatisfy { $0.isUnaddressed })
  }

  @Test("Article 10(5): of the conditions that 'must be met', the one that is itself a ban is a prohibition")
  func conditionsThatBan() throws {
    let found = try statements(in: "art_10.par_5").filter { $0.clause.rawValue.contains(".pt_") }
    #expect(found.map(\.clause.rawValue) == "abcdef".map { "art_10.par_5.pt_\($0)" })
    #expect(found.map(\.modality) == [.obligation, .obligation, .obligation, .prohibition, .obligation, .obligation])
    #expect(found.allSatisfy { $0.addressees.map(\.role) == ["provider"] })
  }

  @Test("Article 3's definitions and Article 113's dates yield no obligation")
  func nonObligations() throws {
    let definitions = try statements(in: "art_3")
    #expect(definitions.count == 68)
    #expect(definitions.allSatisfy { $0.modality == .definition })
    let dates = try statements(in: "art_113")
    #expect(!dates.isEmpty && dates.allSatisfy { $0.modality == .entryIntoForce })
    #expect(dates.flatMap(\.deadlines).map(\.text).contains("from 2 August 2026"))
  }

  @Test("Article 2's 'shall not affect' statements are scope")
  func article2() throws {
    let found = try statements(in: "art_2").filter { $0.text.contains("shall not affect") }
    #expect(found.count >= 2)
    #expect(found.allSatisfy { $0.modality == .scope })
    #expect(try statements(in: "art_2").allSatisfy { !$0.modality.isDeontic || $0.clause.rawValue == "art_2.par_8" })
  }

  @Test("Article 26: deployer obligations")
  func article26() throws {
    let found = try statements(in: "art_26").filter { $0.modality == .obligation && !$0.addressees.isEmpty }
    #expect(found.count >= 15)
    #expect(found.allSatisfy { $0.addressees.map(\.role) == ["deployer"] })
    let logs = try #require(try statements(in: "art_26.par_6").first)
    #expect(logs.deadlines.map(\.text) == ["of at least six months"])
  }

  @Test("Articles 8–15: every obligation has a duty-bearer; those the words leave open are the providers', via 16(a)")
  func section2() throws {
    var inherited = 0
    for article in 8...15 {
      for statement in try statements(in: "art_\(article)") where statement.modality == .obligation {
        #expect(!statement.addressees.isEmpty, "\(statement.clause): \(statement.text)")
        for party in statement.addressees where !party.isStated {
          #expect(party.source == .inherited && party.role == "provider" && party.via?.rawValue == "art_16.pt_a")
          inherited += 1
        }
      }
    }
    #expect(inherited >= 70)
    // Article 99 cites no division: nothing there is inherited.
    #expect(try statements(in: "art_99").allSatisfy { $0.addressees.allSatisfy { $0.source != .inherited } })
  }

  /// "The technical documentation referred to in Article 11(1) shall contain …": a duty with no
  /// party whose subject another provision defines is that provision's party's.
  @Test("a subject defined by another provision carries that provision's party (Annex IV, Article 44(1))")
  func subjectReferences() throws {
    for statement in try statements(in: "anx_IV") where statement.modality == .obligation {
      #expect(statement.addressees.map(\.role) == ["provider"], "\(statement.clause)")
      #expect(statement.addressees.first?.via?.rawValue == "art_11.par_1", "\(statement.clause)")
    }
    // "The EU declaration of conformity referred to in Article 47, shall contain …": a lone comma.
    let declaration = try statements(in: "anx_V").filter { $0.modality == .obligation }
    #expect(declaration.count == 8)
    for statement in declaration {
      #expect(statement.addressees.map(\.role) == ["provider"], "\(statement.clause)")
      #expect(statement.addressees.first?.via?.rawValue == "art_47", "\(statement.clause)")
    }
    // "Certificates issued by notified bodies in accordance with Annex VII shall be drawn up …".
    let certificates = try #require(try statements(in: "art_44.par_1").first)
    #expect(certificates.addressees.map(\.role) == ["notified-body"])
    #expect(certificates.addressees.map(\.source) == [.inherited])
    // A provision that is the subject itself ("Article 12 shall not apply …") passes nothing on,
    // nor does one in an introductory phrase ("Without prejudice to … Article 113(3), …").
    #expect(try statements(in: "art_111.par_1").allSatisfy { $0.addressees.allSatisfy { $0.source != .inherited } })
  }

  /// "Section A — Information to be submitted by providers of high-risk AI systems in accordance
  /// with Article 49(1)": a division's heading says whose its points are.
  @Test("Annex VIII's and Annex XI's points are the party their section's heading says they are to be submitted by")
  func divisionAgents() throws {
    for (section, role) in [
      ("anx_VIII.sct_A", "provider"), ("anx_VIII.sct_B", "provider"), ("anx_VIII.sct_C", "deployer"),
      ("anx_XI.sct_1", "gpai-provider"), ("anx_XI.sct_2", "gpai-systemic-provider"),
    ] {
      let found = try statements(in: section).filter(\.modality.isRegulatory)
      #expect(!found.isEmpty, "\(section)")
      for statement in found {
        #expect(statement.addressees.map(\.role) == [role], "\(statement.clause)")
        #expect(statement.addressees.first?.via?.rawValue == section, "\(statement.clause)")
      }
    }
    // Annex IX's heading names no one who submits ("Information to be submitted upon the registration …").
    #expect(try statements(in: "anx_IX").allSatisfy { $0.addressees.allSatisfy { $0.via?.rawValue != "anx_IX" } })
  }

  @Test("a passive that puts something into a document another provision defines carries its party")
  func includedIn() throws {
    let found = Extractor().statements(
      in: madeUp([
        article("5", "The provider shall draw up an annual report on the use of the system."),
        article(
          "6", "The following items shall be included in the report referred to in Article 5(1): the number of users."),
        article("7", "The following items shall be published on the website referred to in Article 5(1): the address."),
      ]))
    let included = try #require(found.first { $0.clause.rawValue == "art_6.par_1" })
    #expect(included.addressees.map(\.role) == ["provider"] && included.addressees.map(\.source) == [.inherited])
    #expect(included.addressees.first?.via?.rawValue == "art_5.par_1")
    // Published on a website another provision names: nothing says whose duty that is.
    #expect(try #require(found.first { $0.clause.rawValue == "art_7.par_1" }).addressees.isEmpty)
  }

  @Test(
    "a party that answers for a chapter's requirements takes its passive duties; one that watches over them does not")
  func delegatedChapter() throws {
    func chapter(_ number: String, _ texts: [(String, String)]) -> Provision {
      Provision(
        id: PinpointID(.chapter, number), kind: .chapter, num: number, children: texts.map { article($0, $1) })
    }
    let document = madeUp([
      chapter(
        "I",
        [
          ("1", "Providers shall ensure that their systems are compliant with the requirements of this Chapter."),
          ("2", "A register of the systems shall be kept."),
        ]),
      chapter(
        "II",
        [
          ("3", "Importers shall place only compliant systems on the market."),
          ("4", "A copy of the certificate shall be kept for ten years."),
          (
            "5",
            "Market surveillance authorities shall monitor and supervise compliance of importers with the requirements "
              + "of this Chapter."
          ),
        ]),
    ])
    let found = Extractor().statements(in: document)
    let kept = try #require(found.first { $0.clause.rawValue == "art_2.par_1" })
    #expect(kept.addressees.map(\.role) == ["provider"] && kept.addressees.map(\.source) == [.inherited])
    // Chapter II's authorities supervise; the copy is the importers' (the article before), not theirs.
    let copy = try #require(found.first { $0.clause.rawValue == "art_4.par_1" })
    #expect(copy.addressees.map(\.source) != [.inherited])
    #expect(!copy.addressees.contains { $0.role == "market-surveillance-authority" })
  }

  @Test("an implementing or delegated act is the Commission's to adopt, whatever the article speaks of")
  func implementingActs() throws {
    let found = Extractor().statements(
      in: madeUp([
        article(
          "15",
          "Providers shall publish the reports in a standard form. Those implementing acts shall be adopted in "
            + "accordance with the advisory procedure referred to in Article 88.")
      ]))
    let adopted = try #require(found.first { $0.action == "adopted" })
    #expect(adopted.addressees.map(\.role) == ["commission"])
    #expect(adopted.addressees.map(\.source) == [.context])
    #expect(found.first?.addressees.map(\.role) == ["provider"])
  }

  @Test("a heading about a party's obligations gives them its party; one about enforcing them does not")
  func obligationHeadings() throws {
    let text = "The Commission may request the documents. The request shall be reasoned."
    let found = Extractor().statements(
      in: madeUp([
        article("1", heading: "Obligations of importers", text),
        article("2", heading: "Enforcement of obligations of importers", text),
      ]))
    let reasoned = found.filter { $0.text.hasPrefix("The request") }
    #expect(reasoned.map { $0.addressees.map(\.role) } == [["importer"], ["commission"]])
  }

  @Test("SP 800-53: the parts of \"Require the developer … to:\" are the developer's; other parts the organisation's")
  func requiredDeveloper() throws {
    let catalog = try Fixtures.document(Fixtures.corpus + "/nist/NIST_SP-800-53_rev5_catalog.xml")
    let found = Extractor().statements(in: catalog)
    let parts = found.filter { $0.clause.rawValue.hasPrefix("ctl_sa-4-5.smt_") }
    #expect(parts.count == 2)
    #expect(parts.allSatisfy { $0.addressees.map(\.text) == ["developer"] })
    #expect(parts.allSatisfy { $0.addressees.map(\.via?.rawValue) == ["ctl_sa-4-5.smt"] })
    // The statement that requires it, and a control's plain parts, stay the organisation's.
    for clause in ["ctl_sa-4-5.smt", "ctl_ac-2.smt_a"] {
      let statement = try #require(found.first { $0.clause.rawValue == clause })
      #expect(statement.addressees.map(\.role) == ["organization"], "\(clause)")
    }
  }

  @Test("a chapeau's pronoun is the party of the sentence before it in the paragraph (DGA 5(3))")
  func chapeauPronoun() throws {
    let paragraph = Provision(
      id: PinpointID(rawValue: "art_5.par_3"), kind: .paragraph,
      text: "Public sector bodies shall preserve the protected nature of data. They may provide for the following "
        + "requirements:",
      children: [
        Provision(
          id: PinpointID(rawValue: "art_5.par_3.pt_a"), kind: .point, text: "to access the data remotely;")
      ])
    var article5 = article("5", "Member States shall ensure that the data are protected.")
    article5.children[0].id = PinpointID(rawValue: "art_5.par_2")
    article5.children.append(paragraph)
    let point = try #require(
      Extractor().statements(in: madeUp([article5])).first { $0.clause.rawValue == "art_5.par_3.pt_a" })
    #expect(point.modality == .permission)
    #expect(point.addressees.map(\.text) == ["Public sector bodies"])
    #expect(point.addressees.map(\.source) == [.antecedent])
  }

  @Test("Article 99: penalties are laid down by, and addressed to, Member States")
  func article99() throws {
    let found = try statements(in: "art_99").filter { !$0.addressees.isEmpty }
    #expect(!found.isEmpty)
    #expect(found.allSatisfy { $0.addressees.map(\.role) == ["member-state"] })
    let first = try #require(try statements(in: "art_99.par_1").first)
    #expect(first.modality == .obligation && first.action == "lay down")
  }

  @Test("same input, same statements")
  func deterministic() throws {
    let document = try Fixtures.aiAct.get()
    #expect(Extractor().statements(in: document) == (try Fixtures.aiActStatements.get()))
  }

  @Test("a provision with no text yields nothing and does not crash")
  func emptyProvision() {
    let empty = Provision(
      id: PinpointID(.article, "1"), kind: .article,
      children: [
        Provision(id: PinpointID(rawValue: "art_1.par_1"), kind: .paragraph),
        Provision(
          id: PinpointID(rawValue: "art_1.par_2"), kind: .paragraph,
          children: [Provision(id: PinpointID(rawValue: "art_1.par_2.pt_a"), kind: .point)]),
      ])
    let document = Document(
      instrument: Instrument(id: "x", format: .eurlexHTML),
      provisions: [empty])
    #expect(Extractor().statements(in: document).isEmpty)
  }
}

/// A made-up article whose one paragraph reads `text`.
private func article(_ number: String, heading: String? = nil, _ text: String) -> Provision {
  let id = PinpointID(.article, number)
  return Provision(
    id: id, kind: .article, num: number, heading: heading,
    children: [Provision(id: PinpointID(rawValue: id.rawValue + ".par_1"), kind: .paragraph, text: text)])
}

/// A made-up EUR-Lex act of `provisions`.
private func madeUp(_ provisions: [Provision]) -> Document {
  Document(instrument: Instrument(id: "made-up", format: .eurlexHTML), provisions: provisions)
}
