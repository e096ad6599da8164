import Foundation

/// Framework nodes of one year: codes unique per level, parents that exist, and an OKR code
/// whose prefix equals its issue (R-REF-1).
enum FrameworkRules {
    static func check(_ nodes: [FrameworkNode]) -> [Finding] {
        var out: [Finding] = []
        var seen: [FrameworkRef: FrameworkNode] = [:]
        let refs = Set(nodes.map(\.reference))
        for node in nodes {
            let where_ = "กรอบยุทธศาสตร์ \(node.fiscalYear) › \(node.level.rawValue) \(node.code)"
            if let first = seen[node.reference] {
                out.append(Finding(rule: "FW-DUP-CODE", severity: .error,
                    messageTH: "รหัส \(node.code) ใช้กับสองรายการ: \"\(first.name)\" และ \"\(node.name)\"",
                    messageEN: "Code \(node.code) is used for two entries", location: where_, stated: node.code))
            } else {
                seen[node.reference] = node
            }
            if let parentText = node.parent {
                guard let parent = FrameworkRef(parentText), refs.contains(parent) else {
                    out.append(Finding(rule: "FW-PARENT-UNKNOWN", severity: .warning,
                        messageTH: "ไม่พบรายการแม่ \(parentText) ของ \(node.code)",
                        messageEN: "Parent \(parentText) of \(node.code) not found", location: where_, stated: parentText))
                    continue
                }
                if node.level == .policyOKR, parent.level == .policyIssue {
                    let prefix = node.code.split(separator: ".").prefix(2).joined(separator: ".")
                    if prefix != parent.code {
                        out.append(Finding(rule: "FW-OKR-PREFIX", severity: .error,
                            messageTH: "OKR \(node.code) อยู่ภายใต้ประเด็น \(parent.code) แต่รหัสขึ้นต้นด้วย \(prefix)",
                            messageEN: "OKR \(node.code) sits under issue \(parent.code) but its prefix is \(prefix)",
                            location: where_, stated: node.code, computed: parent.code))
                    }
                }
            }
        }
        return out
    }
}
