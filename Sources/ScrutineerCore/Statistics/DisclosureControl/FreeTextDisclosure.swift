/// Small counts of children in what officers write (PRODUCT.md R8: "small numbers that could
/// identify a child are suppressed in anything members of the public can see"). Commentary,
/// answers to the committee's requests, risks and finance explanations are free text, so the
/// figures' suppression (`DisclosurePolicy`) cannot reach them. For the public, a count from 1 to
/// the policy's threshold written before a word for children, young people or families ("3
/// children", "two young people", "4 of the care leavers", "one family") becomes "a small number
/// of" them ("a small number of children", "a small number of the care leavers"). Members and
/// officers read the text as written.
///
/// A count of a whole ("2 of the 45 children", "2 out of 45 children") is read too, and the whole
/// kept unless it is small itself ("a small number of the 45 children").
///
/// It reads the common ways of writing such a count, not every one: a count after the noun ("the
/// children, 3 of them") or spelled unusually is not found, so officers still write for the public.
/// Not counted: a number that is a label or a part of another figure ("Year 5 pupils", "key stage
/// 2 pupils", "1 in 5 children", "£3", "5%", "2.5", "3/4"), and a possessive ("3 children's homes").
public enum FreeTextDisclosure {
    /// One small count found: the words as written ("3 children") and the count.
    public struct Finding: Sendable, Hashable {
        public let phrase: String
        public let count: Int

        public init(phrase: String, count: Int) {
            self.phrase = phrase
            self.count = count
        }
    }

    /// The small counts of children and families in `text` under `policy`.
    public static func findings(in text: String, policy: DisclosurePolicy = .dfe) -> [Finding] {
        let words = Word.split(text)
        return matches(words, text: text, policy: policy).map { match in
            Finding(phrase: String(text[words[match.start].range.lowerBound..<words[match.noun].range.upperBound]), count: match.value)
        }
    }

    /// Each number written in `text` that is one of `numbers` (as digits without thousands
    /// separators, "3", "4.9"; one to twenty may be written in words), with the whole it is written
    /// of ("3 of 61", "3/61"): figures the public's copy of a report withholds, which text written
    /// beside them would give away. Money (£3) is not read.
    public static func numbers(in text: String, among numbers: Set<String>) -> [Finding] {
        guard !numbers.isEmpty else { return [] }
        var found: [Finding] = []
        var rest = Substring(text)
        while let match = rest.firstMatch(of: /(\d[\d,]*(?:\.\d+)?)(?:\s*(?:\/|of|out of)\s*\d[\d,]*)?/) {
            let digits = String(match.1).replacingOccurrences(of: ",", with: "")
            let before = match.range.lowerBound > text.startIndex ? text[text.index(before: match.range.lowerBound)] : " "
            if !"£$€.".contains(before), !before.isLetter, numbers.contains(digits) {
                found.append(Finding(phrase: String(rest[match.range]), count: Int(digits) ?? 0))
            }
            rest = rest[match.range.upperBound...]
        }
        for word in Word.split(text) {
            if let value = numberWords[word.lowered], numbers.contains(String(value)) {
                found.append(Finding(phrase: word.text, count: value))
            }
        }
        return found
    }

    /// `text` with each small count of children and families written as "a small number of" them.
    public static func redacted(_ text: String, policy: DisclosurePolicy = .dfe) -> String {
        let words = Word.split(text)
        let found = matches(words, text: text, policy: policy)
        guard !found.isEmpty else { return text }
        var out = ""
        var from = text.startIndex
        for match in found {
            let first = words[match.start]
            out += text[from..<first.range.lowerBound]
            var fillers = Array((match.count + 1)..<match.noun)
            if fillers.count > 1, words[fillers[0]].lowered == "out", words[fillers[1]].lowered == "of" { fillers.removeFirst(2) }
            if let filler = fillers.first, words[filler].lowered == "of" { fillers.removeFirst() }
            // A whole written among them is kept ("of the 45 children"), unless it is small itself.
            fillers.removeAll { wholeNumber(words[$0], in: text).map(policy.isSmallCount) == true }
            let capital = first.text.first?.isUppercase == true || startsSentence(text, at: first.range.lowerBound)
            out += capital ? "A small number of " : "a small number of "
            if let filler = fillers.first, wholeNumber(words[filler], in: text) != nil { out += "the " }
            for filler in fillers {
                out += text[words[filler].range.lowerBound..<words[filler + 1].range.lowerBound]
            }
            out += plural(words[match.noun].text)
            from = words[match.noun].range.upperBound
        }
        out += text[from...]
        return out
    }

