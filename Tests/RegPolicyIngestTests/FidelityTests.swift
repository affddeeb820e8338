import Foundation
import RegPolicyIngest
import RegPolicyModel
import Testing

/// `ingest --check`: at least 99.9 % of every corpus file's body text lands in a provision.
@Suite("Fidelity")
struct FidelityTests {
  static let files = [
    "eu-ai-act/html/32024R1689_EN_OJ.html", "eu-ai-act/formex", "eu-ai-act/html-nl/32024R1689_NL_OJ.html",
    "eu-ai-act/html-nl/02024R1689-20240712_NL_consolidated.html", "gdpr/32016R0679_EN_OJ.html",
    "gdpr/02016R0679-20160504_EN_consolidated.html", "gdpr/L_2016119EN.01000101.fmx.xml",
    "gdpr/02016R0679-20160504_EN_consolidated.fmx.xml", "eprivacy/02002L0058-20060503_EN_consolidated.fmx.xml",
    "eprivacy/02002L0058-20091219_EN_consolidated.fmx.xml", "eprivacy/02002L0058-20091219_EN_consolidated.html",
    "other-eu/32022R2065_DSA_EN_OJ.html", "other-eu/32022R1925_DMA_EN_OJ.html",
    "other-eu/32023R2854_DataAct_EN_OJ.html",
    "other-eu/32022R0868_DGA_EN_OJ.html", "other-eu/formex-dsa/L_2022277EN.01000101.xml",
    "other-eu/formex-dsm-2019-790/L_2019130EN.01009201.xml",
    "other-eu/formex-reach-consolidated/CL2006R1907EN0670010.0001.xml",
    "format-samples/akn4eu/JOIN_2022_19_REG_akn4eu.xml", "format-samples/akn4eu/COM_2025_162_DIR_akn4eu.xml",
    "format-samples/reg-2024-903/32024R0903_EN_OJ.html", "format-samples/com-proposal/COM_2025_1_final_EN.html",
    "format-samples/reg-2024-903/L_202400903EN.doc.fmx.xml",
    "nist/NIST_SP-800-53_rev5_catalog.xml", "nist/NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog.xml",
    "nist/nist_ai_rmf_playbook_2023-04.json", "nist/nist_ai_rmf_playbook_2024-06.json",
  ]

  @Test("coverage ≥ 99.9 % of body text", arguments: files)
  func coverage(_ file: String) throws {
    let (_, result) = try Corpus.ingest(file, fidelity: true)
    #expect(!result.fidelity.isEmpty)
    for report in result.fidelity {
      #expect(
        report.coverage >= 0.999, "\(report.file): \(report.coverage); unplaced: \(report.unplacedSpans.prefix(3))")
      #expect(report.provision > 0)
    }
  }

  @Test("the check sees text that no provision takes")
  func unplacedTextIsReported() throws {
    // A masthead-less page with an article and a stray paragraph outside any provision structure
    // that the reader does not claim (text directly in <body>).
    let html = """
      <html><body><div class="eli-subdivision" id="art_1"><p class="oj-ti-art">Article 1</p>\
      <p class="oj-normal">Text.</p></div>loose words</body></html>
      """
    let result = Ingester.ingest(bytes: Array(html.utf8), path: "stray.html", options: IngestOptions(fidelity: true))
    let report = try #require(result.fidelity.first)
    #expect(report.unplaced == "loosewords".count)
    #expect(report.unplacedSpans.first?.message.contains("loose words") == true)
    #expect(report.coverage < 0.999)
  }
}
