//! Switzerland: each canton's public holidays.
//!
//! The Confederation sets one holiday, 1 August (Federal Constitution
//! Art. 110 Abs. 3, since 1994). Every other public holiday is cantonal:
//! a canton may make up to eight days a year equal to Sundays under
//! federal labour law (Arbeitsgesetz Art. 20a Abs. 1), and some add
//! "öffentliche Ruhetage" of their own. A canton's set here holds the days
//! that apply throughout the canton. Left out, and said so in the module
//! docs of [`regions`](crate::regions): half days (1 May afternoon in
//! Solothurn), days that are customary but not law (Berchtoldstag in
//! Zürich; Berchtoldstag, Easter and Whit Monday in Lucerne, which count
//! there only for court deadlines; the Friday after Ascension), and days
//! that only some districts or municipalities keep (Corpus Christi in two
//! communes of Neuchâtel, the Catholic feasts in some districts of
//! Aargau).
//!
//! Sundays that are holidays by definition (Easter Sunday, Whit Sunday,
//! the Federal Day of Thanksgiving on the third Sunday of September) are
//! not listed: every calendar already treats them as Sundays.

use chrono::{Datelike, Days, Weekday};

use crate::easter::easter_sunday;
use crate::holidays::{HolidayDate, HolidayRule};
use crate::range::{FIRST_YEAR, LAST_YEAR};

/// The language of a canton's local names, besides German and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Local {
    /// German-speaking: no local name.
    None,
    French,
    Italian,
}

/// Every Swiss holiday the sets use, in calendar order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Feast {
    NewYear,
    Berchtold,
    /// Neuchâtel: 2 January only when it is a Monday.
    BerchtoldIfMonday,
    Epiphany,
    Republic,
    Joseph,
    NaefelserFahrt,
    GoodFriday,
    EasterMonday,
    LabourDay,
    Ascension,
    WhitMonday,
    CorpusChristi,
    JuraIndependence,
    PeterPaul,
    NationalDay,
    Assumption,
    GenevaFast,
    FastMonday,
    BrotherKlaus,
    AllSaints,
    Immaculate,
    Christmas,
    StStephen,
    /// Appenzell and Uri: not when 26 December is a Tuesday or Saturday
    /// (Christmas on a Monday or Friday).
    StStephenUnlessTueSat,
    /// Neuchâtel: 26 December only when it is a Monday.
    StStephenIfMonday,
    Restoration,
}

/// German, French, Italian and English names.
struct Names {
    de: &'static str,
    fr: &'static str,
    it: &'static str,
    en: &'static str,
}

const fn names(de: &'static str, fr: &'static str, it: &'static str, en: &'static str) -> Names {
    Names { de, fr, it, en }
}

