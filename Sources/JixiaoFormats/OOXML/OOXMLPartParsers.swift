import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

// What the streaming readers of every Office Open XML package (.xlsx, .docx) share.

/// The name without its namespace prefix.
func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}

/// The value of the attribute whose local name is `name`.
func attribute(_ attributes: [String: String], _ name: String) -> String? {
    if let value = attributes[name] { return value }
    return attributes.first { local($0.key) == name }?.value
}

/// `<Relationship Id="…" Type="…" Target="…"/>` in a `_rels/*.rels` part.
final class RelationshipsPartParser: NSObject, XMLParserDelegate {
    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    var relationships: [Relationship] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard local(elementName) == "Relationship", let id = attribute(attributes, "Id"),
              let target = attribute(attributes, "Target") else { return }
        relationships.append(Relationship(id: id, type: attribute(attributes, "Type") ?? "", target: target,
                                          external: attribute(attributes, "TargetMode") == "External"))
    }
}
