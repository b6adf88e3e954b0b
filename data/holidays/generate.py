#!/usr/bin/env python3
"""Golden holiday lists for every region of sla-clock, 1995 to 2099.

Independent of the crate: the dates come from python-holidays
(https://github.com/vacanza/holidays, pinned below) and Python's own Easter
(dateutil.easter), never from the crate's rules. Where python-holidays
disagrees with the law as we read it, the correction is written out below
with its source and listed in data/README.md.

    pip install holidays==0.109 python-dateutil
    python3 data/holidays/generate.py          # writes data/holidays/*.csv

One file per region code, header `date,name_de,name_en`, one row per
holiday, sorted by date; two holidays on one date give two rows.
"""

import csv
import datetime as dt
import os
import sys

import holidays
from dateutil.easter import EASTER_WESTERN, easter

PINNED = "0.109"
YEARS = range(1995, 2100)
HERE = os.path.dirname(os.path.abspath(__file__))

GERMAN_STATES = [
    "BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV",
    "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH",
]
CANTONS = [
    "AG", "AI", "AR", "BE", "BL", "BS", "FR", "GE", "GL", "GR", "JU", "LU", "NE",
    "NW", "OW", "SG", "SH", "SO", "SZ", "TG", "TI", "UR", "VD", "VS", "ZG", "ZH",
]

# Categories that make a day off for everyone. python-holidays also has
# "catholic" (DE: Assumption Day in Catholic Bavarian municipalities,
# Corpus Christi in parts of Saxony and Thuringia), "protestant" (AT: Good
# Friday for some churches until 2018), "bank", "school", and for CH
# "half_day", "optional" and "de_facto": none of them is a public holiday
# throughout the region, so none is used, except where stated.
PUBLIC = ("public",)


def entries(country, subdiv, categories):
    """[(date, name_de, name_en)] for the whole range."""
    de = holidays.country_holidays(
        country, subdiv=subdiv, years=YEARS, categories=categories, language="de"
    )
    en = holidays.country_holidays(
        country, subdiv=subdiv, years=YEARS, categories=categories, language="en_US"
    )
    rows = []
    for date in sorted(de):
        names_de = de.get_list(date)
        names_en = en.get_list(date)
        assert len(names_de) == len(names_en), (country, subdiv, date)
        rows.extend((date, n_de, n_en) for n_de, n_en in zip(names_de, names_en))
    return rows


def drop(rows, name_de, reason):
    """A correction: remove every row named `name_de` (see `reason`)."""
    kept = [r for r in rows if r[1] != name_de]
    assert len(kept) < len(rows), f"nothing to drop for {name_de!r}: {reason}"
    return kept


def keep_only(rows, names_de, reason):
    """A correction: keep only the rows named in `names_de`."""
    kept = [r for r in rows if r[1] in names_de]
    assert len(kept) < len(rows), f"nothing to drop: {reason}"
    return kept


def add_easter_day(rows, offset, name_de, name_en, reason):
    """A correction: add a day `offset` days from Easter Sunday in every year."""
    assert all(r[1] != name_de for r in rows), f"{name_de!r} already there: {reason}"
    extra = [(easter(y, EASTER_WESTERN) + dt.timedelta(days=offset), name_de, name_en) for y in YEARS]
    # Stable: rows of one date keep their order, the new row goes last.
    return sorted(rows + extra, key=lambda r: r[0])