fn date_and_names(day: Feast) -> (Vec<HolidayDate>, Names) {
    use HolidayDate::{Easter, Fixed, FixedOnWeekdays, WeekdayBefore};
    let fixed = |month, day| vec![Fixed { month, day }];
    let easter = |offset| vec![Easter { offset }];
    let stephen = names(
        "Stephanstag",
        "Saint-Étienne",
        "Santo Stefano",
        "St. Stephen's Day",
    );
    let berchtold = names(
        "Berchtoldstag",
        "Saint-Berchtold",
        "San Bertoldo",
        "St. Berchtold's Day",
    );
    match day {
        Feast::NewYear => (
            fixed(1, 1),
            names("Neujahrstag", "Nouvel An", "Capodanno", "New Year's Day"),
        ),
        Feast::Berchtold => (fixed(1, 2), berchtold),
        Feast::BerchtoldIfMonday => (
            vec![FixedOnWeekdays {
                month: 1,
                day: 2,
                weekdays: vec![Weekday::Mon],
            }],
            berchtold,
        ),
        Feast::Epiphany => (
            fixed(1, 6),
            names("Heilige Drei Könige", "Épiphanie", "Epifania", "Epiphany"),
        ),
        Feast::Republic => (
            fixed(3, 1),
            names(
                "Jahrestag der Ausrufung der Republik",
                "Instauration de la République",
                "Anniversario della Repubblica",
                "Republic Day",
            ),
        ),
        Feast::Joseph => (
            fixed(3, 19),
            names(
                "Josefstag",
                "Saint-Joseph",
                "San Giuseppe",
                "St. Joseph's Day",
            ),
        ),
        Feast::NaefelserFahrt => (
            naefelser_fahrt(),
            names(
                "Näfelser Fahrt",
                "Näfelser Fahrt",
                "Näfelser Fahrt",
                "Näfels Pilgrimage",
            ),
        ),
        Feast::GoodFriday => (
            easter(-2),
            names(
                "Karfreitag",
                "Vendredi saint",
                "Venerdì santo",
                "Good Friday",
            ),
        ),
        Feast::EasterMonday => (
            easter(1),
            names(
                "Ostermontag",
                "Lundi de Pâques",
                "Lunedì di Pasqua",
                "Easter Monday",
            ),
        ),
        Feast::LabourDay => (
            fixed(5, 1),
            names(
                "Tag der Arbeit",
                "Fête du travail",
                "Festa del lavoro",
                "Labour Day",
            ),
        ),
        Feast::Ascension => (
            easter(39),
            names("Auffahrt", "Ascension", "Ascensione", "Ascension Day"),
        ),
        Feast::WhitMonday => (
            easter(50),
            names(
                "Pfingstmontag",
                "Lundi de Pentecôte",
                "Lunedì di Pentecoste",
                "Whit Monday",
            ),
        ),
        Feast::CorpusChristi => (
            easter(60),
            names(
                "Fronleichnam",
                "Fête-Dieu",
                "Corpus Domini",
                "Corpus Christi",
            ),
        ),
        Feast::JuraIndependence => (
            fixed(6, 23),
            names(
                "Fest der Unabhängigkeit",
                "Commémoration du plébiscite jurassien",
                "Commemorazione del plebiscito giurassiano",
                "Jura Independence Day",
            ),
        ),
        Feast::PeterPaul => (
            fixed(6, 29),
            names(
                "Peter und Paul",
                "Saints Pierre et Paul",
                "San Pietro e Paolo",
                "Saints Peter and Paul",
            ),
        ),
        Feast::NationalDay => (
            fixed(8, 1),
            names(
                "Bundesfeiertag",
                "Fête nationale",
                "Festa nazionale",
                "Swiss National Day",
            ),
        ),
        Feast::Assumption => (
            fixed(8, 15),
            names(
                "Mariä Himmelfahrt",
                "Assomption",
                "Assunzione",
                "Assumption Day",
            ),
        ),
        // The Thursday after the first Sunday of September: the Thursday
        // before 12 September (5 to 11 September).
        Feast::GenevaFast => (
            vec![WeekdayBefore {
                weekday: Weekday::Thu,
                month: 9,
                day: 12,
            }],
            names(
                "Genfer Bettag",
                "Jeûne genevois",
                "Digiuno ginevrino",
                "Geneva Fast",
            ),
        ),
        // The Monday after the third Sunday of September (the Federal Day
        // of Thanksgiving): the Monday before 23 September.
        Feast::FastMonday => (
            vec![WeekdayBefore {
                weekday: Weekday::Mon,
                month: 9,
                day: 23,
            }],
            names(
                "Bettagsmontag",
                "Lundi du Jeûne fédéral",
                "Lunedì del digiuno federale",
                "Federal Fast Monday",
            ),
        ),
        Feast::BrotherKlaus => (
            fixed(9, 25),
            names(
                "Bruder Klaus",
                "Saint Nicolas de Flüe",
                "San Nicolao della Flüe",
                "St. Nicholas of Flüe",
            ),
        ),
        Feast::AllSaints => (
            fixed(11, 1),
            names(
                "Allerheiligen",
                "Toussaint",
                "Ognissanti",
                "All Saints' Day",
            ),
        ),
        Feast::Immaculate => (
            fixed(12, 8),
            names(
                "Mariä Empfängnis",
                "Immaculée Conception",
                "Immacolata",
                "Immaculate Conception",
            ),
        ),
        Feast::Christmas => (
            fixed(12, 25),
            names("Weihnachten", "Noël", "Natale", "Christmas Day"),
        ),
        Feast::StStephen => (fixed(12, 26), stephen),
        Feast::StStephenUnlessTueSat => (
            vec![FixedOnWeekdays {
                month: 12,
                day: 26,
                weekdays: vec![
                    Weekday::Mon,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri,
                    Weekday::Sun,
                ],
            }],
            stephen,
        ),
        Feast::StStephenIfMonday => (
            vec![FixedOnWeekdays {
                month: 12,
                day: 26,
                weekdays: vec![Weekday::Mon],
            }],
            stephen,
        ),
        Feast::Restoration => (
            fixed(12, 31),
            names(
                "Wiederherstellung der Republik",
                "Restauration de la République",
                "Restaurazione della Repubblica",
                "Restoration of the Republic",
            ),
        ),
    }
}

/// Glarus keeps the Näfelser Fahrt on the first Thursday of April; when
/// that is Maundy Thursday, a week later. The Holy Week exception ties a
/// weekday rule to Easter, which no single [`HolidayDate`] expresses, so
/// the dates are computed here for every year of the supported range and
/// kept as one-off dates.
fn naefelser_fahrt() -> Vec<HolidayDate> {
    let first_thursday = HolidayDate::WeekdayBefore {
        weekday: Weekday::Thu,
        month: 4,
        day: 8,
    };
    (FIRST_YEAR..=LAST_YEAR)
        .filter_map(|year| {
            let thursday = first_thursday.in_year(year)?;
            let maundy = easter_sunday(year)?.checked_sub_days(Days::new(3))?;
            let date = if thursday == maundy {
                thursday.checked_add_days(Days::new(7))?
            } else {
                thursday
            };
            debug_assert_eq!(date.year(), year);
            Some(HolidayDate::Once { date })
        })
        .collect()
}

/// Held in every canton: New Year's Day, Ascension Day, the National Day
/// and Christmas Day.
const EVERYWHERE: [Feast; 4] = [
    Feast::NewYear,
    Feast::Ascension,
    Feast::NationalDay,
    Feast::Christmas,
];

/// The days held everywhere plus `extra`, in calendar order, with local
/// names in `local`.
pub(super) fn canton(local: Local, extra: &[Feast]) -> Vec<HolidayRule> {
    let mut days: Vec<Feast> = EVERYWHERE.iter().chain(extra).copied().collect();
    days.sort();
    days.dedup();
    days.into_iter()
        .flat_map(|day| {
            let (dates, n) = date_and_names(day);
            dates.into_iter().map(move |date| {
                let rule = HolidayRule::new(date, n.de, n.en);
                match local {
                    Local::None => rule,
                    Local::French => rule.local_name(n.fr),
                    Local::Italian => rule.local_name(n.it),
                }
            })
        })
        .collect()
}
