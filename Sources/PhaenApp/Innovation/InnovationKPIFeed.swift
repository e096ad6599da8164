import PhaenCore
import PhaenStore

/// Where the innovation records of a unit-year come from: the database, a dataset in memory,
/// or the web's scoped view (which returns none for a unit the person may not see).
public protocol InnovationRecordSource: Sendable {
    func innovations(unitCode: String, fiscalYear: FiscalYear) async throws -> [Innovation]
}

extension PhaenStore: InnovationRecordSource {}

extension InMemoryData: InnovationRecordSource {
    public func innovations(unitCode: String, fiscalYear: FiscalYear) async throws -> [Innovation] {
        dataset.innovations.filter { $0.unitCode == unitCode && $0.fiscalYear == fiscalYear }
    }
}

/// The hook `ScoreUnitYear` calls beside the disbursement one: KPIs whose `resultSource` is
/// `.innovation` take their level from the unit-year's innovation record
/// (`InnovationProgress.level`: forms 1–5 and status), given as both the value and the level so
/// judged and step criteria read it alike; their explanation names the source. Agreements
/// without such a KPI read nothing.
public struct InnovationKPIFeed: Sendable {
    let fed: [String: (result: KPIResult, explanation: String)]
    let codes: Set<String>

    public static func load(data: any PlanningData, agreement: Agreement) async throws -> InnovationKPIFeed {
        let codes = agreement.allKPIs.filter { $0.resultSource == .innovation }.map(\.code)
        guard !codes.isEmpty, let source = data as? any InnovationRecordSource else {
            return InnovationKPIFeed(fed: [:], codes: Set(codes))
        }
        let innovations = try await source.innovations(unitCode: agreement.unitCode, fiscalYear: agreement.fiscalYear)
        var fed: [String: (KPIResult, String)] = [:]
        for code in codes {
            if let found = InnovationLevel.result(kpiCode: code, innovations: innovations) {
                var result = found.result
                result.value = result.level
                fed[code] = (result, found.explanation)
            }
        }
        return InnovationKPIFeed(fed: fed, codes: Set(codes))
    }

    /// The reported results with the innovation-fed KPIs replaced (or added). A fed KPI without
    /// any innovation recorded keeps no result: typing a level cannot stand in for the record.
    public func results(replacing results: [KPIResult]) -> [KPIResult] {
        guard !codes.isEmpty else { return results }
        return results.filter { !codes.contains($0.kpiCode) } + fed.values.map(\.result).sorted { $0.kpiCode < $1.kpiCode }
    }

    public func annotate(_ card: ScoreCard) -> ScoreCard {
        guard !codes.isEmpty else { return card }
        var card = card
        for c in card.components.indices {
            for k in card.components[c].kpis.indices where codes.contains(card.components[c].kpis[k].code) {
                let code = card.components[c].kpis[k].code
                let source = fed[code]?.explanation ?? "ที่มา: ทะเบียนนวัตกรรม (Innovation Base) — ยังไม่มีนวัตกรรมที่บันทึกแบบฟอร์มของปีงบประมาณ \(card.fiscalYear.be)"
                card.components[c].kpis[k].explanation = source + "; " + card.components[c].kpis[k].explanation
            }
        }
        return card
    }
}
