import Foundation
import RegPolicyExtract
import RegPolicyIndex
import RegPolicyIngest
import RegPolicyModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `regpolicy bench`: in-process timings of the stages, with result counts so that a fast wrong
/// answer shows.
public struct BenchRun: Sendable {
  /// What is timed.
  public enum Stage: String, CaseIterable, Sendable {
    /// Ingest with and without rendering the JSON, then the tokenizer and the extraction.
    case all
    /// Ingest to the provision tree alone.
    case ingest
    /// The tokenizer over every provision's text.
    case tokenizer
    /// The extraction of statements from the ingested documents.
    case extract
    /// Building the trace index of each input, then full-text searches of it.
    case search
  }

  public var paths: [String]
  public var iterations: Int
  public var warmup: Int
  public var stage: Stage

  /// Creates a benchmark.
  public init(paths: [String], iterations: Int, warmup: Int, stage: Stage = .all) {
    self.paths = paths
    self.iterations = iterations
    self.warmup = warmup
    self.stage = stage
  }

  /// Times the stage on every input that reads; an input that does not is reported and skipped,
  /// and the exit status says so.
  public func run() -> ExitStatus {
    var documents: [(path: String, document: Document)] = []
    var problems: [Diagnostic] = []
    for path in paths {
      let result = Ingester.ingest(path)
      if let document = result.document { documents.append((path, document)) } else { problems += result.diagnostics }
    }
    OutputFile.report(problems)
    let report: String =
      switch stage {
      case .tokenizer: tokenizerReport(documents)
      case .extract: extractionReport(documents)
      case .search: searchReport(documents)
      case .ingest, .all: ingestReport(documents)
      }
    OutputFile.emit(Array(report.utf8), to: 1)
    return ExitStatus.of(problems)
  }

  /// Ingest times (and, for `all`, ingest plus JSON, then the tokenizer and extraction reports),
  /// the total and the peak RSS.
  func ingestReport(_ documents: [(path: String, document: Document)]) -> String {
    var report = "regpolicy bench: \(iterations) runs after \(warmup) warm-up; ICU \(Normalizer.icuVersion)\n"
    report += "file\tprovisions\tbytes\tingest_median_ms\tingest_min_ms\tingest_p90_ms\tjson_median_ms\n"
    var totalMedian = 0.0
    for (path, document) in documents {
      for _ in 0..<warmup { _ = Ingester.ingest(path) }
      var ingest: [Double] = []
      var withJSON: [Double] = []
      var bytes = 0
      for _ in 0..<iterations {
        let start = Self.now()
        let result = Ingester.ingest(path)
        let middle = Self.now()
        if stage == .all, let read = result.document { bytes = DocumentRenderer.json(read).count }
        let end = Self.now()
        ingest.append(middle - start)
        withJSON.append(end - start)
      }
      ingest.sort()
      withJSON.sort()
      let median = ingest[ingest.count / 2]
      totalMedian += median
      report +=
        "\(path)\t\(document.allProvisions.count)\t\(bytes)\t\(Self.format(median))\t\(Self.format(ingest[0]))\t"
      report +=
        "\(Self.format(ingest[min(ingest.count - 1, ingest.count * 9 / 10)]))\t\(Self.format(withJSON[withJSON.count / 2]))\n"
    }
    if stage == .all { report += tokenizerReport(documents) + extractionReport(documents) }
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return report + "total_ingest_median_ms\t\(Self.format(totalMedian))\npeak_rss_kib\t\(usage.ru_maxrss)\n"
  }

