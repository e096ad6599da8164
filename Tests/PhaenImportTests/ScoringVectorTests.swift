import Foundation
import Testing
import PhaenCore
@testable import PhaenImport

/// The shared scoring vectors (../shared/docs/scoring-vectors.json): each input in the
/// exchange format must give the expected score card.
@Suite struct ScoringVectorTests {
    struct Vectors: Decodable { var vectors: [Vector] }
    struct Vector: Decodable {
        var name: String
        var expected: Expected
    }
    struct Expected: Decodable {
        var total: Decimal
        var components: [ExpectedComponent]
    }
    struct ExpectedComponent: Decodable { var number: String; var score: Decimal; var kpis: [ExpectedKPI] }
    struct ExpectedKPI: Decodable { var code: String; var level: Decimal?; var points: Decimal?; var weightedScore: Decimal? }

    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/docs/scoring-vectors.json").standardized

    @Test func everyVector() throws {
        guard let data = try? Data(contentsOf: Self.file) else {
            print("skipping: \(Self.file.path) not found (../shared is not beside the repository)")
            return
        }
        let vectors = try JSONDecoder().decode(Vectors.self, from: data).vectors
        let raw = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let inputs = (raw["vectors"] as! [[String: Any]]).map { $0["input"]! }
        #expect(vectors.count >= 9)
        for (vector, input) in zip(vectors, inputs) {
            let doc = try ExchangeDocument.decode(JSONSerialization.data(withJSONObject: input))
            let card = Scorer.score(doc.agreement, results: doc.results, unitGroup: doc.unitGroup)
            #expect(card.total == vector.expected.total, "\(vector.name): total")
            for (component, expected) in zip(card.components, vector.expected.components) {
                #expect(component.number == expected.number && component.score == expected.score, "\(vector.name)")
                for (kpi, e) in zip(component.kpis, expected.kpis) {
                    #expect(kpi.code == e.code && kpi.level == e.level && kpi.points == e.points
                            && kpi.weightedScore == e.weightedScore, "\(vector.name) \(kpi.code): \(kpi.explanation)")
                }
            }
        }
    }
}
