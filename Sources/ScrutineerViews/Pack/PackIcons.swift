/// The small inline SVG icon drawn for each symbol name the assessment uses (`status-on-track`,
/// `arrow-up-improving`, `band-a`, `symbol-c`…). Every icon is hidden from assistive technology
/// (`aria-hidden`) and always sits beside its words: shape, glyph and colour repeat the words,
/// never replace them (WCAG 1.4.1). Fills are the GOV.UK palette at 4.5:1 or more against the
/// glyph and 3:1 or more against white.
enum PackIcons {
    /// The shapes an icon is drawn on.
    enum Shape {
        case circle, square, triangle, diamond, roundedBox
        case arrow(Arrow)
    }

    /// Arrow directions.
    enum Arrow { case up, down, flat }

    /// How one symbol is drawn.
    struct Design {
        let shape: Shape
        /// Fill, or nil for an outline.
        let fill: String?
        /// Outline and (for outlines) glyph colour.
        let stroke: String
        let glyph: String
        let glyphColour: String
    }

    static let green = "#00703c", red = "#b10e1e", amber = "#ffdd00", grey = "#505a5f", blue = "#1d70b8"
    static let darkBlue = "#003078", orange = "#f47738", purple = "#4c2c92", black = "#0b0c0c", white = "#ffffff"

    static func filled(_ shape: Shape, _ fill: String, _ glyph: String, glyphColour: String = white) -> Design {
        Design(shape: shape, fill: fill, stroke: fill, glyph: glyph, glyphColour: glyphColour)
    }

    static func outline(_ shape: Shape, _ colour: String, _ glyph: String) -> Design {
        Design(shape: shape, fill: nil, stroke: colour, glyph: glyph, glyphColour: colour)
    }

    /// The design of `symbol`; an unknown symbol gets a neutral box with its first letter.
    static func design(_ symbol: String) -> Design {
        switch symbol {
        case "status-on-track": return filled(.circle, green, "✓")
        case "status-within-tolerance": return filled(.triangle, amber, "!", glyphColour: black)
        case "status-not-on-track": return filled(.square, red, "✗")
        case "status-completed": return filled(.square, green, "★")
        case "status-not-due": return outline(.circle, grey, "…")
        case "status-no-data": return outline(.square, grey, "?")
        case "status-not-judged": return outline(.diamond, grey, "–")

        case "target-local": return outline(.roundedBox, darkBlue, "L")
        case "target-national": return outline(.roundedBox, darkBlue, "N")
        case "target-statutory": return outline(.roundedBox, darkBlue, "S")
        case "target-trajectory": return outline(.roundedBox, darkBlue, "T")

        case "currency-current": return filled(.circle, darkBlue, "C")
        case "currency-not-due": return outline(.circle, darkBlue, "N")
        case "currency-stale": return filled(.triangle, amber, "S", glyphColour: black)
        case "currency-no-data": return outline(.square, grey, "?")

        case "arrow-up-improving": return Design(shape: .arrow(.up), fill: green, stroke: green, glyph: "", glyphColour: white)
        case "arrow-down-improving": return Design(shape: .arrow(.down), fill: green, stroke: green, glyph: "", glyphColour: white)
        case "arrow-up-declining": return Design(shape: .arrow(.up), fill: red, stroke: red, glyph: "", glyphColour: white)
        case "arrow-down-declining": return Design(shape: .arrow(.down), fill: red, stroke: red, glyph: "", glyphColour: white)
        case "arrow-flat-static": return Design(shape: .arrow(.flat), fill: grey, stroke: grey, glyph: "", glyphColour: white)
        case "arrow-up-increasing": return Design(shape: .arrow(.up), fill: blue, stroke: blue, glyph: "", glyphColour: white)
        case "arrow-down-decreasing": return Design(shape: .arrow(.down), fill: blue, stroke: blue, glyph: "", glyphColour: white)
        case "arrow-none": return outline(.circle, grey, "–")

        case "basis-simple-previous-period": return outline(.roundedBox, black, "P")
        case "basis-simple-same-period-last-year": return outline(.roundedBox, black, "Y")
        case "basis-ci-overlap-previous-period": return filled(.roundedBox, black, "P")
        case "basis-ci-overlap-same-period-last-year": return filled(.roundedBox, black, "Y")
        case "basis-recent-trend": return filled(.roundedBox, black, "5")
        case "basis-spc": return filled(.roundedBox, black, "S")

        case "benchmark-england": return filled(.square, darkBlue, "E")
        case "benchmark-region": return filled(.square, "#00625e", "R")
        case "benchmark-region-fallback": return outline(.square, "#00625e", "R")
        case "benchmark-statistical-neighbours": return filled(.square, "#912b88", "SN")
        case "benchmark-rank": return outline(.square, black, "#")

        case "compare-better": return filled(.circle, green, "+")
        case "compare-similar": return filled(.circle, amber, "=", glyphColour: black)
        case "compare-worse": return filled(.circle, red, "−")
        case "compare-best": return filled(.circle, "#004e2a", "++")
        case "compare-worst": return filled(.circle, "#7a0a15", "−−")
        case "compare-higher": return filled(.circle, blue, "H")
        case "compare-lower": return filled(.circle, "#5694ca", "L", glyphColour: black)
        case "compare-highest": return filled(.circle, darkBlue, "H+")
        case "compare-lowest": return filled(.circle, "#a4c5e6", "L−", glyphColour: black)
        case "compare-not-compared": return outline(.circle, grey, "·")

        case "comparison-fingertips-1": return outline(.roundedBox, black, "95")
        case "comparison-fingertips-17": return outline(.roundedBox, black, "99")
        case "comparison-not-compared": return outline(.roundedBox, grey, "–")

        case "band-a": return filled(.square, green, "A")
        case "band-b": return outline(.square, black, "B")
        case "band-c": return outline(.square, black, "C")
        case "band-d": return filled(.square, red, "D")
        case "band-none": return outline(.square, grey, "-")
        case "band-error": return outline(.square, red, "!")

        case "spc-variation-common_cause": return filled(.circle, grey, "~")
        case "spc-variation-improvement_high": return filled(.circle, blue, "H")
        case "spc-variation-improvement_low": return filled(.circle, blue, "L")
        case "spc-variation-concern_high": return filled(.circle, orange, "H", glyphColour: black)
        case "spc-variation-concern_low": return filled(.circle, orange, "L", glyphColour: black)
        case "spc-variation-neutral_high": return filled(.circle, purple, "H")
        case "spc-variation-neutral_low": return filled(.circle, purple, "L")
        case "spc-assurance-consistent_pass": return filled(.circle, blue, "P")
        case "spc-assurance-consistent_fail": return filled(.circle, orange, "F", glyphColour: black)
        case "spc-assurance-inconsistent": return filled(.circle, grey, "?")

        default:
            if symbol.hasPrefix("symbol-") {
                let text = String(symbol.dropFirst("symbol-".count))
                return outline(.roundedBox, black, text == "low" ? "lo" : text)
            }
            return outline(.roundedBox, grey, String(symbol.prefix(1)).uppercased())
        }
    }

