import Foundation
import Hummingbird
import HummingbirdTesting
import PhaenApp
import PhaenCore
import PhaenStore
import Testing
@testable import PhaenWeb

extension WebTests {
/// Walks every GET route of the route table (`SiteURL.Route`, cross-checked against the OpenAPI
/// document the app builds from its API table) with every role and a foreign unit, and asserts
/// the status each must get. Then tries workflow transitions from the wrong role and checks
/// that each is refused with a Thai message and changes nothing.
///
/// Own unit 1022 (Phasi Charoen), foreign unit 1016, year 2567, round q1, KPI 1.2; the fixture
/// (its own database) holds a saved draft report for 1022/2567/q1/1.2 with one evidence file.
@Suite struct AccessMatrixTests {
    // MARK: Who asks

    enum Who: String, CaseIterable, CustomStringConvertible {
        case admin, evaluator, executive, head, reporter, foreignReporter, anonymous
        /// The test account (TestPeople, plus an administrator this suite adds).
        var username: String? {
            switch self {
            case .admin: "adm"
            case .evaluator: "eva"
            case .executive: "exe"
            case .head: "head1022"
            case .reporter: "rep1022"
            case .foreignReporter: "rep1016"
            case .anonymous: nil
            }
        }
        /// Unit roles of 1022: unit 1016 is foreign to them.
        var isUnit1022: Bool { self == .head || self == .reporter }
        var description: String { rawValue }
    }

    // MARK: What each route allows

    enum Access {
        /// Everyone, signed in or not.
        case publicRoute
        /// The sign-in form: shown to anonymous people; a signed-in person is sent on (303).
        case signInForm
        /// Any signed-in person (lists and dashboards are scoped inside, not refused).
        case signedIn
        /// An object of a unit: 404 for a unit role of another unit.
        case unitRead
        /// A draft report or its evidence: also 404 for executives (no role but the unit's own,
        /// evaluators and administrators reads another unit's drafts).
        case unitDraft
        /// An edit form: 200 for the roles listed, 403 with a Thai message for others who see the unit.
        case edit(Set<Who>)
        /// Registered for POST/PUT only; walked by the transition table below.
        case notGet
    }

    static let access: [SiteURL.Route: Access] = [
        .home: .signedIn, .units: .signedIn, .unit: .unitRead, .plan: .unitRead, .agreement: .unitRead, .scores: .unitRead,
        .dashboard: .signedIn, .signIn: .signInForm, .signOut: .notGet, .password: .signedIn,
        .health: .publicRoute, .metrics: .publicRoute, .stylesheet: .publicRoute,
        .apiUnits: .signedIn, .apiUnit: .unitRead, .apiPlan: .unitRead, .apiAgreement: .unitRead, .apiScores: .unitRead,
        .apiFindings: .unitRead, .apiOpenAPI: .publicRoute,
        .reports: .unitRead, .report: .unitDraft, .reportTransition: .notGet, .reportEvidence: .notGet,
        .reportPreview: .notGet, .evidence: .unitDraft, .status: .signedIn,
        // Only report pages use the preview script; it sits behind sign-in (unlike the stylesheet).
        .reportScript: .signedIn,
        .apiReports: .unitRead, .apiReport: .unitDraft, .apiReportTransition: .notGet,
        .planEdit: .edit([.admin, .reporter]), .agreementEdit: .edit([.admin, .evaluator]), .apiAgreementKPI: .notGet,
        .stepProgress: .unitRead, .projectProgress: .signedIn, .apiStepProgress: .unitRead,
        // Directive 2566-1-01 (demo) is addressed to 1022, not 1016: its pages are 1022's objects.
        .directives: .signedIn, .directiveNew: .edit([.admin, .evaluator]), .directiveDashboard: .signedIn, .directiveDocument: .signedIn,
        .directiveGroups: .edit([.admin]), .directiveImport: .edit([.admin, .evaluator]), .directive: .unitRead, .directiveUnit: .unitRead, .innovations: .unitRead,
        .apiDirectives: .signedIn, .apiDirectiveDashboard: .signedIn, .apiDirective: .unitRead, .apiDirectiveUnit: .unitRead,
        .apiInnovations: .unitRead,
        .planDocument: .unitRead, .agreementDocument: .unitRead, .reportDocument: .unitRead, .cityDocument: .signedIn,
        .disbursement: .unitRead, .disbursementImport: .notGet, .disbursementCity: .signedIn, .moneyResults: .unitRead,
        .apiDisbursement: .unitRead, .apiDisbursementEntries: .notGet, .apiDisbursementImport: .notGet, .apiDisbursementCity: .signedIn,
    ]

    enum Expect: String, Equatable, CustomStringConvertible {
        case ok = "200", notFound = "404", forbidden = "403", signIn = "sign-in (303 /signin or 401)", redirect = "303 elsewhere"
        var description: String { rawValue }
    }

