import EmbeddingKernels
import Foundation

/// The sentence-embedding model all-MiniLM-L6-v2 run in plain Swift: a 6-layer BERT encoder
/// whose last layer is mean-pooled over the tokens and scaled to length 1.
///
/// Two texts' embeddings have a cosine (their dot product) near 1 when they mean the same and
/// near 0 when they are unrelated. The word-embedding table stays half-precision in the mapped
/// file and only the rows a text uses are widened; the encoder's layers are widened once, at
/// load (about 43 MB of floats).
public final class SentenceEncoder: Sendable {
  /// The files of a model folder.
  public static let weightsFile = "model.safetensors"
  public static let vocabularyFile = "vocab.txt"

  /// Tokens read from a text, `[CLS]` and `[SEP]` included; the rest is left out.
  public static let tokenLimit = 256
  /// The attention heads of all-MiniLM-L6-v2 (its configuration; not in the weights).
  static let heads = 12
  static let epsilon: Float = 1e-12

  /// One transformer layer's weights.
  struct Layer: Sendable {
    var query: Kernels.Weight, queryBias: [Float]
    var key: Kernels.Weight, keyBias: [Float]
    var value: Kernels.Weight, valueBias: [Float]
    var attentionOutput: Kernels.Weight, attentionOutputBias: [Float]
    var attentionNormGamma: [Float], attentionNormBeta: [Float]
    var intermediate: Kernels.Weight, intermediateBias: [Float]
    var output: Kernels.Weight, outputBias: [Float]
    var outputNormGamma: [Float], outputNormBeta: [Float]
  }

  public let tokenizer: WordPieceTokenizer
  /// The width of an embedding.
  public let width: Int
  let inner: Int
  let weights: SafeTensorsFile
  let wordTable: SafeTensorsFile.Entry
  let positions: [Float]
  let tokenType: [Float]
  let embeddingGamma: [Float]
  let embeddingBeta: [Float]
  let layers: [Layer]
  /// The kernels this processor runs.
  let kernels: KernelChoice

  /// Loads the model of `folder` (`model.safetensors` and `vocab.txt`).
  public convenience init(folder: URL) throws(EmbeddingError) {
    let vocabularyPath = folder.appendingPathComponent(Self.vocabularyFile).path
    let vocabulary: String
    do {
      vocabulary = try String(contentsOfFile: vocabularyPath, encoding: .utf8)
    } catch {
      throw .unreadable(file: vocabularyPath, reason: error.localizedDescription)
    }
    try self.init(
      weights: SafeTensorsFile(path: folder.appendingPathComponent(Self.weightsFile).path),
      tokenizer: WordPieceTokenizer(vocabulary: vocabulary))
  }

  /// An encoder over weights already read, running `kernels` (by default, those of this
  /// processor's widest vectors).
  init(
    weights: SafeTensorsFile, tokenizer: WordPieceTokenizer, kernels: KernelChoice
  ) throws(EmbeddingError) {
    guard let table = weights.entries["embeddings.word_embeddings.weight"], table.shape.count == 2
    else { throw .malformed(file: weights.path, reason: "no word-embedding table") }
    let width = table.shape[1]
    // The attention kernel takes heads of one width; another model's would be refused there.
    guard width == Self.heads * Kernels.headWidth else {
      throw .malformed(file: weights.path, reason: "an embedding width of \(width)")
    }
    let positions = try weights.floats(
      "embeddings.position_embeddings.weight",
      shape: [weights.entries["embeddings.position_embeddings.weight"]?.shape.first ?? 0, width])
    guard positions.count / width >= Self.tokenLimit else {
      throw .malformed(file: weights.path, reason: "fewer positions than \(Self.tokenLimit)")
    }
    let inner = weights.entries["encoder.layer.0.intermediate.dense.weight"]?.shape.first ?? 0
    guard inner > 0, inner % 16 == 0 else {
      throw .malformed(file: weights.path, reason: "no layers")
    }
    var layers: [Layer] = []
    while weights.entries["encoder.layer.\(layers.count).attention.self.query.weight"] != nil {
      let prefix = "encoder.layer.\(layers.count)."
      func square(_ name: String) throws(EmbeddingError) -> Kernels.Weight {
        Kernels.Weight(
          rows: try weights.floats(prefix + name, shape: [width, width]), outputs: width,
          inputs: width)
      }
      func vector(_ name: String, _ size: Int) throws(EmbeddingError) -> [Float] {
        try weights.floats(prefix + name, shape: [size])
      }
      layers.append(
        Layer(
          query: try square("attention.self.query.weight"),
          queryBias: try vector("attention.self.query.bias", width),
          key: try square("attention.self.key.weight"),
          keyBias: try vector("attention.self.key.bias", width),
          value: try square("attention.self.value.weight"),
          valueBias: try vector("attention.self.value.bias", width),
          attentionOutput: try square("attention.output.dense.weight"),
          attentionOutputBias: try vector("attention.output.dense.bias", width),
          attentionNormGamma: try vector("attention.output.LayerNorm.weight", width),
          attentionNormBeta: try vector("attention.output.LayerNorm.bias", width),
          intermediate: Kernels.Weight(
            rows: try weights.floats(prefix + "intermediate.dense.weight", shape: [inner, width]),
            outputs: inner, inputs: width),
          intermediateBias: try vector("intermediate.dense.bias", inner),
          output: Kernels.Weight(
            rows: try weights.floats(prefix + "output.dense.weight", shape: [width, inner]),
            outputs: width, inputs: inner),
          outputBias: try vector("output.dense.bias", width),
          outputNormGamma: try vector("output.LayerNorm.weight", width),
          outputNormBeta: try vector("output.LayerNorm.bias", width)))
    }
    guard !layers.isEmpty else { throw .malformed(file: weights.path, reason: "no layers") }
    guard table.shape[0] > Int(tokenizer.classifierID), table.shape[0] > Int(tokenizer.separatorID)
    else { throw .malformed(file: weights.path, reason: "a vocabulary larger than the table") }
    self.tokenizer = tokenizer
    self.width = width
    self.inner = inner
    self.weights = weights
    self.wordTable = table
    self.positions = positions
    self.tokenType = Array(
      try weights.floats(
        "embeddings.token_type_embeddings.weight",
        shape: [
          weights.entries["embeddings.token_type_embeddings.weight"]?.shape.first ?? 0, width,
        ]
      ).prefix(width))
    self.embeddingGamma = try weights.floats("embeddings.LayerNorm.weight", shape: [width])
    self.embeddingBeta = try weights.floats("embeddings.LayerNorm.bias", shape: [width])
    self.layers = layers
    self.kernels = kernels
  }

