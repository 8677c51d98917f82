/// The words and abbreviations a report uses, each explained once, so that a reader never has to
/// ask what "pp", "special cause" or "CLA" means (PRODUCT.md's glossary; R13: a report that
/// explains itself). A page lists only the entries whose words appear on it.
enum PackGlossary {
    struct Entry: Sendable, Hashable {
        /// The term as the list shows it: "Percentage points (pp)".
        let term: String
        let meaning: String
        /// The words whose appearance on a page puts the entry in its list, matched whole (not
        /// inside a longer word) and with their case.
        let words: [String]
    }

    /// Every entry, in the order a list shows them: the report's own terms, then abbreviations.
    static let entries: [Entry] = [
        Entry(
            term: "Percentage points (pp)",
            meaning: "The difference between two percentages: from 20% to 25% is a rise of 5 percentage points (and a relative rise of 25%).",
            words: ["pp", "percentage points"]
        ),
        Entry(
            term: "Tolerance",
            meaning: "How far short of its target a figure may fall and still count as on track (within tolerance). For direction of travel, the smallest change that counts as better or worse.",
            words: ["tolerance"]
        ),
        Entry(
            term: "Direction of travel",
            meaning: "Whether the latest figure is better, worse or about the same (static) as the one it is compared with: the figure before, or the same period a year before. Each measure says which comparison it uses, and whether the change must be more than a tolerance or statistically significant to count.",
            words: ["Direction of travel", "direction of travel", "Improving", "Declining", "Static"]
        ),
        Entry(
            term: "Confidence interval",
            meaning: "The range in which the true figure very probably lies, given how many people it is based on: a 95% interval holds it 95 times in 100. Small numbers give wide intervals.",
            words: ["confidence interval", "confidence intervals", "Confidence interval"]
        ),
        Entry(
            term: "Statistically significant",
            meaning: "A difference too large to be put down to chance alone: the two figures' confidence intervals do not overlap.",
            words: ["significant", "significantly", "Significantly"]
        ),
        Entry(
            term: "Statistical process control (SPC)",
            meaning: "A chart of a measure over time, with its mean and process limits, that shows whether a change is beyond the measure's usual variation (NHS England's \"Making Data Count\" method).",
            words: ["SPC", "statistical process control"]
        ),
        Entry(
            term: "Process limits",
            meaning: "The range in which a measure's figures usually fall, worked out from their own ups and downs. A figure outside them, or a long run of figures on one side of the mean, is a special cause.",
            words: ["process limit", "process limits", "Process limits", "usual range"]
        ),
        Entry(
            term: "Common cause variation",
            meaning: "The ordinary ups and downs of a measure, which need no explanation of their own.",
            words: ["Common cause", "common cause"]
        ),
        Entry(
            term: "Special cause variation",
            meaning: "A change beyond a measure's usual variation, worth explaining: of an improving nature when the measure got better, of a concerning nature when it got worse.",
            words: ["Special cause", "special cause", "real improvement", "real deterioration"]
        ),
        Entry(
            term: "Assurance",
            meaning: "Whether a measure's process limits say the target can be relied on: met every period (consistently passing), missed every period (consistently falling short) unless something changes, or met in some periods and missed in others (hit and miss).",
            words: ["Assurance", "assurance"]
        ),
        Entry(
            term: "Statistical neighbours",
            meaning: "The 10 councils most like this one in their population and need, as listed by the Department for Education, to compare with.",
            words: ["Statistical neighbours", "statistical neighbours", "Statistical neighbour", "statistical neighbour"]
        ),
        Entry(
            term: "Quartile band",
            meaning: "Where the council's figure falls among every council's figure, in four equal bands from A (the best quarter) to D (the worst).",
            words: ["Quartile band", "quartile band"]
        ),
        Entry(
            term: "Currency",
            meaning: "Whether the latest figure is as new as it should be: current, not due a newer figure yet, or stale (a newer one should have been published).",
            words: ["Currency", "currency", "Stale", "stale"]
        ),
        Entry(
            term: "Withheld (c)",
            meaning: "A figure not shown so that no child or family can be identified from a small number, marked c as the Department for Education does.",
            words: ["withheld", "Withheld"]
        ),
        Entry(
            term: "Section 47 enquiry",
            meaning: "An enquiry by children's social care, under section 47 of the Children Act 1989, into whether a child is suffering, or likely to suffer, significant harm.",
            words: ["Section 47", "section 47"]
        ),
        Entry(
            term: "Return home interview",
            meaning: "A conversation offered to a child after they come back from being missing, to understand why they went and to keep them safe.",
            words: ["return home interview", "Return home interview", "return home interviews", "Return home interviews"]
        ),
        Entry(
            term: "Early Help",
            meaning: "Support for a child and their family as soon as problems emerge, before children's social care is needed.",
            words: ["Early Help", "early help"]
        ),
        Entry(term: "CIC, CLA", meaning: "Children in care; looked-after children (the same children).", words: ["CIC", "CLA"]),
        Entry(term: "CME", meaning: "Children missing education.", words: ["CME"]),
        Entry(term: "CPP", meaning: "Child protection plan.", words: ["CPP", "CPPs"]),
        Entry(term: "CSE", meaning: "Child sexual exploitation.", words: ["CSE"]),
        Entry(term: "CYP", meaning: "Children and young people.", words: ["CYP"]),
        Entry(term: "EET, NEET", meaning: "In education, employment or training; not in education, employment or training.", words: ["EET", "NEET"]),
        Entry(term: "EHCP", meaning: "Education, health and care plan, for a child with special educational needs; the law says a plan should be issued within 20 weeks.", words: ["EHCP", "EHCPs", "EHC"]),
        Entry(term: "KPI", meaning: "Key performance indicator: a key business measure.", words: ["KPI", "KPIs"]),
        Entry(term: "OGL", meaning: "Open Government Licence v3.0, under which the national statistics are published.", words: ["OGL", "Open Government Licence"]),
        Entry(term: "OSC", meaning: "Overview and Scrutiny Committee.", words: ["OSC"]),
        Entry(term: "RAG", meaning: "Red, amber, green: not on track, within tolerance, on track.", words: ["RAG"]),
        Entry(term: "SEND", meaning: "Special educational needs and disabilities.", words: ["SEND"]),
        Entry(term: "SGO", meaning: "Special guardianship order.", words: ["SGO"]),
        Entry(term: "UASC", meaning: "Unaccompanied asylum-seeking children.", words: ["UASC"]),
    ]

