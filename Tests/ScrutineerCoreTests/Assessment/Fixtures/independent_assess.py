"""Independent check of Scrutineer's benchmarks, after ../shared/baselines/pandas_assess.py but with
the csv module only (no pandas, no numpy).

For one local authority and every LAIT measure: the period compared, the LA's value, England's
value, its region's value, the mean of its 2025 statistical neighbours, and its rank and LAIT
quartile band among every LA in that period.

The period is the measure's latest (pandas_assess.py's choice, and LAIT's: METHODS.md 7.1). Where
the LA has no value in that period (LAIT's "-"), its value, rank and band are empty, as
pandas_assess.py prints NaN there, and England, region and neighbours are still those of the period.

Rank (pandas rank(method="min")): 1 + the number of LAs with a strictly better value; "better" is
lower when polarity is "Low", otherwise higher (pandas_assess.py treats every other polarity as high).
Quartile bounds are type 7 (numpy's default "linear" and R's default), computed as R's quantile()
does: (1 - h) * x[lo] + h * x[hi], and only when x[lo] != x[hi]. Band: the first of v <= Q1, Q2,
Q3, Q4 gives A, B, C, D for "Low" and D, C, B, A otherwise.

Region: the LA's region code from la_lookup_from_ees.csv (Inner or Outer London for London
boroughs), falling back to London (E12000007) when that row has no value (METHODS.md 7.1).

Usage: python3 independent_assess.py SHARED_DATA_DIR LA_CODE
Prints CSV: measure,period,value,england,region_code,region,sn_mean,sn_with_value,rank,band,ranked
(empty cells for missing; floats printed with repr, which round-trips exactly).
"""
import csv
import math
import sys


def number(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def quantile_type7(sorted_values, p):
    index = 1 + (len(sorted_values) - 1) * p
    lo, hi = math.floor(index), math.ceil(index)
    lower, upper = sorted_values[lo - 1], sorted_values[hi - 1]
    if index == lo or lower == upper:
        return lower
    h = index - lo
    return (1 - h) * lower + h * upper


def cell(value):
    return "" if value is None else repr(value)


def main():
    shared, la_code = sys.argv[1], sys.argv[2]
    with open(f"{shared}/lait/lait_kpi_subset_long.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(f"{shared}/lait/lait_kpi_measures.csv", newline="") as f:
        measures = list(csv.DictReader(f))
    with open(f"{shared}/reference/statistical_neighbours_2025_long.csv", newline="") as f:
        neighbours = sorted((r for r in csv.DictReader(f) if r["new_la_code"] == la_code), key=lambda r: int(r["rank"]))
    neighbour_codes = [r["neighbour_new_la_code"] for r in neighbours]
    with open(f"{shared}/reference/la_lookup_from_ees.csv", newline="") as f:
        region_code = next(r["region_code"] for r in csv.DictReader(f) if r["new_la_code"] == la_code)
    region_chain = [region_code] + (["E12000007"] if region_code.startswith("E13") else [])

    by_measure = {}
    for r in rows:
        by_measure.setdefault(r["measure_code"], []).append(r)

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["measure", "period", "value", "england", "region_code", "region", "sn_mean", "sn_with_value", "rank", "band", "ranked"])
    for m in measures:
        x = by_measure.get(m["measure_code"], [])
        periods = sorted({r["period"] for r in x})
        if not periods:
            continue
        own = {r["period"]: number(r["value"]) for r in x
               if r["geographic_level"] == "Local authority" and r["new_la_code"] == la_code}
        if not any(v is not None for v in own.values()):
            continue
        period = periods[-1]

        in_period = [r for r in x if r["period"] == period]
        la = {r["new_la_code"]: number(r["value"]) for r in in_period if r["geographic_level"] == "Local authority"}
        other = {r["new_la_code"]: number(r["value"]) for r in in_period if r["geographic_level"] != "Local authority"}
        england = other.get("E92000001")
        region, used_region = None, region_chain[0]
        for code in region_chain:
            if other.get(code) is not None:
                region, used_region = other[code], code
                break
        sn_values = [la.get(c) for c in neighbour_codes]
        sn_present = [v for v in sn_values if v is not None]
        sn_mean = sum(sn_present) / len(sn_present) if sn_present else None

        value = la.get(la_code)
        values = sorted(v for v in la.values() if v is not None)
        rank, band = "", ""
        if value is not None:
            q = [quantile_type7(values, p) for p in (0, 0.25, 0.5, 0.75, 1)]
            low_is_good = m["polarity"] == "Low"
            better = sum(1 for v in values if (v < value if low_is_good else v > value))
            rank = 1 + better
            letters = "ABCD" if low_is_good else "DCBA"
            band = next(letters[i] for i in range(4) if value <= q[i + 1])
        out.writerow([m["measure_code"], period, cell(value), cell(england), used_region, cell(region),
                      cell(sn_mean), len(sn_present), rank, band, len(values)])


if __name__ == "__main__":
    main()
