import Foundation

/// An error the command line reports as `rehearse: error: …` with a documented exit code.
public protocol RehearseError: Error, CustomStringConvertible {
  var exitStatus: ExitStatus { get }
}
