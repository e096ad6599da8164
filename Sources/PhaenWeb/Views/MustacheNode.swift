import Foundation
import Mustache

/// A page model as Mustache reads it, built once before rendering.
///
/// Mustache finds `{{name}}` in a plain Swift value with `Mirror`: for every lookup it reflects
/// the value, materialises all of its fields and filters them by label, and a lookup that
/// misses climbs the context stack doing the same on each level. On a city table of ~100
/// rows this took ~90 % of a request. A node reflects each value once, up front, into a
/// dictionary (`MustacheParent`), so every lookup is a hash lookup; the rendered text is
/// the same.
///
/// Conversion keeps Mustache's meaning exactly: a field holding nil is absent (the lookup
/// climbs the stack as before; only one level of Optional is unwrapped, as Mustache does);
/// arrays of models become arrays of nodes (sections, `first`, `count`, `empty` … unchanged)
/// while arrays of strings or numbers stay as they are (`sorted` needs `Comparable`);
/// strings, numbers, Booleans, enums and Mustache's own protocol types are left alone; and a
/// node printed as `{{value}}` prints its value.
///
/// Immutable once built, so a node tree may be cached and rendered by many requests at once.
final class MustacheNode: MustacheParent, CustomStringConvertible, @unchecked Sendable {
    let value: Any
    private let children: [String: Any]

    private init(value: Any, children: [String: Any]) {
        self.value = value
        self.children = children
    }

    func child(named name: String) -> Any? { children[name] }
    var description: String { String(describing: value) }

    /// The value ready for rendering: models become nodes, everything else stays itself.
    static func tree(_ value: Any) -> Any {
        // The renderer's own wrappers (`["chrome": …, "page": …]`): their values are models.
        if let wrapper = value as? [String: Any], type(of: value) == [String: Any].self { return wrapper.mapValues(tree) }
        if isLeaf(value) { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?:
            var children: [String: Any] = [:]
            children.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let unwrapped = unwrapOnce(child.value) else { continue }
                if children[label] == nil { children[label] = tree(unwrapped) }
            }
            return MustacheNode(value: value, children: children)
        case .collection? where value is any MustacheSequence && value is any RandomAccessCollection:
            let elements = mirror.children.map(\.value)
            // Only models are converted; an array of leaves keeps its type (and `sorted`).
            guard let first = elements.first, !isLeaf(first) else { return value }
            return elements.map(tree)
        default:
            return value
        }
    }

    /// Strings, numbers, Booleans, Mustache's own kinds and already-built nodes.
    private static func isLeaf(_ value: Any) -> Bool {
        switch value {
        case is String, is Substring, is Character, is Bool, is any BinaryInteger, is any BinaryFloatingPoint,
             is Decimal, is Date, is URL, is UUID:
            return true
        case is MustacheParent, is MustacheCustomRenderable, is MustacheCustomRepresentation, is MustacheLambda,
             is MustacheTemplate:
            return true
        default:
            return false
        }
    }

    /// One level of Optional, as Mustache's own lookup unwraps: nil for `.none`.
    private static func unwrapOnce(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
