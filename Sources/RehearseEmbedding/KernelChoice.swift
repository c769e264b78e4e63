import EmbeddingKernels

#if arch(x86_64)
  import EmbeddingKernelsAVX2
#endif

/// Which compiled copy of the encoder's kernels runs: the one for this processor's widest
/// vectors. Chosen once; both copies compute the same values (to rounding).
enum KernelChoice: Sendable {
  /// Any x86-64 or ARM processor: `Kernels` as compiled in this module.
  case baseline
  /// x86-64 with AVX2 and FMA: `AVX2Kernels`.
  case avx2

  /// The copy this processor runs.
  static let current: KernelChoice = {
    #if arch(x86_64)
      return AVX2Kernels.isSupported ? .avx2 : .baseline
    #else
      return .baseline
    #endif
  }()

  func linear(_ input: [Float], rows: Int, weight: Kernels.Weight, bias: [Float]) -> [Float] {
    #if arch(x86_64)
      if self == .avx2 { return AVX2Kernels.linear(input, rows: rows, weight: weight, bias: bias) }
    #endif
    return Kernels.linear(input, rows: rows, weight: weight, bias: bias, SeparateMultiplyAdd.self)
  }

  func attention(
    query: [Float], key: [Float], value: [Float], rows: Int, width: Int, heads: Int
  ) -> [Float] {
    #if arch(x86_64)
      if self == .avx2 {
        return AVX2Kernels.attention(
          query: query, key: key, value: value, rows: rows, width: width, heads: heads)
      }
    #endif
    return Kernels.attention(
      query: query, key: key, value: value, rows: rows, width: width, heads: heads,
      SeparateMultiplyAdd.self)
  }

  func gelu(_ values: inout [Float]) {
    #if arch(x86_64)
      if self == .avx2 { return AVX2Kernels.gelu(&values) }
    #endif
    Kernels.gelu(&values)
  }

  func layerNorm(
    _ values: inout [Float], width: Int, gamma: [Float], beta: [Float], epsilon: Float
  ) {
    #if arch(x86_64)
      if self == .avx2 {
        return AVX2Kernels.layerNorm(
          &values, width: width, gamma: gamma, beta: beta, epsilon: epsilon)
      }
    #endif
    Kernels.layerNorm(&values, width: width, gamma: gamma, beta: beta, epsilon: epsilon)
  }
}
