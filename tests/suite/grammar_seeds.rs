//! The grammars run over lines of the real seed documents (corpus/seeds/).

use justera::grammar::number::{Figure, Unit};
use justera::grammar::vocab::Vocabulary;
use rust_decimal::Decimal;
use std::ops::Range;
use std::path::Path;

// The grammar under test, with the built-in vocabulary.
fn find_figures(text: &str) -> Vec<(Range<usize>, Figure)> {
    justera::grammar::number::find_figures(text, Vocabulary::builtin_shared())
}
fn parse_figure(text: &str) -> Option<Figure> {
    justera::grammar::number::parse_figure(text, Vocabulary::builtin_shared())
}

fn seed(prefix: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    std::fs::read_to_string(entry.path()).unwrap_or_else(|e| panic!("{e}"))
}

fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?}"))
}

fn money(text: &str) -> Vec<(Decimal, Unit)> {
    find_figures(text)
        .into_iter()
        .filter(|(_, f)| f.unit != Unit::None)
        .map(|(_, f)| (f.value, f.unit))
        .collect()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("{s}"))
}

#[test]
fn seed_000_prose_figures() {
    let s = seed("000_");
    assert_eq!(
        money(line_with(&s, "underskott för året med 3,8 mnkr")),
        vec![(d("3.8"), Unit::Mnkr), (d("4.9"), Unit::Mnkr)]
    );
    assert_eq!(
        money(line_with(&s, "19 397 tkr")),
        vec![(d("19397"), Unit::Tkr), (d("5130"), Unit::Tkr)]
    );
    assert_eq!(
        money(line_with(&s, "Herrljungas budget för servicenämnd")),
        vec![
            (d("101"), Unit::Tkr),
            (d("422"), Unit::Tkr),
            (d("2193"), Unit::Tkr)
        ]
    );
    // The "daterad 2014-05-06" line holds a date, no figure.
    assert!(find_figures(line_with(&s, "daterad 2014-05-06")).is_empty());
}

#[test]
fn seed_000_table_cells_with_detached_minus() {
    let s = seed("000_");
    let line = line_with(&s, "IT, växel, telefoni\t- 593");
    let cells: Vec<Decimal> = line
        .split('\t')
        .skip(1)
        .filter_map(parse_figure)
        .map(|f| f.value)
        .collect();
    assert_eq!(cells, vec![d("-593"), d("-3867"), d("-4460")]);
}

#[test]
fn seed_001_prose_figures() {
    let s = seed("001_");
    assert_eq!(
        money(line_with(&s, "ett underskott på 2 841 tkr vid")),
        vec![(d("2841"), Unit::Tkr)]
    );
    assert_eq!(
        money(line_with(&s, "totalt 859 tkr och servicenämnd")),
        vec![(d("859"), Unit::Tkr), (d("3700"), Unit::Tkr)]
    );
    assert_eq!(
        money(line_with(&s, "1 person jobbar 60%")),
        vec![(d("60"), Unit::Percent)]
    );
}

#[test]
fn seed_002_msek_and_procent() {
    let s = seed("002_");
    assert_eq!(
        money(line_with(&s, "– 2019 1.2 MSEK")),
        vec![(d("1.2"), Unit::Mnkr)]
    );
    assert_eq!(
        money(line_with(&s, "54,6 procent till Vårgårda")),
        vec![(d("54.6"), Unit::Percent), (d("45.4"), Unit::Percent)]
    );
    assert_eq!(
        money(line_with(&s, "16tkr/ medarbetare")),
        vec![(d("16"), Unit::Tkr)]
    );
}

#[test]
fn seed_003_percent_and_miljoner() {
    let s = seed("003_");
    let line = line_with(&s, "effektiviseringsuppdrag på 4,4%");
    let figs = money(line);
    assert_eq!(figs, vec![(d("4.4"), Unit::Percent), (d("5"), Unit::Mnkr)]);
    let five = find_figures(line)
        .into_iter()
        .find(|(_, f)| f.unit == Unit::Mnkr)
        .map(|(_, f)| f);
    assert_eq!(five.and_then(|f| f.to_kronor()), Some(d("5000000")));
}

#[test]
fn seed_004_percent_cells() {
    let s = seed("004_");
    let line = line_with(&s, "VOO SMB\t301");
    let cells: Vec<(Decimal, Unit, u32)> = line
        .split('\t')
        .skip(1)
        .filter_map(parse_figure)
        .map(|f| (f.value, f.unit, f.decimals))
        .collect();
    assert_eq!(
        cells,
        vec![
            (d("301"), Unit::None, 0),
            (d("4.40"), Unit::Percent, 2),
            (d("294"), Unit::None, 0),
            (d("5.08"), Unit::Percent, 2),
            (d("-7.00"), Unit::None, 2),
            (d("0.67"), Unit::Percent, 2)
        ]
    );
}

#[test]
fn every_seed_line_is_safe() {
    // No panic on any real line, and every figure found re-parses on its own.
    for p in ["000_", "001_", "002_", "003_", "004_"] {
        for line in seed(p).lines() {
            for (range, fig) in find_figures(line) {
                let again = parse_figure(&line[range.clone()]);
                assert_eq!(
                    again.map(|f| f.value),
                    Some(fig.value),
                    "{line:?} {range:?}"
                );
            }
        }
    }
}