    static func expected(_ access: Access, who: Who, foreignUnit: Bool) -> Expect {
        if who == .anonymous {
            switch access {
            case .publicRoute, .signInForm: return .ok
            default: return .signIn
            }
        }
        // `foreignUnit`: the path names 1016 and `who` is a unit role of 1022; or names 1022 and `who` is 1016's reporter.
        switch access {
        case .publicRoute, .signedIn: return .ok
        case .signInForm: return .redirect
        case .unitRead: return foreignUnit ? .notFound : .ok
        case .unitDraft: return foreignUnit || who == .executive ? .notFound : .ok
        case .edit(let editors): return foreignUnit ? .notFound : editors.contains(who) ? .ok : .forbidden
        case .notGet: return .notFound
        }
    }

    static let kpi = "1.2"

    static func path(_ route: SiteURL.Route, unit: String, evidence: Int64) -> String {
        let values = ["code": unit, "year": "2567", "round": "q1", "kpi": kpi, "transition": "submission", "id": String(evidence),
                      "directive": "2566-1-01", "format": "docx"]
        return route.pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") ? values[String(segment.dropFirst().dropLast())] ?? "?" : String(segment)
        }.joined(separator: "/")
    }

    // MARK: The walk

    @Test func everyRouteIsClassified() async throws {
        let unclassified = SiteURL.Route.allCases.filter { Self.access[$0] == nil }
        #expect(unclassified.isEmpty, "classify the new routes in AccessMatrixTests.access: \(unclassified.map(\.pattern))")
        // Every GET of the API table (as the OpenAPI document lists it) is walked here as a GET.
        try await withApp(databaseURL: try await MatrixDatabase.fixture.value.url) { client in
            let doc = try JSONSerialization.jsonObject(with: Data(buffer: try await client.get("/api/v1/openapi.json").body)) as? [String: Any]
            let paths = try #require(doc?["paths"] as? [String: [String: Any]])
            for (pattern, methods) in paths where methods["get"] != nil {
                let route = SiteURL.Route(rawValue: pattern)
                #expect(route != nil, "OpenAPI path \(pattern) is not in SiteURL.Route")
                if let route, case .notGet = Self.access[route] { Issue.record("\(pattern) is a GET in the API table") }
            }
        }
    }