    /// The entries whose words appear in `html`'s text (its markup and attributes left out): a
    /// word counts where its letters and digits stand whole, a phrase where its words follow each
    /// other with one space between. The text is read once, byte by byte; at each word's start
    /// only the phrases beginning with its first byte are compared, and an entry once found is
    /// not looked for again, so a whole printed pack costs little more than its reading.
    static func entries(usedIn html: String) -> [Entry] {
        let text = visibleBytes(html)
        var found = Array(repeating: false, count: entries.count)
        var left = phrasesByFirstByte
        var remaining = entries.count
        text.withUnsafeBufferPointer { text in
            var i = 0
            while i < text.count, remaining > 0 {
                let byte = text[i]
                defer { i += 1 }
                guard !left[Int(byte)].isEmpty, !Self.isWordCharacter(endingAt: i - 1, in: text) else { continue }
                let before = remaining
                for phrase in left[Int(byte)] where !found[phrase.entry] && matches(phrase.bytes, at: i, in: text) {
                    found[phrase.entry] = true
                    remaining -= 1
                }
                if remaining < before {
                    for first in left.indices { left[first].removeAll { found[$0.entry] } }
                }
            }
        }
        return entries.indices.filter { found[$0] }.map { entries[$0] }
    }

    /// Each entry's words as bytes, listed under their first byte.
    private static let phrasesByFirstByte: [[(bytes: [UInt8], entry: Int)]] = {
        var table = Array(repeating: [(bytes: [UInt8], entry: Int)](), count: 256)
        for (index, entry) in entries.enumerated() {
            for word in entry.words {
                let bytes = Array(word.utf8)
                table[Int(bytes[0])].append((bytes, index))
            }
        }
        return table
    }()

    /// True when `phrase` stands in `text` at `start`, not followed by more of a word.
    private static func matches(_ phrase: [UInt8], at start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start + phrase.count <= text.count else { return false }
        for k in phrase.indices where text[start + k] != phrase[k] { return false }
        return !isWordCharacter(startingAt: start + phrase.count, in: text)
    }

    /// Whether the character whose UTF-8 encoding ends at byte `end` is a letter or digit (false
    /// before the text's start).
    private static func isWordCharacter(endingAt end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end >= 0 else { return false }
        if text[end] < 0x80 { return isASCIIWordByte(text[end]) }
        var start = end
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordCharacter(startingAt: start, in: text)
    }

    /// Whether the character whose UTF-8 encoding starts at byte `start` is a letter or digit
    /// (false past the text's end).
    private static func isWordCharacter(startingAt start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start < text.count else { return false }
        if text[start] < 0x80 { return isASCIIWordByte(text[start]) }
        var end = start + 1
        while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }

    /// `html` without its tags, each tag a space, with the entities templates write turned back
    /// into characters.
    static func visibleText(_ html: String) -> String {
        String(decoding: visibleBytes(html), as: UTF8.self)
    }

    private static let entityNames: [(name: [UInt8], byte: UInt8)] = [("amp;", "&"), ("#39;", "'"), ("quot;", "\""), ("lt;", "<"), ("gt;", ">")].map {
        (Array($0.0.utf8), UInt8(ascii: $0.1))
    }

    /// `visibleText` as UTF-8.
    private static func visibleBytes(_ html: String) -> [UInt8] {
        var html = html
        return html.withUTF8 { source in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count)
            var i = 0, inTag = false
            while i < source.count {
                let byte = source[i]
                i += 1
                if byte == UInt8(ascii: "<") { inTag = true; continue }
                if byte == UInt8(ascii: ">") { inTag = false; bytes.append(UInt8(ascii: " ")); continue }
                if inTag { continue }
                if byte == UInt8(ascii: "&"), let entity = entityNames.first(where: { source[i...].starts(with: $0.name) }) {
                    bytes.append(entity.byte)
                    i += entity.name.count
                    continue
                }
                bytes.append(byte)
            }
            return bytes
        }
    }

    /// The list for a page whose content is `html`, as a section headed "Words and abbreviations";
    /// "" when none of its words appear.
    static func section(for html: String, render: (Any, String) -> String) -> String {
        let used = entries(usedIn: html)
        guard !used.isEmpty else { return "" }
        return render(["entries": used.map { ["term": $0.term, "meaning": $0.meaning] }], "glossary")
    }
}
