import EmbeddingKernels
import Foundation

#if arch(x86_64)
  /// The encoder's kernels compiled for x86-64 processors with AVX2 and FMA (Haswell, 2013, and
  /// later): the same code as `Kernels`, its eight-float vectors one register and its
  /// multiply-adds one instruction. Only called when `isSupported` says the processor has both.
  public enum AVX2Kernels {
    /// Whether this processor (and its operating system) runs AVX2 and FMA instructions.
    public static let isSupported: Bool = {
      #if os(Linux)
        // The kernel lists a feature only when it also saves the registers it needs.
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return false }
        let names = Set(flags.split(separator: " ").map(String.init))
        return names.contains("avx2") && names.contains("fma")
      #elseif os(macOS)
        func flag(_ name: String) -> Bool {
          var value: Int32 = 0
          var size = MemoryLayout<Int32>.size
          return sysctlbyname(name, &value, &size, nil, 0) == 0 && value != 0
        }
        return flag("hw.optional.avx2_0") && flag("hw.optional.fma")
      #else
        return false
      #endif
    }()

    /// `Kernels.linear`, with fused multiply-adds.
    public static func linear(
      _ input: [Float], rows: Int, weight: Kernels.Weight, bias: [Float]
    ) -> [Float] {
      Kernels.linear(input, rows: rows, weight: weight, bias: bias, FusedMultiplyAdd.self)
    }

    /// `Kernels.attention`, with fused multiply-adds.
    public static func attention(
      query: [Float], key: [Float], value: [Float], rows: Int, width: Int, heads: Int
    ) -> [Float] {
      Kernels.attention(
        query: query, key: key, value: value, rows: rows, width: width, heads: heads,
        FusedMultiplyAdd.self)
    }

    /// `Kernels.gelu`.
    public static func gelu(_ values: inout [Float]) {
      Kernels.gelu(&values)
    }

    /// `Kernels.layerNorm`.
    public static func layerNorm(
      _ values: inout [Float], width: Int, gamma: [Float], beta: [Float], epsilon: Float
    ) {
      Kernels.layerNorm(&values, width: width, gamma: gamma, beta: beta, epsilon: epsilon)
    }
  }
#endif
