import Foundation
import Testing

@testable import RehearseEmbedding

/// The shipped sentence-embedding model, run by `SentenceEncoder`.
@Suite("Sentence encoder")
struct SentenceEncoderTests {
  static let folder = Repository.root.appendingPathComponent("models/all-minilm-l6-v2")
  static let encoder: SentenceEncoder? = try? SentenceEncoder(folder: folder)

  @Test(
    "cosines match the figures published for all-MiniLM-L6-v2",
    arguments: [
      ("The new movie is awesome", "The new movie is so great", Float(0.8939)),
      ("The cat sits outside", "The dog plays in the garden", 0.2838),
      ("A man is playing guitar", "A woman watches TV", -0.0327),
    ])
  func publishedCosines(first: String, second: String, expected: Float) throws {
    let encoder = try #require(Self.encoder)
    let cosine = SentenceEncoder.cosine(encoder.embed(first), encoder.embed(second))
    #expect(abs(cosine - expected) < 0.001, "\(cosine)")
  }

  @Test("an embedding has length 1, and a text longer than the token limit is cut, not refused")
  func lengthAndLimit() throws {
    let encoder = try #require(Self.encoder)
    let long = String(repeating: "partition the table by day. ", count: 200)
    for text in ["Kafka keeps offsets per consumer group.", long] {
      let vector = encoder.embed(text)
      #expect(vector.count == encoder.width)
      #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
    }
    #expect(encoder.tokenizer.encode(long, limit: SentenceEncoder.tokenLimit).count == 256)
  }

  @Test(
    "every compiled copy of the kernels this processor runs gives the same embeddings",
    arguments: [
      "Kafka keeps offsets per consumer group.",
      String(repeating: "A slowly changing dimension keeps history in new rows. ", count: 30),
    ])
  func kernelCopiesAgree(text: String) throws {
    let weights = try SafeTensorsFile(
      path: Self.folder.appendingPathComponent(SentenceEncoder.weightsFile).path)
    let vocabulary = try String(
      contentsOf: Self.folder.appendingPathComponent(SentenceEncoder.vocabularyFile),
      encoding: .utf8)
    let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary)
    let baseline = try SentenceEncoder(weights: weights, tokenizer: tokenizer, kernels: .baseline)
    let current = try SentenceEncoder(weights: weights, tokenizer: tokenizer, kernels: .current)
    let difference = zip(baseline.embed(text), current.embed(text)).map { abs($0 - $1) }.max()
    #expect((difference ?? 1) < 1e-5, "\(KernelChoice.current): \(difference ?? 1)")
  }

  @Test("WordPiece splits as BERT does: lower case, accents off, punctuation apart, ## pieces")
  func wordPieces() throws {
    let encoder = try #require(Self.encoder)
    let tokenizer = encoder.tokenizer
    #expect(
      tokenizer.words("Café's MERGE-into\tS3!") == [
        "cafe", "'", "s", "merge", "-", "into", "s3", "!",
      ])
    let ids = tokenizer.encode("unaffable", limit: 16)
    #expect(ids.first == tokenizer.classifierID && ids.last == tokenizer.separatorID)
    #expect(ids.count > 3, "a rare word becomes several pieces")
    #expect(
      tokenizer.encode(String(repeating: "x", count: 101), limit: 16)
        == [tokenizer.classifierID, tokenizer.unknownID, tokenizer.separatorID])
  }
}

/// A damaged or foreign model file is refused with its path and what is wrong, never a crash.
@Suite("Model files that cannot be used")
struct DamagedModelTests {
  /// A safetensors file of `header` (as JSON text) followed by `payload` bytes.
  static func file(header: String, payload: Int = 0) -> Data {
    var data = Data()
    var size = UInt64(header.utf8.count).littleEndian
    withUnsafeBytes(of: &size) { data.append(contentsOf: $0) }
    data.append(contentsOf: header.utf8)
    data.append(Data(count: payload))
    return data
  }

  @Test(
    "a short file, a bad header, or a tensor that does not match its shape is refused",
    arguments: [
      (Data([1, 2, 3]), "shorter than its header"),
      (file(header: "{}") + Data(), "no word-embedding table"),
      (Data([0xFF, 0, 0, 0, 0, 0, 0, 0]) + Data("{}".utf8), "a header length of 255 bytes"),
      (file(header: "[1, 2"), "the header is not JSON"),
      (
        file(
          header:
            #"{"embeddings.word_embeddings.weight": {"dtype": "F16", "shape": [5, 48], "#
            + #""data_offsets": [0, 480]}}"#, payload: 480), "an embedding width of 48"
      ),
      (
        file(
          header: #"{"t": {"dtype": "F16", "shape": [2, 3], "data_offsets": [0, 10]}}"#,
          payload: 10), "tensor t has the wrong size for its shape"
      ),
      (
        file(
          header: #"{"t": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}"#, payload: 8),
        "tensor t is described wrongly"
      ),
    ])
  func refused(data: Data, reason: String) throws {
    let vocabulary = try WordPieceTokenizer(vocabulary: "[PAD]\n[UNK]\n[CLS]\n[SEP]\nkafka\n")
    #expect(throws: EmbeddingError.malformed(file: "m.safetensors", reason: reason)) {
      let weights = try SafeTensorsFile(data: data, path: "m.safetensors")
      _ = try SentenceEncoder(weights: weights, tokenizer: vocabulary)
    }
  }

  @Test("a missing folder and a vocabulary without its special entries name the file")
  func missingFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rehearse-no-model-\(UUID().uuidString)")
    #expect {
      _ = try SentenceEncoder(folder: folder)
    } throws: { error in
      guard case .unreadable(let file, _) = error as? EmbeddingError else { return false }
      return file == folder.appendingPathComponent("vocab.txt").path
    }
    #expect(
      throws: EmbeddingError.malformed(file: "vocab.txt", reason: "no [CLS], [SEP] or [UNK] entry")
    ) {
      _ = try WordPieceTokenizer(vocabulary: "a\nb\n")
    }
  }

  @Test("half-precision values widen exactly, subnormals and infinities included")
  func halves() throws {
    let cases: [(UInt16, Float)] = [
      (0x3C00, 1), (0xC000, -2), (0x7BFF, 65504), (0x0001, 0x1p-24), (0x8000, -0),
      (0x7C00, .infinity), (0x3555, 0.333_251_95),
    ]
    let header = #"{"h": {"dtype": "F16", "shape": [7], "data_offsets": [0, 14]}}"#
    var data = Self.file(header: header)
    for (bits, _) in cases {
      withUnsafeBytes(of: bits.littleEndian) { data.append(contentsOf: $0) }
    }
    let values = try SafeTensorsFile(data: data, path: "h").floats("h", shape: [7])
    #expect(values == cases.map(\.1))
  }
}
