//! Holiday sets of the DACH region by code; see [`Region`] for what a set
//! holds and where it comes from.

mod at;
mod ch;
mod de;

use std::fmt;

use crate::error::{Reason, Result, shown};
use crate::holidays::HolidayRule;

/// A region with a built-in holiday set: its code and its name. The sets
/// cover the German states, Austria and the Swiss cantons, each exact from
/// 1995 to 2099.
///
/// Codes follow ISO 3166-2 (`DE-BE`, `AT`, `CH-ZH`), with one addition:
/// `DE-BY-MUC`, Munich, the set of the default calendar.
///
/// # What is in a set
///
/// A region's set holds the public holidays that apply throughout the
/// region by law, with their history since 1995: Reformation Day in
/// Bremen, Hamburg, Lower Saxony and Schleswig-Holstein from 2018,
/// Women's Day in Berlin from 2019 and in Mecklenburg-Western Pomerania
/// from 2023, World Children's Day in Thuringia from 2019, and one-off
/// days such as 31 October 2017 in every German state.
///
/// Days that only some municipalities keep are not in a state's or
/// canton's set. Assumption Day is a holiday in Bavaria only in
/// municipalities with a predominantly Catholic population (BayFTG Art. 1
/// Abs. 1 Nr. 2); Munich is one, so `DE-BY-MUC` is `DE-BY` plus Assumption
/// Day, while `DE-BY` holds the days of every Bavarian municipality. The
/// same goes for Corpus Christi in Saxony and Thuringia (some Catholic
/// municipalities only) and for the district holidays of Aargau. Half
/// days and customary days off (Swiss Berchtoldstag where the law does not
/// name it, 24 and 31 December) are not public holidays and are left out;
/// add them as closures or rules of your own.
///
/// Berlin adds one-off days for anniversaries: 8 May 2020 and 2025 (end
/// of the Second World War in Europe) and 17 June 2028 (the uprising of
/// 1953, a Saturday), each in FTG Berlin § 1 Abs. 1 for its year only
/// (laws of 30 January 2019, GVBl. S. 22, and 10 July 2024, GVBl. S. 460).
///
/// Austria (`AT`) has the thirteen days that the Arbeitsruhegesetz gives
/// everyone off. Good Friday is not among them in any year: until 2018 it
/// was a day off only for members of some Protestant and other churches,
/// and from 2019 it is no public holiday at all (each employee chooses
/// a "persönlicher Feiertag" instead).
///
/// A Swiss canton's set holds New Year's Day, Ascension Day, 1 August
/// (federal) and Christmas Day, and the canton's own public holidays.
/// Where the canton speaks French (Fribourg, Geneva, Jura, Neuchâtel,
/// Vaud, Valais) or Italian (Ticino), each name has its local form too
/// ([`HolidayName::local`](crate::HolidayName::local)). Neuchâtel keeps
/// 2 January and 26 December only when they fall on a Monday; Appenzell
/// and Uri drop 26 December when it falls on a Tuesday or a Saturday; the
/// Näfelser Fahrt in Glarus moves a week later when the first Thursday of
/// April is Maundy Thursday.
///
/// # Sources
///
/// - Germany: the states' holiday laws (BbgFTG § 2, FTG Berlin § 1,
///   FTG Baden-Württemberg § 1, BayFTG Art. 1, Bremen FTG § 1, HFeiertagsG
///   § 1, Hamburg FTG § 1, FTG M-V § 2, NFeiertagsG § 2, FTG NRW § 2,
///   LFtG Rheinland-Pfalz § 2, SFTG Schleswig-Holstein § 2, FTG Saarland
///   § 2, SächsSFG § 1, FeiertG LSA § 2, ThürFtG § 2) and the
///   Einigungsvertrag, Art. 2 Abs. 2, for 3 October.
/// - Austria: Arbeitsruhegesetz § 7 and § 7a, Feiertagsruhegesetz 1957
///   § 1, BGBl. I Nr. 22/2019 (Good Friday).
/// - Switzerland: Federal Constitution Art. 110 Abs. 3 (1 August) and each
///   canton's rest-day law, such as the Zürich Ruhetags- und
///   Ladenöffnungsgesetz of 26 June 2000, § 1 (`data/README.md` names the
///   law and article for every canton). Where a canton's days equal to
///   Sunday under the Arbeitsgesetz (Art. 20a), or its list of days that
///   extend court deadlines, differ from its rest-day law, the set follows
///   the rest-day law: Lucerne has no Berchtoldstag, Easter Monday or Whit
///   Monday (RLG § 1a), Graubünden has Good Friday (Ruhetagsgesetz
///   Art. 2).
///
/// `data/README.md` lists the sources with the golden files in
/// `data/holidays/`, which were produced independently of these rules and
/// which the tests compare with them on every date from 1995 to 2099.
///
/// # Example
///
/// ```
/// use sla_clock::Region;
///
/// let berlin = Region::find("DE-BE")?;
/// assert_eq!(berlin.name(), "Berlin, Germany");
/// assert!(berlin.holiday_rules().iter().any(|r| r.name.de == "Internationaler Frauentag"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct Region {
    code: &'static str,
    name: &'static str,
    rules: fn() -> Vec<HolidayRule>,
}

