/// How a kernel computes `c + a · b` on eight floats: the one operation whose best form depends
/// on the processor the kernel is compiled for.
public protocol MultiplyAdd: SendableMetatype {
  /// `c + a · b`, lane by lane.
  static func multiplyAdd(_ a: SIMD8<Float>, _ b: SIMD8<Float>, _ c: SIMD8<Float>)
    -> SIMD8<Float>

  /// Whether a linear layer's tiles may hold six rows by sixteen outputs: twelve eight-float
  /// sums, which only a processor with sixteen eight-float registers keeps out of memory.
  static var wideTiles: Bool { get }
}

/// A multiply, then an add: for any x86-64 or ARM processor. Without FMA in the instruction set
/// a fused multiply-add is a library call per lane, far slower than the two instructions.
public enum SeparateMultiplyAdd: MultiplyAdd {
  public static let wideTiles = false

  @inlinable @inline(__always)
  public static func multiplyAdd(_ a: SIMD8<Float>, _ b: SIMD8<Float>, _ c: SIMD8<Float>)
    -> SIMD8<Float>
  {
    c + a * b
  }
}

/// One fused multiply-add instruction: only in code compiled for a processor that has FMA.
public enum FusedMultiplyAdd: MultiplyAdd {
  public static let wideTiles = true

  @inlinable @inline(__always)
  public static func multiplyAdd(_ a: SIMD8<Float>, _ b: SIMD8<Float>, _ c: SIMD8<Float>)
    -> SIMD8<Float>
  {
    c.addingProduct(a, b)
  }
}