def regions():
    yield "AT", entries("AT", None, PUBLIC)
    for state in GERMAN_STATES:
        yield f"DE-{state}", entries("DE", state, PUBLIC)
    # Munich: Bavaria's statewide days plus Assumption Day, which BayFTG
    # Art. 1 Abs. 1 Nr. 2 makes a holiday in municipalities with a
    # predominantly Catholic population, Munich among them. python-holidays
    # files exactly that day under Bavaria's "catholic" category.
    yield "DE-BY-MUC", entries("DE", "BY", ("public", "catholic"))
    for canton in CANTONS:
        rows = entries("CH", canton, PUBLIC)
        if canton == "AG":
            # CORRECTION 1. python-holidays gives Aargau 14 days, among them
            # 1 May and the Catholic feasts. In Aargau the districts choose
            # their holidays (Einführungsgesetz zum Arbeitsrecht, EG ArR § 6):
            # each district has nine, and only five are the same throughout
            # the canton: New Year's Day, Good Friday, Ascension Day, 1 August
            # and Christmas Day (https://www.hallo-aargau.ch/de/gut-zu-wissen/
            # oeffnungszeiten--feiertage, the canton's integration portal).
            # 1 May is no holiday in Aargau at all (Regierungsrat's answer to
            # an SP motion, Zofinger Tagblatt, "Warum der 1. Mai im Aargau gar
            # kein Feiertag sein kann").
            rows = keep_only(
                rows,
                {"Neujahrstag", "Karfreitag", "Auffahrt", "Nationalfeiertag", "Weihnachten"},
                "Aargau: only five days are cantonwide",
            )
        if canton == "GR":
            # CORRECTION 3. python-holidays files Good Friday in Graubünden
            # under "optional". The canton's Gesetz über die öffentlichen
            # Ruhetage (Ruhetagsgesetz, BR 520.100) of 22 September 1985,
            # Art. 2 Abs. 1 lit. b, names it a public rest day throughout the
            # canton ("die Feiertage Neujahr, Karfreitag, Ostermontag, Auffahrt,
            # Pfingstmontag, Weihnachtstag und Stefanstag"), and Art. 2 Abs. 2
            # a "hoher Feiertag" (gr-lex.gr.ch, version 2604, Stand 1 January
            # 2016, which marks no amendment to Art. 2). The law was unchanged
            # from 1985 until its 2015 revision, which concerned events on rest
            # days (Graubünden, Kommission für Gesundheit und Soziales, press
            # release of 1 April 2015: "hat bislang keine Änderungen erfahren").
            rows = add_easter_day(rows, -2, "Karfreitag", "Good Friday",
                                  "Graubünden: Good Friday, RTG Art. 2 Abs. 1 lit. b")
        if canton == "LU":
            # CORRECTION 4. python-holidays gives Lucerne Berchtoldstag, Easter
            # Monday and Whit Monday, from the Federal Office of Justice's list
            # of holidays for court deadlines. The canton's public rest days are
            # those of the Ruhetags- und Ladenschlussgesetz (RLG, SRL 855),
            # § 1a Abs. 1 lit. b, which lists Neujahr, Karfreitag, Auffahrt,
            # Fronleichnam, Bundesfeiertag, Mariä Himmelfahrt, Allerheiligen,
            # Mariä Empfängnis, Weihnachten and St. Stephen's Day (srl.lu.ch,
            # Stand 1 May 2020); the three others count only for court deadlines
            # (Justizgesetz SRL 260 § 76, VRG SRL 40 § 34). Days off by custom,
            # not by the rest-day law, so left out as for Zug, Nidwalden,
            # Obwalden and Valais.
            for name in ("Berchtoldstag", "Ostermontag", "Pfingstmontag"):
                rows = drop(rows, name, f"Lucerne: {name} is no public rest day (RLG § 1a)")
        if canton == "NE":
            # CORRECTION 2. Corpus Christi (Fête-Dieu) is kept in Neuchâtel
            # only in the communes of Le Landeron and Le Cerneux-Péquignot
            # (fr.wikipedia "Jours fériés en Suisse", note 3; feiertagskalender.ch
            # lists it for 2.7 % of the canton's territory), so it is not a
            # cantonwide public holiday.
            rows = drop(rows, "Fronleichnam", "Neuchâtel: Fête-Dieu in two communes only")
        yield f"CH-{canton}", rows


def check(code, rows):
    """Cross-checks against dateutil's Easter and the weekday rules."""
    offsets = {
        "Karfreitag": -2, "Ostermontag": 1, "Christi Himmelfahrt": 39, "Auffahrt": 39,
        "Pfingstmontag": 50, "Fronleichnam": 60, "Ostersonntag": 0, "Pfingstsonntag": 49,
    }
    for date, name_de, _ in rows:
        assert date.year in YEARS, (code, date)
        if name_de in offsets:
            sunday = easter(date.year, EASTER_WESTERN)
            assert date == sunday + dt.timedelta(days=offsets[name_de]), (code, date, name_de)
        if name_de == "Buß- und Bettag":
            assert date.weekday() == 2 and date.month == 11 and 16 <= date.day <= 22, date
        if name_de == "Genfer Bettag":
            assert date.weekday() == 3 and date.month == 9 and 5 <= date.day <= 11, date
        if name_de == "Bettagsmontag":
            assert date.weekday() == 0 and date.month == 9 and 16 <= date.day <= 22, date


def main():
    if holidays.__version__ != PINNED:
        sys.exit(f"python-holidays {holidays.__version__}; these files were made with {PINNED}")
    for code, rows in regions():
        check(code, rows)
        path = os.path.join(HERE, f"{code}.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["date", "name_de", "name_en"])
            for date, name_de, name_en in rows:
                assert "," not in name_de + name_en, (code, name_de, name_en)
                out.writerow([date.isoformat(), name_de, name_en])
        print(f"{code}: {len(rows)} rows")


if __name__ == "__main__":
    main()
