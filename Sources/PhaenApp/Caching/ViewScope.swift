import PhaenCore

/// What a view across units depends on about the person looking: which units they see and
/// whose drafts they may read. Two people with the same scope see the same city table, so a
/// view built for one may be served to the other — and only then. Computed from
/// `AccessPolicy` itself over the actual units, so it follows any change of the policy.
public enum ViewScope {
    /// `v:*` (every unit) or the visible codes; `d:*` (drafts of every visible unit), `d:-`
    /// (none) or the codes whose drafts the person may read.
    public static func key(_ person: Person, unitCodes: [String]) -> String {
        let visible = AccessPolicy.visibleUnits(person)
        let seen = unitCodes.filter { visible?.contains($0) ?? true }.sorted()
        let drafts = seen.filter { AccessPolicy.canReadDraft(person, unit: $0) }
        let units = visible == nil ? "*" : seen.joined(separator: ",")
        let draftKey = drafts.count == seen.count ? "*" : drafts.isEmpty ? "-" : drafts.joined(separator: ",")
        return "v:\(units)|d:\(draftKey)"
    }
}
