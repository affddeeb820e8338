import Foundation
import RegPolicyIngest
import RegPolicyModel
import RegPolicyTestSupport
import Testing

/// Hostile and broken input: every case ends in a diagnostic with a stable code and a location,
/// no document, no crash, no hang, nothing read from outside.
@Suite("Bad input")
struct BadInputTests {
  /// Ingests bytes written to a temporary file (so size checks and file reading are exercised too).
  func ingest(_ bytes: [UInt8], name: String = "input.xml", options: IngestOptions = IngestOptions()) throws
    -> IngestResult
  {
    let directory = URL(fileURLWithPath: TestPaths.temporaryFolder("bad"))
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return Ingester.ingest(path, options: options)
  }

  func error(_ result: IngestResult) throws -> Diagnostic {
    #expect(result.document == nil)
    return try #require(result.diagnostics.first { $0.severity == .error }, "no error in \(result.diagnostics)")
  }

  @Test("empty file")
  func empty() throws {
    let failure = try error(try ingest([]))
    #expect(failure.code == DiagnosticCode.inputEmpty)
    let blank = try error(try ingest(Array(" \n\t\n".utf8)))
    #expect(blank.code == DiagnosticCode.inputEmpty)
  }

  @Test("binary file: the first NUL byte is located")
  func binary() throws {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
    let failure = try error(try ingest(png, name: "image.png"))
    #expect(failure.code == DiagnosticCode.inputBinary)
    #expect(failure.line == 3 && failure.column == 1)  // after the PNG signature's \r\n and \n
  }

  @Test("the AI Act Formex truncated in the middle")
  func truncatedFormex() throws {
    let full = try Data(contentsOf: URL(fileURLWithPath: Corpus.path("eu-ai-act/formex/L_202401689EN.000101.fmx.xml")))
    let failure = try error(try ingest(Array(full.prefix(full.count / 2))))
    #expect(failure.code == DiagnosticCode.xmlMalformed)
    #expect(failure.line >= 1 && failure.column > 1)
  }

  @Test("Latin-1 bytes in a file that declares UTF-8")
  func wrongEncoding() throws {
    var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ACT><TITLE><TI><P>R".utf8)
    bytes.append(0xE9)  // 'é' in Latin-1: not valid UTF-8
    bytes += Array("glement</P></TI></TITLE></ACT>".utf8)
    let failure = try error(try ingest(bytes))
    #expect(failure.code == DiagnosticCode.xmlMalformed)
    #expect(failure.line == 2)
    #expect(failure.message.contains("UTF-8"))
  }

  @Test("external entity: nothing is read, nothing is output")
  func externalEntity() throws {
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE ACT [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y SYSTEM "http://127.0.0.1:9/leak">]>
      <ACT><ENACTING.TERMS><ARTICLE><TI.ART>Article 1</TI.ART><ALINEA>&x;&y;</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
      """
    let result = try ingest(Array(xml.utf8))
    #expect(result.diagnostics.contains { $0.code == DiagnosticCode.xmlEntityDeclared && $0.line == 2 })
    let failure = try error(result)
    #expect(failure.code == DiagnosticCode.xmlMalformed)
    #expect(failure.line == 3)
    #expect(!result.diagnostics.contains { $0.message.contains("root:") })
  }

  @Test("external entity with an external DTD subset: reported, never expanded")
  func externalEntityWithSubset() throws {
    // With an external subset, an undeclared entity is only a warning in XML; the reference must
    // still expand to nothing.
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE ACT SYSTEM "formex.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <ACT><ENACTING.TERMS><ARTICLE><TI.ART>Article 1</TI.ART><ALINEA>See &x; here.</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
      """
    let result = try ingest(Array(xml.utf8))
    #expect(result.diagnostics.contains { $0.code == DiagnosticCode.xmlEntityDeclared })
    if let document = result.document {
      let text = document.allProvisions.map(\.text).joined(separator: "\n")
      #expect(!text.contains("root:"))
      #expect(document.provision(PinpointID(rawValue: "art_1"))?.text == "See here.")
    }
  }

