import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import PhaenApp
import PhaenCore
import PhaenStore
@testable import PhaenWeb

/// The per-version caches behind the dashboard, score, plan and session lookups: every write
/// is seen by the next request, and a result cached for one person is never another's view.
extension WebTests {
@Suite struct PerfCacheTests {
    static let report = "/api/v1/units/1022/reports/2567/q1/1.2"

    /// The total shown for 1022 in the city table ("–" while unscored).
    func cityTotal(_ page: TestResponse) throws -> String {
        try #require(page.text.firstMatch(of: /href="\/units\/1022\/scores\/2567">([^<]*)<\/a>/)?.1).description
    }

    /// The total on 1022's score page.
    func scoreTotal(_ page: TestResponse) throws -> String {
        try #require(page.text.firstMatch(of: /คะแนนรวม <span class="score[^"]*">([^<]*)<\/span>/)?.1).description
    }

    @Test func dashboardAndScorePageFollowEveryWriteAndKeepDraftsToThoseWhoMayReadThem() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let eva = try await client.signIn("eva"), exe = try await client.signIn("exe")
            let rep = db.tokens["rep1022"]!, head = db.tokens["head1022"]!, evaToken = db.tokens["eva"]!
            // Fill the caches first.
            #expect(try cityTotal(try await client.get("/dashboard?year=2567", as: eva)) == "–")
            #expect(try cityTotal(try await client.get("/dashboard?year=2567", as: exe)) == "–")
            #expect(try await client.get("/units/1022/scores/2567", as: eva).status == .ok)

            // A draft: the evaluator's table and score page show it at once, the executive's not.
            let saved = try await client.sendJSON(Self.report, method: .put, #"{"value": 72}"#, bearer: rep)
            #expect(saved.status == .ok)
            #expect(try cityTotal(try await client.get("/dashboard?year=2567", as: eva)) == "16")
            #expect(try cityTotal(try await client.get("/dashboard?year=2567", as: exe)) == "–")
            #expect(try scoreTotal(try await client.get("/units/1022/scores/2567", as: eva)) == "16")
            #expect(try scoreTotal(try await client.get("/units/1022/scores/2567", as: exe)) == "–")

            // Sent, certified, accepted: now everyone's table scores it.
            for (transition, version, token) in [("submission", 1, rep), ("certification", 2, head), ("acceptance", 3, evaToken)] {
                let moved = try await client.sendJSON(Self.report + "/\(transition)", method: .post, #"{"version": \#(version)}"#, bearer: token)
                #expect(moved.status == .ok, "\(transition)")
            }
            #expect(try cityTotal(try await client.get("/dashboard?year=2567", as: exe)) == "16")
            #expect(try scoreTotal(try await client.get("/units/1022/scores/2567", as: exe)) == "16")
        }
    }

    @Test func aReporterNeverGetsTheCityViewCachedForAnEvaluator() async throws {
        let db = try await ReportTestDatabase.fresh()
        try await withApp(databaseURL: db.url) { client in
            let eva = try await client.signIn("eva"), rep = try await client.signIn("rep1016")
            let evaluator = try await client.get("/dashboard?year=2567", as: eva)
            #expect(evaluator.text.contains("สำนักงานเขตภาษีเจริญ"))
            let reporter = try await client.get("/dashboard?year=2567", as: rep)
            #expect(reporter.status == .ok && !reporter.text.contains("สำนักงานเขตภาษีเจริญ"))
            #expect(try await client.get("/units/1022/plans/2567", as: eva).status == .ok)
            #expect(try await client.get("/units/1022/plans/2567", as: rep).status == .notFound)
            #expect(try await client.get("/units/1022/scores/2567", as: rep).status == .notFound)
        }
    }

    @Test func planPageFindingsFollowAPlanEdit() async throws {
        let db = try await ReportTestDatabase.fresh()
        let store = try await PhaenStore.open(db.url)
        do {
            try await withApp(databaseURL: db.url) { client in
                let eva = try await client.signIn("eva")
                let before = try await client.get("/units/1022/plans/2567", as: eva)
                #expect(before.status == .ok)
                // Another process (here: another store on the same file) renames the plan.
                var plan = try #require(try await store.plan(unitCode: "1022", fiscalYear: FiscalYear(2567)))
                let title = "แผนทดสอบแคช \(UUID().uuidString.prefix(8))"
                #expect(!before.text.contains(title))
                plan.title = title
                var dataset = Dataset()
                dataset.plans = [plan]
                _ = try await store.importDataset(dataset)
                let after = try await client.get("/units/1022/plans/2567", as: eva)
                #expect(after.text.contains(title))
            }
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }

    /// Two applications (two processes' worth of caches) on one database: a session signed
    /// out on one is refused at once by the other, though the other had it cached.
    @Test func signOutInOneProcessEndsTheSessionInTheOther() async throws {
        let db = try await ReportTestDatabase.fresh()
        let configuration = try await testConfiguration(databaseURL: db.url)
        let first = try await buildApplication(configuration: configuration)
        let second = try await buildApplication(configuration: configuration)
        try await first.test(.router) { one in
            try await second.test(.router) { two in
                let eva = try await one.signIn("eva")
                #expect(try await two.get("/dashboard", as: eva).status == .ok)
                #expect(try await two.get("/units", as: eva).status == .ok)
                #expect(try await one.postForm("/signout", ["csrf": eva.csrf], as: eva).status == .seeOther)
                #expect(try await two.get("/units", as: eva).status == .seeOther)
                #expect(try await two.get("/dashboard", as: eva).status == .seeOther)
            }
        }
    }
}
}
