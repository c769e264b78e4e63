/// A behavioural competency that a question probes and a story demonstrates.
public enum Competency: String, CaseIterable, Sendable, Codable {
  case pipelineBuilt = "pipeline-built"
  case dataQuality = "data-quality"
  case orchestrationScheduling = "orchestration-scheduling"
  case stakeholderRequirements = "stakeholder-requirements"
  case performanceTuning = "performance-tuning"
  case incidentOwnership = "incident-ownership"
  case cloudMigration = "cloud-migration"
  case learningFast = "learning-fast"
  case conflict
  case failure
}