    // MARK: Reading

    /// A word of the text: letters, digits, apostrophes and hyphens, with where it is.
    struct Word {
        let text: String
        let lowered: String
        let range: Range<String.Index>

        static func split(_ text: String) -> [Word] {
            var words: [Word] = []
            var start: String.Index?
            var index = text.startIndex
            while index < text.endIndex {
                let c = text[index]
                let inWord = c.isLetter || c.isNumber || ((c == "'" || c == "’" || c == "-") && start != nil)
                if inWord {
                    if start == nil { start = index }
                } else if let begun = start {
                    words.append(Word(text[begun..<index]))
                    start = nil
                }
                index = text.index(after: index)
            }
            if let begun = start { words.append(Word(text[begun..<text.endIndex])) }
            return words
        }

        init(_ slice: Substring) {
            // A trailing apostrophe or hyphen is punctuation, not part of the word.
            var end = slice.endIndex
            while end > slice.startIndex, ["'", "’", "-"].contains(slice[slice.index(before: end)]) { end = slice.index(before: end) }
            text = String(slice[slice.startIndex..<end])
            lowered = text.lowercased()
            range = slice.startIndex..<end
        }
    }

    struct Match {
        /// The first word replaced: the count, or the determiner before it ("the 3 children").
        let start: Int
        let count: Int
        let noun: Int
        let value: Int
    }

