//! The grammars run over lines of the real seed documents (corpus/seeds/).

use justera::grammar::number::{find_figures, parse_figure, Unit};
use rust_decimal::Decimal;
use std::path::Path;

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
