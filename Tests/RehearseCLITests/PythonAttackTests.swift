import Foundation
import Testing

/// One hostile answer: a file of `Tests/RehearseCoreTests/Fixtures/python-attacks`, whose first
/// line says what it tries.
struct PythonAttack: CustomTestStringConvertible, Sendable {
  let name: String
  let source: String

  var testDescription: String { name }

  static let folder = RehearseProcess.repository
    .appendingPathComponent("Tests/RehearseCoreTests/Fixtures/python-attacks")

  static let all: [PythonAttack] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".py") }.sorted().compactMap { name in
      guard
        let source = try? String(
          contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      else { return nil }
      return PythonAttack(name: String(name.dropLast(3)), source: source)
    }
  }()
}

/// Who runs `rehearse` for an attack: the user running the tests (root in CI), or `nobody`.
enum AttackUser: String, CustomTestStringConvertible, Sendable {
  case invoker
  case nobody

  var testDescription: String { rawValue }

  /// A Python 3 that `nobody` can run, when the tests run as root and `setpriv` can change the
  /// user: the user's own `python3` may lie in root's home, out of `nobody`'s reach.
  static let nobodyPython: String? = {
    guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    else { return nil }
    for candidate in ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"] {
      guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments = [
        "--reuid=65534", "--regid=65534", "--clear-groups", candidate, "-c", "pass",
      ]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      guard (try? process.run()) != nil else { continue }
      process.waitUntilExit()
      if process.terminationStatus == 0 { return candidate }
    }
    return nil
  }()

  /// The users this machine can run the attacks as.
  static let available: [AttackUser] = [.invoker] + (nobodyPython == nil ? [] : [.nobody])

  /// Whether this user can have the namespaces the sandbox asks for (root: mount, network and
  /// PID; another user: the same in a user namespace), as `unshare` finds. Without them the
  /// sandbox promises less (README, "What a Python answer can reach"): the answer runs with
  /// the user's own rights to files, so reading and writing what the user can is not counted.
  var hasNamespaces: Bool {
    switch self {
    case .invoker: Self.invokerHasNamespaces
    case .nobody: Self.nobodyHasNamespaces
    }
  }

  private static let invokerHasNamespaces = AttackUser.invoker.probeNamespaces()
  private static let nobodyHasNamespaces = AttackUser.nobody.probeNamespaces()

  private func probeNamespaces() -> Bool {
    let unshare = "/usr/bin/unshare"
    guard FileManager.default.isExecutableFile(atPath: unshare) else { return false }
    let process = Process()
    switch self {
    case .invoker where geteuid() == 0:
      process.executableURL = URL(fileURLWithPath: unshare)
      process.arguments = ["--mount", "--net", "--pid", "--fork", "true"]
    case .invoker:
      process.executableURL = URL(fileURLWithPath: unshare)
      process.arguments = ["--user", "--mount", "--net", "--pid", "--fork", "true"]
    case .nobody:
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments = [
        "--reuid=65534", "--regid=65534", "--clear-groups", unshare, "--user", "--mount", "--net",
        "--pid", "--fork", "true",
      ]
    }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}

/// Every attack answer is refused or contained, run through `rehearse score` as a user would, as
/// the user running the tests and, run by root, as `nobody` (an unprivileged user): no secret of
/// the parent's environment, the store, the stories or the home reaches the output and nothing
/// outside the run is written (these two where the user can have namespaces), nothing is
/// connected to, no process of the user is killed, no attack passes, and grading returns within
/// the limit plus 1 s leaving no process (`pgrep -f`) and no folder (`rehearse-python-*` in
/// `TMPDIR`) behind.
@Suite("Python answers are sandboxed", .serialized)
struct PythonAttackTests {
  /// The Python question the attacks answer.
  static let question = "py-merge-overlapping-intervals"
  /// The wall-clock limit of a Python run (`ExerciseLimits.standard`).
  static let limitSeconds = 5.0

  /// A bank cache made once (kept in `.build` between test runs, refreshed by each), copied into
  /// each attack's store so that no run pays for loading the bank from YAML.
  static let warmCache: URL? = {
    let home = RehearseProcess.repository.appendingPathComponent(".build/rehearse-attack-cache")
    guard
      (try? RehearseProcess.run(["bank", "list"], environment: ["REHEARSE_HOME": home.path]))
        != nil
    else { return nil }
    return home.appendingPathComponent("cache")
  }()

  static var hasPython: Bool {
    let located = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/python3")
    }
    return located == true
  }

  @Test(
    "an attack is refused or contained",
    .enabled(if: hasPython),
    arguments: PythonAttack.all, AttackUser.available)
  func attack(_ attack: PythonAttack, as user: AttackUser) throws {
    let scene = try AttackScene(user: user)
    defer { scene.remove() }
    let sentinel = try scene.startSentinel()
    let answer = scene.answer(attack.source, sentinel: sentinel)
    let start = ContinuousClock.now
    let result = try scene.score(answer)
    let elapsed = ContinuousClock.now - start

    let report = try #require(
      (try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)))
        as? [String: Any], "\(attack.name): \(result.standardError)")
    let execution = try #require(report["execution"] as? [String: Any])
    let outcome = execution["outcome"] as? String
    #expect(outcome != "passed", "\(attack.name) passed")
    let checks = execution["checks"] as? [[String: Any]] ?? []
    // Run by root without namespaces, a python3 that nobody cannot reach is not run at all.
    if outcome != "unavailable" || user.hasNamespaces {
      #expect(!checks.isEmpty && checks.contains { $0["passed"] as? Bool != true })
    }
    #expect(
      elapsed <= .seconds(Self.limitSeconds + 1), "\(attack.name) took \(elapsed)")

    if user.hasNamespaces {
      let output = result.standardOutput + result.standardError
      for secret in scene.secrets {
        #expect(!output.contains(secret), "\(attack.name) leaked \(secret): \(output.prefix(2000))")
      }
      #expect(scene.storeIsUnchanged(), "\(attack.name) changed the store")
      #expect(scene.nothingWrittenOutside(), "\(attack.name) wrote outside its folder")
    }
    #expect(!scene.listenersWereReached(), "\(attack.name) connected to a listener")
    #expect(scene.runFoldersLeft().isEmpty, "\(attack.name) left \(scene.runFoldersLeft())")
    #expect(scene.processesLeft().isEmpty, "\(attack.name) left \(scene.processesLeft())")
    #expect(sentinel.isAlive(), "\(attack.name) killed a process of the same user")
    sentinel.stop()
  }
}