  /// Tokenizes the text of every provision of each input, `iterations` times: throughput and counts.
  func tokenizerReport(_ documents: [(path: String, document: Document)]) -> String {
    var report = "file\ttext_bytes\ttokens\ttokenize_median_ms\ttokenize_min_ms\tMB_per_s\ttoken_digest\n"
    for (path, document) in documents {
      var texts = document.allProvisions.map(\.text).filter { !$0.isEmpty }
      let bytes = texts.reduce(0) { $0 + $1.utf8.count }
      var tokens = 0
      var times: [Double] = []
      for _ in 0..<max(iterations, 1) {
        let start = Self.now()
        var count = 0
        for index in texts.indices { count += texts[index].withUTF8 { Tokenizer.tokenize($0).count } }
        times.append(Self.now() - start)
        tokens = count
      }
      times.sort()
      // FNV-1a over every token's kind and byte range: equal digests, equal tokenization.
      var digest: UInt64 = 0xcbf2_9ce4_8422_2325
      for index in texts.indices {
        for token in texts[index].withUTF8({ Tokenizer.tokenize($0) }) {
          for value in [UInt64(token.kind.rawValue), UInt64(token.start), UInt64(token.end)] {
            digest = (digest ^ value) &* 0x100_0000_01b3
          }
        }
      }
      let median = times[times.count / 2]
      let rate = Double(bytes) / 1_000_000 / (median / 1000)
      report +=
        "\(path)\t\(bytes)\t\(tokens)\t\(Self.format(median))\t\(Self.format(times[0]))\t\(Self.format(rate))\t\(String(digest, radix: 16))\n"
    }
    return report
  }

  /// Builds each input's trace index (from the document and its statements) and times ten searches
  /// against it, `iterations` times each: the median build and the median of one search.
  func searchReport(_ documents: [(path: String, document: Document)]) -> String {
    let queries = [
      "human oversight", "\"post-market monitoring plan\"", "automatic recording of events", "serious incident",
      "AI literacy", "risk management system", "fundamental rights impact assessment", "regulatory sandboxes",
      "penalties", "transparency obligations",
    ]
    var report = "file\tprovisions\tindex_build_ms\tsearch_median_ms\tsearch_max_ms\thits\n"
    let extractor = Extractor()
    for (path, document) in documents {
      let statements = extractor.statements(in: document)
      let folder = NSTemporaryDirectory() + "regpolicy-bench-\(getpid())"
      defer { try? FileManager.default.removeItem(atPath: folder) }
      let start = Self.now()
      let source = Source(path: path, document: document, statements: statements)
      guard
        let index = try? TraceIndex.open(
          at: folder + "/trace.sqlite", key: "bench", fold: Normalizer.matchKey,
          contents: {
            () throws(Diagnostics) in
            TraceStore.contents(of: source)
          })
      else { continue }
      let built = Self.now() - start
      var times: [Double] = []
      var hits = 0
      for _ in 0..<max(iterations, 1) {
        for query in queries {
          let before = Self.now()
          hits += Search.hits(query, in: index, limit: 20).count
          times.append(Self.now() - before)
        }
      }
      times.sort()
      report +=
        "\(path)\t\(document.allProvisions.count)\t\(Self.format(built))\t\(Self.format(times[times.count / 2]))\t"
      report += "\(Self.format(times[times.count - 1]))\t\(hits / max(iterations, 1))\n"
    }
    return report
  }

  /// Extracts the statements of each ingested input, `iterations` times: time and counts.
  func extractionReport(_ documents: [(path: String, document: Document)]) -> String {
    var report = "file\tstatements\tdeontic\treferences\textract_median_ms\textract_min_ms\n"
    let extractor = Extractor()
    for (path, document) in documents {
      var statements: [Statement] = []
      for _ in 0..<warmup { statements = extractor.statements(in: document) }
      var times: [Double] = []
      for _ in 0..<max(iterations, 1) {
        let start = Self.now()
        statements = extractor.statements(in: document)
        times.append(Self.now() - start)
      }
      times.sort()
      let deontic = statements.filter { $0.modality.isDeontic }.count
      let references = statements.reduce(0) { $0 + $1.references.count }
      report += "\(path)\t\(statements.count)\t\(deontic)\t\(references)\t\(Self.format(times[times.count / 2]))\t"
      report += "\(Self.format(times[0]))\n"
    }
    return report
  }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
  }

  static func format(_ milliseconds: Double) -> String {
    String((milliseconds * 100).rounded() / 100)
  }
}
