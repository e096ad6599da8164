import Foundation
import PhaenCore

/// Colours scores by level band (CSS classes lv1 … lv5; lv0 = not scored). A component or a
/// total is banded by the level its share of the weight corresponds to under the year's
/// points scheme, so a colour means the same thing for a KPI, a component and a unit.
enum LevelBand {
    static func cssClass(level: Decimal?) -> String {
        guard let level else { return "lv0" }
        let whole = DecimalFloor.int(level)
        return "lv\(min(5, max(1, whole)))"
    }

    /// The (fractional) level whose points equal score / weight.
    static func level(score: Decimal, weight: Decimal, scheme: PointsScheme) -> Decimal? {
        guard weight > 0 else { return nil }
        let percent = score / weight * 100
        switch scheme {
        case .sixtyToHundred: return (percent - 50) / 10
        case .twentyToHundred: return percent / 20
        }
    }

    static func cssClass(score: Decimal?, weight: Decimal, scheme: PointsScheme) -> String {
        cssClass(level: score.flatMap { level(score: $0, weight: weight, scheme: scheme) })
    }

    static func ruleTH(_ rule: String) -> String {
        switch rule {
        case "threshold": "เทียบค่าเกณฑ์"
        case "interpolated": "เทียบค่าเกณฑ์แบบช่วง (ระดับทศนิยม)"
        case "floor": "ต่ำกว่าเกณฑ์ระดับ 1 จึงได้ระดับ 1"
        case "cap": "สูงกว่าเกณฑ์ระดับ 5 จึงได้ระดับ 5"
        case "steps": "นับขั้นตอนที่ดำเนินการแล้ว"
        case "judged": "ระดับที่รายงาน/ผู้ประเมินพิจารณา"
        case "composite": "ระดับต่ำสุดของเกณฑ์ย่อย"
        case "exempt": "ได้รับยกเว้น"
        case "unscored": "ยังไม่มีผล"
        default: rule
        }
    }
}

enum DecimalFloor {
    static func int(_ d: Decimal) -> Int {
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .down)
        return NSDecimalNumber(decimal: rounded).intValue
    }
}
