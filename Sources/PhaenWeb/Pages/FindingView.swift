import Foundation
import PhaenCore

/// A validation finding as pages show it, next to what it concerns.
struct FindingView {
    var severityClass: String
    var severityTH: String
    var rule: String
    var message: String
    var location: String
    var stated: String?
    var computed: String?

    init(_ f: Finding) {
        severityClass = f.severity.rawValue
        severityTH = f.severity.thaiName
        rule = f.rule
        message = f.messageTH
        location = f.location
        stated = f.stated
        computed = f.computed
    }
}

/// Hands out findings to the parts of a page they concern, each finding once: a part takes
/// the findings whose location matches, and what no part took is shown at the end.
struct FindingPool {
    private var remaining: [Finding]
    init(_ findings: [Finding]) { remaining = findings }

    mutating func take(where matches: (Finding) -> Bool) -> [Finding] {
        let taken = remaining.filter(matches)
        remaining.removeAll(where: matches)
        return taken
    }

    var rest: [Finding] { remaining }
}
