import Foundation
import Hummingbird
import HummingbirdTesting
import PhaenApp
import PhaenStore
import Testing
@testable import PhaenWeb

extension WebTests {
@Suite struct AuthTests {
    @Test func signInSetsASafeCookieAndGoesWhereTheUserWasGoing() async throws {
        try await withApp { client in
            let form = try await client.get("/signin?next=%2Funits%2F1022")
            #expect(form.status == .ok)
            #expect(form.text.contains("value=\"/units/1022\""))
            let response = try await client.postForm("/signin", ["username": "eva", "password": SeededDatabase.password, "next": "/units/1022"])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/units/1022")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("phaen_session="))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
        }
    }

    @Test func behindTLSTheCookieIsSecure() async throws {
        var configuration = try await testConfiguration()
        configuration.secureCookies = true
        let app = try await buildApplication(configuration: configuration)
        try await app.test(.router) { client in
            let response = try await client.postForm("/signin", ["username": "eva", "password": SeededDatabase.password, "next": "/"])
            #expect(response.headers[.setCookie]?.contains("Secure") == true)
        }
    }

    @Test func aForeignNextIsIgnored() async throws {
        try await withApp { client in
            for next in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
                let response = try await client.postForm("/signin", ["username": "eva", "password": SeededDatabase.password, "next": next])
                #expect(response.headers[.location] == "/dashboard", "\(next)")
            }
        }
    }

    @Test func aWrongPasswordShowsAThaiMessageAndKeepsTheUsername() async throws {
        try await withApp { client in
            let response = try await client.postForm("/signin", ["username": "exe", "password": "wrong-password", "next": "/"])
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"))
            #expect(response.text.contains("value=\"exe\""))
            #expect(response.headers[.setCookie] == nil)
        }
    }

    @Test func signOutNeedsTheCSRFTokenAndEndsTheSession() async throws {
        try await withApp { client in
            let eva = try await client.signIn("eva")
            let forged = try await client.postForm("/signout", [:], as: eva)
            #expect(forged.status == .forbidden)
            #expect(try await client.get("/units", as: eva).status == .ok)
            let out = try await client.postForm("/signout", ["csrf": eva.csrf], as: eva)
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await client.get("/units", as: eva).status == .seeOther)
        }
    }

    @Test func signingInAgainStartsANewSessionAndEndsTheOld() async throws {
        try await withApp { client in
            let first = try await client.signIn("exe")
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: first.cookie]
            headers[.contentType] = "application/x-www-form-urlencoded"
            let again = try await client.execute(uri: "/signin", method: .post, headers: headers,
                                                 body: ByteBuffer(string: "username=exe&password=\(SeededDatabase.password)&next=%2Funits"))
            #expect(again.status == .seeOther)
            #expect(again.headers[.setCookie]?.contains(first.cookie) == false)
            #expect(try await client.get("/units", as: first).status == .seeOther)
        }
    }

    @Test func demoAccountsAreMarkedOnEveryPage() async throws {
        try await withApp { client in
            let demo = try await client.signIn("rep1022")
            for path in ["/units", "/units/1022", "/units/1022/plans/2567", "/dashboard"] {
                #expect(try await client.get(path, as: demo).text.contains("class=\"demo-banner\""), "\(path)")
            }
            let real = try await client.signIn("eva")
            #expect(try await client.get("/units", as: real).text.contains("demo-banner") == false)
        }
    }

    /// Its own database: the failures would otherwise count against every test's address.
    @Test func passwordChangeRotatesTheSession() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("phaen-auth-\(UUID().uuidString).sqlite").path
        let store = try await PhaenStore.open("sqlite:\(path)")
        _ = try await store.migrate()
        try await Accounts(store: store, bcryptCost: 4).createUser(username: "pat", role: .executive, unitCode: nil,
                                                                   password: SeededDatabase.password)
        try await store.shutdown()
        try await withApp(databaseURL: "sqlite:\(path)") { client in
            let pat = try await client.signIn("pat")
            let mismatch = try await client.postForm("/account/password", ["csrf": pat.csrf, "current": SeededDatabase.password,
                                                                           "new": "another-password-2", "confirm": "typo"], as: pat)
            #expect(mismatch.status == .badRequest)
            #expect(mismatch.text.contains("ไม่ตรงกัน"))
            let changed = try await client.postForm("/account/password", ["csrf": pat.csrf, "current": SeededDatabase.password,
                                                                          "new": "another-password-2", "confirm": "another-password-2"], as: pat)
            #expect(changed.status == .ok)
            #expect(changed.text.contains("เปลี่ยนรหัสผ่านแล้ว"))
            #expect(try await client.get("/units", as: pat).status == .seeOther)
            let again = try await client.signIn("pat", password: "another-password-2")
            #expect(try await client.get("/units", as: again).status == .ok)
        }
    }
}
}
