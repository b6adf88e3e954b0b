//! Austria: the public holidays that are days off for everyone.
//!
//! Arbeitsruhegesetz (ARG) § 7 Abs. 2 and Feiertagsruhegesetz 1957 § 1
//! list the same thirteen days, unchanged since 1967 (26 October) and so
//! through the whole supported range.
//!
//! Good Friday is not one of them. Until 2018, ARG § 7 Abs. 3 gave it off
//! only to members of the Protestant churches of the Augsburg and Helvetic
//! confessions, the Old Catholic and the Methodist church, so it was never
//! a day off for everyone. After the European Court of Justice found that
//! rule discriminatory (C-193/17, Cresco, 22 January 2019), Austria repealed
//! it (BGBl. I Nr. 22/2019) and gave every employee a "persönlicher
//! Feiertag" of their own choosing instead (ARG § 7a). From 2019 Good
//! Friday is a public holiday for no one.

use crate::holidays::{HolidayDate, HolidayRule};

pub(super) fn at() -> Vec<HolidayRule> {
    use HolidayDate::{Easter, Fixed};
    let fixed = |month, day| Fixed { month, day };
    vec![
        HolidayRule::new(fixed(1, 1), "Neujahr", "New Year's Day"),
        HolidayRule::new(fixed(1, 6), "Heilige Drei Könige", "Epiphany"),
        HolidayRule::new(Easter { offset: 1 }, "Ostermontag", "Easter Monday"),
        HolidayRule::new(fixed(5, 1), "Staatsfeiertag", "Labour Day"),
        HolidayRule::new(
            Easter { offset: 39 },
            "Christi Himmelfahrt",
            "Ascension Day",
        ),
        HolidayRule::new(Easter { offset: 50 }, "Pfingstmontag", "Whit Monday"),
        HolidayRule::new(Easter { offset: 60 }, "Fronleichnam", "Corpus Christi"),
        HolidayRule::new(fixed(8, 15), "Mariä Himmelfahrt", "Assumption Day"),
        HolidayRule::new(fixed(10, 26), "Nationalfeiertag", "National Day"),
        HolidayRule::new(fixed(11, 1), "Allerheiligen", "All Saints' Day"),
        HolidayRule::new(fixed(12, 8), "Mariä Empfängnis", "Immaculate Conception"),
        HolidayRule::new(fixed(12, 25), "Christtag", "Christmas Day"),
        HolidayRule::new(fixed(12, 26), "Stefanitag", "St. Stephen's Day"),
    ]
}
