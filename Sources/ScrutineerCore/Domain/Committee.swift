import Foundation

/// A committee's key business measures, grouped in themes, for one council (PRODUCT.md R1, R2):
/// what an Integrated Performance Report is assessed for.
public struct Committee: Sendable, Hashable, Codable, Identifiable {
    /// A short code, unique within Scrutineer (`CYP-OSC`).
    public var code: String
    /// "Children and Young People Overview and Scrutiny Committee".
    public var name: String
    /// The council the committee scrutinises (ONS code, e.g. E10000031 Warwickshire).
    public var councilAreaCode: String
    /// The themes in the order the report shows them.
    public var themes: [CommitteeTheme]
    /// What the committee calls its measures, plural and singular, as the headline sentence uses
    /// them: "key business measures" / "key business measure".
    public var measureNoun: String
    public var measureNounSingular: String

    public var id: String { code }

    /// A committee; its measures are called "key business measures" unless stated.
    public init(
        code: String, name: String, councilAreaCode: String, themes: [CommitteeTheme],
        measureNoun: String = "key business measures", measureNounSingular: String = "key business measure"
    ) {
        self.code = code
        self.name = name
        self.councilAreaCode = councilAreaCode
        self.themes = themes
        self.measureNoun = measureNoun
        self.measureNounSingular = measureNounSingular
    }

    /// A definition file may leave out the measure nouns ("key business measures").
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Committee(code: "", name: "", councilAreaCode: "", themes: [])
        self.init(
            code: try container.decode(String.self, forKey: .code), name: try container.decode(String.self, forKey: .name),
            councilAreaCode: try container.decode(String.self, forKey: .councilAreaCode),
            themes: try container.decode([CommitteeTheme].self, forKey: .themes),
            measureNoun: try container.decodeIfPresent(String.self, forKey: .measureNoun) ?? defaults.measureNoun,
            measureNounSingular: try container.decodeIfPresent(String.self, forKey: .measureNounSingular) ?? defaults.measureNounSingular
        )
    }

    /// Every measure code, theme by theme, in report order.
    public var measureCodes: [String] { themes.flatMap(\.measureCodes) }
}

extension CommitteeTheme {
    /// The address of a theme's page: its name's letters and digits in lower case, anything else
    /// one hyphen ("Children in Care" → `children-in-care`); "" for a name with neither.
    public static func slug(_ name: String) -> String {
        var slug = ""
        for c in name.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { slug.append(c) } else if !slug.hasSuffix("-") { slug.append("-") }
        }
        return String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")))
    }
}

/// One theme of a committee's report (EHCP, Early Help, Children in Care…) with the officer who owns it.
public struct CommitteeTheme: Sendable, Hashable, Codable {
    /// The theme's name as the report heads it.
    public var name: String
    /// The officer accountable for the theme, when named.
    public var owner: String?
    /// The theme's measures in report order.
    public var measureCodes: [String]

    /// A theme with its owner and measures.
    public init(name: String, owner: String? = nil, measureCodes: [String]) {
        self.name = name
        self.owner = owner
        self.measureCodes = measureCodes
    }
}