mod dates_and_references {
    use super::{line_with, seed};
    use chrono::NaiveDate;
    use justera::grammar::date::{find_time_ranges, Period, PeriodSpan};
    use justera::grammar::vocab::Vocabulary;
    use std::ops::Range;

    fn find_dates(text: &str, year: Option<i32>) -> Vec<(Range<usize>, NaiveDate)> {
        justera::grammar::date::find_dates(text, year, Vocabulary::builtin_shared())
    }
    fn parse_period(text: &str, year: Option<i32>) -> Option<Period> {
        justera::grammar::date::parse_period(text, year, Vocabulary::builtin_shared())
    }
    use justera::grammar::reference::{find_references, Reference};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("test date"))
    }

    #[test]
    fn seed_004_dates_in_prose() {
        let s = seed("004_");
        let line = line_with(&s, "Projektet startas den 6/9 2019 och pågår");
        let found: Vec<NaiveDate> = find_dates(line, Some(2021))
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        assert_eq!(found, vec![date(2019, 9, 6), date(2021, 6, 1)]);
        let header = line_with(&s, "**Tid:** Måndag 8 februari 2021");
        assert_eq!(
            find_dates(header, None).first().map(|(_, d)| *d),
            Some(date(2021, 2, 8))
        );
        let times = find_time_ranges(header);
        assert_eq!(times.len(), 1);
        assert_eq!(times[0].1.start.format("%H:%M").to_string(), "08:30");
        let phase = line_with(&s, "2020 06 01 – 2021 06 30");
        let found: Vec<NaiveDate> = find_dates(phase, None)
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        assert_eq!(found, vec![date(2020, 6, 1), date(2021, 6, 30)]);
    }

    #[test]
    fn seed_003_meeting_time_and_agenda_references() {
        let s = seed("003_");
        let time = find_time_ranges(line_with(&s, "Plats och tid\tZoom"));
        assert_eq!(time.len(), 1);
        assert_eq!(
            time[0]
                .1
                .end
                .map(|t| t.format("%H:%M").to_string())
                .as_deref(),
            Some("12:00")
        );
        // Ärendelista: "§ 62\tBudget 2022 samt plan för 2022-2024\tITSAM 2021/72\t8 - 10".
        let line = line_with(&s, "§ 62\tBudget 2022");
        let refs: Vec<Reference> = find_references(line).into_iter().map(|(_, r)| r).collect();
        assert!(matches!(&refs[0], Reference::Paragraph(p) if p.from == 62 && p.to == 62));
        assert!(
            matches!(&refs[1], Reference::Dnr(d) if d.prefix.as_deref() == Some("ITSAM") && d.year == 2021 && d.number == 72)
        );
        assert_eq!(refs.len(), 2);
        let attend = line_with(&s, "Ersättare Christer Segerstéen");
        let ranges: Vec<(u32, u32)> = find_references(attend)
            .into_iter()
            .filter_map(|(_, r)| match r {
                Reference::Paragraph(p) => Some((p.from, p.to)),
                Reference::Dnr(_) => None,
            })
            .collect();
        assert_eq!(ranges, vec![(59, 62), (62, 67)]);
    }

    #[test]
    fn seed_000_and_004_references() {
        let s = seed("000_");
        let refs = find_references(line_with(
            &s,
            "Månadsrapport per 2022-02-28 godkänns (bilaga 1",
        ));
        assert!(
            matches!(&refs[..], [(_, Reference::Paragraph(p))] if p.prefix.as_deref() == Some("ITVT") && p.from == 5 && p.date == Some(date(2022, 3, 2)))
        );
        let dnr = find_references(line_with(&s, "DNR ITVT 6/2022"));
        assert!(matches!(&dnr[..], [(_, Reference::Dnr(d))] if d.canonical() == "ITVT 2022/6"));
        let s4 = seed("004_");
        let refs = find_references(line_with(&s4, "Diarienummer KS 2019/492"));
        let kinds: Vec<String> = refs
            .iter()
            .map(|(_, r)| match r {
                Reference::Paragraph(p) => format!("§{}", p.from),
                Reference::Dnr(d) => d.canonical(),
            })
            .collect();
        assert_eq!(kinds, vec!["§165", "KS 2019/492"]);
    }

    #[test]
    fn seed_001_column_headers_as_periods() {
        // Flat headers of seed 001: "(tkr)  aug 2020  aug 2021 2021 2021".
        let p = parse_period("Utfall ack. aug 2020", None).unwrap_or_else(|| panic!());
        assert_eq!(
            p.span,
            Some(PeriodSpan::Month {
                year: 2020,
                month: 8
            })
        );
        let s = seed("001_");
        let line = line_with(&s, "Delårsrapport per 2021-08-31 för servicenämnden");
        assert_eq!(
            find_dates(line, None).first().map(|(_, d)| *d),
            Some(date(2021, 8, 31))
        );
        let per = parse_period("per 2021-08-31", None).unwrap_or_else(|| panic!());
        assert!(per.as_of);
    }
}
