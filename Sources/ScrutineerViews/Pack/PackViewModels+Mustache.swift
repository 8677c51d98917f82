import Mustache

// Each view model hands its fields to swift-mustache by name (`MustacheParent`) instead of being
// read through `Mirror`, which reflects every field on every lookup: this keeps a 22-measure pack
// well inside its time budget. The names are the properties' names, as the templates use them.

extension PackLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "icon": icon
        case "text": text
        case "href": href
        case "hasLink": hasLink
        case "isNote": isNote
        case "cssClass": cssClass
        case "link": link
        case "unlinkedText": unlinkedText
        default: nil
        }
    }
}

extension PackCell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lines": lines
        case "isNumeric": isNumeric
        case "isPlain": isPlain
        case "plain": plain
        default: nil
        }
    }
}

extension PackHeader: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "icon": icon
        case "isNumeric": isNumeric
        default: nil
        }
    }
}

extension PackRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "header": header
        case "cells": cells
        default: nil
        }
    }
}

extension PackTable: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "caption": caption
        case "cssClass": cssClass
        case "headers": headers
        case "rows": rows
        case "bodyRows": bodyRows
        case "note": note
        case "hasNote": hasNote
        default: nil
        }
    }
}

extension PackFact: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "lines": lines
        default: nil
        }
    }
}

extension PackFacts: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "items": items
        default: nil
        }
    }
}

extension PackLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "href": href
        case "hasHref": !href.isEmpty
        case "isCurrent": isCurrent
        default: nil
        }
    }
}

extension PackFigure: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "caption": caption
        case "svg": svg
        case "summary": summary
        case "table": table
        case "pointTypes": pointTypes
        case "hasPointTypes": hasPointTypes
        default: nil
        }
    }
}

extension PackPageModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "stylesheet": stylesheet
        case "bodyClass": bodyClass
        case "committeeName": committeeName
        case "councilName": councilName
        case "periodLabel": periodLabel
        case "audienceLabel": audienceLabel
        case "hasStage": !stageLabel.isEmpty
        case "stageLabel": stageLabel
        case "stageClass": stageClass
        case "navigation": navigation
        case "content": content
        case "generated": generated
        case "attribution": attribution
        default: nil
        }
    }
}

extension PackThemeSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "owner": owner
        case "hasOwner": hasOwner
        case "sentence": sentence
        case "table": table
        default: nil
        }
    }
}

extension PackListSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sentence": sentence
        case "hasMatrix": hasMatrix
        case "matrix": matrix
        case "table": table
        default: nil
        }
    }
}

extension PackFinanceSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sentence": sentence
        case "parts": parts
        default: nil
        }
    }
}

extension PackFinancePart: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "heading": heading
        case "sentence": sentence
        case "table": table
        case "hasChart": hasChart
        case "chart": chart
        default: nil
        }
    }
}

extension PackSummaryModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "hasStage": !stageLabel.isEmpty
        case "stageLabel": stageLabel
        case "stageNote": stageNote
        case "stageClass": stageClass
        case "facts": facts
        case "audienceNote": audienceNote
        case "headline": headline
        case "statusTable": statusTable
        case "directionTable": directionTable
        case "themes": themes
        case "requests": requests
        case "risks": risks
        case "finance": finance
        case "dataLinks": dataLinks
        case "hasData": hasData
        case "key": key
        default: nil
        }
    }
}

extension PackMeasureModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "title": title
        case "code": code
        case "isIllustrative": isIllustrative
        case "theme": theme
        case "hasTheme": hasTheme
        case "inShort": inShort
        case "about": about
        case "latest": latest
        case "currencyReason": currencyReason
        case "status": status
        case "statusReason": statusReason
        case "hasTargets": hasTargets
        case "targets": targets
        case "direction": direction
        case "directionReason": directionReason
        case "hasTrend": hasTrend
        case "trend": trend
        case "noTrend": noTrend
        case "hasBenchmarks": hasBenchmarks
        case "benchmarks": benchmarks
        case "comparisonReason": comparisonReason
        case "noBenchmarks": noBenchmarks
        case "hasSPC": hasSPC
        case "spc": spc
        case "spcLines": spcLines
        case "spcReason": spcReason
        case "spcAbsence": spcAbsence
        case "hasSPCAbsence": !spcAbsence.isEmpty
        case "hasBreakdowns": hasBreakdowns
        case "breakdowns": breakdowns
        case "hasRevisions": hasRevisions
        case "revisionsSentence": revisionsSentence
        case "hasRevisionsTable": hasRevisionsTable
        case "revisions": revisions
        case "hasSincePublication": hasSincePublication
        case "isRevisedSincePublication": isRevisedSincePublication
        case "sincePublicationSentence": sincePublicationSentence
        case "hasSincePublicationTable": hasSincePublicationTable
        case "sincePublication": sincePublication
        case "commentary": commentary
        case "hasCommentary": hasCommentary
        case "key": key
        default: nil
        }
    }
}

extension PackPrintModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "measures": measures
        default: nil
        }
    }
}
