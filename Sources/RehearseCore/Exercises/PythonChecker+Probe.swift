import Foundation

extension PythonChecker {
  /// What `probe()` found: the interpreter's version, or why Python answers cannot run.
  public enum Probe: Equatable, Sendable {
    /// The interpreter started in the sandbox and said its version (`3.12.3`).
    case runs(version: String)
    /// No interpreter (`Interpreter.missing`): the reason.
    case missing(reason: String)
    /// The interpreter is there, but did not start in the sandbox: why.
    case sandboxFails(reason: String)
  }

  /// Starts the interpreter once, in the sandbox answers run in, to ask its version: the check
  /// `rehearse doctor` makes that Python answers can be run here. It leaves nothing behind (the
  /// sandbox's temporary folder is removed).
  public func probe(limits: ExerciseLimits = .standard) -> Probe {
    guard case .found(let path) = interpreter else {
      if case .missing(let reason) = interpreter { return .missing(reason: reason) }
      return .missing(reason: "no python3")
    }
    do {
      let run = try sandbox.run(
        program: program(for: path, limits: limits),
        arguments: [
          "-I", "-S", "-c", "import os, sys; os.write(3, sys.version.split()[0].encode())",
        ],
        environment: PythonRun.environment, input: Data(), seconds: limits.pythonSeconds,
        outputLimit: 256)
      let version = String(decoding: run.output, as: UTF8.self)
      guard run.signal == 0, run.status == 0, !version.isEmpty else {
        let said = run.errors.trimmingCharacters(in: .whitespacesAndNewlines)
        let ending = run.signal != 0 ? "signal \(run.signal)" : "status \(run.status)"
        return .sandboxFails(
          reason: "it ended with \(ending)" + (said.isEmpty ? "" : ": \(said.suffix(200))"))
      }
      return .runs(version: version)
    } catch {
      return .sandboxFails(reason: "\(error)")
    }
  }
}
