import PhaenCore

/// The layout's model: title, navigation, who is signed in, the demo banner and the CSRF
/// token for the sign-out form. Hashable: the renderer keeps the layout rendered around
/// shared content per chrome value (`Renderer.page`).
struct Chrome: Hashable {
    struct NavItem: Hashable { var label: String; var href: String; var current: Bool }
    struct Viewer: Hashable { var displayName: String; var roleTH: String; var unitCode: String? }

    var title: String
    var nav: [NavItem]
    var viewer: Viewer?
    var isDemo: Bool
    var csrf: String?
    var signOutURL = SiteURL.signOut.path
    var signInURL = SiteURL.signIn().path
    var passwordURL = SiteURL.password.path
    var stylesheetURL = SiteURL.stylesheet.path
    var homeURL = SiteURL.home.path

    init(title: String, context: PhaenRequestContext, section: SiteURL.Route? = nil) {
        self.title = title
        let person = context.person
        self.viewer = person.map { Viewer(displayName: $0.displayName, roleTH: $0.role.thaiName, unitCode: $0.unitCode) }
        self.isDemo = person?.isDemo ?? false
        self.csrf = context.csrfToken
        var items: [(String, SiteURL)] = [("งานของฉัน", .home), ("ภาพรวมเมือง", .dashboard()),
                                          ("สถานะการรายงาน", .reporting(.status())), ("หน่วยงาน", .units())]
        items.append(("ข้อสั่งการ", .followUp(.list())))
        items.append(("การเบิกจ่าย", .disbursement(.city())))
        if let own = person?.unitCode { items.append(("หน่วยงานของฉัน", .unit(own))) }
        self.nav = person == nil ? [] : items.map { label, url in
            NavItem(label: label, href: url.path, current: url.route == section && (url.route != .unit || section == .unit))
        }
    }
}
