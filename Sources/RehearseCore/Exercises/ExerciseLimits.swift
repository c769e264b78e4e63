/// The limits answer code runs under: a runaway query or loop is stopped, never waited out.
public struct ExerciseLimits: Sendable, Equatable {
  /// How long one SQL query may run, in seconds; a progress handler interrupts it after that.
  public var sqlSeconds: Double
  /// How many rows a SQL query may return before it is stopped.
  public var sqlRows: Int
  /// How long a Python run (loading the answer and every test) may take on the wall clock.
  public var pythonSeconds: Double
  /// How much processor time a Python run may use, in whole seconds.
  public var pythonCPUSeconds: Int
  /// How much memory (address space) a Python run may map, in bytes.
  public var pythonMemoryBytes: Int

  public init(
    sqlSeconds: Double = 2, sqlRows: Int = 10_000, pythonSeconds: Double = 5,
    pythonCPUSeconds: Int = 4, pythonMemoryBytes: Int = 512 << 20
  ) {
    self.sqlSeconds = sqlSeconds
    self.sqlRows = sqlRows
    self.pythonSeconds = pythonSeconds
    self.pythonCPUSeconds = pythonCPUSeconds
    self.pythonMemoryBytes = pythonMemoryBytes
  }

  /// The limits the sessions and `bank test` use.
  public static let standard = ExerciseLimits()
}
