import PhaenCore
import SQLKit

/// One fiscal year's framework nodes, stored and replaced as one record: the frameworks are
/// published per year as a whole document.
enum FrameworkStore {
    static func load(fiscalYear: FiscalYear, in db: any SQLDatabase) async throws -> [FrameworkNode] {
        try await db.select().column("*").from("framework_nodes")
            .where("fiscal_year", .equal, fiscalYear.be).orderBy("position")
            .rows(FrameworkNodeRow.self).map { try $0.node() }
    }

    static func save(fiscalYear: FiscalYear, nodes: [FrameworkNode], in db: any SQLDatabase) async throws -> WriteOutcome {
        if try await load(fiscalYear: fiscalYear, in: db) == nodes { return .unchanged }
        try await db.delete(from: "framework_nodes").where("fiscal_year", .equal, fiscalYear.be).run()
        try await db.insert(try nodes.enumerated().map { try FrameworkNodeRow(position: $0.offset, node: $0.element) },
                            into: "framework_nodes")
        return .written
    }
}
