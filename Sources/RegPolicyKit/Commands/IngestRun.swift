import RegPolicyIngest
import RegPolicyModel

/// `regpolicy ingest`: reads every input, keeps going past bad ones, writes outputs atomically and
/// decides the exit status at the end.
public struct IngestRun: Sendable {
  public var paths: [String]
  public var options: IngestOptions
  public var format: DocumentFormat
  /// Write one output file per input here instead of to standard output.
  public var outDirectory: String?
  /// Print the fidelity report instead of the documents.
  public var check: Bool
  /// `--check` fails (exit 1) below this coverage.
  public var minimumCoverage: Double

  /// Creates a run.
  public init(
    paths: [String], options: IngestOptions = IngestOptions(), format: DocumentFormat = .json,
    outDirectory: String? = nil, check: Bool = false, minimumCoverage: Double = 0.999
  ) {
    self.paths = paths
    self.options = options
    self.format = format
    self.outDirectory = outDirectory
    self.check = check
    self.minimumCoverage = minimumCoverage
  }

  /// Runs, writing documents to standard output (or `outDirectory`) and diagnostics to standard error.
  public func run() -> ExitStatus {
    var status = ExitStatus.success
    var options = self.options
    options.fidelity = check
    if let outDirectory {
      do { try OutputFile.makeDirectory(outDirectory) } catch {
        OutputFile.report([error])
        return error.code.exitStatus
      }
    }
    for path in paths {
      let result = Ingester.ingest(path, options: options)
      OutputFile.report(result.diagnostics)
      status = status.combined(with: ExitStatus.of(result.diagnostics))
      guard let document = result.document else { continue }
      if check {
        for fidelity in result.fidelity {
          OutputFile.emit(Array(Self.describe(fidelity).utf8), to: 1)
          if fidelity.coverage < minimumCoverage || fidelity.articles < fidelity.articleLabels
            || fidelity.articleLabelsInHeader > 0
          {
            status = status.combined(with: .findings)
          }
        }
        continue
      }
      let bytes = DocumentRenderer.render(document, as: format)
      if let outDirectory {
        let name = Self.outputName(for: path, format: format)
        do { try OutputFile.write(bytes, to: outDirectory + "/" + name) } catch {
          OutputFile.report([error])
          status = status.combined(with: error.code.exitStatus)
        }
      } else {
        OutputFile.emit(bytes, to: 1)
      }
    }
    return status
  }

  /// One report block per file: coverage and the byte counts behind it, then unplaced text.
  static func describe(_ fidelity: Fidelity) -> String {
    let percent = (fidelity.coverage * 10000).rounded(.down) / 100
    var text =
      "\(fidelity.file): coverage \(percent)% (provisions \(fidelity.provision), footnotes \(fidelity.footnote), "
    text +=
      "unplaced \(fidelity.unplaced); header \(fidelity.header), wrapper \(fidelity.wrapper), markers \(fidelity.marker) bytes)\n"
    text +=
      "  units: articles \(fidelity.articles) (article headings in the text: \(fidelity.articleLabels)), "
      + "paragraphs \(fidelity.paragraphs), points \(fidelity.points) "
      + "(lettered \(fidelity.letteredPoints); lettered point labels in the text: \(fidelity.pointLabels))\n"
    if fidelity.articles < fidelity.articleLabels {
      text += "  fewer articles read than article headings in the text: articles were lost\n"
    }
    if fidelity.articleLabelsInHeader > 0 {
      text += "  \(fidelity.articleLabelsInHeader) article heading(s) counted as header: the header ran into the act\n"
    }
    if fidelity.letteredPoints < fidelity.pointLabels {
      // Not a finding: a lettered label may rightly stay text (a data table's cell, a form).
      text += "  fewer lettered points read than lettered labels in the text: check for items read as text\n"
    }
    for span in fidelity.unplacedSpans { text += "  \(span)\n" }
    return text
  }

  /// `…/32024R1689_EN_OJ.html` → `32024R1689_EN_OJ.json`; a package folder → its name.
  static func outputName(for path: String, format: DocumentFormat) -> String {
    var base = path
    while base.hasSuffix("/") { base.removeLast() }
    if let slash = base.lastIndex(of: "/") { base = String(base[base.index(after: slash)...]) }
    for suffix in [".fmx.xml", ".xml", ".html", ".xhtml", ".json"] where base.hasSuffix(suffix) {
      base.removeLast(suffix.count)
      break
    }
    switch format {
    case .json: return base + ".json"
    case .tree: return base + ".tree.txt"
    case .text: return base + ".txt"
    }
  }
}
