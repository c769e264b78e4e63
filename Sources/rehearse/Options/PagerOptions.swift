import ArgumentParser

/// `--no-pager`, for the commands whose output can be long: at a terminal their output goes
/// through `$PAGER` unless this is given.
struct PagerOptions: ParsableArguments {
  @Flag(
    name: .customLong("no-pager"),
    help: "Print directly; at a terminal the output otherwise goes through $PAGER (less -FRX).")
  var noPager = false
}
