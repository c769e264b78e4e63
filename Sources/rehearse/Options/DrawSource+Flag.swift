import ArgumentParser
import RehearseCore

/// `--due`, `--weak` and `--new`, one at most.
extension DrawSource: EnumerableFlag {
  public static func name(for value: DrawSource) -> NameSpecification {
    .customLong(value.rawValue)
  }
}
