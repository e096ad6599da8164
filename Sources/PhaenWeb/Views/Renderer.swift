import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates of `Templates/` (a package resource). Loaded once at start;
/// every page template inherits `layout` (`{{<layout}}{{$content}}…{{/content}}{{/layout}}`).
struct Renderer: Sendable {
    let library: MustacheLibrary
    /// The same templates with a `layout` that is only the content block: renders a page's
    /// content without the chrome, for content shared by many people (`SharedPage`).
    private let contentLibrary: MustacheLibrary
    private let sharedContent = RenderedContent()
    fileprivate let layouts = RenderedLayouts()

    /// The layout around content rendered beforehand (`{{{content}}}` is already HTML).
    fileprivate static let shell = "phaen-shell"

    init() async throws {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw RendererError(message: "the Templates resource is missing from the PhaenWeb bundle")
        }
        var library = try await MustacheLibrary(directory: directory.path)
        var contentLibrary = library
        try contentLibrary.register("{{$content}}{{/content}}", named: "layout")
        try library.register("{{<layout}}{{$content}}{{{content}}}{{/content}}{{/layout}}", named: Self.shell)
        self.library = library
        self.contentLibrary = contentLibrary
    }

    func render(_ template: String, _ object: Any) throws -> String {
        try render(template, object, in: library)
    }

    private func render(_ template: String, _ object: Any, in library: MustacheLibrary) throws -> String {
        // Built into nodes first: Mustache's own reflection per lookup is what pages cost (MustacheNode).
        guard let text = library.render(MustacheNode.tree(object), withTemplate: template) else {
            throw RendererError(message: "no template named \(template)")
        }
        return text
    }

    /// A whole page: the model inside the layout's chrome. A `SharedPage` model's content is
    /// rendered once per data version and sharing key and reused; only the chrome (who is
    /// signed in, their CSRF token) is rendered per request.
    func page<Model>(_ template: String, chrome: Chrome, model: Model, status: HTTPResponse.Status = .ok) throws -> Response {
        if let shared = (model as? SharedPage)?.sharing {
            let content = try sharedContent.value("\(template)|\(shared.key)", version: shared.version) {
                // No chrome in scope: content shared between people must not show one person's
                // name or CSRF token (a template that tried would render it empty).
                try render(template, ["page": model], in: contentLibrary)
            }
            // A page template's text after `{{/layout}}` (its last newline) follows the layout.
            let tail = content.hasSuffix("\n") ? "\n" : ""
            let (before, after) = try layout(around: chrome)
            return HTML.response(before + content.dropLast(tail.count) + after + tail, status: status)
        }
        return HTML.response(try render(template, PageView(chrome: chrome, page: model)), status: status)
    }
}

extension Renderer {
    /// The layout before and after the content, for this chrome (the same person, session and
    /// page title ask again and again: kept, bounded).
    func layout(around chrome: Chrome) throws -> (String, String) {
        if let known = layouts.value(chrome) { return known }
        let marker = "\u{1}phaen-content\u{1}"
        let html = try render(Self.shell, ["chrome": chrome, "content": marker])
        guard let range = html.range(of: marker) else { throw RendererError(message: "the layout has no content block") }
        let parts = (String(html[..<range.lowerBound]), String(html[range.upperBound...]))
        layouts.store(parts, for: chrome)
        return parts
    }
}

/// Rendered layouts by chrome; started afresh past `limit` entries (each one is a few KB).
final class RenderedLayouts: @unchecked Sendable {
    private var parts: [Chrome: (String, String)] = [:]
    private let lock = NSLock()
    static let limit = 5_000

    func value(_ chrome: Chrome) -> (String, String)? { lock.withLock { parts[chrome] } }
    func store(_ value: (String, String), for chrome: Chrome) {
        lock.withLock {
            if parts.count >= Self.limit { parts.removeAll() }
            parts[chrome] = value
        }
    }
}

/// A page model whose content is the same for everyone with the same `sharing` key at the
/// same data version. The key must name everything besides the data the content depends on:
/// the query, which units the person sees and whose drafts (`ViewScope`), and any per-person
/// link the model carries.
protocol SharedPage {
    var sharing: PageSharing? { get }
}

struct PageSharing: Sendable, Hashable {
    /// The data version the model was built at (`PhaenStore.dataVersion`).
    var version: Int64
    var key: String
}

/// Rendered page content by key, for the newest data version seen (older ones are dropped
/// at once, as in `DerivedValues`), bounded in size.
final class RenderedContent: @unchecked Sendable {
    private var version: Int64 = .min
    private var texts: [String: String] = [:]
    private var bytes = 0
    private let lock = NSLock()
    static let maxBytes = 64 * 1024 * 1024

    func value(_ key: String, version: Int64, render: () throws -> String) throws -> String {
        let hit: String? = lock.withLock {
            if version > self.version { self.version = version; texts.removeAll(); bytes = 0 }
            return version == self.version ? texts[key] : nil
        }
        if let hit { return hit }
        let text = try render()
        lock.withLock {
            guard version == self.version, texts[key] == nil else { return }
            if bytes + text.utf8.count > Self.maxBytes { texts.removeAll(); bytes = 0 }
            texts[key] = text
            bytes += text.utf8.count
        }
        return text
    }
}

struct RendererError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// What a page template sees: `chrome` (layout: title, navigation, the signed-in person) and
/// `page` (the page's own model).
struct PageView<Model> {
    var chrome: Chrome
    var page: Model
}

enum HTML {
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        let buffer = ByteBuffer(string: html)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLength] = String(buffer.readableBytes)
        // Pages carry a person's data: never cached by a shared proxy.
        headers[.cacheControl] = "private, no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }

    /// Escapes text for HTML and SVG (element content and quoted attributes alike). Used by
    /// the chart builders, whose output templates insert unescaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
