import ArgumentParser
import RehearseCore
import RehearseStore

/// `rehearse reschedule`: every schedule rebuilt from the saved answers.
struct RescheduleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reschedule",
    abstract: "Rebuild every question's review schedule from your saved answers.",
    discussion: """
      Each saved answer keeps the rating it gave its question (from its band, hints and time, \\
      or :again/:easy). This replays them all, oldest first, through the scheduler, counting \\
      days in the local time zone: after an update changes the scheduler, or after moving to \\
      another time zone. Nothing saved is changed but the schedule.
      """
  )

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try CommandRunner.run {
      try Rehearse.reschedule(archive: try SessionStore(home: UserHome.folder))
    }
  }
}