    @Test func everyGetRouteWithEveryRoleAndAForeignUnit() async throws {
        let fixture = try await MatrixDatabase.fixture.value
        try await withApp(databaseURL: fixture.url) { client in
            var browsers: [Who: Browser] = [:]
            for who in Who.allCases { if let name = who.username { browsers[who] = try await client.signIn(name) } }
            var failures: [String] = []
            for route in SiteURL.Route.allCases {
                guard let access = Self.access[route] else { continue }
                if case .notGet = access { continue }
                let hasUnit = route.parameters.contains("code")
                for unit in hasUnit ? ["1022", "1016"] : ["1022"] {
                    let path = Self.path(route, unit: unit, evidence: fixture.evidenceID)
                    for who in Who.allCases {
                        let foreign = unit == "1016" ? who.isUnit1022 : (who == .foreignReporter && (hasUnit || [.evidence, .directive, .apiDirective].contains(route)))
                        // Whether 1016's FY2567 objects exist is not an access question: on unit
                        // 1016 only the foreign (1022) roles and anonymous are walked.
                        if unit == "1016" && !foreign && who != .anonymous { continue }
                        let want = Self.expected(access, who: who, foreignUnit: foreign)
                        let response = try await Self.get(path, as: who, client: client, browsers: browsers, tokens: fixture.tokens)
                        if let problem = Self.check(response, want: want, isAPI: path.hasPrefix("/api/")) {
                            failures.append("\(who) GET \(path): want \(want), \(problem)")
                        }
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.joined(separator: "\n"))")
        }
    }

    static func get(_ path: String, as who: Who, client: some TestClientProtocol, browsers: [Who: Browser],
                    tokens: [String: String]) async throws -> TestResponse {
        guard let name = who.username else { return try await client.get(path) }
        if path.hasPrefix("/api/"), let token = tokens[name] { return try await client.getAPI(path, bearer: token) }
        return try await client.get(path, as: browsers[who])
    }

    /// nil when the response is what was wanted; otherwise what came instead.
    static func check(_ response: TestResponse, want: Expect, isAPI: Bool) -> String? {
        let status = response.status
        switch want {
        case .ok: return status == .ok ? nil : "got \(status.code)"
        case .notFound:
            guard status == .notFound else { return "got \(status.code)" }
            return containsThai(response.text) ? nil : "404 without a Thai message"
        case .forbidden:
            guard status == .forbidden else { return "got \(status.code)" }
            return containsThai(response.text) ? nil : "403 without a Thai message"
        case .redirect:
            return status == .seeOther && response.headers[.location]?.hasPrefix("/signin") == false ? nil : "got \(status.code)"
        case .signIn:
            if isAPI { return status == .unauthorized ? nil : "got \(status.code)" }
            guard status == .seeOther, response.headers[.location]?.hasPrefix("/signin") == true else {
                return "got \(status.code) → \(response.headers[.location] ?? "-")"
            }
            return nil
        }
    }

    static func containsThai(_ text: String) -> Bool { text.unicodeScalars.contains { (0x0E01...0x0E5B).contains($0.value) } }

    // MARK: Transitions from the wrong role

    /// (who, transition, status): the draft 1022/2567/q1/1.2 may only be submitted by its reporter.
    static let wrongTransitions: [(Who, String, HTTPResponse.Status)] = [
        (.head, "submission", .conflict),          // a head certifies; only the reporter submits
        (.head, "certification", .conflict),       // not submitted yet
        (.evaluator, "acceptance", .conflict),
        (.evaluator, "return", .conflict),
        (.admin, "lock", .conflict),
        (.reporter, "certification", .conflict),
        (.executive, "submission", .notFound),     // executives do not see another unit's drafts
        (.foreignReporter, "submission", .notFound),
    ]

    @Test func transitionsFromTheWrongRoleAreRefusedInThaiAndChangeNothing() async throws {
        let fixture = try await MatrixDatabase.fixture.value
        try await withApp(databaseURL: fixture.url) { client in
            let report = "/api/v1/units/1022/reports/2567/q1/\(Self.kpi)"
            let ownToken = try #require(fixture.tokens["rep1022"])
            let before = try await client.getAPI(report, bearer: ownToken).text
            // Version 1 is current, so each refusal below is about the role or state, not a stale form.
            #expect(before.contains("\"version\":1"))
            for (who, transition, status) in Self.wrongTransitions {
                let token = try #require(fixture.tokens[who.username ?? ""])
                let response = try await client.sendJSON("\(report)/\(transition)", method: .post,
                                                         #"{"version": 1, "reason": "ทดสอบ"}"#, bearer: token)
                #expect(response.status == status, "\(who) \(transition)")
                #expect(Self.containsThai(response.text), "\(who) \(transition): no Thai message")
            }
            // The page form too (with its CSRF token): a head cannot submit.
            let head = try await client.signIn("head1022")
            let page = try await client.postForm("/units/1022/reports/2567/q1/\(Self.kpi)/submission",
                                                 ["csrf": head.csrf, "version": "1"], as: head)
            #expect(page.status == .conflict)
            #expect(Self.containsThai(page.text))
            // Anonymous: the API says 401, the page sends to sign-in.
            let anonymous = try await client.execute(uri: "\(report)/submission", method: .post,
                                                     headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"version":1}"#))
            #expect(anonymous.status == .unauthorized)
            let after = try await client.getAPI(report, bearer: ownToken).text
            #expect(before == after, "a refused transition changed the report")
            #expect(after.contains("\"state\":\"draft\""))
        }
    }
}
}

/// This suite's own database (the demo dataset, the test people, an administrator, and a
/// saved draft report of 1022 with one evidence file), so its draft does not meet other tests'.
enum MatrixDatabase {
    struct Fixture: Sendable {
        var url: String
        var tokens: [String: String]
        var evidenceID: Int64
    }

    static let fixture: Task<Fixture, Error> = Task {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-matrix-\(UUID().uuidString).sqlite").path
        let store = try await PhaenStore.open("sqlite:\(path)")
        do {
            _ = try await store.migrate()
            _ = try await SeedDemo(store: store)()
            let accounts = Accounts(store: store, bcryptCost: 4)
            var tokens: [String: String] = [:]
            var people: [String: Person] = [:]
            for (username, role, unit, demo) in TestPeople.all + [("adm", .admin, nil, false)] {
                people[username] = try await accounts.createUser(username: username, displayName: "ทดสอบ \(role.thaiName)", role: role,
                                                                 unitCode: unit, password: SeededDatabase.password, isDemo: demo)
                tokens[username] = try await accounts.createAPIToken(username: username, name: "tests")
            }
            let configuration = try await testConfiguration(databaseURL: "sqlite:\(path)")
            let entry = ReportEntry(store: store, evidenceDirectory: URL(fileURLWithPath: configuration.evidenceDirectory, isDirectory: true))
            let ref = ReportRef(unitCode: "1022", fiscalYear: FiscalYear(2567), round: .quarter(1),
                                kpiCode: WebTests.AccessMatrixTests.kpi)
            let reporter = try #require(people["rep1022"])
            _ = try await entry.save(person: reporter, ref: ref, form: ReportForm(value: "70", narrative: "ร่างสำหรับทดสอบสิทธิ์"),
                                     expectedVersion: nil, now: Date())
            let pdf = Data("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n%%EOF\n".utf8)
            let file = try await entry.addEvidence(person: reporter, ref: ref, filename: "matrix.pdf", data: pdf, now: Date())
            try await store.shutdown()
            return Fixture(url: "sqlite:\(path)", tokens: tokens, evidenceID: file.id)
        } catch {
            try? await store.shutdown()
            throw error
        }
    }
}
