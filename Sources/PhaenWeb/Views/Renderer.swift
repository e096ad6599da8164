import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates of `Templates/` (a package resource). Loaded once at start;
/// every page template inherits `layout` (`{{<layout}}{{$content}}…{{/content}}{{/layout}}`).
struct Renderer: Sendable {
    let library: MustacheLibrary

    init() async throws {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw RendererError(message: "the Templates resource is missing from the PhaenWeb bundle")
        }
        self.library = try await MustacheLibrary(directory: directory.path)
    }

    func render(_ template: String, _ object: Any) throws -> String {
        guard let text = library.render(object, withTemplate: template) else {
            throw RendererError(message: "no template named \(template)")
        }
        return text
    }

    /// A whole page: the model inside the layout's chrome.
    func page<Model>(_ template: String, chrome: Chrome, model: Model, status: HTTPResponse.Status = .ok) throws -> Response {
        HTML.response(try render(template, PageView(chrome: chrome, page: model)), status: status)
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
