import Dispatch

/// The arithmetic of the sentence encoder's forward pass, on row-major float buffers.
///
/// Every kernel is `@inlinable` and generic over its `MultiplyAdd`, so that the module that
/// calls it compiles it for its own processor: `RehearseEmbedding` for any x86-64 or ARM
/// processor, `EmbeddingKernelsAVX2` for one with AVX2 and FMA, whose eight-float vectors are
/// one register and whose multiply-adds are one instruction.
public enum Kernels {
  /// The width of one attention head the attention kernel takes (all-MiniLM-L6-v2's: 384 values
  /// in 12 heads).
  public static let headWidth = 32

  /// The pointers of one linear layer.
  @usableFromInline
  typealias LinearBuffers = (
    input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
    output: UnsafeMutablePointer<Float>
  )

  /// The pointers of one attention: its query, key and value rows, and the context it writes.
  @usableFromInline
  typealias AttentionBuffers = (
    query: UnsafePointer<Float>, key: UnsafePointer<Float>, value: UnsafePointer<Float>,
    context: UnsafeMutablePointer<Float>
  )

  /// Pointers handed to the threads of one kernel, each of which writes its own part of the
  /// output and none of which outlives the buffers.
  @usableFromInline
  struct Shared<Value>: @unchecked Sendable {
    @usableFromInline let value: Value

    @inlinable
    init(_ value: Value) { self.value = value }
  }

  /// A linear layer's weight in panels of eight outputs: panel `p` holds, for each input `k` in
  /// turn, PyTorch's `weight[8p ..< 8p + 8][k]`, so that a tile reads its weights in order.
  public struct Weight: Sendable {
    public let values: [Float]
    public let inputs: Int
    public let outputs: Int

    /// Packs a PyTorch weight of `outputs` rows of `inputs` values; `outputs` a multiple of 8.
    public init(rows weight: [Float], outputs: Int, inputs: Int) {
      var values = [Float](repeating: 0, count: weight.count)
      for o in 0..<outputs {
        let panel = (o / 8) * inputs * 8
        for k in 0..<inputs { values[panel + k * 8 + o % 8] = weight[o * inputs + k] }
      }
      self.values = values
      self.inputs = inputs
      self.outputs = outputs
    }
  }