    /// The icon for `symbol`, marked `data-symbol` where the page draws it as a judgement and
    /// `data-key-symbol` in the key (so a test can compare the two).
    static func svg(_ symbol: String, inKey: Bool = false) -> String {
        let design = design(symbol)
        let attribute = inKey ? "data-key-symbol" : "data-symbol"
        var out = #"<svg class="icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false" \#(attribute)="\#(escape(symbol))" xmlns="http://www.w3.org/2000/svg">"#
        let fill = design.fill ?? white
        let stroke = #"fill="\#(fill)" stroke="\#(design.stroke)" stroke-width="1.5""#
        switch design.shape {
        case .circle: out += #"<circle cx="10" cy="10" r="8.5" \#(stroke)/>"#
        case .square: out += #"<rect x="1.5" y="1.5" width="17" height="17" \#(stroke)/>"#
        case .roundedBox: out += #"<rect x="1.5" y="2.5" width="17" height="15" rx="3" \#(stroke)/>"#
        case .triangle: out += #"<polygon points="10,1.5 18.8,18 1.2,18" \#(stroke)/>"#
        case .diamond: out += #"<polygon points="10,1 19,10 10,19 1,10" \#(stroke)/>"#
        case let .arrow(direction):
            let path = switch direction {
            case .up: "M10 1.5 L18 10 H13 V18.5 H7 V10 H2 Z"
            case .down: "M10 18.5 L18 10 H13 V1.5 H7 V10 H2 Z"
            case .flat: "M18.5 10 L10 2 V7 H1.5 V13 H10 V18 Z"
            }
            out += #"<path d="\#(path)" fill="\#(fill)" stroke="\#(design.stroke)" stroke-width="1"/>"#
        }
        if !design.glyph.isEmpty {
            let size = design.glyph.count > 1 ? 8.5 : 11.5
            let y = if case .triangle = design.shape { 16.0 } else { 14.0 }
            out += #"<text x="10" y="\#(y)" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-weight="700" font-size="\#(size)" fill="\#(design.glyphColour)">\#(escape(design.glyph))</text>"#
        }
        out += "</svg>"
        return out
    }
}
