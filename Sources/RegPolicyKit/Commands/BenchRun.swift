import RegPolicyExtract
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

  public func run() -> ExitStatus {
    if stage == .tokenizer || stage == .extract {
      OutputFile.emit(Array((stage == .tokenizer ? tokenizerReport() : extractionReport()).utf8), to: 1)
      return .success
    }
    let renderJSON = stage == .all
    var report =
      "regpolicy bench: \(iterations) runs after \(warmup) warm-up; ICU \(Normalizer.icuVersion)\n"
    report +=
      "file\tprovisions\tbytes\tingest_median_ms\tingest_min_ms\tingest_p90_ms\tjson_median_ms\n"
    var totalMedian = 0.0
    for path in paths {
      let first = Ingester.ingest(path)
      guard let document = first.document else {
        OutputFile.report(first.diagnostics)
        return ExitStatus.of(first.diagnostics)
      }
      let count = document.allProvisions.count
      for _ in 0..<warmup { _ = Ingester.ingest(path) }
      var ingest: [Double] = []
      var withJSON: [Double] = []
      var bytes = 0
      for _ in 0..<iterations {
        let start = Self.now()
        let result = Ingester.ingest(path)
        let middle = Self.now()
        // `!`: the first run on the same input produced a document.
        if renderJSON { bytes = DocumentRenderer.json(result.document!).count }
        let end = Self.now()
        ingest.append(middle - start)
        withJSON.append(end - start)
      }
      ingest.sort()
      withJSON.sort()
      let median = ingest[ingest.count / 2]
      totalMedian += median
      report += "\(path)\t\(count)\t\(bytes)\t\(Self.format(median))\t\(Self.format(ingest[0]))\t"
      report +=
        "\(Self.format(ingest[min(ingest.count - 1, ingest.count * 9 / 10)]))\t\(Self.format(withJSON[withJSON.count / 2]))\n"
    }
    if stage == .all { report += tokenizerReport() + extractionReport() }
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    report +=
      "total_ingest_median_ms\t\(Self.format(totalMedian))\npeak_rss_kib\t\(usage.ru_maxrss)\n"
    OutputFile.emit(Array(report.utf8), to: 1)
    return .success
  }

  /// Tokenizes the text of every provision of each input, `iterations` times: throughput and counts.
  func tokenizerReport() -> String {
    var report = "file\ttext_bytes\ttokens\ttokenize_median_ms\ttokenize_min_ms\tMB_per_s\ttoken_digest\n"
    for path in paths {
      guard let document = Ingester.ingest(path).document else { continue }
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

  /// Extracts the statements of each ingested input, `iterations` times: time and counts.
  func extractionReport() -> String {
    var report = "file\tstatements\tdeontic\treferences\textract_median_ms\textract_min_ms\n"
    let extractor = Extractor()
    for path in paths {
      guard let document = Ingester.ingest(path).document else { continue }
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
