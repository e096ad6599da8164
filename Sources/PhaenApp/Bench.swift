import Foundation
import PhaenCore

/// `phaen bench`: how long scoring and validation take on the data at hand. Numbers only;
/// no test depends on them.
public struct ScoringBench: Sendable {
    public let data: any PlanningData
    public init(data: any PlanningData) { self.data = data }

    public struct Result: Sendable {
        public var agreements: Int
        public var kpis: Int
        public var iterations: Int
        public var loadSeconds: Double
        public var scoreSecondsPerPass: Double
        public var validateSecondsPerPass: Double
    }

    public func run(iterations: Int) async throws -> Result {
        let clock = ContinuousClock()
        var agreements: [Agreement] = []
        var contexts: [ValidationContext] = []
        var results: [String: [KPIResult]] = [:]
        let load = try await clock.measure {
            agreements = try await data.agreements()
            for a in agreements {
                results["\(a.unitCode)/\(a.fiscalYear)"] = ScoreUnitYear.latestResults(
                    try await data.reports(unitCode: a.unitCode, fiscalYear: a.fiscalYear))
            }
            for unit in try await data.units() {
                for year in try await data.fiscalYears(unitCode: unit.code) {
                    contexts.append(try await ValidateUnitYear.context(data, unitCode: unit.code, fiscalYear: year))
                }
            }
        }
        var sink = Decimal(0)
        let score = clock.measure {
            for _ in 0..<iterations {
                for a in agreements {
                    sink += Scorer.score(a, results: results["\(a.unitCode)/\(a.fiscalYear)"] ?? [], unitGroup: nil).total
                }
            }
        }
        var findings = 0
        let validate = clock.measure {
            for _ in 0..<iterations { for c in contexts { findings += Validator.validate(c).count } }
        }
        precondition(sink >= 0 && findings >= 0)
        return Result(agreements: agreements.count, kpis: agreements.map { $0.allKPIs.count }.reduce(0, +),
                      iterations: iterations, loadSeconds: load.seconds,
                      scoreSecondsPerPass: score.seconds / Double(iterations),
                      validateSecondsPerPass: validate.seconds / Double(iterations))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
