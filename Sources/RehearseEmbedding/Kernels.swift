import Foundation

/// The arithmetic of the encoder's forward pass, on row-major float buffers.
enum Kernels {
  /// The buffers of one linear layer, shared by the threads that each write other outputs.
  struct Buffers: @unchecked Sendable {
    let input: UnsafePointer<Float>
    let weight: UnsafePointer<Float>
    let bias: UnsafePointer<Float>
    let output: UnsafeMutablePointer<Float>
  }

  /// The dot product of `count` floats at `a` and `b`; `count` a multiple of 16.
  @inline(__always)
  static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
    var first = SIMD8<Float>()
    var second = SIMD8<Float>()
    let left = UnsafeRawPointer(a)
    let right = UnsafeRawPointer(b)
    var offset = 0
    let end = count * 4
    while offset < end {
      // A multiply and an add, not addProduct: without FMA in the baseline instruction set a
      // fused multiply-add is a library call per lane.
      first +=
        left.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
        * right.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      second +=
        left.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
        * right.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
      offset += 64
    }
    return (first + second).sum()
  }

  /// A linear layer's weight in panels of eight outputs: panel `p` holds, for each input `k` in
  /// turn, PyTorch's `weight[8p ..< 8p + 8][k]`, so that a tile reads its weights in order.
  struct Weight: Sendable {
    let values: [Float]
    let inputs: Int
    let outputs: Int

    /// Packs a PyTorch weight of `outputs` rows of `inputs` values; `outputs` a multiple of 8.
    init(rows weight: [Float], outputs: Int, inputs: Int) {
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
  /// Outputs are computed in tiles of four rows by eight outputs held in registers, adding one
  /// input at a time (an outer product), so no sum is ever reduced across a vector; the weight
  /// columns of a tile stay in cache while every row passes. The tiles' columns are split between
  /// the processor's cores when there is enough work. `outputs` must be a multiple of 8.
  static func linear(_ input: [Float], rows: Int, weight: Weight, bias: [Float]) -> [Float] {
    let inputs = weight.inputs
    let outputs = weight.outputs
    var output = [Float](repeating: 0, count: rows * outputs)
    let blocks = outputs / 8
    let chunks = rows * outputs * inputs >= 2_000_000 ? 2 : 1
    input.withUnsafeBufferPointer { x in
      weight.values.withUnsafeBufferPointer { w in
        bias.withUnsafeBufferPointer { b in
          output.withUnsafeMutableBufferPointer { y in
            let buffers = Buffers(
              input: x.baseAddress!, weight: w.baseAddress!, bias: b.baseAddress!,
              output: y.baseAddress!)
            let perChunk = (blocks + chunks - 1) / chunks
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
              let first = chunk * perChunk
              let last = min(blocks, first + perChunk)
              guard first < last else { return }
              for block in first..<last {
                tile(buffers, block * 8, rows: rows, inputs: inputs, outputs: outputs)
              }
            }
          }
        }
      }
    }
    return output
  }

  /// Eight outputs from `column` of every row, four rows at a time.
  @inline(__always)
  static func tile(_ buffers: Buffers, _ column: Int, rows: Int, inputs: Int, outputs: Int) {
    let w = UnsafeRawPointer(buffers.weight + column * inputs)
    let stride = 32
    let bias = UnsafeRawPointer(buffers.bias + column).loadUnaligned(as: SIMD8<Float>.self)
    var row = 0
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
        a0 += SIMD8(repeating: x0[k]) * weights
        a1 += SIMD8(repeating: x1[k]) * weights
        a2 += SIMD8(repeating: x2[k]) * weights
        a3 += SIMD8(repeating: x3[k]) * weights
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
        a +=
          SIMD8(repeating: x[k])
          * w.loadUnaligned(fromByteOffset: k * stride, as: SIMD8<Float>.self)
      }
      store(a, buffers.output + row * outputs + column)
      row += 1
    }
  }

  @inline(__always)
  static func store(_ values: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: values, as: SIMD8<Float>.self)
  }

  /// Normalises each row of `width` values of `values` to mean 0 and variance 1, then scales
  /// and shifts it by `gamma` and `beta`.
  static func layerNorm(
    _ values: inout [Float], width: Int, gamma: [Float], beta: [Float], epsilon: Float
  ) {
    let rows = values.count / width
    values.withUnsafeMutableBufferPointer { v in
      for row in 0..<rows {
        let base = row * width
        var mean: Float = 0
        for k in 0..<width { mean += v[base + k] }
        mean /= Float(width)
        var variance: Float = 0
        for k in 0..<width {
          let d = v[base + k] - mean
          variance += d * d
        }
        let scale = 1 / (variance / Float(width) + epsilon).squareRoot()
        for k in 0..<width {
          v[base + k] = (v[base + k] - mean) * scale * gamma[k] + beta[k]
        }
      }
    }
  }

  /// `e^x` for eight values at once, to within 2 units in the last place for `x` in
  /// [−87, 88]; smaller values give 0.
  ///
  /// `x = n·ln 2 + r` with `|r| ≤ ln 2 / 2`: `e^r` is a degree-6 polynomial, and `2^n` is built
  /// in the exponent bits.
  @inline(__always)
  static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let clamped = pointwiseMin(
      pointwiseMax(x, SIMD8(repeating: -87.3)), SIMD8(repeating: 88))
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
  static func gelu(_ values: inout [Float]) {
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
  /// Each head's slices are first copied into rows of their own, so that every product below
  /// reads contiguous memory; a head's width must be a multiple of 16.
  static func attention(
    query: [Float], key: [Float], value: [Float], rows: Int, width: Int, heads: Int
  ) -> [Float] {
    let size = width / heads
    let scale = 1 / Float(size).squareRoot()
    var context = [Float](repeating: 0, count: rows * width)
    var q = [Float](repeating: 0, count: rows * size)
    var k = [Float](repeating: 0, count: rows * size)
    var v = [Float](repeating: 0, count: rows * size)
    var scores = [Float](repeating: 0, count: rows)
    var sum = [Float](repeating: 0, count: size)
    for head in 0..<heads {
      let offset = head * size
      for row in 0..<rows {
        for d in 0..<size {
          q[row * size + d] = query[row * width + offset + d] * scale
          k[row * size + d] = key[row * width + offset + d]
          v[row * size + d] = value[row * width + offset + d]
        }
      }
      q.withUnsafeBufferPointer { qp in
        k.withUnsafeBufferPointer { kp in
          v.withUnsafeBufferPointer { vp in
            for i in 0..<rows {
              var largest = -Float.infinity
              for j in 0..<rows {
                let score = dot(qp.baseAddress! + i * size, kp.baseAddress! + j * size, size)
                scores[j] = score
                largest = max(largest, score)
              }
              var total: Float = 0
              scores.withUnsafeMutableBufferPointer { buffer in
                let raw = UnsafeMutableRawPointer(buffer.baseAddress!)
                var j = 0
                while j + 8 <= rows {
                  let weights = exp(
                    raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
                      - SIMD8(repeating: largest))
                  raw.storeBytes(of: weights, toByteOffset: j * 4, as: SIMD8<Float>.self)
                  total += weights.sum()
                  j += 8
                }
                while j < rows {
                  buffer[j] = exp(SIMD8(repeating: buffer[j] - largest))[0]
                  total += buffer[j]
                  j += 1
                }
              }
              for d in 0..<size { sum[d] = 0 }
              for j in 0..<rows {
                let weight = scores[j]
                let base = j * size
                for d in 0..<size { sum[d] += weight * vp[base + d] }
              }
              let inverse = 1 / total
              for d in 0..<size { context[i * width + offset + d] = sum[d] * inverse }
            }
          }
        }
      }
    }
    return context
  }
}
