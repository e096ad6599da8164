import Hummingbird
import PhaenCore

/// Reads the parameters pages and API share, refusing bad ones with a Thai message (400).
enum PageRequest {
    static func unitYear(_ context: PhaenRequestContext) throws -> (String, FiscalYear) {
        let code = try context.parameters.require("code")
        let yearText = try context.parameters.require("year")
        guard let be = Int(yearText), (2400...2700).contains(be) else {
            throw WebError.badRequest("ปีงบประมาณ \"\(yearText)\" ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2567)", "bad fiscal year \(yearText)")
        }
        return (code, FiscalYear(be))
    }

    static func kind(_ request: Request) throws -> UnitKind? {
        guard let text = request.uri.queryParameters.get("kind"), !text.isEmpty else { return nil }
        guard let kind = UnitKind(rawValue: text) else {
            throw WebError.badRequest("ไม่รู้จักประเภทหน่วยงาน \"\(text)\" (district, bureau, office, division)", "unknown kind \(text)")
        }
        return kind
    }

    static func dashboard(_ request: Request) throws -> DashboardQuery {
        let q = request.uri.queryParameters
        var query = DashboardQuery(kind: try kind(request), zone: q.get("zone"), sort: q.get("sort"))
        if let text = q.get("year"), !text.isEmpty {
            guard let be = Int(text), (2400...2700).contains(be) else {
                throw WebError.badRequest("ปีงบประมาณ \"\(text)\" ไม่ถูกต้อง", "bad year \(text)")
            }
            query.year = FiscalYear(be)
        }
        if let sort = query.sort, !(sort.trimmingPrefix("-").allSatisfy { $0.isLetter || $0.isNumber || $0 == "." }) {
            query.sort = nil
        }
        return query
    }
}