  /// An encoder over weights already read.
  public convenience init(
    weights: SafeTensorsFile, tokenizer: WordPieceTokenizer
  ) throws(EmbeddingError) {
    try self.init(weights: weights, tokenizer: tokenizer, kernels: .current)
  }

  /// The embedding of `text`: `width` floats of length 1 (all zero for no text at all).
  public func embed(_ text: String) -> [Float] {
    embed(parts: [text]).whole
  }

  /// The embedding of the text made of `parts` in turn, and of each part read within it.
  ///
  /// The encoder runs once, over the whole text. A part's embedding is the mean of its own
  /// tokens' last hidden states, scaled to length 1: what a sentence says where it stands, at
  /// no cost beyond the whole text's. A part past the token limit, or without a word, gets all
  /// zeros.
  public func embed(parts: [String]) -> (whole: [Float], parts: [[Float]]) {
    var ids: [Int32] = [tokenizer.classifierID]
    var spans: [Range<Int>] = []
    for part in parts {
      guard ids.count < Self.tokenLimit - 1 else {
        // Past the limit: the rest is not read, not even split into pieces.
        spans.append(ids.count..<ids.count)
        continue
      }
      let pieces = tokenizer.encode(part, limit: Self.tokenLimit).dropFirst().dropLast()
      let start = ids.count
      ids += pieces.prefix(max(0, Self.tokenLimit - 1 - ids.count))
      spans.append(start..<ids.count)
    }
    ids.append(tokenizer.separatorID)
    let hidden = encode(ids)
    return (pooled(hidden, 0..<ids.count), spans.map { pooled(hidden, $0) })
  }

  /// The mean of the hidden states of the tokens `rows`, scaled to length 1.
  func pooled(_ hidden: [Float], _ rows: Range<Int>) -> [Float] {
    var pooled = [Float](repeating: 0, count: width)
    for row in rows {
      for k in 0..<width { pooled[k] += hidden[row * width + k] }
    }
    let length = pooled.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard length > 0 else { return pooled }
    return pooled.map { $0 / length }
  }

  /// The last layer's hidden state of every token of `ids`, row by row.
  func encode(_ ids: [Int32]) -> [Float] {
    let rows = ids.count
    var x = [Float](repeating: 0, count: rows * width)
    let vocabulary = wordTable.shape[0]
    for (row, id) in ids.enumerated() {
      let word = weights.floats(
        wordTable, from: Int(id < vocabulary ? id : tokenizer.unknownID) * width, count: width)
      for k in 0..<width {
        x[row * width + k] = word[k] + positions[row * width + k] + tokenType[k]
      }
    }
    kernels.layerNorm(
      &x, width: width, gamma: embeddingGamma, beta: embeddingBeta, epsilon: Self.epsilon)
    for layer in layers {
      let query = kernels.linear(x, rows: rows, weight: layer.query, bias: layer.queryBias)
      let key = kernels.linear(x, rows: rows, weight: layer.key, bias: layer.keyBias)
      let value = kernels.linear(x, rows: rows, weight: layer.value, bias: layer.valueBias)
      let context = kernels.attention(
        query: query, key: key, value: value, rows: rows, width: width, heads: Self.heads)
      let attended = residual(
        kernels.linear(
          context, rows: rows, weight: layer.attentionOutput, bias: layer.attentionOutputBias),
        x, gamma: layer.attentionNormGamma, beta: layer.attentionNormBeta)
      var expanded = kernels.linear(
        attended, rows: rows, weight: layer.intermediate, bias: layer.intermediateBias)
      kernels.gelu(&expanded)
      let output = residual(
        kernels.linear(expanded, rows: rows, weight: layer.output, bias: layer.outputBias),
        attended, gamma: layer.outputNormGamma, beta: layer.outputNormBeta)
      x = output
    }
    return x
  }

  /// `sublayer + input`, layer-normalised: a sublayer's residual connection.
  func residual(_ sublayer: [Float], _ input: [Float], gamma: [Float], beta: [Float]) -> [Float] {
    var sum = sublayer
    for index in sum.indices { sum[index] += input[index] }
    kernels.layerNorm(&sum, width: width, gamma: gamma, beta: beta, epsilon: Self.epsilon)
    return sum
  }

  /// The cosine of two embeddings of length 1: their dot product.
  public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
  }
}
