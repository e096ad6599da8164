import Foundation
import Testing
import PhaenCore
@testable import PhaenImport

@Suite struct ExchangeFormatTests {
    func decode(_ json: String) -> Result<ExchangeDocument, ImportError> {
        do { return .success(try ExchangeDocument.decode(Data(json.utf8))) } catch { return .failure(error) }
    }

    func wrap(_ kpi: String, group: String = "B") -> String {
        #"{"fiscalYear": 2564, "unitGroup": "\#(group)", "pointsScheme": "60-100", "components": [ {"number": "2", "name": "x", "weight": 20, "kpis": [ \#(kpi) ] } ] }"#
    }

    @Test("the README example decodes and scores: group B, 57 → level 2.4, 7.4; the stated 2 / 7.0 is flagged")
    func readmeExample() throws {
        let doc = try decode(wrap(#"{"code": "2.1", "name": "…", "weight": 10, "criteria": {"kind": "thresholds", "direction": "higher", "interpolate": true, "thresholds": {"A": [70,75,80,85,90], "B": [50,55,60,65,70]}}, "result": 57, "stated": {"level": 2, "weightedScore": 7.0}}"#)).get()
        let card = Scorer.score(doc.agreement, results: doc.results, unitGroup: doc.unitGroup)
        #expect(card.total == Decimal(string: "7.4"))
        #expect(Set(card.allKPIs[0].findings.map(\.code)) == ["level", "weightedScore"])
    }

    @Test("bad input names the JSON path", arguments: [
        (#"{"code": "a", "weight": 10, "criteria": {"kind": "curve"}, "result": 1}"#, "$.components[0].kpis[0].criteria.kind", "unknown criteria kind"),
        (#"{"code": "a", "weight": 10, "criteria": {"kind": "thresholds", "thresholds": [1,2,3,4]}, "result": 1}"#, "$.components[0].kpis[0].criteria.thresholds", "5 values"),
        (#"{"code": "a", "weight": "ten", "criteria": {"kind": "steps"}, "result": 1}"#, "$.components[0].kpis[0].weight", "number"),
        (#"{"code": "a", "weight": 10, "criteria": {"kind": "thresholds", "thresholds": {"A": [1,2,3,4,5]}}, "result": 1}"#, "$.components[0].kpis[0].criteria.thresholds", "group B"),
        (#"{"code": "a", "weight": 10, "criteria": {"kind": "composite", "parts": [{"kind": "thresholds", "thresholds": {"A": [1,2,3,4,5]}, "result": 1}]}}"#, "$.components[0].kpis[0].criteria.parts[0].thresholds", "group B"),
        (#"{"code": "a", "weight": 10, "criteria": {"kind": "thresholds", "thresholds": [1,null,3,4,5]}, "result": 1}"#, "$.components[0].kpis[0].criteria.thresholds", "level 2"),
        (#"{"weight": 10, "criteria": {"kind": "steps"}}"#, "$.components[0].kpis[0].code", "missing"),
    ])
    func badInput(kpi: String, path: String, message: String) {
        guard case .failure(let error) = decode(wrap(kpi)) else {
            Issue.record("accepted bad input \(kpi)")
            return
        }
        #expect(error.path == path)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test("a lower-is-better row may leave level 1 open")
    func openLevelOne() throws {
        let doc = try decode(wrap(#"{"code": "n", "weight": 15, "criteria": {"kind": "thresholds", "direction": "lower", "thresholds": [null,6,4,2,1]}, "result": 2}"#)).get()
        #expect(Scorer.score(doc.agreement, results: doc.results, unitGroup: nil).total == Decimal(string: "13.5"))
    }

    @Test("not JSON at all")
    func notJSON() {
        guard case .failure(let error) = decode("{ nope") else { Issue.record("accepted"); return }
        #expect(error.path == "$")
    }
}