impl Region {
    /// The region's code, such as `DE-BE`, `AT` or `CH-ZH`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(sla_clock::regions()[0].code(), "AT");
    /// ```
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The region's name in English, such as `Berlin, Germany`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(sla_clock::Region::find("CH-GE")?.name(), "Geneva, Switzerland");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The region's holiday rules, in calendar order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Region;
    ///
    /// let saxony = Region::find("DE-SN")?.holiday_rules();
    /// let repentance = saxony.iter().find(|r| r.name.de == "Buß- und Bettag").unwrap();
    /// assert_eq!(repentance.in_year(2026), NaiveDate::from_ymd_opt(2026, 11, 18));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holiday_rules(&self) -> Vec<HolidayRule> {
        (self.rules)()
    }

    /// The region with code `code`, as listed by [`regions`], in any letter
    /// case (`"de-be"` is `DE-BE`).
    ///
    /// # Errors
    ///
    /// An unknown code; the message lists the known ones.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Region;
    ///
    /// assert_eq!(Region::find("AT")?.name(), "Austria");
    /// assert_eq!(Region::find("ch-zh")?.code(), "CH-ZH");
    /// let err = Region::find("DE-XX").unwrap_err();
    /// assert!(err.to_string().starts_with("unknown holiday region 'DE-XX'; expected one of AT, CH-AG, "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn find(code: &str) -> Result<&'static Region> {
        // Codes are read in any letter case ("de-be"), as people type them.
        REGIONS
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(code))
            .ok_or_else(|| {
                let known: Vec<&str> = REGIONS.iter().map(|r| r.code).collect();
                Reason::UnknownRegion {
                    input: shown(code),
                    known: known.join(", "),
                }
                .into()
            })
    }
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Region")
            .field("code", &self.code)
            .field("name", &self.name)
            .finish()
    }
}

/// Two regions are equal when their codes are: each code has one set.
impl PartialEq for Region {
    fn eq(&self, other: &Region) -> bool {
        self.code == other.code
    }
}

impl Eq for Region {}

/// Every region with a built-in holiday set, sorted by code.
///
/// # Example
///
/// ```
/// let codes: Vec<&str> = sla_clock::regions().iter().map(|r| r.code()).collect();
/// assert_eq!(codes.len(), 1 + 26 + 17);
/// assert!(codes.contains(&"DE-BY-MUC"));
/// ```
pub fn regions() -> &'static [Region] {
    &REGIONS
}

