import Foundation
import Testing
import PhaenCore
@testable import PhaenStore
@testable import PhaenApp

/// The per-version cache of derived results: reused while the data version stands, computed
/// afresh after any write, and never kept for a version older than one already seen.
@Suite struct PerfDerivedResultsTests {
    typealias F = ReportsFixture

    actor Counter {
        var count = 0
        func next() -> Int { count += 1; return count }
    }

    struct Failure: Error {}

    @Test func aValueIsComputedOncePerVersionAndNotKeptForAnOlderOne() async throws {
        let values = DerivedValues(), counter = Counter()
        let compute: @Sendable () async throws -> Int = { await counter.next() }
        #expect(try await values.value("k", version: 5, compute: compute) == 1)
        #expect(try await values.value("k", version: 5, compute: compute) == 1)
        #expect(try await values.value("k", version: 6, compute: compute) == 2)
        // A request still at version 5 gets a fresh value, which is not kept.
        #expect(try await values.value("k", version: 5, compute: compute) == 3)
        #expect(try await values.value("k", version: 6, compute: compute) == 2)
        #expect(try await values.value("other", version: 6, compute: compute) == 4)
    }

    @Test func aFailureIsNotRemembered() async throws {
        let values = DerivedValues(), counter = Counter()
        await #expect(throws: Failure.self) {
            try await values.value("k", version: 1) { () async throws -> Int in _ = await counter.next(); throw Failure() }
        }
        #expect(try await values.value("k", version: 1) { await counter.next() } == 2)
    }

    /// Through the store: a saved draft changes the evaluator's card at once (every write
    /// raises the version), the card without drafts stays as it was until the report is sent.
    @Test func scoreCardsFollowWritesWithAndWithoutDrafts() async throws {
        try await F.with { f in
            let results = DerivedResults(store: f.store)
            let before = try await f.store.dataVersion()
            #expect(try await results.scoreCard(unitCode: F.unit, fiscalYear: F.year, drafts: true).total == 0)
            var v = try await f.entry.save(person: f.reporter, ref: f.ref(), form: ReportForm(value: "72"), expectedVersion: nil, now: F.now)
            #expect(try await f.store.dataVersion() > before)
            #expect(try await results.scoreCard(unitCode: F.unit, fiscalYear: F.year, drafts: true).total == 16)
            #expect(try await results.scoreCard(unitCode: F.unit, fiscalYear: F.year, drafts: false).total == 0)
            v = try await f.entry.transition(person: f.reporter, ref: f.ref(), transition: .submission, reason: nil, expectedVersion: v, now: F.now)
            #expect(try await results.scoreCard(unitCode: F.unit, fiscalYear: F.year, drafts: false).total == 16)
            // Findings are kept the same way and follow the same writes.
            let findings = try await results.findings(unitCode: F.unit, fiscalYear: F.year, drafts: true)
            #expect(try await ValidateUnitYear(data: f.store)(unitCode: F.unit, fiscalYear: F.year) == findings)
        }
    }

    /// A view built for one scope is never served to another: the scope names the units seen
    /// and whose drafts.
    @Test func viewScopesDifferExactlyWhenWhatIsSeenDiffers() async throws {
        try await F.with { f in
            let codes = try await f.store.units().map(\.code)
            let evaluator = ViewScope.key(f.evaluator, unitCodes: codes), executive = ViewScope.key(f.executive, unitCodes: codes)
            let reporter = ViewScope.key(f.reporter, unitCodes: codes), head = ViewScope.key(f.head, unitCodes: codes)
            let foreign = ViewScope.key(f.foreignReporter, unitCodes: codes)
            #expect(Set([evaluator, executive, reporter, foreign]).count == 4)
            #expect(reporter == head)  // same unit, both read its drafts
        }
    }
}