  @Test("billion laughs: rejected in bounded time")
  func entityBomb() throws {
    var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
    xml += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
    for level in 2...9 {
      xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
    }
    xml +=
      "]>\n<ACT><ENACTING.TERMS><ARTICLE><TI.ART>Article 1</TI.ART><ALINEA>&lol9;</ALINEA></ARTICLE></ENACTING.TERMS></ACT>\n"
    let start = Date()
    let result = try ingest(Array(xml.utf8))
    #expect(Date().timeIntervalSince(start) < 2)
    let failure = try error(result)
    #expect(failure.code == DiagnosticCode.xmlMalformed)
    #expect(failure.line >= 1 && failure.column >= 1)
    #expect(result.diagnostics.filter { $0.code == DiagnosticCode.xmlEntityDeclared }.count == 10)
  }

  @Test("100,000 levels of nesting", arguments: ["input.xml", "input.html"])
  func deepNesting(_ name: String) throws {
    let html = name.hasSuffix(".html")
    let open = html ? "<div>" : "<P>"
    let close = html ? "</div>" : "</P>"
    let bytes = Array(
      ((html ? "<html><body>" : "<ACT>") + String(repeating: open, count: 100_000)
        + "deep" + String(repeating: close, count: 100_000) + (html ? "</body></html>" : "</ACT>")).utf8)
    let failure = try error(try ingest(bytes, name: name, options: IngestOptions(format: html ? .eurlexHTML : .formex)))
    #expect(failure.code == DiagnosticCode.xmlTooDeep)
    #expect(failure.line == 1 && failure.column > 256)
  }

  @Test("a 200 MB file: refused by size before it is read")
  func hugeFile() throws {
    let path = TestPaths.temporaryFolder("huge") + "/huge.xml"
    #expect(FileManager.default.createFile(atPath: path, contents: Data("<ACT>".utf8)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 200_000_000)  // sparse: no disk or memory used
    try handle.close()
    let result = Ingester.ingest(path)
    let failure = try error(result)
    #expect(failure.code == DiagnosticCode.inputTooLarge)
    #expect(failure.message.contains("200000000 bytes"))
  }

  @Test("a web page that is not a regulation")
  func notARegulation() throws {
    let page = "<!DOCTYPE html><html><head><title>Shop</title></head><body><h1>Welcome</h1><p>Buy now</p></body></html>"
    let failure = try error(try ingest(Array(page.utf8), name: "shop.html"))
    #expect(failure.code == DiagnosticCode.ingestNoProvisions)
  }

  @Test("malformed HTML: recovered with located notes, or refused when nothing is left")
  func malformedHTML() throws {
    let recoverable = """
      <html><body><div class="eli-subdivision" id="art_1"><p class="oj-ti-art">Article 1</p>
      <p class="oj-normal">Providers shall <b>log</i> events.</span></p></div></body></html>
      """
    let recovered = try ingest(Array(recoverable.utf8), name: "broken.html")
    #expect(recovered.document?.provision(PinpointID(rawValue: "art_1"))?.text == "Providers shall log events.")
    #expect(recovered.diagnostics.contains { $0.code == DiagnosticCode.htmlRecovered && $0.line == 2 && $0.column > 1 })

    let hopeless = "<html><body><div class=\"eli-subdivision\"><p class=\"oj-ti-art\">Arti\u{1}<<<</p"
    let failure = try error(try ingest(Array(hopeless.utf8), name: "garbage.html"))
    #expect(failure.code == DiagnosticCode.ingestNoProvisions)
  }

  @Test("unknown format")
  func unknownFormat() throws {
    let failure = try error(try ingest(Array("just some words\n".utf8), name: "notes.txt"))
    #expect(failure.code == DiagnosticCode.inputUnknownFormat)
  }

  @Test("malformed JSON")
  func malformedJSON() throws {
    let failure = try error(try ingest(Array("[{\"type\": \"Govern\", ".utf8), name: "playbook.json"))
    #expect(failure.code == DiagnosticCode.jsonMalformed)
  }
}
