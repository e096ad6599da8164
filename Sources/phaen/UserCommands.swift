import ArgumentParser
import Foundation
import PhaenApp
import PhaenCore
import PhaenStore

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "จัดการผู้ใช้", subcommands: [UserAdd.self])
}

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "เพิ่มผู้ใช้ (รหัสผ่านอ่านจาก standard input)",
        discussion: "Roles: admin, evaluator, executive (central, no --unit); head, reporter (need --unit).")
    @OptionGroup var database: DatabaseOption
    @Option(help: "ชื่อผู้ใช้") var username: String
    @Option(help: "admin | evaluator | executive | head | reporter") var role: String
    @Option(help: "รหัสหน่วยงาน (head, reporter)") var unit: String?
    @Option(help: "ชื่อที่แสดง") var name: String?
    @Flag(help: "อ่านรหัสผ่านจาก standard input") var passwordStdin = false

    func run() async throws {
        guard let role = Role(rawValue: role) else {
            FileHandle.standardError.write(Data("ไม่รู้จักบทบาท \(self.role) (admin, evaluator, executive, head, reporter)\n".utf8))
            throw ExitCode(2)
        }
        guard passwordStdin else {
            FileHandle.standardError.write(Data("ต้องใช้ --password-stdin และส่งรหัสผ่านทาง standard input\n".utf8))
            throw ExitCode(2)
        }
        let password = (readLine(strippingNewline: true) ?? "")
        try await runReportingAccountErrors {
            try await withStore(database) { store in
                _ = try await store.migrate()
                let person = try await Accounts(store: store).createUser(
                    username: username, displayName: name, role: role, unitCode: unit, password: password)
                print("เพิ่มผู้ใช้ \(person.username) (\(person.role.thaiName)\(person.unitCode.map { " หน่วยงาน \($0)" } ?? ""))")
            }
        }
    }
}

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "โทเคนสำหรับ API", subcommands: [TokenCreate.self])
}

struct TokenCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "สร้างโทเคนส่วนตัวสำหรับ API (พิมพ์โทเคนบรรทัดสุดท้าย ครั้งเดียว)")
    @OptionGroup var database: DatabaseOption
    @Option(help: "ชื่อผู้ใช้") var user: String
    @Option(help: "ชื่อโทเคน") var name = "cli"

    func run() async throws {
        try await runReportingAccountErrors {
            try await withStore(database) { store in
                let token = try await Accounts(store: store).createAPIToken(username: user, name: name)
                print("โทเคนของ \(user) (ใช้ส่งเป็น Authorization: Bearer … ; แสดงครั้งเดียว):")
                print(token)
            }
        }
    }
}

/// Account errors are for people: the Thai message and status 2.
func runReportingAccountErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as AccountError {
        FileHandle.standardError.write(Data((error.messageTH + "\n").utf8))
        throw ExitCode(2)
    } catch let error as StoreConflict {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        throw ExitCode(2)
    }
}
