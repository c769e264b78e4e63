import ArgumentParser
import RehearseCore

/// A calendar day given as `YYYY-MM-DD` (`debrief --date`); a day the calendar does not have is
/// refused.
extension LocalDay: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(iso: argument)
  }
}
