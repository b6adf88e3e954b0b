//! Germany: the statewide public holidays of the 16 states, from 1995.
//!
//! Public holidays are state law in Germany (each state's Feiertagsgesetz);
//! only 3 October is federal (Einigungsvertrag, Art. 2 Abs. 2). Nine days
//! are holidays in every state. The rest differ by state and, for a few
//! days (Assumption Day in Bavaria, Corpus Christi in parts of Saxony and
//! Thuringia), by municipality: those municipal days are not in a state's
//! set, because they do not apply statewide.

use chrono::{NaiveDate, Weekday};

use crate::holidays::{HolidayDate, HolidayRule};

/// Every German holiday the sets use, in calendar order. A state's rules
/// come out in this order, so the names of two holidays on one date (Labour
/// Day and Ascension Day on 1 May 2008) always read the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Feast {
    NewYear,
    Epiphany,
    /// Berlin, from 2019.
    WomensDayFrom2019,
    /// Mecklenburg-Western Pomerania, from 2023.
    WomensDayFrom2023,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    LabourDay,
    Liberation2020,
    Liberation2025,
    Ascension,
    WhitSunday,
    WhitMonday,
    CorpusChristi,
    Uprising2028,
    Assumption,
    ChildrensDay,
    UnityDay,
    Reformation,
    ReformationFrom2018,
    AllSaints,
    RepentanceDay,
    Christmas,
    StStephen,
    /// Last, as in the Munich set since the crate's first release.
    Reformation2017,
}

fn rule(day: Feast) -> Vec<HolidayRule> {
    use HolidayDate::{Easter, Fixed};
    let fixed = |month, day| Fixed { month, day };
    let once = |y, m, d, de: &str, en: &str| {
        NaiveDate::from_ymd_opt(y, m, d)
            .map(|date| HolidayRule::new(HolidayDate::Once { date }, de, en))
    };
    let rule = match day {
        Feast::NewYear => HolidayRule::new(fixed(1, 1), "Neujahr", "New Year's Day"),
        Feast::Epiphany => HolidayRule::new(fixed(1, 6), "Heilige Drei Könige", "Epiphany"),
        // Berlin from 2019 (FTG Berlin § 1, amended 2019); Mecklenburg-
        // Western Pomerania from 2023 (FTG M-V § 2, amended 2022).
        Feast::WomensDayFrom2019 | Feast::WomensDayFrom2023 => HolidayRule::new(
            fixed(3, 8),
            "Internationaler Frauentag",
            "International Women's Day",
        )
        .from_year(if day == Feast::WomensDayFrom2019 {
            2019
        } else {
            2023
        }),
        Feast::GoodFriday => HolidayRule::new(Easter { offset: -2 }, "Karfreitag", "Good Friday"),
        Feast::EasterSunday => {
            HolidayRule::new(Easter { offset: 0 }, "Ostersonntag", "Easter Sunday")
        }
        Feast::EasterMonday => {
            HolidayRule::new(Easter { offset: 1 }, "Ostermontag", "Easter Monday")
        }
        Feast::LabourDay => HolidayRule::new(fixed(5, 1), "Tag der Arbeit", "Labour Day"),
        Feast::Liberation2020 => {
            return once(
                2020,
                5,
                8,
                "Tag der Befreiung (75. Jahrestag)",
                "Liberation Day (75th anniversary, one-off)",
            )
            .into_iter()
            .collect();
        }
        Feast::Liberation2025 => {
            return once(
                2025,
                5,
                8,
                "Tag der Befreiung (80. Jahrestag)",
                "Liberation Day (80th anniversary, one-off)",
            )
            .into_iter()
            .collect();
        }
        Feast::Ascension => HolidayRule::new(
            Easter { offset: 39 },
            "Christi Himmelfahrt",
            "Ascension Day",
        ),
        Feast::WhitSunday => {
            HolidayRule::new(Easter { offset: 49 }, "Pfingstsonntag", "Whit Sunday")
        }
        Feast::WhitMonday => {
            HolidayRule::new(Easter { offset: 50 }, "Pfingstmontag", "Whit Monday")
        }
        Feast::CorpusChristi => {
            HolidayRule::new(Easter { offset: 60 }, "Fronleichnam", "Corpus Christi")
        }
        Feast::Uprising2028 => {
            return once(
                2028,
                6,
                17,
                "Volksaufstand vom 17. Juni 1953 (75. Jahrestag)",
                "Uprising of 17 June 1953 (75th anniversary, one-off)",
            )
            .into_iter()
            .collect();
        }
        Feast::Assumption => HolidayRule::new(fixed(8, 15), "Mariä Himmelfahrt", "Assumption Day"),
        // Thuringia from 2019 (ThürFtG § 2, amended 2019).
        Feast::ChildrensDay => {
            HolidayRule::new(fixed(9, 20), "Weltkindertag", "World Children's Day").from_year(2019)
        }
        Feast::UnityDay => HolidayRule::new(
            fixed(10, 3),
            "Tag der Deutschen Einheit",
            "German Unity Day",
        ),
        Feast::Reformation => HolidayRule::new(fixed(10, 31), "Reformationstag", "Reformation Day"),
        // Bremen, Hamburg, Lower Saxony and Schleswig-Holstein made it a
        // permanent holiday in 2018.
        Feast::ReformationFrom2018 => {
            HolidayRule::new(fixed(10, 31), "Reformationstag", "Reformation Day").from_year(2018)
        }
        Feast::AllSaints => HolidayRule::new(fixed(11, 1), "Allerheiligen", "All Saints' Day"),
        // The Wednesday before 23 November (the Wednesday before the last
        // Sunday of the church year). A holiday only in Saxony since 1995.
        Feast::RepentanceDay => HolidayRule::new(
            HolidayDate::WeekdayBefore {
                weekday: Weekday::Wed,
                month: 11,
                day: 23,
            },
            "Buß- und Bettag",
            "Day of Repentance and Prayer",
        ),
        Feast::Christmas => HolidayRule::new(fixed(12, 25), "1. Weihnachtstag", "Christmas Day"),
        Feast::StStephen => {
            HolidayRule::new(fixed(12, 26), "2. Weihnachtstag", "St. Stephen's Day")
        }
        // Every state made 31 October 2017, the Reformation's 500th
        // anniversary, a holiday for that year only.
        Feast::Reformation2017 => {
            return once(
                2017,
                10,
                31,
                "Reformationstag (500. Jahrestag)",
                "Reformation Day (one-off)",
            )
            .into_iter()
            .collect();
        }
    };
    vec![rule]
}

