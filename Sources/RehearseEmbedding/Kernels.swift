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

  /// The dot products of four consecutive rows of `count` floats at `rows` with the `count`
  /// floats at `b`: each chunk of `b` is loaded once for the four rows.
  @inline(__always)
  static func dot4(_ rows: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int)
    -> SIMD4<Float>
  {
    var s0 = SIMD8<Float>()
    var s1 = SIMD8<Float>()
    var s2 = SIMD8<Float>()
    var s3 = SIMD8<Float>()
    let right = UnsafeRawPointer(b)
    let r0 = UnsafeRawPointer(rows)
    let r1 = UnsafeRawPointer(rows + count)
    let r2 = UnsafeRawPointer(rows + 2 * count)
    let r3 = UnsafeRawPointer(rows + 3 * count)
    var offset = 0
    let end = count * 4
    while offset < end {
      let w = right.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      s0 += r0.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * w
      s1 += r1.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * w
      s2 += r2.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * w
      s3 += r3.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * w
      offset += 32
    }
    return SIMD4(s0.sum(), s1.sum(), s2.sum(), s3.sum())
  }

  /// `output[i][o] = bias[o] + Σk input[i][k] · weight[o][k]` for `rows` rows of `inputs`
  /// values: a linear layer whose weight is stored as PyTorch does, one row per output.
  ///
  /// Each weight row is read once and used for every input row while it is in cache; the
  /// output rows are split between the processor's cores when there is enough work.
  static func linear(
    _ input: [Float], rows: Int, inputs: Int, weight: [Float], bias: [Float], outputs: Int
  ) -> [Float] {
    var output = [Float](repeating: 0, count: rows * outputs)
    let chunks = rows * outputs * inputs >= 2_000_000 ? 2 : 1
    input.withUnsafeBufferPointer { x in
      weight.withUnsafeBufferPointer { w in
        bias.withUnsafeBufferPointer { b in
          output.withUnsafeMutableBufferPointer { y in
            let buffers = Buffers(
              input: x.baseAddress!, weight: w.baseAddress!, bias: b.baseAddress!,
              output: y.baseAddress!)
            let perChunk = (outputs + chunks - 1) / chunks
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
              let start = chunk * perChunk
              let end = min(outputs, start + perChunk)
              guard start < end else { return }
              for o in start..<end {
                let row = buffers.weight + o * inputs
                let offset = buffers.bias[o]
                var i = 0
                while i + 4 <= rows {
                  let sums = dot4(buffers.input + i * inputs, row, inputs)
                  for lane in 0..<4 {
                    buffers.output[(i + lane) * outputs + o] = offset + sums[lane]
                  }
                  i += 4
                }
                while i < rows {
                  buffers.output[i * outputs + o] =
                    offset + dot(buffers.input + i * inputs, row, inputs)
                  i += 1
                }
              }
            }
          }
        }
      }
    }
    return output
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

  /// The exact GELU, `x · Φ(x)`, applied to every value.
  static func gelu(_ values: inout [Float]) {
    values.withUnsafeMutableBufferPointer { v in
      for index in v.indices {
        let x = v[index]
        v[index] = 0.5 * x * (1 + erff(x * 0.707_106_77))
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
              for j in 0..<rows {
                let weight = expf(scores[j] - largest)
                scores[j] = weight
                total += weight
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