    static func matches(_ words: [Word], text: String, policy: DisclosurePolicy) -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < words.count {
            guard let value = count(words, i, text: text), policy.isSmallCount(value) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < words.count, j - i <= maxFillers, isFiller(words, j, text: text) { j += 1 }
            if j < words.count, nouns.contains(words[j].lowered), !isPossessive(words[j], in: text) {
                let afterLast = found.last.map { $0.noun + 1 } ?? 0
                let start = i > afterLast && determiners.contains(words[i - 1].lowered) ? i - 1 : i
                found.append(Match(start: start, count: i, noun: j, value: value))
                i = j + 1
            } else {
                i += 1
            }
        }
        return found
    }

    /// The count word `i` is, when it stands alone as a count of something.
    static func count(_ words: [Word], _ i: Int, text: String) -> Int? {
        let word = words[i]
        let value: Int
        if word.text.allSatisfy(\.isASCII), word.text.allSatisfy(\.isNumber), word.text.first != "0", word.text.count <= 3, let number = Int(word.text) {
            value = number
        } else if let number = numberWords[word.lowered] {
            value = number
        } else {
            return nil
        }
        // Part of another figure: "£3", "5%", "2.5", "3/4", "10:30", "3rd".
        if word.range.lowerBound > text.startIndex, "£$€/.:,".contains(text[text.index(before: word.range.lowerBound)]) { return nil }
        if word.range.upperBound < text.endIndex {
            let next = text[word.range.upperBound]
            if "%/:".contains(next) { return nil }
            if next == "." || next == ",", text.index(after: word.range.upperBound) < text.endIndex,
               text[text.index(after: word.range.upperBound)].isNumber { return nil }
        }
        if i > 0 {
            let before = words[i - 1].lowered
            // A label stands right before its number ("Year 5"), not across a stop ("two years: 2").
            if labels.contains(before), text[words[i - 1].range.upperBound..<word.range.lowerBound].allSatisfy(\.isWhitespace) { return nil }
            // A ratio: "1 in 5 children", "2 out of 5 children".
            if before == "in" || before == "of", i > 1, words[i - 2].text.allSatisfy(\.isNumber) || numberWords[words[i - 2].lowered] != nil { return nil }
            if before == "of", i > 2, words[i - 2].lowered == "out" { return nil }
        }
        return value
    }

    /// Whether word `j` may stand between a count and its noun: a filler word, "out" in "out of",
    /// or the whole of which the count is a part ("2 of the 45 children", "2 out of 45 children").
    static func isFiller(_ words: [Word], _ j: Int, text: String) -> Bool {
        let word = words[j].lowered
        if fillers.contains(word) { return true }
        if word == "out" { return j + 1 < words.count && words[j + 1].lowered == "of" }
        return wholeNumber(words[j], in: text) != nil && ["of", "the", "our", "these", "those", "their"].contains(words[j - 1].lowered)
    }

    /// The number `word` is when it is digits alone (a whole such as 45 or 1,318 is written plain
    /// here), not a part of another figure ("£45", "45%", "4.5").
    static func wholeNumber(_ word: Word, in text: String) -> Int? {
        guard word.text.allSatisfy({ $0.isASCII && $0.isNumber }), word.text.count <= 9, word.text.first != "0" || word.text == "0" else { return nil }
        if word.range.lowerBound > text.startIndex, "£$€/.:,".contains(text[text.index(before: word.range.lowerBound)]) { return nil }
        if word.range.upperBound < text.endIndex {
            let next = text[word.range.upperBound], after = text.index(after: word.range.upperBound)
            if "%/:".contains(next) { return nil }
            if next == "." || next == ",", after < text.endIndex, text[after].isNumber { return nil }
        }
        return Int(word.text)
    }

    /// A plural possessive ("girls' football"): the apostrophe after the noun is not part of its
    /// word. A singular one ("children's homes") is a word of its own, not a noun of the list.
    static func isPossessive(_ word: Word, in text: String) -> Bool {
        word.range.upperBound < text.endIndex && ["'", "’"].contains(text[word.range.upperBound])
    }

    /// True when only spaces stand between `index` and the start of the text or the end of a sentence.
    static func startsSentence(_ text: String, at index: String.Index) -> Bool {
        var i = index
        while i > text.startIndex {
            i = text.index(before: i)
            let c = text[i]
            if c.isWhitespace { continue }
            return ".!?".contains(c)
        }
        return true
    }

    static func plural(_ noun: String) -> String {
        let lowered = noun.lowercased()
        if lowered == "children" || lowered == "people" { return noun }
        if let irregular = irregularPlurals[lowered] { return irregular }
        if noun.count > 1, noun == noun.uppercased() { return noun } // UASC, CLA, CYP
        return lowered.hasSuffix("s") ? noun : noun + "s"
    }

    static let maxFillers = 4

    /// Words before a count that go with it: "the 3 children" is "a small number of children".
    static let determiners: Set<String> = ["the", "these", "those", "all", "our", "their"]

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    ]

    /// Words before a number that make it a label, not a count: "Year 5", "key stage 2", "aged 4".
    static let labels: Set<String> = [
        "year", "years", "stage", "ks", "level", "age", "aged", "ages", "under", "over", "q", "quarter", "phase", "tier", "step",
        "section", "page", "priority", "table", "figure", "appendix", "grade", "item", "point", "no", "number", "band", "rank", "ranked",
        "top", "bottom", "version", "option", "question", "paragraph", "recommendation", "risk", "ward", "group", "room", "cohort",
    ]

    /// Words that may stand between a count and its noun: "3 looked-after children", "4 of the care leavers".
    static let fillers: Set<String> = [
        "of", "the", "our", "these", "those", "their", "more", "further", "new", "other", "additional", "looked-after", "looked", "after",
        "disabled", "vulnerable", "young", "unaccompanied", "asylum-seeking", "asylum", "seeking", "separated", "missing", "excluded",
        "permanently", "local", "older", "younger", "white", "black", "asian", "mixed", "male", "female", "eligible", "sen", "send",
        "care", "different", "individual", "identified", "known", "referred", "such", "school-age", "adopted", "fostered", "home-educated",
    ]

    /// Words for children, young people and families.
    static let nouns: Set<String> = [
        "child", "children", "kid", "kids", "person", "people", "pupil", "pupils", "student", "students", "learner", "learners",
        "baby", "babies", "infant", "infants", "toddler", "toddlers", "family", "families", "leaver", "leavers", "girl", "girls",
        "boy", "boys", "teenager", "teenagers", "adolescent", "adolescents", "sibling", "siblings", "youngster", "youngsters",
        "case", "cases", "uasc", "cla", "cic", "cyp", "neet",
    ]

    static let irregularPlurals: [String: String] = [
        "child": "children", "person": "people", "baby": "babies", "family": "families", "case": "cases",
    ]
}