/// The nine days that are holidays in every state, and the 2017 one-off.
const NATIONWIDE: [Feast; 10] = [
    Feast::NewYear,
    Feast::GoodFriday,
    Feast::EasterMonday,
    Feast::LabourDay,
    Feast::Ascension,
    Feast::WhitMonday,
    Feast::UnityDay,
    Feast::Christmas,
    Feast::StStephen,
    Feast::Reformation2017,
];

/// The nationwide days plus `extra`, in calendar order. Where Reformation
/// Day is a permanent holiday, the 2017 one-off adds nothing and is left
/// out, so the date carries one name.
pub(super) fn state(extra: &[Feast]) -> Vec<HolidayRule> {
    let mut days: Vec<Feast> = NATIONWIDE.iter().chain(extra).copied().collect();
    if days.contains(&Feast::Reformation) {
        days.retain(|&d| d != Feast::Reformation2017);
    }
    days.sort();
    days.dedup();
    days.into_iter().flat_map(rule).collect()
}

pub(super) fn bb() -> Vec<HolidayRule> {
    // BbgFTG § 2 names Easter Sunday and Whit Sunday as holidays too.
    state(&[Feast::EasterSunday, Feast::WhitSunday, Feast::Reformation])
}

pub(super) fn be() -> Vec<HolidayRule> {
    state(&[
        Feast::WomensDayFrom2019,
        Feast::Liberation2020,
        Feast::Liberation2025,
        Feast::Uprising2028,
    ])
}

pub(super) fn bw() -> Vec<HolidayRule> {
    state(&[Feast::Epiphany, Feast::CorpusChristi, Feast::AllSaints])
}

/// Bavaria statewide (BayFTG Art. 1 Abs. 1 Nr. 1): without Assumption Day,
/// which Art. 1 Abs. 1 Nr. 2 makes a holiday only in municipalities with
/// a predominantly Catholic population.
pub(super) fn by() -> Vec<HolidayRule> {
    state(&[Feast::Epiphany, Feast::CorpusChristi, Feast::AllSaints])
}

/// Munich: Bavaria's statewide set plus Assumption Day (Munich is
/// a predominantly Catholic municipality under BayFTG Art. 1 Abs. 3).
pub(super) fn by_munich() -> Vec<HolidayRule> {
    state(&[
        Feast::Epiphany,
        Feast::CorpusChristi,
        Feast::AllSaints,
        Feast::Assumption,
    ])
}

pub(super) fn hb() -> Vec<HolidayRule> {
    state(&[Feast::ReformationFrom2018])
}

pub(super) fn he() -> Vec<HolidayRule> {
    state(&[Feast::CorpusChristi])
}

pub(super) fn hh() -> Vec<HolidayRule> {
    state(&[Feast::ReformationFrom2018])
}

pub(super) fn mv() -> Vec<HolidayRule> {
    state(&[Feast::WomensDayFrom2023, Feast::Reformation])
}

pub(super) fn ni() -> Vec<HolidayRule> {
    state(&[Feast::ReformationFrom2018])
}

pub(super) fn nw() -> Vec<HolidayRule> {
    state(&[Feast::CorpusChristi, Feast::AllSaints])
}

pub(super) fn rp() -> Vec<HolidayRule> {
    state(&[Feast::CorpusChristi, Feast::AllSaints])
}

pub(super) fn sh() -> Vec<HolidayRule> {
    state(&[Feast::ReformationFrom2018])
}

pub(super) fn sl() -> Vec<HolidayRule> {
    state(&[Feast::CorpusChristi, Feast::Assumption, Feast::AllSaints])
}

pub(super) fn sn() -> Vec<HolidayRule> {
    // Corpus Christi only in some Catholic Sorbian municipalities.
    state(&[Feast::Reformation, Feast::RepentanceDay])
}

pub(super) fn st() -> Vec<HolidayRule> {
    state(&[Feast::Epiphany, Feast::Reformation])
}

pub(super) fn th() -> Vec<HolidayRule> {
    // Corpus Christi only in some Catholic municipalities (Eichsfeld).
    state(&[Feast::ChildrensDay, Feast::Reformation])
}
