import Foundation
import HTTPTypes

/// One route of the application, written once: the router registers its `pattern`, and every link
/// to it is made by `href(_:query:)`, so a link and the route it points to cannot disagree.
struct RouteTemplate: Sendable, Hashable {
    let method: HTTPRequest.Method
    /// The path with `{name}` for each parameter, as Hummingbird matches it (`/committees/{committee}`).
    let pattern: String

    init(_ pattern: String, method: HTTPRequest.Method = .get) {
        self.method = method
        self.pattern = pattern
    }

    /// True when `path` fits the pattern: the same fixed segments, and a segment for each parameter.
    func matches(path: String) -> Bool {
        let want = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let have = path.split(separator: "/", omittingEmptySubsequences: false)
        guard want.count == have.count else { return false }
        return zip(want, have).allSatisfy { pattern, segment in
            pattern.hasPrefix("{") && pattern.hasSuffix("}") ? !segment.isEmpty : pattern == segment
        }
    }

    /// Every route the application answers: the site's pages and forms, and the API.
    static let every = SiteRoutes.all + [APIRoutes.openAPI] + APIRoutes.endpoints.map(\.route)

    /// The methods the application answers at `path`, HEAD with each GET and OPTIONS with any;
    /// empty when no route fits it.
    static func methods(at path: String) -> [HTTPRequest.Method] {
        let methods = Set(every.filter { $0.matches(path: path) }.map(\.method))
        guard !methods.isEmpty else { return [] }
        return [.get, .head, .post].filter { $0 == .head ? methods.contains(.get) : methods.contains($0) } + [.options]
    }

    /// The path's parameter names, in order.
    var parameterNames: [String] {
        pattern.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    /// The link to this route with `parameters` filled in (percent-encoded) and an optional query
    /// (pairs in order; nil values left out).
    func href(_ parameters: [String: String] = [:], query: [(String, String?)] = []) -> String {
        let path = pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return String(segment) }
            let name = String(segment.dropFirst().dropLast())
            return RouteTemplate.encodeSegment(parameters[name] ?? "")
        }.joined(separator: "/")
        let pairs = query.compactMap { name, value in value.map { "\(name)=\(RouteTemplate.encodeQueryValue($0))" } }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }

    /// Letters, digits and `-._~` stay; everything else is percent-encoded (measure codes hold `%`, `,`, `<`).
    static func encodeSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    static func encodeQueryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}

/// Every route of the site's pages and forms.
enum SiteRoutes {
    static let home = RouteTemplate("/")
    static let committee = RouteTemplate("/committees/{committee}")
    static let theme = RouteTemplate("/committees/{committee}/themes/{theme}")
    static let measure = RouteTemplate("/committees/{committee}/measures/{measure}")
    static let compare = RouteTemplate("/committees/{committee}/measures/{measure}/compare")
    static let measureCSV = RouteTemplate("/committees/{committee}/measures/{measure}/data.csv")
    static let measureXLSX = RouteTemplate("/committees/{committee}/measures/{measure}/data.xlsx")
    static let reportData = RouteTemplate("/committees/{committee}/data/{file}")
    static let commentary = RouteTemplate("/committees/{committee}/measures/{measure}/commentary", method: .post)
    static let publication = RouteTemplate("/committees/{committee}/publication", method: .post)
    static let requests = RouteTemplate("/committees/{committee}/requests", method: .post)
    static let requestDelivery = RouteTemplate("/committees/{committee}/requests/{number}/delivery", method: .post)
    static let requestAmendment = RouteTemplate("/committees/{committee}/requests/{number}/amendment", method: .post)
    static let requestClosure = RouteTemplate("/committees/{committee}/requests/{number}/closure", method: .post)
    static let importForm = RouteTemplate("/committees/{committee}/imports")
    static let imports = RouteTemplate("/committees/{committee}/imports", method: .post)
    static let importTemplate = RouteTemplate("/committees/{committee}/imports/templates/{file}")
    static let search = RouteTemplate("/search")
    static let signInForm = RouteTemplate("/sign-in")
    static let signIn = RouteTemplate("/sign-in", method: .post)
    static let signOut = RouteTemplate("/sign-out", method: .post)
    static let stylesheet = RouteTemplate("/assets/scrutineer.css")
    static let health = RouteTemplate("/health")
    static let metrics = RouteTemplate("/metrics")

    /// Every page and form route, for the route × role test.
    static let all = [
        home, committee, theme, measure, compare, measureCSV, measureXLSX, reportData, commentary, publication, requests, requestDelivery, requestAmendment, requestClosure,
        importForm, imports, importTemplate, search,
        signInForm, signIn, signOut, stylesheet, health, metrics,
    ]
}