  /// `output[i][o] = bias[o] + Σk input[i][k] · weight[o][k]` for `rows` rows: a linear layer.
  ///
  /// Outputs are computed in tiles held in registers — six rows by sixteen outputs where the
  /// arithmetic has the registers for them (`MultiplyAdd.wideTiles`), else four rows by eight —
  /// adding one input at a time (an outer product), so no sum is ever reduced across a vector;
  /// the weight columns of a tile stay in cache while every row passes. The tiles' columns are
  /// split between two threads when there is enough work. `outputs` must be a multiple of 8.
  @inlinable
  public static func linear<M: MultiplyAdd>(
    _ input: [Float], rows: Int, weight: Weight, bias: [Float], _ arithmetic: M.Type
  ) -> [Float] {
    let inputs = weight.inputs
    let outputs = weight.outputs
    var output = [Float](repeating: 0, count: rows * outputs)
    let blocks = outputs / 8
    let chunks = rows * outputs * inputs >= 2_000_000 ? 2 : 1
    input.withUnsafeBufferPointer { x in
      weight.values.withUnsafeBufferPointer { w in
        bias.withUnsafeBufferPointer { b in
          output.withUnsafeMutableBufferPointer { y in
            let shared = Shared(
              (
                input: x.baseAddress!, weight: w.baseAddress!, bias: b.baseAddress!,
                output: y.baseAddress!
              ))
            let perChunk = (blocks + chunks - 1) / chunks
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
              let buffers = shared.value
              let first = chunk * perChunk
              let last = min(blocks, first + perChunk)
              guard first < last else { return }
              // Pairs of panels in wide tiles, over the rows that make whole tiles of six.
              let paired = M.wideTiles ? (last - first) / 2 * 2 : 0
              let wideRows = M.wideTiles ? rows / 6 * 6 : 0
              for block in stride(from: first, to: first + paired, by: 2) {
                wideTile(
                  buffers, block * 8, rows: wideRows, inputs: inputs, outputs: outputs, M.self)
              }
              // The rows the wide tiles left, and every row of a panel without a pair.
              for block in first..<last {
                tile(
                  buffers, block * 8, from: block < first + paired ? wideRows : 0, rows: rows,
                  inputs: inputs, outputs: outputs, M.self)
              }
            }
          }
        }
      }
    }
    return output
  }

  /// Sixteen outputs from `column` (two panels) of the first `rows` rows, six rows at a time;
  /// `rows` a multiple of 6.
  @inlinable @inline(__always)
  static func wideTile<M: MultiplyAdd>(
    _ buffers: LinearBuffers, _ column: Int, rows: Int, inputs: Int, outputs: Int, _: M.Type
  ) {
    let left = buffers.weight + column * inputs
    let right = left + 8 * inputs
    let biasLeft = load(buffers.bias + column)
    let biasRight = load(buffers.bias + column + 8)
    var row = 0
    while row < rows {
      var a0 = biasLeft
      var b0 = biasRight
      var a1 = biasLeft
      var b1 = biasRight
      var a2 = biasLeft
      var b2 = biasRight
      var a3 = biasLeft
      var b3 = biasRight
      var a4 = biasLeft
      var b4 = biasRight
      var a5 = biasLeft
      var b5 = biasRight
      let x = buffers.input + row * inputs
      for k in 0..<inputs {
        let wl = load(left + k * 8)
        let wr = load(right + k * 8)
        var v = SIMD8<Float>(repeating: x[k])
        a0 = M.multiplyAdd(v, wl, a0)
        b0 = M.multiplyAdd(v, wr, b0)
        v = SIMD8(repeating: x[inputs + k])
        a1 = M.multiplyAdd(v, wl, a1)
        b1 = M.multiplyAdd(v, wr, b1)
        v = SIMD8(repeating: x[2 * inputs + k])
        a2 = M.multiplyAdd(v, wl, a2)
        b2 = M.multiplyAdd(v, wr, b2)
        v = SIMD8(repeating: x[3 * inputs + k])
        a3 = M.multiplyAdd(v, wl, a3)
        b3 = M.multiplyAdd(v, wr, b3)
        v = SIMD8(repeating: x[4 * inputs + k])
        a4 = M.multiplyAdd(v, wl, a4)
        b4 = M.multiplyAdd(v, wr, b4)
        v = SIMD8(repeating: x[5 * inputs + k])
        a5 = M.multiplyAdd(v, wl, a5)
        b5 = M.multiplyAdd(v, wr, b5)
      }
      let y = buffers.output + row * outputs + column
      store(a0, y)
      store(b0, y + 8)
      store(a1, y + outputs)
      store(b1, y + outputs + 8)
      store(a2, y + 2 * outputs)
      store(b2, y + 2 * outputs + 8)
      store(a3, y + 3 * outputs)
      store(b3, y + 3 * outputs + 8)
      store(a4, y + 4 * outputs)
      store(b4, y + 4 * outputs + 8)
      store(a5, y + 5 * outputs)
      store(b5, y + 5 * outputs + 8)
      row += 6
    }
  }

  /// Eight outputs from `column` of the rows from `from` on, four rows at a time.
  @inlinable @inline(__always)
  static func tile<M: MultiplyAdd>(
    _ buffers: LinearBuffers, _ column: Int, from: Int = 0, rows: Int, inputs: Int, outputs: Int,
    _: M.Type
  ) {
    let w = UnsafeRawPointer(buffers.weight + column * inputs)
    let stride = 32
    let bias = UnsafeRawPointer(buffers.bias + column).loadUnaligned(as: SIMD8<Float>.self)
    var row = from
    while row + 4 <= rows {
      var a0 = bias
      var a1 = bias
      var a2 = bias
      var a3 = bias
      let x0 = buffers.input + row * inputs
      let x1 = x0 + inputs
      let x2 = x1 + inputs
      let x3 = x2 + inputs
      for k in 0..<inputs {
        let weights = w.loadUnaligned(fromByteOffset: k * stride, as: SIMD8<Float>.self)
        a0 = M.multiplyAdd(SIMD8(repeating: x0[k]), weights, a0)
        a1 = M.multiplyAdd(SIMD8(repeating: x1[k]), weights, a1)
        a2 = M.multiplyAdd(SIMD8(repeating: x2[k]), weights, a2)
        a3 = M.multiplyAdd(SIMD8(repeating: x3[k]), weights, a3)
      }
      store(a0, buffers.output + row * outputs + column)
      store(a1, buffers.output + (row + 1) * outputs + column)
      store(a2, buffers.output + (row + 2) * outputs + column)
      store(a3, buffers.output + (row + 3) * outputs + column)
      row += 4
    }
    while row < rows {
      var a = bias
      let x = buffers.input + row * inputs
      for k in 0..<inputs {
        a = M.multiplyAdd(
          SIMD8(repeating: x[k]),
          w.loadUnaligned(fromByteOffset: k * stride, as: SIMD8<Float>.self),
          a)
      }
      store(a, buffers.output + row * outputs + column)
      row += 1
    }
  }

  @inlinable @inline(__always)
  static func store(_ values: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: values, as: SIMD8<Float>.self)
  }

  @inlinable @inline(__always)
  static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
  }

  /// Normalises each row of `width` values of `values` to mean 0 and variance 1, then scales
  /// and shifts it by `gamma` and `beta`; `width` a multiple of 8.
  @inlinable
  public static func layerNorm(
    _ values: inout [Float], width: Int, gamma: [Float], beta: [Float], epsilon: Float
  ) {
    let rows = values.count / width
    values.withUnsafeMutableBufferPointer { v in
      gamma.withUnsafeBufferPointer { g in
        beta.withUnsafeBufferPointer { b in
          for row in 0..<rows {
            let base = v.baseAddress! + row * width
            var sum = SIMD8<Float>()
            for k in stride(from: 0, to: width, by: 8) { sum += load(base + k) }
            let mean = sum.sum() / Float(width)
            var squares = SIMD8<Float>()
            for k in stride(from: 0, to: width, by: 8) {
              let d = load(base + k) - mean
              squares += d * d
            }
            let scale = 1 / (squares.sum() / Float(width) + epsilon).squareRoot()
            for k in stride(from: 0, to: width, by: 8) {
              store(
                (load(base + k) - mean) * scale * load(g.baseAddress! + k)
                  + load(b.baseAddress! + k), base + k)
            }
          }
        }
      }
    }
  }

  /// `e^x` for eight values at once, to within 2 units in the last place for `x` in
  /// [−87, 88]; smaller values give 0.
  ///
  /// `x = n·ln 2 + r` with `|r| ≤ ln 2 / 2`: `e^r` is a degree-6 polynomial, and `2^n` is built
  /// in the exponent bits.
  @inlinable @inline(__always)
  public static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
    // Lane-wise selects, not pointwiseMin/Max: those are generic calls in unoptimised callers.
    var clamped = x.replacing(with: SIMD8(repeating: -87.3), where: x .< -87.3)
    clamped.replace(with: SIMD8(repeating: 88), where: clamped .> 88)
    // Adding 1.5·2^23 rounds to an integer in the low mantissa bits: SSE2 has no rounding
    // instruction, and `rounded()` would be a library call per lane.
    let shifted = clamped * 1.442_695_04 + 12_582_912
    let n = shifted - 12_582_912
    let r = clamped - n * 0.693_145_75 - n * 1.428_606_8e-6
    var p = SIMD8<Float>(repeating: 1.987_569_2e-4)
    p = p * r + 1.398_199_9e-3
    p = p * r + 8.333_452e-3
    p = p * r + 4.166_579_6e-2
    p = p * r + 0.166_666_66
    p = p * r + 0.5
    p = p * r * r + r + 1
    let integer = unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- 0x4B40_0000
    let bits = (integer &+ 127) &<< 23
    return p * unsafeBitCast(bits, to: SIMD8<Float>.self)
  }

  /// The exact GELU, `x · Φ(x) = x · (1 + erf(x / √2)) / 2`, applied to every value; a multiple
  /// of 8 values.
  ///
  /// `erf` is Numerical Recipes' Chebyshev fit of `erfc` (fractional error below 1.2e-7).
  @inlinable
  public static func gelu(_ values: inout [Float]) {
    values.withUnsafeMutableBufferPointer { buffer in
      let raw = UnsafeMutableRawPointer(buffer.baseAddress!)
      for index in stride(from: 0, to: buffer.count, by: 8) {
        let x = raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
        let z = (x * 0.707_106_77).replacing(with: -(x * 0.707_106_77), where: x .< 0)
        let t = 1 / (1 + 0.5 * z)
        var p = SIMD8<Float>(repeating: 0.170_872_77)
        p = p * t - 0.822_152_23
        p = p * t + 1.488_515_87
        p = p * t - 1.135_203_98
        p = p * t + 0.278_868_07
        p = p * t - 0.186_288_06
        p = p * t + 0.096_784_18
        p = p * t + 0.374_091_96
        p = p * t + 1.000_023_68
        p = p * t - 1.265_512_23
        let erfc = t * exp(-z * z + p)
        let erf = (1 - erfc).replacing(with: erfc - 1, where: x .< 0)
        raw.storeBytes(of: 0.5 * x * (1 + erf), toByteOffset: index * 4, as: SIMD8<Float>.self)
      }
    }
  }

  /// Multi-head self-attention of `rows` tokens over query, key and value rows of `width`
  /// values, in `heads` heads: each token's context is the softmax-weighted sum of the values.
  ///
  /// Heads are split between two threads. Within a head, the keys are laid out transposed, so
  /// a query's scores against eight keys at a time are one multiply-add per dimension, and a
  /// context row of 32 values is four vectors summed in registers. A head's width must be
  /// `headWidth`.
  @inlinable
  public static func attention<M: MultiplyAdd>(
    query: [Float], key: [Float], value: [Float], rows: Int, width: Int, heads: Int,
    _: M.Type
  ) -> [Float] {
    var context = [Float](repeating: 0, count: rows * width)
    query.withUnsafeBufferPointer { q in
      key.withUnsafeBufferPointer { k in
        value.withUnsafeBufferPointer { v in
          context.withUnsafeMutableBufferPointer { c in
            let shared = Shared(
              (
                query: q.baseAddress!, key: k.baseAddress!, value: v.baseAddress!,
                context: c.baseAddress!
              ))
            let threads = rows >= 16 ? 2 : 1
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
              for head in stride(from: thread, to: heads, by: threads) {
                attend(shared.value, head: head, rows: rows, width: width, heads: heads, M.self)
              }
            }
          }
        }
      }
    }
    return context
  }

  /// One head's attention: its slice of every token's context.
  @inlinable
  static func attend<M: MultiplyAdd>(
    _ buffers: AttentionBuffers, head: Int, rows: Int, width: Int, heads: Int, _: M.Type
  ) {
    let size = width / heads
    precondition(size == headWidth, "a head of \(size) values; the kernel takes \(headWidth)")
    let offset = head * size
    let scale = 1 / Float(size).squareRoot()
    // Keys transposed: dimension d of key j at d * padded + j, the padding's scores unused.
    let padded = (rows + 7) / 8 * 8
    var transposed = [Float](repeating: 0, count: size * padded)
    // The scores of four queries at a time: each key vector loaded once serves four
    // independent sums, so the multiply-adds do not wait on one another.
    var scores = [Float](repeating: 0, count: 4 * padded)
    transposed.withUnsafeMutableBufferPointer { kt in
      scores.withUnsafeMutableBufferPointer { s in
        let keys = kt.baseAddress!
        for j in 0..<rows {
          for d in 0..<size { keys[d * padded + j] = buffers.key[j * width + offset + d] }
        }
        for first in stride(from: 0, to: rows, by: 4) {
          let count = min(4, rows - first)
          // A query past the last row repeats it; its scores are not used.
          let q0 = buffers.query + first * width + offset
          let q1 = buffers.query + min(first + 1, rows - 1) * width + offset
          let q2 = buffers.query + min(first + 2, rows - 1) * width + offset
          let q3 = buffers.query + min(first + 3, rows - 1) * width + offset
          let w = s.baseAddress!
          for block in stride(from: 0, to: padded, by: 8) {
            var s0 = SIMD8<Float>()
            var s1 = SIMD8<Float>()
            var s2 = SIMD8<Float>()
            var s3 = SIMD8<Float>()
            for d in 0..<size {
              let k = load(keys + d * padded + block)
              s0 = M.multiplyAdd(SIMD8(repeating: q0[d]), k, s0)
              s1 = M.multiplyAdd(SIMD8(repeating: q1[d]), k, s1)
              s2 = M.multiplyAdd(SIMD8(repeating: q2[d]), k, s2)
              s3 = M.multiplyAdd(SIMD8(repeating: q3[d]), k, s3)
            }
            store(s0 * scale, w + block)
            store(s1 * scale, w + padded + block)
            store(s2 * scale, w + 2 * padded + block)
            store(s3 * scale, w + 3 * padded + block)
          }
          for r in 0..<count {
            softmaxAndSum(
              weights: w + r * padded, buffers, row: first + r, rows: rows, width: width,
              offset: offset, M.self)
          }
        }
      }
    }
  }

  /// One query's context from its scores: the softmax of `weights` (its `rows` scores), then
  /// the weighted sum of the value rows, written to the query's row of the context.
  @inlinable @inline(__always)
  static func softmaxAndSum<M: MultiplyAdd>(
    weights: UnsafeMutablePointer<Float>, _ buffers: AttentionBuffers, row: Int, rows: Int,
    width: Int, offset: Int, _: M.Type
  ) {
    var largest = -Float.infinity
    for j in 0..<rows { largest = max(largest, weights[j]) }
    var total: Float = 0
    var j = 0
    while j + 8 <= rows {
      let e = exp(load(weights + j) - SIMD8(repeating: largest))
      store(e, weights + j)
      total += e.sum()
      j += 8
    }
    while j < rows {
      weights[j] = exp(SIMD8(repeating: weights[j] - largest))[0]
      total += weights[j]
      j += 1
    }
    // Two keys at a time into two sets of sums: eight chains of multiply-adds, not four.
    var c0 = SIMD8<Float>()
    var c1 = SIMD8<Float>()
    var c2 = SIMD8<Float>()
    var c3 = SIMD8<Float>()
    var d0 = SIMD8<Float>()
    var d1 = SIMD8<Float>()
    var d2 = SIMD8<Float>()
    var d3 = SIMD8<Float>()
    j = 0
    while j + 2 <= rows {
      let p = SIMD8<Float>(repeating: weights[j])
      let v = buffers.value + j * width + offset
      c0 = M.multiplyAdd(p, load(v), c0)
      c1 = M.multiplyAdd(p, load(v + 8), c1)
      c2 = M.multiplyAdd(p, load(v + 16), c2)
      c3 = M.multiplyAdd(p, load(v + 24), c3)
      let p2 = SIMD8<Float>(repeating: weights[j + 1])
      let u = v + width
      d0 = M.multiplyAdd(p2, load(u), d0)
      d1 = M.multiplyAdd(p2, load(u + 8), d1)
      d2 = M.multiplyAdd(p2, load(u + 16), d2)
      d3 = M.multiplyAdd(p2, load(u + 24), d3)
      j += 2
    }
    if j < rows {
      let p = SIMD8<Float>(repeating: weights[j])
      let v = buffers.value + j * width + offset
      c0 = M.multiplyAdd(p, load(v), c0)
      c1 = M.multiplyAdd(p, load(v + 8), c1)
      c2 = M.multiplyAdd(p, load(v + 16), c2)
      c3 = M.multiplyAdd(p, load(v + 24), c3)
    }
    let inverse = SIMD8<Float>(repeating: 1 / total)
    let out = buffers.context + row * width + offset
    store((c0 + d0) * inverse, out)
    store((c1 + d1) * inverse, out + 8)
    store((c2 + d2) * inverse, out + 16)
    store((c3 + d3) * inverse, out + 24)
  }
}
