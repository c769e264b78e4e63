import Foundation

extension Rehearse {
  /// `rehearse doctor`: where the bank, data, cache and config are, the store's and the bank
  /// cache's versions, and whether Python answers can run. It creates and changes nothing.
  ///
  /// Exits 1 (`checkFailed`) when a check fails: something a command needs does not work.
  public static func doctor(_ request: DoctorRequest) -> CommandOutput {
    var bank = request.bank
    bank.cacheFolder = nil
    let report = DoctorReport(
      version: RehearseVersion.current, program: bank.executablePath,
      checks: [
        DoctorChecks.bank(bank), DoctorChecks.ownBank(bank), DoctorChecks.data(request.home),
        DoctorChecks.store(request.store, home: request.home),
        DoctorChecks.cache(home: request.home, environment: request.environment),
        DoctorChecks.config(request.configPath, home: request.home),
        DoctorChecks.python(request.python),
        DoctorChecks.semanticModel(bank, enabled: request.semantic),
      ])
    let text =
      switch request.format {
      case .json: JSONOutput.encode(report)
      case .text: report.text(style: request.style)
      }
    return CommandOutput(text, status: report.ok ? .success : .checkFailed)
  }
}
