import ScrutineerCore

/// What LAIT's full data dictionary says of its measures, which the measure dictionary councils
/// are given (`lait_kpi_measures.csv`) leaves out: each measure's unit (the dictionary's
/// `y_axis_name`, such as "Rate per 1000 15 - 17 year olds" or "% half days missed") and what it
/// counts (its `Chart_title`), here in plain words.
///
/// Source: DfE, Local Authority Interactive Tool, `01_data/02_prod/lait_data_dictionary.csv` in
/// GitHub `dfe-analytical-services/local-authority-interactive-tool` (the file the shipped
/// dictionary was cut from), read 2026-11-25. A LAIT code not listed here takes its unit from its
/// title (`MeasureText.unit(fromTitle:)`) and has no definition.
enum LAITMeasureReference {
    struct Entry {
        let unit: MeasureUnit
        let definition: String
    }

    static func entry(code: String) -> Entry? { entries[code] }

    private static let perTenThousand = MeasureUnit.rate(per: 10_000)

    private static let entries: [String: Entry] = [
        // Health and wellbeing
        "Under18concep": Entry(unit: .rate(per: 1_000), definition:
            "Conceptions to girls aged under 18, per 1,000 females aged 15 to 17 (ONS conception statistics)."),
        "6wksBreast": Entry(unit: .percentage, definition:
            "Infants totally or partially breastfed at 6 to 8 weeks, as a percentage of infants due a 6 to 8 week check."),
        "Hosp_Adm_Alc_<18yrs": Entry(unit: .rate(per: 100_000), definition:
            "Hospital admissions of under-18s for alcohol-specific conditions, per 100,000 of the population aged under 18, over three years."),
        "HCP_PHOF": Entry(unit: .percentage, definition:
            "The percentage of children aged 2 to 2½ years offered the ASQ-3 (Ages and Stages Questionnaire) as part of the Healthy Child Programme or integrated review."),
        // Schools and early years
        "TotAbs": Entry(unit: .percentage, definition:
            "Half-day sessions missed through absence of any kind, as a percentage of all possible sessions."),
        "TotPerAbNew": Entry(unit: .percentage, definition:
            "Pupils who are persistently absent (missing 10% or more of possible sessions), as a percentage of all pupils."),
        "TotPermEx": Entry(unit: .percentage, definition: "Permanent exclusions, as a percentage of the school population."),
        "TotFixedEx": Entry(unit: .percentage, definition: "Suspensions, as a percentage of the school population."),
        "SEN_EHC_Excpt_20wks": Entry(unit: .percentage, definition:
            "New education, health and care (EHC) plans issued within 20 weeks, excluding exception cases, as a percentage of new plans issued."),
        "SEN_EHC_All_20wks": Entry(unit: .percentage, definition:
            "All new education, health and care (EHC) plans issued within 20 weeks, including exception cases, as a percentage of new plans issued."),
        "SEN_TotStat": Entry(unit: .percentage, definition:
            "Pupils with an education, health and care (EHC) plan or a statement of special educational needs, as a percentage of all pupils."),
        "%_2yr_olds": Entry(unit: .percentage, definition:
            "2 year olds benefiting from funded early education, as a percentage of the 2 year olds eligible."),
        // Young people
        "16-17_not known_NEET": Entry(unit: .percentage, definition:
            "16 and 17 year olds not in education, employment or training (NEET) or whose activity is not known, as a percentage of 16 and 17 year olds."),
        "16-17 NEET": Entry(unit: .percentage, definition:
            "16 and 17 year olds not in education, employment or training (NEET), as a percentage of 16 and 17 year olds."),
        "FirstYJS": Entry(unit: .rate(per: 100_000), definition:
            "Young people entering the youth justice system for the first time, per 100,000 of the population aged 10 to 17."),
        // Children in need and child protection
        "CIN": Entry(unit: perTenThousand, definition: "Children in need, per 10,000 children aged under 18."),
        "CPP_Total_Rateper10,000": Entry(unit: perTenThousand, definition:
            "Referrals to children's social care during the year, per 10,000 children aged under 18."),
        "ReReferral": Entry(unit: .percentage, definition:
            "Referrals to children's social care within 12 months of a previous referral, as a percentage of all referrals."),
        "Section_47": Entry(unit: perTenThousand, definition:
            "Section 47 enquiries started during the year, per 10,000 children aged under 18."),
        "CPP_rate": Entry(unit: perTenThousand, definition:
            "Children who are the subject of a child protection plan, per 10,000 children aged under 18."),
        "PrevRegCPR": Entry(unit: .percentage, definition:
            "Children who became the subject of a child protection plan for a second or subsequent time, as a percentage of all children who became the subject of a plan."),
        "CPPlans2yrsActive": Entry(unit: .percentage, definition:
            "Children subject to a child protection plan at 31 March that had lasted 2 years or more, as a percentage of children subject to a plan."),
        // Children looked after and care leavers
        "LAC": Entry(unit: perTenThousand, definition: "Children looked after, per 10,000 children aged under 18."),
        "Children_missing": Entry(unit: .percentage, definition:
            "Children looked after who had a missing incident during the year, as a percentage of children looked after."),
        "Children_Away": Entry(unit: .percentage, definition:
            "Children looked after who were away from placement without authorisation during the year, as a percentage of children looked after."),
        "LACStable_2016on": Entry(unit: .percentage, definition:
            "Children looked after at 31 March who had three or more placements during the year, as a percentage of children looked after."),
        "LAC_LongStable%": Entry(unit: .percentage, definition:
            "Children looked after who have lived in the same placement for at least 2 years, or whose adoptive placement together with the placement before it has lasted at least 2 years, as a percentage of children aged under 16 looked after for 2½ years or more."),
        "Stability_SocialWorker": Entry(unit: .percentage, definition:
            "Children looked after who had 3 or more social workers during the year, as a percentage of children looked after."),
        "CareLeaverAcc": Entry(unit: .percentage, definition:
            "Care leavers aged 19 to 21 in suitable accommodation, as a percentage of care leavers of that age."),
        "CareLeaverEET": Entry(unit: .percentage, definition:
            "Care leavers aged 19 to 21 in education, employment or training, as a percentage of care leavers of that age."),
        "CareLeaversNEET": Entry(unit: .percentage, definition:
            "Care leavers aged 19 to 21 not in education, employment or training, as a percentage of care leavers of that age."),
        "CareLeavers_LA_NotInTouch": Entry(unit: .percentage, definition:
            "Care leavers aged 19 to 21 with whom the council is not in touch, as a percentage of care leavers of that age."),
        // Children's social work workforce (at 30 September)
        "Work_Force_Vac_Rate": Entry(unit: .percentage, definition:
            "Vacancies for children and family social workers (full-time equivalent), as a percentage of vacancies and filled posts."),
        "Work_Force_TO_Rate": Entry(unit: .percentage, definition:
            "Children and family social workers (full-time equivalent) who left during the year, as a percentage of social workers in post."),
        "Work_Force_Agecy_Rate": Entry(unit: .percentage, definition:
            "Agency children and family social workers (full-time equivalent), as a percentage of agency and employed social workers."),
        "Work_Force_AvgNumCase_SW": Entry(unit: .number, definition:
            "Average number of cases per children and family social worker (full-time equivalent)."),
    ]
}