/// The public holidays of Munich, the set of the default calendar
/// ([`Calendar::munich`](crate::Calendar::munich)) and of region
/// `DE-BY-MUC`: Bavaria's statewide holidays (region `DE-BY`, BayFTG
/// Art. 1 Abs. 1 Nr. 1), Assumption Day because Munich is a predominantly
/// Catholic municipality (Art. 1 Abs. 1 Nr. 2), and the one-off
/// Reformation Day of 2017 (its 500th anniversary, a holiday nationwide
/// for that year only). Buß- und Bettag is not here: Bavaria abolished it
/// as a public holiday from 1995, the first year the crate supports.
///
/// # Example
///
/// ```
/// use sla_clock::munich_holiday_rules;
///
/// assert_eq!(munich_holiday_rules().len(), 14);
/// ```
pub fn munich_holiday_rules() -> Vec<HolidayRule> {
    de::by_munich()
}

const fn region(code: &'static str, name: &'static str, rules: fn() -> Vec<HolidayRule>) -> Region {
    Region { code, name, rules }
}

/// The one table of regions: code, name and rules, sorted by code.
static REGIONS: [Region; 44] = {
    use ch::Feast as C;
    use ch::Local::{French, Italian, None as German};
    [
        region("AT", "Austria", at::at),
        region("CH-AG", "Aargau, Switzerland", || {
            ch::canton(German, &[C::GoodFriday])
        }),
        region("CH-AI", "Appenzell Innerrhoden, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::GoodFriday,
                    C::EasterMonday,
                    C::WhitMonday,
                    C::CorpusChristi,
                    C::Assumption,
                    C::AllSaints,
                    C::Immaculate,
                    C::StStephenUnlessTueSat,
                ],
            )
        }),
        region("CH-AR", "Appenzell Ausserrhoden, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::GoodFriday,
                    C::EasterMonday,
                    C::WhitMonday,
                    C::StStephenUnlessTueSat,
                ],
            )
        }),
        region("CH-BE", "Bern, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::Berchtold,
                    C::GoodFriday,
                    C::EasterMonday,
                    C::WhitMonday,
                    C::StStephen,
                ],
            )
        }),
        region("CH-BL", "Basel-Landschaft, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::GoodFriday,
                    C::EasterMonday,
                    C::LabourDay,
                    C::WhitMonday,
                    C::StStephen,
                ],
            )
        }),
        region("CH-BS", "Basel-Stadt, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::GoodFriday,
                    C::EasterMonday,
                    C::LabourDay,
                    C::WhitMonday,
                    C::StStephen,
                ],
            )
        }),
        region("CH-FR", "Fribourg, Switzerland", || {
            ch::canton(French, &[C::GoodFriday])
        }),
        region("CH-GE", "Geneva, Switzerland", || {
            ch::canton(
                French,
                &[
                    C::GoodFriday,
                    C::EasterMonday,
                    C::WhitMonday,
                    C::GenevaFast,
                    C::Restoration,
                ],
            )
        }),
        region("CH-GL", "Glarus, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::NaefelserFahrt,
                    C::GoodFriday,
                    C::EasterMonday,
                    C::WhitMonday,
                    C::AllSaints,
                    C::StStephen,
                ],
            )
        }),
        // Ruhetagsgesetz (BR 520.100) of 22 September 1985, Art. 2 Abs. 1
        // lit. b: New Year, Good Friday, Easter Monday, Ascension, Whit
        // Monday, Christmas Day and St. Stephen's Day, unchanged since
        // 1985. Good Friday is even a "hoher Feiertag" (Art. 2 Abs. 2).
        region("CH-GR", "Graubünden, Switzerland", || {
            ch::canton(
                German,
                &[C::GoodFriday, C::EasterMonday, C::WhitMonday, C::StStephen],
            )
        }),
        region("CH-JU", "Jura, Switzerland", || {
            ch::canton(
                French,
                &[
                    C::Berchtold,
                    C::GoodFriday,
                    C::EasterMonday,
                    C::LabourDay,
                    C::WhitMonday,
                    C::CorpusChristi,
                    C::JuraIndependence,
                    C::Assumption,
                    C::AllSaints,
                ],
            )
        }),
        // Ruhetags- und Ladenschlussgesetz (SRL 855) § 1a Abs. 1 lit. b: New
        // Year, Good Friday, Ascension, Corpus Christi, 1 August,
        // Assumption, All Saints, Immaculate Conception, Christmas and
        // St. Stephen's Day. Berchtoldstag, Easter Monday and Whit Monday
        // are no public rest days in Lucerne; only the court-deadline
        // lists (Justizgesetz SRL 260 § 76, VRG § 34) count them.
        region("CH-LU", "Lucerne, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::GoodFriday,
                    C::CorpusChristi,
                    C::Assumption,
                    C::AllSaints,
                    C::Immaculate,
                    C::StStephen,
                ],
            )
        }),
        region("CH-NE", "Neuchâtel, Switzerland", || {
            ch::canton(
                French,
                &[
                    C::BerchtoldIfMonday,
                    C::Republic,
                    C::GoodFriday,
                    C::LabourDay,
                    C::StStephenIfMonday,
                ],
            )
        }),
        region("CH-NW", "Nidwalden, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::Joseph,
                    C::GoodFriday,
                    C::CorpusChristi,
                    C::Assumption,
                    C::AllSaints,
                    C::Immaculate,
                ],
            )
        }),
        region("CH-OW", "Obwalden, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::GoodFriday,
                    C::CorpusChristi,
                    C::Assumption,
                    C::BrotherKlaus,
                    C::AllSaints,
                    C::Immaculate,
                ],
            )
        }),
        region("CH-SG", "St. Gallen, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::GoodFriday,
                    C::EasterMonday,
                    C::WhitMonday,
                    C::AllSaints,
                    C::StStephen,
                ],
            )
        }),
        region("CH-SH", "Schaffhausen, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::GoodFriday,
                    C::EasterMonday,
                    C::LabourDay,
                    C::WhitMonday,
                    C::StStephen,
                ],
            )
        }),
        region("CH-SO", "Solothurn, Switzerland", || {
            ch::canton(German, &[C::GoodFriday])
        }),
        region("CH-SZ", "Schwyz, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::Epiphany,
                    C::Joseph,
                    C::GoodFriday,
                    C::EasterMonday,
                    C::WhitMonday,
                    C::CorpusChristi,
                    C::Assumption,
                    C::AllSaints,
                    C::Immaculate,
                    C::StStephen,
                ],
            )
        }),
        region("CH-TG", "Thurgau, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::Berchtold,
                    C::GoodFriday,
                    C::EasterMonday,
                    C::LabourDay,
                    C::WhitMonday,
                    C::StStephen,
                ],
            )
        }),
        region("CH-TI", "Ticino, Switzerland", || {
            ch::canton(
                Italian,
                &[
                    C::Epiphany,
                    C::Joseph,
                    C::EasterMonday,
                    C::LabourDay,
                    C::WhitMonday,
                    C::CorpusChristi,
                    C::PeterPaul,
                    C::Assumption,
                    C::AllSaints,
                    C::Immaculate,
                    C::StStephen,
                ],
            )
        }),
        // LSG (RB 70.1421) Art. 9 Abs. 1 lit. b. St. Stephen's Day keeps the
        // Tuesday/Saturday exception of python-holidays: a public study of
        // the law and the canton's 2023 overview name 26 December without
        // it, but Art. 9 itself could not be read (data/README.md).
        region("CH-UR", "Uri, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::Epiphany,
                    C::Joseph,
                    C::GoodFriday,
                    C::EasterMonday,
                    C::WhitMonday,
                    C::CorpusChristi,
                    C::Assumption,
                    C::AllSaints,
                    C::Immaculate,
                    C::StStephenUnlessTueSat,
                ],
            )
        }),
        region("CH-VD", "Vaud, Switzerland", || {
            ch::canton(
                French,
                &[
                    C::Berchtold,
                    C::GoodFriday,
                    C::EasterMonday,
                    C::WhitMonday,
                    C::FastMonday,
                ],
            )
        }),
        region("CH-VS", "Valais, Switzerland", || {
            ch::canton(
                French,
                &[
                    C::Joseph,
                    C::CorpusChristi,
                    C::Assumption,
                    C::AllSaints,
                    C::Immaculate,
                ],
            )
        }),
        region("CH-ZG", "Zug, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::GoodFriday,
                    C::CorpusChristi,
                    C::Assumption,
                    C::AllSaints,
                    C::Immaculate,
                ],
            )
        }),
        region("CH-ZH", "Zürich, Switzerland", || {
            ch::canton(
                German,
                &[
                    C::GoodFriday,
                    C::EasterMonday,
                    C::LabourDay,
                    C::WhitMonday,
                    C::StStephen,
                ],
            )
        }),
        region("DE-BB", "Brandenburg, Germany", de::bb),
        region("DE-BE", "Berlin, Germany", de::be),
        region("DE-BW", "Baden-Württemberg, Germany", de::bw),
        region("DE-BY", "Bavaria, Germany (statewide)", de::by),
        region(
            "DE-BY-MUC",
            "Munich, Bavaria, Germany",
            munich_holiday_rules,
        ),
        region("DE-HB", "Bremen, Germany", de::hb),
        region("DE-HE", "Hesse, Germany", de::he),
        region("DE-HH", "Hamburg, Germany", de::hh),
        region("DE-MV", "Mecklenburg-Western Pomerania, Germany", de::mv),
        region("DE-NI", "Lower Saxony, Germany", de::ni),
        region("DE-NW", "North Rhine-Westphalia, Germany", de::nw),
        region("DE-RP", "Rhineland-Palatinate, Germany", de::rp),
        region("DE-SH", "Schleswig-Holstein, Germany", de::sh),
        region("DE-SL", "Saarland, Germany", de::sl),
        region("DE-SN", "Saxony, Germany", de::sn),
        region("DE-ST", "Saxony-Anhalt, Germany", de::st),
        region("DE-TH", "Thuringia, Germany", de::th),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::holidays::holidays_in_year;

    #[test]
    fn codes_are_sorted_unique_and_every_set_is_valid() {
        for pair in REGIONS.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} {}",
                pair[0].code,
                pair[1].code
            );
        }
        for region in &REGIONS {
            let rules = region.holiday_rules();
            assert!(!rules.is_empty(), "{}", region.code);
            for rule in &rules {
                rule.validate().unwrap();
            }
        }
    }

    #[test]
    fn munich_is_bavaria_plus_assumption_day() {
        let by = de::by();
        let munich = munich_holiday_rules();
        let extra: Vec<_> = munich.iter().filter(|r| !by.contains(r)).collect();
        assert_eq!(extra.len(), 1);
        assert_eq!(extra[0].name.de, "Mariä Himmelfahrt");
        assert_eq!(munich.len(), by.len() + 1);
    }

    #[test]
    fn codes_are_read_in_any_case() {
        assert_eq!(Region::find("de-be").unwrap().code(), "DE-BE");
        assert_eq!(Region::find("Ch-Zh").unwrap().code(), "CH-ZH");
    }

    #[test]
    fn unknown_code_lists_the_known_ones() {
        let err = Region::find("de-xx").unwrap_err().to_string();
        let known: Vec<&str> = REGIONS.iter().map(|r| r.code).collect();
        assert_eq!(
            err,
            format!(
                "unknown holiday region 'de-xx'; expected one of {}",
                known.join(", ")
            )
        );
    }

    #[test]
    fn naefelser_fahrt_skips_holy_week() {
        let glarus = Region::find("CH-GL").unwrap().holiday_rules();
        let on = |year| {
            holidays_in_year(&glarus, year)
                .into_iter()
                .find(|h| h.names[0].de == "Näfelser Fahrt")
                .map(|h| h.date.to_string())
        };
        // 2026: Easter 5 April, Maundy Thursday 2 April, so a week later.
        assert_eq!(on(2026).as_deref(), Some("2026-04-09"));
        // 2027: Easter 28 March; the first Thursday of April is 1 April.
        assert_eq!(on(2027).as_deref(), Some("2027-04-01"));
    }
}
