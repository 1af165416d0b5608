//! Real records, judged by hand: `justera lint --format json` over every file of
//! `../shared/realpdf/files` (37 PDFs made by municipalities' own software), over the
//! text excerpts of `tests/fixtures/real/` (the tuning half) and over those of
//! `tests/fixtures/real/heldout/` (the held-out half), compared with
//! `tests/expectations/realpdf.tsv`, `realtext.tsv` and `realheldout.tsv`.
//!
//! Every error or warning lint reports must have a verdict there, checked figure by figure
//! against the record:
//! - `real`: a contradiction of the record; it must be found.
//! - `false`: a false alarm that has been fixed; it must not come back.
//! - `open`: a false alarm judged but not fixed yet (left to another issue); it may still
//!   come, and the test prints how many do. Turn it into `false` when it is gone.
//! - `note`: true, but no contradiction of the record (a TAB finding: a row the reader
//!   could not read unambiguously); it may come or go. Since a row only our split makes
//!   uncertain (TAB001, a TAB003 row or run-together cell) is information "not decided",
//!   most such lines no longer match a warning; they stay as the judgement of those rows,
//!   and the test prints how many rows and relations were not decided per set.
//!
//! - `missed`: a real contradiction justera does not find yet (the recall set,
//!   `realcontra.tsv`); counted in the recall printed, and the test says when it is found.
//!
//! A finding without a verdict fails the test until someone judges it. `floor` lines keep
//! the coverage (relations checked) from falling.
//!
//! Format: one verdict per line, tab-separated: `verdict file rule page subject found why`.
//! `subject` is `row | column` for table findings and the message for others; `*` in
//! rule, file, page, subject or found matches anything, and `row | *` any column of that row.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const JUSTERA: &str = env!("CARGO_BIN_EXE_justera");

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[derive(Debug)]
struct Verdict {
    verdict: String,
    file: String,
    rule: String,
    page: String,
    subject: String,
    found: String,
    line: usize,
}

struct Expectations {
    verdicts: Vec<Verdict>,
    floors: Vec<(String, u64)>,
}

fn load(path: &Path) -> Expectations {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    let mut verdicts = Vec::new();
    let mut floors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == "floor" {
            assert_eq!(f.len(), 3, "{}:{}: floor NAME N", path.display(), i + 1);
            floors.push((f[1].to_string(), f[2].parse().expect("floor count")));
            continue;
        }
        assert!(
            f.len() == 7 && ["real", "missed", "false", "open", "note"].contains(&f[0]),
            "{}:{}: expected `verdict file rule page subject found why`, got {line:?}",
            path.display(),
            i + 1
        );
        assert!(
            !f[6].trim().is_empty(),
            "{}:{}: no reason",
            path.display(),
            i + 1
        );
        verdicts.push(Verdict {
            verdict: f[0].into(),
            file: f[1].into(),
            rule: f[2].into(),
            page: f[3].into(),
            subject: f[4].into(),
            found: f[5].into(),
            line: i + 1,
        });
    }
    Expectations { verdicts, floors }
}

/// The finding's fields as the expectations name them.
struct Seen {
    file: String,
    rule: String,
    severity: String,
    page: String,
    row: Option<String>,
    column: String,
    message: String,
    found: String,
}

impl Seen {
    fn of(f: &Value) -> Seen {
        let s = |k: &str| f[k].as_str().map(str::to_string);
        let file = s("file").unwrap_or_default();
        let file = Path::new(&file)
            .file_name()
            .map_or(file.clone(), |n| n.to_string_lossy().into_owned());
        Seen {
            file,
            rule: s("rule").unwrap_or_default(),
            severity: s("severity").unwrap_or_default(),
            page: f["page"].as_u64().map_or(String::new(), |p| p.to_string()),
            row: s("row"),
            column: s("column").unwrap_or_default(),
            message: s("message").unwrap_or_default(),
            found: s("found").unwrap_or_default(),
        }
    }

    fn subject(&self) -> String {
        match &self.row {
            Some(r) => format!("{r} | {}", self.column),
            None => self.message.clone(),
        }
    }

    fn matches(&self, v: &Verdict) -> bool {
        let eq = |want: &str, got: &str| want == "*" || want == got;
        let subject = match (v.subject.strip_suffix(" | *"), &self.row) {
            (Some(row), Some(r)) => row == r,
            _ => eq(&v.subject, &self.subject()),
        };
        eq(&v.file, &self.file)
            && (v.rule == "*" || v.rule == self.rule)
            && eq(&v.page, &self.page)
            && subject
            && eq(&v.found, &self.found)
    }

    fn line(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t",
            self.severity,
            self.file,
            self.rule,
            self.page,
            self.subject(),
            self.found
        )
    }
}

fn lint_json(inputs: &[PathBuf]) -> Value {
    let out = Command::new(JUSTERA)
        .args(["lint", "--format", "json"])
        .args(inputs)
        .output()
        .expect("run justera lint");
    // 0: no errors, 1: errors found; 2 only when every file was read but left with nothing
    // to check (a measurement, checked below against the JSON); anything else (2 with a
    // failed or missing file, a signal) is a failed run.
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "justera lint failed ({:?}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "lint JSON does not parse: {e}\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    if out.status.code() == Some(2) {
        let unchecked = json["unchecked"].as_array().map_or(0, Vec::len) as u64;
        assert!(
            json["failed"].as_array().is_some_and(Vec::is_empty)
                && json["stats"]["files"].as_u64() == Some(inputs.len() as u64)
                && unchecked == inputs.len() as u64,
            "justera lint failed ({:?}): {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr),
            json["stats"]
        );
    }
    json
}

/// Compares one set's findings with its verdicts; returns the problems found.
fn judge(name: &str, json: &Value, exp: &Expectations) -> Vec<String> {
    let mut problems = Vec::new();
    let findings: Vec<Seen> = json["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(Seen::of)
        .filter(|f| f.severity == "error" || f.severity == "warning")
        .collect();
    let (mut real, mut open) = (0, 0);
    for f in &findings {
        match exp.verdicts.iter().find(|v| f.matches(v)) {
            None => problems.push(format!("{name}: unjudged finding: {}", f.line())),
            Some(v) if v.verdict == "false" => problems.push(format!(
                "{name}: false alarm came back (verdict line {}): {}",
                v.line,
                f.line()
            )),
            Some(v) if v.verdict == "open" => open += 1,
            Some(v) if v.verdict == "note" => {}
            Some(v) if v.verdict == "missed" => {
                real += 1;
                eprintln!(
                    "{name}: now found (verdict line {} says `missed`; make it `real`): {}",
                    v.line,
                    f.line()
                );
            }
            Some(_) => real += 1,
        }
    }
    // Recall over the contradictions the expectations list (`real` and `missed`), for the
    // record's own and for modified copies separately.
    for (kind, modified) in [("real records", false), ("modified copies", true)] {
        let listed: Vec<&Verdict> = exp
            .verdicts
            .iter()
            .filter(|v| {
                (v.verdict == "real" || v.verdict == "missed")
                    && v.file.starts_with("modified-") == modified
            })
            .collect();
        if listed.is_empty() {
            continue;
        }
        let found = listed
            .iter()
            .filter(|v| findings.iter().any(|f| f.matches(v)))
            .count();
        eprintln!(
            "{name}: recall on {kind}: {found} of {} contradictions found",
            listed.len()
        );
    }
    for v in exp.verdicts.iter().filter(|v| v.verdict == "real") {
        if !findings.iter().any(|f| f.matches(v)) {
            problems.push(format!(
                "{name}: real contradiction not found (verdict line {}): {} {} p{} {}",
                v.line, v.file, v.rule, v.page, v.subject
            ));
        }
    }
    for (stat, floor) in &exp.floors {
        let got = json["stats"][stat.as_str()].as_u64().unwrap_or(0);
        if got < *floor {
            problems.push(format!(
                "{name}: stats.{stat} fell to {got} (floor {floor})"
            ));
        }
    }
    // What was read but not decided (info "not decided: …", TAB rows and cells the reader
    // could not split, relations through them): never silent, counted here.
    let not_decided = |rule: &str| {
        json["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| {
                f["severity"] == "info"
                    && f["rule"].as_str().is_some_and(|r| r.starts_with(rule))
                    && f["message"]
                        .as_str()
                        .is_some_and(|m| m.starts_with("not decided"))
            })
            .count()
    };
    eprintln!(
        "{name}: {} errors/warnings: {real} real, {open} judged false but still open; \
         not decided (info): {} TAB rows/cells, {} relations; stats {}",
        findings.len(),
        not_decided("TAB"),
        not_decided("") - not_decided("TAB"),
        json["stats"]
    );
    problems
}

#[test]
fn real_pdfs_report_only_judged_findings() {
    let dir = manifest_dir().join("../shared/realpdf/files");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared real PDFs are required)", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        37,
        "expected the 37 real PDFs in {}",
        dir.display()
    );
    let json = lint_json(&files);
    // One of the 37 is image-only: reported on stderr ("no text layer"), not counted.
    assert!(
        json["stats"]["files"].as_u64() >= Some(36),
        "{}",
        json["stats"]
    );
    let exp = load(&manifest_dir().join("tests/expectations/realpdf.tsv"));
    let problems = judge("realpdf", &json, &exp);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The `.txt` files directly in `dir`, sorted.
fn texts_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// The held-out half of the real excerpts (`tests/fixtures/real/heldout/`): collected
/// with the tuning half but not looked at while the statement rules were written, then
/// measured once and judged the same way (`tests/expectations/realheldout.tsv`).
#[test]
fn held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout",
        "tests/fixtures/real/heldout",
        8,
        "tests/expectations/realheldout.tsv",
    );
}

/// Lints every text of `dir` (at least `min_files`: a missing fixture fails) and judges
/// each error and warning against the expectations in `tsv`.
fn judge_text_set(name: &str, dir: &str, min_files: usize, tsv: &str) {
    let files = texts_in(&manifest_dir().join(dir));
    assert!(
        files.len() >= min_files,
        "{name}: {} text fixtures in {dir}, expected at least {min_files}",
        files.len()
    );
    let json = lint_json(&files);
    let exp = load(&manifest_dir().join(tsv));
    let problems = judge(name, &json, &exp);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The protocol precision set (`tests/fixtures/real/protocols/`): 26 protocols,
/// protokollsutdrag, a kallelse and tjänsteskrivelser of kommuner and nämnder in no
/// earlier set, most as flattened docplayer transcripts, saved before justera was run on
/// them; every error and warning judged in `tests/expectations/realprotocols.tsv`.
#[test]
fn protocol_precision_set_reports_only_judged_findings() {
    judge_text_set(
        "realprotocols",
        "tests/fixtures/real/protocols",
        26,
        "tests/expectations/realprotocols.tsv",
    );
}

/// The second held-out set (`tests/fixtures/real/heldout2/`): municipalities in neither
/// earlier set, saved before justera was run on them (`tests/expectations/realheldout2.tsv`).
#[test]
fn second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout2",
        "tests/fixtures/real/heldout2",
        3,
        "tests/expectations/realheldout2.tsv",
    );
}

/// The third held-out set (`tests/fixtures/real/heldout3/`): 20 real tables, most from
/// municipalities in no earlier set, saved before justera was run on them and recomputed by
/// hand (`tests/expectations/realheldout3.tsv`): every claim must be judged there, the real
/// ones found, and the `missed` ones are counted in the recall printed.
#[test]
fn third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout3",
        "tests/fixtures/real/heldout3",
        16,
        "tests/expectations/realheldout3.tsv",
    );
}

/// The fourth held-out set (`tests/fixtures/real/heldout4/`): 16 excerpts from bodies in
/// no earlier set (Region Västernorrland, Stockholm, Åmål, Örnsköldsvik, Räddningstjänsten
/// Jämtland, SCB's räkenskapssammandrag, two kommuner not named on their pages, a
/// landstingsplan), saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout4.tsv`); judged the same way as the third set.
#[test]
fn fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout4",
        "tests/fixtures/real/heldout4",
        16,
        "tests/expectations/realheldout4.tsv",
    );
}

/// The fifth held-out set (`tests/fixtures/real/heldout5/`): 17 excerpts from bodies in
/// no earlier set (Nacka, Mönsterås, Vara, Kävlinge, Lidingö, Åstorp, Höör, Arboga,
/// Hagfors, Munkedal, Region Halland, Räddningstjänsten Emmaboda–Torsås, the
/// Finansdepartementet, three kommuner not named on their pages), saved before justera was
/// run on them and recomputed by hand (`tests/expectations/realheldout5.tsv`); judged the
/// same way as the third and fourth sets.
#[test]
fn fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout5",
        "tests/fixtures/real/heldout5",
        17,
        "tests/expectations/realheldout5.tsv",
    );
}

/// The sixth held-out set (`tests/fixtures/real/heldout6/`): 16 excerpts, each with at least
/// one table with a printed total, from bodies in no earlier set (the municipal companies
/// AB Kristianstadsbyggen, AB Ystadbostäder, LKF, Luleå Energi, Bodens Energi,
/// Stenungsundshem and AB Gavlegårdarna, and Sunne kommun's VA accounts), saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout6.tsv`:
/// 307 stated relations, 5 real contradictions listed as `missed`); judged the same way as
/// the earlier sets.
#[test]
fn sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout6",
        "tests/fixtures/real/heldout6",
        16,
        "tests/expectations/realheldout6.tsv",
    );
}

/// The signs set (`tests/fixtures/real/signs/`): 6 excerpts of statements and five-year
/// tables of municipal companies and a fastighetsnämnd, from bodies in no earlier set,
/// saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realsigns.tsv`: 21 stated relations, 1 real contradiction, a tax
/// printed without its minus), to try the sign and net-row readings on more pages.
#[test]
fn signs_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realsigns",
        "tests/fixtures/real/signs",
        6,
        "tests/expectations/realsigns.tsv",
    );
}

/// The precision set (`tests/fixtures/real/precision/`, issue 12): 37 excerpts of new
/// documents (other years, reports or pages) from bodies earlier sets used, saved before
/// justera was run on them; every error and warning judged figure by figure
/// (`tests/expectations/realprecision.tsv`: at the first measurement 2 of 3 claims were
/// real; the false one, a figure read as a part's label, is now not decided).
#[test]
fn precision_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realprecision",
        "tests/fixtures/real/precision",
        37,
        "tests/expectations/realprecision.tsv",
    );
}

/// The seventh held-out set (`tests/fixtures/real/heldout7/`): 19 excerpts, each with a
/// printed total or result, from bodies in no earlier set (a stadsdelsnämnd's
/// kassaflödesanalys, Umeå's five-year key figures, Härjedalen's mandat and utdebitering,
/// tax rates of Härnösand, Danderyd, Pajala and Ockelbo, Växjö's costs, SKL's costs per invånare,
/// Kommuninvest's låneskuld, and VA tariffs of eight kommuner and municipal companies),
/// saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout7.tsv`: 82 stated relations, 5 real contradictions
/// listed as `missed`); judged the same way as the earlier sets.
#[test]
fn seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout7",
        "tests/fixtures/real/heldout7",
        19,
        "tests/expectations/realheldout7.tsv",
    );
}

/// The eighth held-out set (`tests/fixtures/real/heldout8/`): 18 excerpts, each with a
/// printed total or result, from bodies in no earlier set (the drift statements and
/// budsjettskjema of Askøy, Giske, Stavanger and Sandnes, SSB's hovedtall per fylke,
/// Östersundsbostäder's resultat- and balansräkning 2006–2010, Valmyndigheten's mandate and
/// vote tables, Mörbylånga's tax rate, and Helsingfors' bokslut 2019 in Swedish with glued
/// cells), saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout8.tsv`: 278 stated relations, 1 real contradiction listed
/// as `missed`); judged the same way as the earlier sets.
#[test]
fn eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout8",
        "tests/fixtures/real/heldout8",
        18,
        "tests/expectations/realheldout8.tsv",
    );
}

/// The ninth held-out set (`tests/fixtures/real/heldout9/`), built for recall: 32 excerpts,
/// each with a printed total or result, from bodies in no earlier set (the fjärrvärme price
/// examples of 14 municipal energy companies, VA tariffs of Falu Energi & Vatten, Götene
/// Vatten & Värme, Tranemo and Robertsfors, elnät examples of Degerfors and Kristinehamns
/// Energi, EEM's avfall prices, the tax rates of Hällefors and Härryda, Asker's hovedoversikt
/// drift, Skolverket's elevstatistik, Länsstyrelsen Dalarna's rösträkning in Älvdalen,
/// Partibidragsnämndens beslut and two SFS länstal), saved before justera was run on them
/// and recomputed by hand
/// (`tests/expectations/realheldout9.tsv`: 270 stated relations, 5 real contradictions
/// listed as `missed`); judged the same way as the earlier sets.
#[test]
fn ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout9",
        "tests/fixtures/real/heldout9",
        32,
        "tests/expectations/realheldout9.tsv",
    );
}

/// The tenth held-out set (`tests/fixtures/real/heldout10/`): 26 excerpts from bodies in
/// no earlier set (Svenska kraftnät, Hemsö Fastighets AB, Affärsverken Energi i
/// Karlskrona, Kymenlaakson Sähkö, Ekonomistyrningsverket's notes and monthly outcomes of
/// the state budget, Statistikcentralen and Finansministeriet in Swedish, Lemlands kommun),
/// saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout10.tsv`: 344 stated relations, 8 real contradictions
/// listed as `missed`); judged the same way as the earlier sets.
#[test]
fn tenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout10",
        "tests/fixtures/real/heldout10",
        26,
        "tests/expectations/realheldout10.tsv",
    );
}

/// The eleventh held-out set (`tests/fixtures/real/heldout11/`): 23 excerpts of kommuner
/// in no earlier set (Rättvik, Lidköping, Motala, Flen, Surahammar, Munkfors, Gällivare,
/// Vänersborg, Kristinehamn, Sollefteå, Vadstena, Tibro, Valdemarsvik, Arvika, Gislaved,
/// Borås, Solna) and three compilations of the 1998 kommunval, saved before justera was
/// run on them and recomputed by hand (`tests/expectations/realheldout11.tsv`: 117 stated
/// relations, 1 real contradiction listed as `missed`); judged the same way.
#[test]
fn eleventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout11",
        "tests/fixtures/real/heldout11",
        23,
        "tests/expectations/realheldout11.tsv",
    );
}

/// The twelfth held-out set (`tests/fixtures/real/heldout12/`): 12 excerpts of kommuner in
/// no earlier set (Uddevalla, Karlstad, Olofström, Hylte, Kungälv, Håbo, Heby, Norrköping)
/// and Ekonomifakta's costs of all kommuner, saved before justera was run on them and
/// recomputed by hand (`tests/expectations/realheldout12.tsv`: 27 stated relations, 3 real
/// contradictions); judged the same way.
#[test]
fn twelfth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout12",
        "tests/fixtures/real/heldout12",
        12,
        "tests/expectations/realheldout12.tsv",
    );
}

/// The thirteenth held-out set (`tests/fixtures/real/heldout13/`): 27 excerpts of public
/// bodies that are not Swedish kommuner (Närpes, landskapet Åland, ÅSUB, Österbottens
/// välfärdsområde, Räddningstjänsten Västra Blekinge, Svenska kyrkan i Näsby och
/// Fellingsbro, Region Midtjylland, Region Hovedstaden, Norwegian health trusts,
/// Kirkeministeriet), saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout13.tsv`: 183 stated relations, 3 real contradictions).
#[test]
fn thirteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout13",
        "tests/fixtures/real/heldout13",
        27,
        "tests/expectations/realheldout13.tsv",
    );
}

/// The fourteenth held-out set (`tests/fixtures/real/heldout14/`): 27 excerpts of Norwegian
/// and Danish public bodies (fee, price and election pages) saved before justera was run on
/// them and recomputed by hand (`tests/expectations/realheldout14.tsv`); many write thousands
/// with a point ("7.683"), read by the document's own number style.
#[test]
fn fourteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout14",
        "tests/fixtures/real/heldout14",
        27,
        "tests/expectations/realheldout14.tsv",
    );
}

/// The fifteenth held-out set (`tests/fixtures/real/heldout15/`): 27 excerpts of Swedish
/// kommuner and kommunala bolag in no earlier set (VA and fjärrvärme price examples,
/// partistöd, mandatfördelning, a resultaträkning, a delårsbokslut), saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout15.tsv`:
/// 213 stated relations, 3 real contradictions listed as `missed`).
#[test]
fn fifteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout15",
        "tests/fixtures/real/heldout15",
        27,
        "tests/expectations/realheldout15.tsv",
    );
}

/// The sixteenth held-out set (`tests/fixtures/real/heldout16/`): 26 excerpts of Swedish
/// kommuner and kommunala bolag in no earlier set and, for eight of them, Norwegian kommuner
/// and Finland-Swedish bodies (VA, avfall and fjärrvärme price examples, maxtaxa, skattesatser,
/// partistöd, mandat and valresultat, an investeringsregnskap), saved before justera was run
/// on them and recomputed by hand (`tests/expectations/realheldout16.tsv`: 241 stated
/// relations, 6 real contradictions listed as `missed`).
#[test]
fn sixteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout16",
        "tests/fixtures/real/heldout16",
        26,
        "tests/expectations/realheldout16.tsv",
    );
}

/// The seventeenth held-out set (`tests/fixtures/real/heldout17/`): 25 excerpts of Nordic
/// public bodies in no earlier set (Swedish, Norwegian, Danish, Finnish and Finland-Swedish
/// kommuner: a tuloslaskelma summary, resultaträkningar, key-figure and budget pages, shares of
/// "så här fördelas pengarna", VA, renhållning and maxtaxa examples), saved before justera was
/// run on them and recomputed by hand (`tests/expectations/realheldout17.tsv`: 89 stated
/// relations, 5 real contradictions listed as `missed`).
#[test]
fn seventeenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout17",
        "tests/fixtures/real/heldout17",
        25,
        "tests/expectations/realheldout17.tsv",
    );
}

/// The nineteenth held-out set (`tests/fixtures/real/heldout19/`): 23 excerpts of Norwegian,
/// Danish and Finnish public bodies in no earlier set (VA, slam and jätehuolto price lists with
/// and without VAT, Danish takster and tilskud to private institutions, a kaupunki's
/// tuloslaskelma, an eiendomsskatt worked example, election records), saved before justera was
/// run on them and recomputed by hand (`tests/expectations/realheldout19.tsv`: 218 stated
/// relations, 4 real contradictions - misprinted inkl. mva prices - listed as `missed`).
#[test]
fn nineteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout19",
        "tests/fixtures/real/heldout19",
        23,
        "tests/expectations/realheldout19.tsv",
    );
}

/// The eighteenth held-out set (`tests/fixtures/real/heldout18/`): 25 excerpts of Swedish
/// public bodies in no earlier set (kommuner, regioner and two kommunala bolag: maxtaxa, VA-,
/// avfalls- and bygglovstaxor with worked examples, mandatfördelningar, hundralappen,
/// regionstyrelse minutes and the bodies' own bokslut news), saved before justera was run on
/// them and recomputed by hand (`tests/expectations/realheldout18.tsv`: 74 stated relations, 5
/// real contradictions listed as `missed`).
#[test]
fn eighteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout18",
        "tests/fixtures/real/heldout18",
        25,
        "tests/expectations/realheldout18.tsv",
    );
}

/// The twentieth held-out set (`tests/fixtures/real/heldout20/`): 27 excerpts of statement- and
/// budget-heavy records of Swedish regioner, kommunalförbund and kommunala/regionala bolag
/// (Norrvatten, VoB Syd, Stockholms Hamn, Västtrafik, Locum, Region Kalmar län and others) and
/// three Nordic public companies (Movia, Ruter, Unibuss): resultaträkningar, a kassaflödesanalys,
/// "i sammandrag" and nyckeltal tables, bokslut press releases restating their figures, saved
/// before justera was run on them and recomputed by hand (`tests/expectations/realheldout20.tsv`:
/// 182 stated relations, 2 real contradictions - a vinstmarginal and a prose egenkapitalandel -
/// listed as `missed`).
#[test]
fn twentieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout20",
        "tests/fixtures/real/heldout20",
        27,
        "tests/expectations/realheldout20.tsv",
    );
}

/// The twenty-first held-out set (`tests/fixtures/real/heldout21/`): 22 excerpts of Swedish
/// kommuner in no earlier set (Sollentuna, Södertälje, Varberg, Skurup,
/// Tanum, Kiruna and others): resultatbudgetar, fem-år and nyckeltal pages, a finansiell analys,
/// delårs- and månadsrapporter, "i korthet" and budget news pages, saved before justera was
/// run on them and recomputed by hand (`tests/expectations/realheldout21.tsv`: 105 stated
/// relations, no real contradiction found, so no `missed` lines).
#[test]
fn twenty_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout21",
        "tests/fixtures/real/heldout21",
        22,
        "tests/expectations/realheldout21.tsv",
    );
}

/// The twenty-second held-out set (`tests/fixtures/real/heldout22/`): 22 excerpts of everyday
/// Nordic and Swedish municipal records (Finnish kunnanhallitus/valtuusto pöytäkirjat with
/// talousarviomuutokset and talouden seuranta, Danish and Norwegian regnskab/regnskap and
/// budget notes, taxor and avgifter from Sweden, Norway, Denmark and Finland), saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout22.tsv`:
/// 128 stated relations, 2 real contradictions - a toteutumis-% and a table row that fits
/// neither its own difference nor the totals - listed as 5 `missed` lines).
#[test]
fn twenty_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout22",
        "tests/fixtures/real/heldout22",
        22,
        "tests/expectations/realheldout22.tsv",
    );
}

/// The twenty-third held-out set (`tests/fixtures/real/heldout23/`): 22 excerpts of Norwegian and
/// Danish kommuner and fylkeskommuner and two Finnish kunnat (Nordland and Hedmark
/// fylkeskommune, Drammen, Sunndal, Lyngen, Læsø, Roskilde, Halsnæs, Mariagerfjord, Tuusula and
/// others): selvkost and investering tables, a hovedoversigt, budsjettoppfølging and forventet
/// regnskab, fee pages and news restating figures, saved before justera was run on them and
/// recomputed by hand (`tests/expectations/realheldout23.tsv`: 82 stated relations, no
/// contradiction found).
#[test]
fn twenty_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout23",
        "tests/fixtures/real/heldout23",
        22,
        "tests/expectations/realheldout23.tsv",
    );
}

/// The twenty-fourth held-out set (`tests/fixtures/real/heldout24/`): 25 excerpts of Swedish
/// kommuner and regioner in no earlier set (Trosa, Mariestad, Älmhult, Hofors, Eslöv, Salem,
/// Region Stockholm, Region Uppsala, Region Värmland and others): a fem år i sammandrag, a
/// balansbudget with investeringsbudget per nämnd, a pensionsmedel table, delårsrapport,
/// månadsrapport and budget pages and the bodies' news restating results against budget, saved
/// before justera was run on them and recomputed by hand (`tests/expectations/realheldout24.tsv`:
/// 72 stated relations, 2 real contradictions - a befolkningstillväxt percentage and an
/// orealiserad vinst - listed as `missed`).
#[test]
fn twenty_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout24",
        "tests/fixtures/real/heldout24",
        25,
        "tests/expectations/realheldout24.tsv",
    );
}

/// The twenty-fifth held-out set (`tests/fixtures/real/heldout25/`): 23 excerpts of everyday fee
/// and allocation records of the four countries (Pori, Kerava, Raahe, Mikkeli, Eura, Turku,
/// Kåfjord, Rennebu, Tysfjord, Ydre, Smedjebackens Energi, Sydnärkes kommunalförbund, Rebild,
/// Stevns, Guldborgsund Forsyning and others): varhaiskasvatus/SFO/dagtilbud fees with worked
/// examples, VA tariffs with and without VAT, feiing and byggesak gebyr tables, a fjärrvärme price
/// table, a kuntavaalit result, avustus/tilskud allocations, saved before justera was run on them
/// and recomputed by hand (`tests/expectations/realheldout25.tsv`: 176 stated relations, 2 real
/// contradictions - two "70 % / 60 % av B" rows of one feiegebyr table - listed as `missed`).
#[test]
fn twenty_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout25",
        "tests/fixtures/real/heldout25",
        23,
        "tests/expectations/realheldout25.tsv",
    );
}

/// The twenty-sixth held-out set (`tests/fixtures/real/heldout26/`): 25 excerpts of Nordic
/// municipal companies, federations and regions in no earlier set (Region Norrbotten, Region
/// Örebro län, Region Blekinge, Tunabyggen, Syvab, Roslagsvatten, Nerikes Brandkår, Keusote,
/// Kainuun sote, Eksote, Soite, HSY, Kuopion Vesi, Region Sjælland, Region Syddanmark,
/// AffaldPlus, Karmsund Havn IKS, Bergen og Omland Havnevesen): bokslut and delårsrapport pages,
/// yhtymävaltuusto and hallitus minutes, a toteuma/budjetti/ennuste table, ownership shares and
/// a flerårsjämförelse, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout26.tsv`: 49 stated relations, no contradiction found).
#[test]
fn twenty_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout26",
        "tests/fixtures/real/heldout26",
        25,
        "tests/expectations/realheldout26.tsv",
    );
}

/// The twenty-seventh held-out set (`tests/fixtures/real/heldout27/`): 23 excerpts of Swedish
/// kommuner in no earlier set (Nässjö, Sandviken, Ludvika, Lessebo, Markaryd, Perstorp, Lilla
/// Edet, Hallstahammar, Bjuv and others): a tjänsteskrivelse on the årsredovisning, a revisionens
/// granskning of a delårsrapport, openings of årsredovisningar and a delårsrapport, a preliminärt
/// bokslut with budget and avvikelse, prognos, budget and VA-taxa pages and the kommuner's own
/// news restating results against budget, saved before justera was run on them and recomputed by
/// hand (`tests/expectations/realheldout27.tsv`: 47 stated relations, 3 real contradictions - a
/// column that does not add up, a population change and a budget breakdown short of its total -
/// listed as `missed`).
#[test]
fn twenty_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout27",
        "tests/fixtures/real/heldout27",
        23,
        "tests/expectations/realheldout27.tsv",
    );
}

/// The twenty-eighth held-out set (`tests/fixtures/real/heldout28/`): 23 excerpts of Finnish
/// municipal records in Finnish and Swedish, bodies in no earlier set (Pedersöre, Larsmo,
/// Korsholm, Esbo/Espoo, Ingå, Loviisa, Järvenpää, Nurmijärvi, Vårdö, Kouvola, Lappeenranta,
/// Joensuu, Forssa, Sotkamo, Vieremä and others): kaupunginhallitus, valtuusto and fullmäktige
/// minutes with talousarviomuutokset and tilinpäätös, talouden tunnusluvut / ekonomiska nyckeltal
/// pages with per-asukas rows, bokslut transcripts and the bodies' news restating their results,
/// saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout28.tsv`: 53 stated relations, 2 real causes of contradiction -
/// a lainat €/asukas and a row of lainat ja vuokravastuut in whole millions cut off - listed as 4
/// `missed` lines).
#[test]
fn twenty_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout28",
        "tests/fixtures/real/heldout28",
        23,
        "tests/expectations/realheldout28.tsv",
    );
}

/// The twenty-ninth held-out set (`tests/fixtures/real/heldout29/`): 23 excerpts of Swedish
/// kommunala bolag and kommuner in no earlier set (Gästrike Vatten, Kalmar Vatten, Sörmland
/// Vatten, VIVAB, Laxå Vatten, Hässleholm Miljö, LEVA i Lysekil, Sysav, Partillebo, Filipstad,
/// Bromölla, Gullspång, Gagnef and others): VA- and avfallstaxor with moms pairs and worked yearly
/// costs, a comparison of a new and an old taxa, press and annual-report openings, saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout29.tsv`: 91
/// stated relations, 4 real contradictions - a villa's yearly VA cost, a taxa difference and two
/// öre-per-liter figures - listed as `missed`).
#[test]
fn twenty_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout29",
        "tests/fixtures/real/heldout29",
        23,
        "tests/expectations/realheldout29.tsv",
    );
}

/// The thirtieth held-out set (`tests/fixtures/real/heldout30/`): 22 excerpts of Norwegian and
/// Danish kommuner and their selskaper in no earlier set (Finnøy, Bornholms Regionskommune and
/// BEOF, Vandmiljø Randers, Tårnby Forsyning, Reno Djurs, Norddjurs, Ishøj, Aalborg, Middelfart,
/// Frederikssund, Fosen Brann og Redningstjeneste IKS, Trondheim Havn IKS, Kviteseid, Marker,
/// Elverum, Ibestad, Løten, Meråker): a hovudoversikt balanse, takstblade for spildevand and
/// tømning with and without moms, regnskab and budget pages restating their results, dagtilbud,
/// SFO, feiing and affald tariffs, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout30.tsv`: 78 stated relations, 3 real contradictions - a 60 %
/// tilslutningsbidrag, a per-year tømning price and a resultat that is not the sum of its parts -
/// listed as 4 `missed` lines).
#[test]
fn thirtieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout30",
        "tests/fixtures/real/heldout30",
        22,
        "tests/expectations/realheldout30.tsv",
    );
}

/// The thirty-first held-out set (`tests/fixtures/real/heldout31/`): 22 excerpts of Swedish
/// regioner and kommuner in no earlier set (Region Skåne, Region Dalarna, Söderköping, Falun,
/// Avesta, Kinda, Övertorneå, Nordanstig, Älvsbyn, Sotenäs): an "ekonomisk översikt" key-figure
/// table, förvaltningsberättelse and ordförande pages, bokslut and delårsrapport news pages and
/// press releases restating their results, a regionstyrelse news page, saved before justera was
/// run on them and recomputed by hand (`tests/expectations/realheldout31.tsv`: 33 stated
/// relations, 2 real contradictions - a key-figure balance that does not balance and a restated
/// nämnd deficit - listed as `missed`).
#[test]
fn thirty_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout31",
        "tests/fixtures/real/heldout31",
        22,
        "tests/expectations/realheldout31.tsv",
    );
}

/// The thirty-second held-out set (`tests/fixtures/real/heldout32/`): 24 excerpts of everyday
/// fee and allocation records of Norwegian, Danish, Finnish and Swedish bodies in no earlier set
/// (Juptjenn vannverk, Lappajärven Vesi, Fet, Ærø, Forbundsvandværket, VEMAB, Ikast-Brande
/// Spildevand, Aarhus Vand, Midtre Namdal Avfallsselskap, Hammerfest, Eigersund, Vestia, RfD and
/// others):
/// vann/vand/vesi tariffs with exkl./inkl. moms pairs, renovasjon and slam fees, SFO, barnehage
/// and kulturskole rates with søsken reductions, a VA-taxa worked example, saved before justera
/// was run on them and recomputed by hand (`tests/expectations/realheldout32.tsv`: 79 stated
/// relations, 1 real contradiction - an income threshold that does not follow from the page's
/// maksimalpris - listed as `missed`).
#[test]
fn thirty_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout32",
        "tests/fixtures/real/heldout32",
        24,
        "tests/expectations/realheldout32.tsv",
    );
}

/// The thirty-third held-out set (`tests/fixtures/real/heldout33/`): 23 excerpts of Norwegian,
/// Danish and Finnish kommuner, fylkeskommuner/regioner and municipally owned companies in no
/// earlier set (Rogaland, Møre og Romsdal, Trøndelag and Agder fylkeskommune, Lillesand, Trysil,
/// SØIR IKS, Vestfold Interkommunale Vannverk, Solrød, Lyngby-Taarbæk, Region Nordjylland,
/// Pälkäne, Laihia, Kangasniemi, Etelä-Karjalan Jätehuolto, Kiertokapula): fylkeskommune
/// driftsresultat and økonomisk oversikt tables, regnskap, budget and tilinpäätös news and
/// minutes restating their figures, waste-company year reports and renovasjon fees, saved
/// before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout33.tsv`: 81 stated relations, 3 real contradictions - a
/// kassebeholdning change, an investment in millioner for milliarder, a part larger than its
/// whole - listed as `missed`).
#[test]
fn thirty_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout33",
        "tests/fixtures/real/heldout33",
        23,
        "tests/expectations/realheldout33.tsv",
    );
}

/// The thirty-fourth held-out set (`tests/fixtures/real/heldout34/`): 23 excerpts of Swedish
/// kommunalförbund and kommunala/regionala bolag in no earlier set (Göteborgsregionens
/// kommunalförbund, Storstockholms brandförsvar, Räddningstjänsten Dala Mitt and Höga
/// Kusten-Ådalen, Jämtlands Gymnasieförbund, two samordningsförbund, Film i Väst, Sydvatten,
/// VA SYD, LSR, Västerbergslagens Energi and others): årsredovisning and budget pages, ägarandelar, "i korthet" pages and
/// bokslut news, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout34.tsv`: 25 stated relations, no real contradiction found, so
/// no `missed` lines).
#[test]
fn thirty_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout34",
        "tests/fixtures/real/heldout34",
        23,
        "tests/expectations/realheldout34.tsv",
    );
}

/// The thirty-fifth held-out set (`tests/fixtures/real/heldout35/`): 23 excerpts of Nordic
/// municipal meeting records in no earlier set (Albertslund and Ballerup kommuner's referater and
/// dagsordener, Kommuneqarfik Sermersooq, Sandefjord, Engerdal, Tromsø, Nordland fylkeskommune,
/// Longyearbyen lokalstyre, Ale kommun): deltagere and afbud, tillægsbevillinger and their
/// financing, puljemidler bevilling/forbrug/status, tilskudd to lag og foreninger, saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout35.tsv`: 16
/// stated relations, no real contradiction found, so no `missed` lines).
#[test]
fn thirty_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout35",
        "tests/fixtures/real/heldout35",
        23,
        "tests/expectations/realheldout35.tsv",
    );
}

/// The thirty-sixth held-out set (`tests/fixtures/real/heldout36/`): 23 excerpts of per-child,
/// per-pupil and per-user grant, subsidy and fee rates decided by Nordic kommuner in no earlier set
/// (Huddinge, Hjørring, Holbæk, Kongsvinger, Kvam, Stjørdal, Oulainen, Aura, and Icelandic
/// sveitarfélög: Reykjavíkurborg, Mosfellsbær, Grindavík, Fjallabyggð, Skagafjörður and others)
/// with two national rate pages (Udir, Telemarksforsking): bidragsbelopp per år and per månad,
/// tilskuddssatser, palveluseteli kerroin x kattohinta, niðurgreiðsla per klst. and its 75 %/100 %
/// sibling supplements, heildargreiðsla split between sveitarfélag and parents, saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout36.tsv`: 291
/// stated relations, 6 real contradictions - a per-month bidragsbelopp and five cells of one
/// niðurgreiðsla page - listed as `missed`).
#[test]
fn thirty_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout36",
        "tests/fixtures/real/heldout36",
        23,
        "tests/expectations/realheldout36.tsv",
    );
}

/// The thirty-seventh held-out set (`tests/fixtures/real/heldout37/`): 23 excerpts of Nordic
/// council and board protocols in no earlier set (Kvalsund, Frøya, Nittedal, Verdal and Kvænangen
/// kommuner, Fredensborg and Hørsholm kommuner, Sievi, Rautalampi, Tampere, Rovaniemi and Kronoby,
/// Ålands kommunförbund, Jomala, Geta, Eckerö and Brändö on Åland, Ånge kommun): attendance with
/// permisjoner and stedfortrædere, voting counts with name lists, ärendelistor and paragraph
/// ranges, a talousarviomuutos table, a budget vedtak with its sum and a partistøtte distribution,
/// saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout37.tsv`: 61 stated relations, 1 real contradiction - a
/// muutettu vuosikate that is not TA + muutos - listed as `missed`).
#[test]
fn thirty_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout37",
        "tests/fixtures/real/heldout37",
        23,
        "tests/expectations/realheldout37.tsv",
    );
}

/// The thirty-eighth held-out set (`tests/fixtures/real/heldout38/`): 23 excerpts of Nordic
/// investment and project records in no earlier set (Nord-Trøndelag and Sør-Trøndelag
/// fylkeskommune, Sarpsborg, Lunner, Randaberg, Ringebu, Lillehammer, Orkdal and Suldal kommuner,
/// Næstved and Hedensted kommuner, Rautjärvi, Ulvila, Ypäjä and Árborg): a fylkeskommune
/// sluttrapport with bevilgning and prosjektregnskap, an anlægsregnskab, an årsregnskab's
/// hovedtal against budget, anlægsbevilling and lånegaranti cases, tertial reports, project
/// reports and the openings of forvaltningsrevisjon reports on investments, saved before justera
/// was run on them and recomputed by hand (`tests/expectations/realheldout38.tsv`: 50 stated
/// relations, 1 real contradiction - a Forskel cell that is not regnskab - budget - listed as
/// `missed`).
#[test]
fn thirty_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout38",
        "tests/fixtures/real/heldout38",
        23,
        "tests/expectations/realheldout38.tsv",
    );
}

/// The thirty-ninth held-out set (`tests/fixtures/real/heldout39/`): 22 excerpts of care and
/// social-service charges decided by Nordic kommuner in no earlier set (Leikanger, Karasjok,
/// Målselv, Nannestad, Sør-Varanger, Ylöjärvi, Vejle and others): heimehjelp and trygghetsalarm
/// satser by income bracket in G, kotihoito tulorajat with worked examples, madservice takster,
/// saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout39.tsv`: 52 stated relations, 6 real contradictions - two
/// percent changes on the wrong base, a VAT pair, a bracket limit, a stale G and a 2 G limit at
/// 2,5 G - listed as `missed`).
#[test]
fn thirty_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout39",
        "tests/fixtures/real/heldout39",
        22,
        "tests/expectations/realheldout39.tsv",
    );
}

/// The fortieth held-out set (`tests/fixtures/real/heldout40/`): 4 excerpts of tax figures of
/// Finnish and Åland kommuner in no earlier set (Kaustinen, Hammarland, Urjala, Sonkajärvi): a
/// kunnanhallitus minute on the month's tax revenue by kind and three tax-rate pages, saved
/// before justera was run on them and recomputed by hand (`tests/expectations/realheldout40.tsv`:
/// 2 stated relations, no contradiction; the genre's other bodies in the corpus were all in
/// earlier sets).
#[test]
fn fortieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout40",
        "tests/fixtures/real/heldout40",
        4,
        "tests/expectations/realheldout40.tsv",
    );
}

/// The forty-first held-out set (`tests/fixtures/real/heldout41/`): 23 excerpts of personnel and
/// population figures in the own reports of Nordic kommuner and regions in no earlier set
/// (Paimio, Iveland, Bergen, Lahti, Mark, HUS, Klepp, Familjen Helsingborg, Vantaan Energia):
/// henkilöstön tunnusluvut, årsverk notes, sjukfrånvaro and folketal pages, saved before justera
/// was run on them and recomputed by hand (`tests/expectations/realheldout41.tsv`: 227 stated
/// relations, 4 contradictions - a share printed 18,4 for 18,348, an age table summing to 289
/// against a headcount of 338, and two population changes 3 off their printed components -
/// listed as `missed`).
#[test]
fn forty_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout41",
        "tests/fixtures/real/heldout41",
        23,
        "tests/expectations/realheldout41.tsv",
    );
}

/// The forty-second held-out set (`tests/fixtures/real/heldout42/`): 24 excerpts of municipal
/// finance from the smaller Nordic jurisdictions (Icelandic sveitarfélög such as
/// Ísafjarðarbær, Bolungarvík and Skagaströnd, Klaksvíkar kommuna, Greenlandic kommuner and the
/// Selvstyre's skatteudligning, Jakobstad, Nykarleby and Raseborg): ársreikningur and bokslut
/// pages with results against budget, debt ratios and per-invånare figures, saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout42.tsv`:
/// 58 stated relations, 3 real contradictions - a per-íbúa cost and two debt ratios - listed as
/// `missed`; the two debt ratios found since h-proseratio, TXT007's ratio reading).
#[test]
fn forty_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout42",
        "tests/fixtures/real/heldout42",
        24,
        "tests/expectations/realheldout42.tsv",
    );
}

/// The forty-third held-out set (`tests/fixtures/real/heldout43/`): 24 excerpts of housing and
/// rent figures of Nordic kommuner and their housing companies (Tingsryds Bostäder, Svenska
/// Bostäder, Stadsholmen, Lulebo, Hyresbostäder, Heka, Espoon Asunnot, Kristiansand boligselskap
/// KF, a Danish ungdomsbolig and others): hyresförhandling results with räkneexempel, hyra per
/// kvm before and after, keskivuokra €/m²/kk, a lejeforhøjelse table, housing stock by size and
/// ungdomsboliger per kommune, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout43.tsv`: 137 stated relations, 3 real contradictions - a
/// studiepladser-per-bolig ratio and two öre-level monthly examples - listed as `missed`).
#[test]
fn forty_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout43",
        "tests/fixtures/real/heldout43",
        24,
        "tests/expectations/realheldout43.tsv",
    );
}

/// The forty-fourth held-out set (`tests/fixtures/real/heldout44/`): 24 excerpts of environment,
/// energy and waste statistics from Nordic kommuner and their joint bodies (BIR, Remiks, Avfall
/// Sør, Vesar, RIR, Salpakierto, Turun Seudun Jätehuolto, CO2-raportti summaries of Orimattila,
/// Hausjärvi and Suonenjoki, Hvidovre's klimaplan, VafabMiljö, SORPA, SSH, IRF and others):
/// avfallsmengder, sorteringsgrad, ownership shares, emissions per sector and per invånare, saved
/// before justera was run on them and recomputed by hand (`tests/expectations/realheldout44.tsv`:
/// 46 stated relations, 1 real contradiction - emission shares summing to 111 % - listed as
/// `missed`).
#[test]
fn forty_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout44",
        "tests/fixtures/real/heldout44",
        24,
        "tests/expectations/realheldout44.tsv",
    );
}

/// The forty-fifth held-out set (`tests/fixtures/real/heldout45/`): 22 excerpts of school and
/// education figures (Opetushallitus' kustannussovellus 2015 tables and yhteishaku tiedotteet,
/// Undervisningsministeriet's elevtal i grundskolen, Kuntaliitto/Kommunförbundet's press
/// releases on kostnader per elev, skolskjutsar and småbarnspedagogik, Steinkjer's and Vinje's
/// SFO-satser): per-student cost tables with weighted totals, pupil counts by school type and
/// grade, changes between years and prose restating them, saved before justera was run on them
/// and recomputed by hand (`tests/expectations/realheldout45.tsv`: 223 stated relations, 3 real
/// contradictions - a 42 % share, an applicant total and a "cirka 8.500" drop - listed as
/// `missed`).
#[test]
fn forty_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout45",
        "tests/fixtures/real/heldout45",
        22,
        "tests/expectations/realheldout45.tsv",
    );
}

/// The forty-sixth held-out set (`tests/fixtures/real/heldout46/`): 24 excerpts of social-service
/// statistics about Nordic kommuner (ekonomiskt bistånd, sosialhjelp, kontanthjælp,
/// toimeentulotuki, äldreomsorg and hemtjänst volumes) from joint bodies of kommuner (KL,
/// Kuusikko, Kuntaliitto, Grenlandsbarometeret), a Danish kommune's budgetkontrol, reports made
/// for Greve and Hemnes, and national bodies publishing the kommuner's figures (Socialstyrelsen,
/// Kela, THL, NAV, Statsforvalteren i Trøndelag, Riksrevisjonen, Hagstofa Íslands), saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout46.tsv`: 92
/// stated relations, 1 real contradiction - a difference of fuldtidspersoner printed 3 000 short -
/// listed as `missed`).
#[test]
fn forty_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout46",
        "tests/fixtures/real/heldout46",
        24,
        "tests/expectations/realheldout46.tsv",
    );
}

/// The forty-ninth held-out set (`tests/fixtures/real/heldout49/`): 22 excerpts of Swedish
/// kommuner in no earlier set (Habo, Malå, Hjo, Norberg, Berg, Tierp, Örkelljunga, Eda, Sorsele,
/// Bjurholm, Grums, Herrljunga, Essunga, Dorotea): a nettobudget with shares, a nyckeltal table,
/// årsredovisning and bokslut news pages, "Kommunalrådet informerar" columns, skattesats and
/// per-100-kronor pages, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout49.tsv`: 44 stated relations, 2 real contradictions - a
/// budget share rounded down to make 100 % and a nettokostnad change - listed as `missed`).
#[test]
fn forty_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout49",
        "tests/fixtures/real/heldout49",
        22,
        "tests/expectations/realheldout49.tsv",
    );
}

/// The fiftieth held-out set (`tests/fixtures/real/heldout50/`): 22 excerpts of Nordic health
/// care records in no earlier set - Finnish sairaanhoitopiirit, kuntayhtymät and
/// hyvinvointialueet (Päijät-Häme, Varsinais-Suomi, Lappi, Keski-Suomi, Kymenlaakso, Kanta-Häme,
/// Karviainen), Norwegian helseforetak (Ahus, Sykehuset Innlandet, Helse Bergen, St. Olavs, Helse
/// Stavanger, Helse Sør-Øst), Ålands hälso- och sjukvård and Iceland's Heilsugæsla
/// höfuðborgarsvæðisins: tilinpäätös and budget news, maksuosuudet and their shares, a budget
/// moment, sengeplasser, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout50.tsv`: 47 stated relations, 1 real contradiction - somatic
/// beds printed 555 against parts summing to 559 - listed as `missed`).
#[test]
fn fiftieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout50",
        "tests/fixtures/real/heldout50",
        22,
        "tests/expectations/realheldout50.tsv",
    );
}

/// The fifty-first held-out set (`tests/fixtures/real/heldout51/`): 23 excerpts of review and
/// audit reports about Nordic kommuner and regioner by bodies in no earlier set - Statskontoret's
/// yearly mapping of the state's styrning of kommuner and regioner, Riksrevisionen's granskningar
/// (the kommunala utjämningssystemet, riktade statsbidrag, vårdgarantin) and Rigsrevisionen's
/// beretninger with Statsrevisorernes bemærkninger (the regions' sygehusbyggerier, praksissektoren,
/// refusion til kommunerne), saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout51.tsv`: 19 stated relations, no real contradiction found, so
/// no `missed` lines).
#[test]
fn fifty_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout51",
        "tests/fixtures/real/heldout51",
        23,
        "tests/expectations/realheldout51.tsv",
    );
}

/// The forty-seventh held-out set (`tests/fixtures/real/heldout47/`): 23 excerpts about roads,
/// streets, public transport and technical services in Nordic kommuner (Nærøy's
/// vintervedlikehold revision, Assens's befordring, Midttrafik's forventet regnskab for a
/// kommune, Samsø's own trafikselskab, gravegebyr and katulupa fees, parkering price lists of
/// Hamar and Bodø, tilskudd to private veier, tekniske utvalg agendas, and local news restating
/// Ringkøbing-Skjern's, Tønder's, Ringsted's and Alta's vinter and asfalt budgets), saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout47.tsv`: 15
/// stated relations, no real contradiction found, so no `missed` lines).
#[test]
fn forty_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout47",
        "tests/fixtures/real/heldout47",
        23,
        "tests/expectations/realheldout47.tsv",
    );
}

/// The forty-eighth held-out set (`tests/fixtures/real/heldout48/`): 26 excerpts of culture,
/// leisure and association figures of or about Nordic kommuner (Oppegård, Snæfellsbær, Seinäjoki,
/// Akureyri, Sørfold, Reykjanesbær, Ölfus, Malå, Stykkishólmur), library bodies (Buskerud
/// fylkesbibliotek, BibStat, Kirjastot.fi, Danmarks Biblioteksforening), Myndigheten för
/// kulturanalys and Samband sveitarfélaga á Suðurnesjum: grant allocations with totals, library
/// and swimming-pool visitors and loans, kulturutgifter, saved before justera was run on them and
/// recomputed by hand (`tests/expectations/realheldout48.tsv`: 67 stated relations, 6 real
/// contradictions - percent changes and a difference of visitors, two of them marginal - listed
/// as `missed`).
#[test]
fn forty_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout48",
        "tests/fixtures/real/heldout48",
        26,
        "tests/expectations/realheldout48.tsv",
    );
}

/// The fifty-second held-out set (`tests/fixtures/real/heldout52/`): 13 excerpts of monthly,
/// tertial and year-end budget follow-ups of Nordic kommuner in no earlier set (Tinn, Balsfjord
/// and Nore og Uvdal in Norway, Heinola and Pöytyä in Finland, Grýtubakkahreppur in Iceland, an
/// unnamed Danish and two unnamed Finnish kommuner): a tertialrapport's sykefravær table,
/// osavuosikatsaukset and seurantaraportit, a budgetopfølgning notat, tilinpäätös and regnskap
/// news restating budget deviations, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout52.tsv`: 27 stated relations, no real contradiction found, so
/// no `missed` lines).
#[test]
fn fifty_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout52",
        "tests/fixtures/real/heldout52",
        13,
        "tests/expectations/realheldout52.tsv",
    );
}

/// The fifty-third held-out set (`tests/fixtures/real/heldout53/`): 24 excerpts of Nordic
/// kommuner in no earlier set (Sørreisa, Lindesnes and Vardø in Norway; Kuhmo, Sodankylä,
/// Lieksa, Kontiolahti, Nurmes, Kitee and Outokumpu in Finland; Garðabær and Borgarbyggð in
/// Iceland; Odder in Denmark): tilinpäätös, ársreikningur and årsberetning news restating a
/// year's result, a tunnusluku table, a budget hovedoversigt and barnehage fee pages, saved
/// before justera was run on them and recomputed by hand (`tests/expectations/realheldout53.tsv`:
/// 54 stated relations, 3 real contradictions - a tilikauden tulos printed with the wrong sign, a
/// population growth percentage and a moderasjon income threshold - listed as `missed`).
#[test]
fn fifty_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout53",
        "tests/fixtures/real/heldout53",
        24,
        "tests/expectations/realheldout53.tsv",
    );
}

/// The fifty-fourth held-out set (`tests/fixtures/real/heldout54/`): 29 excerpts of the records of
/// Nordic church bodies and kommun-funded föreningar in no earlier set (Finnish församlingar and
/// kyrkliga samfälligheter - Tuusula, Kärsämäki, Helsingfors - and the Finnish church's and the
/// Catholic diocese's economy pages, Norwegian kirkelige fellesråd, Danish menighedsråd pages,
/// Svenska kyrkans nationella nivå 2000; hembygds-, bygdegårds-, idrotts- and pensionärsföreningar):
/// resultaträkningar, a balansräkning, årsmötesprotokoll and verksamhetsberättelser restating
/// their figures, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout54.tsv`: 53 stated relations, 1 real contradiction - a member
/// count difference - listed as `missed`).
#[test]
fn fifty_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout54",
        "tests/fixtures/real/heldout54",
        29,
        "tests/expectations/realheldout54.tsv",
    );
}

/// The fifty-fifth held-out set (`tests/fixtures/real/heldout55/`): 23 excerpts of Norwegian and
/// Danish kommuner in no earlier set (Bamble, Porsgrunn, Kvæfjord, Rælingen, Horsens, Gladsaxe,
/// Nyborg, Sorø, Rødovre and others): årsmelding openings, budgetoversigter, regnskab pages and
/// news items, price and fee pages, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout55.tsv`: 61 stated relations, no real contradiction found, so
/// no `missed` lines).
#[test]
fn fifty_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout55",
        "tests/fixtures/real/heldout55",
        23,
        "tests/expectations/realheldout55.tsv",
    );
}

/// The fifty-sixth held-out set (`tests/fixtures/real/heldout56/`): 24 excerpts of news items,
/// tiedotteet and fréttir of Nordic kommuner and one kommunal bolag in no earlier set
/// (Kópavogsbær, Norðurorka, Kirkkonummi, Lohja, Porvoo, Nokia, Kangasala, Lempäälä, Riihimäki,
/// Kotka, Ljusdal) about their own accounts and budgets, saved before justera was run on them and
/// recomputed by hand (`tests/expectations/realheldout56.tsv`: 30 stated relations, no real
/// contradiction found, so no `missed` lines).
#[test]
fn fifty_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout56",
        "tests/fixtures/real/heldout56",
        24,
        "tests/expectations/realheldout56.tsv",
    );
}

/// The fifty-seventh held-out set (`tests/fixtures/real/heldout57/`): 24 excerpts of Finnish
/// kunnat and kaupungit in no earlier set (Kajaani, Iisalmi, Raisio, Kristinestad, Kempele,
/// Savonlinna, Naantali, Hamina, Alavus, Jämsä, Lapua, Suomussalmi): tilinpäätös tiedotteet,
/// talousarvio news, talousarvion toteutuminen reports, a varhaiskasvatusmaksu table and
/// vesihuolto fee pages, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout57.tsv`: 41 stated relations, 1 real contradiction - a €/m³ to
/// €/l conversion a factor of ten off - listed as `missed`).
#[test]
fn fifty_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout57",
        "tests/fixtures/real/heldout57",
        24,
        "tests/expectations/realheldout57.tsv",
    );
}

/// The fifty-eighth held-out set (`tests/fixtures/real/heldout58/`): 23 excerpts of the small
/// North Atlantic island municipalities in no earlier set - Faroese kommunur (Eysturkommuna,
/// Sunda, Fuglafjørður, Hvalba), Åland's kommuner (Föglö, Kökar, Kumlinge, Sottunga, Saltvik,
/// Sund), Greenland's (Avannaata, Kujalleq) and Strandabyggð - a fíggjarætlan table, a monthly
/// kommunuskattur notice, the kommunes' own news and local news restating their bokslut, budget
/// or roknskapur, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout58.tsv`: 38 stated relations, 4 real contradictions - a
/// kassebeholdning improvement, a fíggjarætlan subtotal and a difference and a percent in a
/// skattur notice - listed as 3 `missed` lines and the kassebeholdning as `real`, found since
/// h-prosediff).
#[test]
fn fifty_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout58",
        "tests/fixtures/real/heldout58",
        23,
        "tests/expectations/realheldout58.tsv",
    );
}

/// The fifty-ninth held-out set (`tests/fixtures/real/heldout59/`): 10 excerpts of Swedish
/// kommunala revisorers own documents in no earlier set - PwC's and KPMG's granskningsrapporter of
/// a delårsrapport or an årsredovisning (Halmstad, Botkyrka, Säter), the Uppsala kommun revisorers'
/// report pages on its delårsrapporter and Skinnskatteberg's kommunrevision page - saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout59.tsv`: 3
/// stated relations, all holding; no real contradiction, so no `missed` line).
#[test]
fn fifty_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout59",
        "tests/fixtures/real/heldout59",
        10,
        "tests/expectations/realheldout59.tsv",
    );
}

/// The sixtieth held-out set (`tests/fixtures/real/heldout60/`): 17 excerpts of Swedish
/// kommunalförbund and kommunala bolag in no earlier set - räddningstjänstförbund (Gästrike,
/// Medelpad, Klarälvdalen, Höglandet), Kalmarsunds gymnasieförbund, Avfallshantering Östra
/// Skaraborg, Gryaab, MittSverige Vatten, bostadsbolag (Familjebostäder, Väsbyhem, Uppsalahem,
/// PiteBo), Lunds Energikoncernen and the hamnar of Göteborg, Trelleborg and Hangö - a
/// tertialbokslut, a protocol, press releases, the bodies' own pages and local news restating
/// their figures, saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout60.tsv`: 17 stated relations, 2 real contradictions - a
/// change since 2007 in a hamn's volume table and a vinst increase in a list of bostadsbolag -
/// listed as 2 `missed` lines).
#[test]
fn sixtieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout60",
        "tests/fixtures/real/heldout60",
        17,
        "tests/expectations/realheldout60.tsv",
    );
}

/// The sixty-second held-out set (`tests/fixtures/real/heldout62/`): 15 excerpts on the economy of
/// Swedish kommuner in no earlier set and not in heldout61 - Sölvesborg's budget pages (nämndernas
/// budget, the cirkeldiagram of 2020, the rambudget), Ulricehamn's budget- och
/// verksamhetsuppföljning and årsredovisning openings, and local news restating a socialnämnd's,
/// omsorgsnämnd's, barn- och utbildningsnämnd's or the kommun's prognos or bokslut (Sävsjö, Boxholm,
/// Överkalix, Arjeplog, Linköping) - saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout62.tsv`: 8 stated relations, all holding; no real contradiction,
/// so no `missed` line).
#[test]
fn sixty_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout62",
        "tests/fixtures/real/heldout62",
        15,
        "tests/expectations/realheldout62.tsv",
    );
}

/// The sixty-first held-out set (`tests/fixtures/real/heldout61/`): 19 excerpts of Swedish
/// kommuners, kommunala bolags and förbunds taxa and avgift pages in no earlier set - avfallstaxor
/// with fast and rörlig del and yearly totals (Tranås, Dala Vatten och Avfall for Vansbro and
/// Rättvik, Teknik i Väst, Svenljunga, Färgelanda), VA-taxor per m3 and Typhus A/B (Tranås,
/// Storfors), news of taxehöjningar (Nodra, Hammarö Energi, Bengtsfors Energi, Västvatten,
/// Gästrike Återvinnare), Dals-Ed's samlade taxor 2015 and Svenljunga's timavgifter - saved
/// before justera was run on them and recomputed by hand (`tests/expectations/realheldout61.tsv`:
/// 21 stated relations, all holding; no real contradiction, so no `missed` line).
#[test]
fn sixty_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout61",
        "tests/fixtures/real/heldout61",
        19,
        "tests/expectations/realheldout61.tsv",
    );
}

/// The sixty-third held-out set (`tests/fixtures/real/heldout63/`): 26 excerpts of Swedish-language
/// records of Finland's kommuner and samkommuner and of Åland's kommunalförbund in no earlier set -
/// Pargas, Kimitoön, Malax, Kaskö, Lappträsk, Vörå and Pyttis, Kårkulla samkommun, Österbottens
/// förbund, and on Åland Oasen boende- och vårdcenter, Ålands Miljöservice (Mise) and Södra Ålands
/// högstadiedistrikt - the bodies' own pages and press releases and local news (Svenska Yle, Pargas
/// Kungörelser, Åbo Underrättelser, Östnyland, Nya Åland, Ålands Radio) restating their budget,
/// bokslut, skattesats, votes and seats, saved before justera was run on them and recomputed by
/// hand (`tests/expectations/realheldout63.tsv`: 24 stated relations, 1 real contradiction - a
/// percent increase of the kommunala betalningsandelar in Kårkulla's budget proposal - listed as 1
/// `missed` line).
#[test]
fn sixty_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout63",
        "tests/fixtures/real/heldout63",
        26,
        "tests/expectations/realheldout63.tsv",
    );
}

/// The sixty-fourth held-out set (`tests/fixtures/real/heldout64/`): 23 excerpts of Swedish state
/// bodies' own economic reports in no earlier set - two propositions' tables of statsbudgetens
/// utgifter, Regeringskansliet's reports on the state-owned companies, AP1-AP4's halvårsrapporter,
/// press releases and AP3's femårsöversikt, the delårsrapporter and nyckeltal tables of Sveaskog,
/// Systembolaget, Svenska Spel and LKAB, Riksgälden's statement of statens nettolånebehov and UKÄ's
/// national resultaträkning and balansräkning of the lärosäten - saved before justera was run on
/// them and recomputed by hand (`tests/expectations/realheldout64.tsv`: 202 stated relations, 197
/// holding within rounding and 5 off by 2 to 5 tkr in UKÄ's national aggregates; no real
/// contradiction, so no `missed` line).
#[test]
fn sixty_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout64",
        "tests/fixtures/real/heldout64",
        23,
        "tests/expectations/realheldout64.tsv",
    );
}

/// The sixty-fifth held-out set (`tests/fixtures/real/heldout65/`): 22 excerpts of Swedish local
/// news on a kommun's or region's economy, every URL in no earlier set - lokaltidningar (UNT, Tranås Tidning,
/// Dagens Vimmerby, Papperstidningen, Hallands Nyheter, Hallandsposten, Länstidningen Östersund, NT,
/// Trelleborgs Allehanda, SMT, Enköpings-Posten, Vimmerby Tidning, Västerviks-Tidningen, Sydöstran,
/// NWT) and Sveriges Radio's local pages restating 20 bodies' bokslut, delårsrapport, prognos,
/// budget proposals and a budget vote - saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout65.tsv`: 23 stated relations, all holding; no real
/// contradiction, so no `missed` line).
#[test]
fn sixty_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout65",
        "tests/fixtures/real/heldout65",
        22,
        "tests/expectations/realheldout65.tsv",
    );
}

/// The sixty-sixth held-out set (`tests/fixtures/real/heldout66/`): 20 excerpts of Swedish
/// föreningar and samfälligheter of the kind a kommun supports, on their own economy, in no
/// earlier set - Kungsdalen's samfällighetsförening's resultaträkning with budget, Viltpasset's and
/// Rydebäck's samfällighetsavgifter per item, Långviken's and Rutsberg's vägföreningar, the
/// verksamhetsberättelser and årsmötesprotokoll of bygdegårds-, bystuge- and hembygdsföreningar
/// (Hällan, Ovanmyra, Näshult, Öre, Hörneå), Friskis&Svettis Stockholm, Storebro IF, Stora Höga
/// Ridklubb, ABF Halland, Gotlands Fornvänner, Liv i Sverige's internrevisor and NWT on Ölserud's
/// investeringsbidrag - saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout66.tsv`: 61 stated relations, 1 real contradiction - a
/// quarterly samfällighetsavgift of 3783 kr whose items add up to 3773 - listed as 1 `missed`
/// line).
#[test]
fn sixty_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout66",
        "tests/fixtures/real/heldout66",
        20,
        "tests/expectations/realheldout66.tsv",
    );
}

/// The sixty-seventh held-out set (`tests/fixtures/real/heldout67/`): 21 excerpts of Swedish
/// kommuner's and regioner's own web pages explaining their economy to residents, every URL in no
/// earlier set - hundralapp and "så används dina skattepengar" pages (Karlskoga, Helsingborg, Region
/// Halland), Växjö's kommunalskatt, budget news with nämndernas ramar or budget shares (Sundbyberg,
/// Bengtsfors), bokslut, årsredovisning and delårsrapport news (Danderyd, Tomelilla, Malmö, Mellerud,
/// Härnösand, Tingsryd, Örnsköldsvik, Region Halland) and taxor pages saying how much a fee rises
/// (Gnesta, AMAQ, Vingåker, Tidaholm), 17 bodies - saved before justera was run on them and
/// recomputed by hand (`tests/expectations/realheldout67.tsv`: 37 stated relations, 1 real
/// contradiction - Gnesta's renhållningstaxa row 663 -> 776 kronor against the stated 15,6 procent -
/// listed as 1 `missed` line; Helsingborg's hundralapp list adding up to 84,44 is described there as
/// an extraction loss, not counted).
#[test]
fn sixty_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout67",
        "tests/fixtures/real/heldout67",
        21,
        "tests/expectations/realheldout67.tsv",
    );
}

/// The sixty-eighth held-out set (`tests/fixtures/real/heldout68/`): 21 excerpts of Swedish
/// sammanträdesprotokoll, protokollsutdrag and a kallelse of kommunfullmäktige, kommunstyrelse,
/// its utskott and nämnder (Söderhamn, Eksjö, Högsby, Tyresö, Sunne, Åtvidaberg, Vallentuna,
/// Malung-Sälen, Bjuv, Hallsberg, Sollefteå, Ljusdal, Ale, Gotland, Tjörn, Botkyrka, Robertsfors)
/// and a party page on Emmaboda's fullmäktige omröstning - headers with paragrafer, justering and
/// anslag, närvaro- and omröstningslistor, innehållsförteckningar, tilläggsanslag - saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout68.tsv`: 74
/// stated relations - § sequences, justering and anslag dates, weekdays, a party's 21 ordinarie,
/// vote counts by party - all holding; no real contradiction, so no `missed` line).
#[test]
fn sixty_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout68",
        "tests/fixtures/real/heldout68",
        21,
        "tests/expectations/realheldout68.tsv",
    );
}

/// The sixty-ninth held-out set (`tests/fixtures/real/heldout69/`): 21 excerpts of Swedish
/// nämnders sammanträdesprotokoll and protokollsutdrag (socialnämnd, barn- och utbildningsnämnd,
/// utbildningsnämnd, byggnadsnämnd, bygg- och miljönämnd, miljönämnd, tekniska nämnden, teknik-
/// och servicenämnd, kultur- och fritidsnämnd, valnämnd, KS arbetsutskott) of Eskilstuna,
/// Hässleholm, Borås, Oskarshamn, Alingsås, Linköping, Laholm, Växjö, Tyresö, Sollentuna,
/// Hultsfred, Mark, Strängnäs, Norrtälje, Mellerud, Halmstad and Stockholm - headers with
/// paragrafer, justering and anslag, ärendelistor, närvarolistor, a budgetavvikelse and a taxa's
/// höjning in percent - saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout69.tsv`: 50 stated relations - § and ärende sequences,
/// justering and anslag dates, weekdays, a difference, a prose restatement, a percent - all
/// holding; no real contradiction, so no `missed` line).
#[test]
fn sixty_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout69",
        "tests/fixtures/real/heldout69",
        21,
        "tests/expectations/realheldout69.tsv",
    );
}

/// The seventieth held-out set (`tests/fixtures/real/heldout70/`): 18 excerpts of Swedish
/// tjänsteskrivelser and beslutsunderlag of kommuner and regioner and pages restating them
/// (Luleå, Gotland, Karlskoga, Tyresö, Skövde, Kungälv, Malmö, Götene Vatten & Värme, Trosa,
/// Region Jämtland Härjedalen, Västra Götalandsregionen, Lerum, Botkyrka, Falköping, Upplands
/// Väsby, Nykvarn, Skurup) - tilläggsanslag and tilläggsbudget, investeringsmedel, prognoser,
/// taxejusteringar, borgen, köp and försäljning of fastigheter - saved before justera was run on
/// them and recomputed by hand (`tests/expectations/realheldout70.tsv`: 51 stated relations,
/// 50 holding; 1 real contradiction - Kungälv's VA-taxa "höjning med 5 716 kronor och cirka 6
/// procent" on 85 733 kronor, 7,1 % - listed as `missed`).
#[test]
fn seventieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout70",
        "tests/fixtures/real/heldout70",
        18,
        "tests/expectations/realheldout70.tsv",
    );
}

/// The seventy-second held-out set (`tests/fixtures/real/heldout72/`): 19 excerpts of Swedish
/// kommuners' kallelser, föredragningslistor and kungörelser of fullmäktige and nämnder and the
/// notices that stand for them (Staffanstorp, Ragunda, Ystad, Öckerö, Herrljunga, Markaryd,
/// Lerum, Malmö, Sunne, Finspång, Enköping, Kungsbacka, Västervik, a Servicenämnd), and bidrag
/// listed per mottagare (Bergs kommun's bygdemedel, Degerfors, Lidköping, Arvika) - saved before
/// justera was run on them and recomputed by hand (`tests/expectations/realheldout72.tsv`: 49
/// stated relations - weekdays against dates, dates against each other, numbering in sequence,
/// column sums, prose restatements - 48 holding; 1 real contradiction - Berg's bygdemedel 2011,
/// Fördelat 2011 summing to 1 509 701 but printed 1 529 701 - listed as `missed`).
#[test]
fn seventy_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout72",
        "tests/fixtures/real/heldout72",
        19,
        "tests/expectations/realheldout72.tsv",
    );
}

/// The seventy-first held-out set (`tests/fixtures/real/heldout71/`): 19 excerpts of Swedish
/// regioners', landstings' and kommunalförbunds sammanträdesprotokoll, protokollsutdrag and
/// meeting pages (regionfullmäktige, landstingsfullmäktige, regionstyrelse, hälso- och
/// sjukvårdsnämnd, patientnämnd, förbundsdirektioner) of Västra Götalandsregionen, Region
/// Jämtland Härjedalen, Region Örebro län, Medelpads Räddningstjänstförbund, Region Gotland,
/// Region Jönköpings län, Stockholms läns landsting, Region Västmanland, Region Västerbotten,
/// Kollektivtrafikmyndigheten i Västernorrlands län, Sjuhärads kommunalförbund, Räddningstjänsten
/// Östra Skaraborg and Region Norrbotten - headers with paragrafer and justering, voteringar with
/// their counts, budgetavvikelser - saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout71.tsv`: 26 stated relations - § sequences, justering dates,
/// weekdays, vote results against counts, a difference, prose restatements - all holding; no
/// real contradiction, so no `missed` line).
#[test]
fn seventy_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout71",
        "tests/fixtures/real/heldout71",
        19,
        "tests/expectations/realheldout71.tsv",
    );
}

/// The seventy-third held-out set (`tests/fixtures/real/heldout73/`): 8 excerpts of Swedish
/// kommuners' årsredovisningar and delårsrapporter (Sjöbo 2020 and 2021, Värmdö 2014, Vansbro
/// 2017, Luleå 2017, Kalmar 2020, Malmö's delårsrapporter 2013 and 2016) - resultaträkningar with
/// balanskravsutredning, a kassaflödesanalys, and förvaltningsberättelse paragraphs restating
/// results against budget and prior year - saved before justera was run on them and recomputed
/// by hand (`tests/expectations/realheldout73.tsv`: 83 stated relations, all holding; no real
/// contradiction, so no `missed` line).
#[test]
fn seventy_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout73",
        "tests/fixtures/real/heldout73",
        8,
        "tests/expectations/realheldout73.tsv",
    );
}

/// The seventy-fourth held-out set (`tests/fixtures/real/heldout74/`): 12 excerpts of Swedish
/// kommunala bolag's and kommunalförbund's figures (LKF Luleå Kommunfastighets AB, Stockholms
/// Hamn AB, Räddningstjänsten Västra Blekinge, AB Sjöbohem, Halmstads Flygplats AB, AB
/// Gavlegårdarna, AB Stångåstaden, Sollentuna Energi & Miljö AB, Skellefteå Kraft AB, Karlshamns
/// Hamn AB) - femårsöversikter with nyckeltal, a resultaträkning with glued columns, förändring av
/// eget kapital, delårs- and tertialrapporters' sammandrag, medlemsandelar, news items restating a
/// bolag's figures - saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout74.tsv`: 48 stated relations - sums, differences, percents
/// whose both terms are printed, prose restatements - all holding; no real contradiction, so no
/// `missed` line).
#[test]
fn seventy_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout74",
        "tests/fixtures/real/heldout74",
        12,
        "tests/expectations/realheldout74.tsv",
    );
}

/// The seventy-fifth held-out set (`tests/fixtures/real/heldout75/`): 17 excerpts of the prose of
/// Swedish kommuners' and regioners' förvaltningsberättelser, delårsrapporter, uppföljnings- and
/// månadsrapporter and bokslut news (16 bodies: Sollentuna, Katrineholm, Grästorp, Ljungby,
/// Vetlanda, Region Halland, Malung-Sälen, Örnsköldsvik, Leksand, Kungälv, Vadstena, Sjöbo,
/// Munkedal, Höör, Arvika, Mora) - årets resultat against budget, balanskravsresultat, soliditet,
/// and one delårsrapport's noter table - saved before justera was run on them and recomputed by
/// hand (`tests/expectations/realheldout75.tsv`: 37 stated relations, 2 real contradictions listed
/// as `missed` - Katrineholm's utgående eget kapital 2 tkr off its sum and Munkedal's eget kapital
/// förstärks med 4,4 and 9,9 procent on one page).
#[test]
fn seventy_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout75",
        "tests/fixtures/real/heldout75",
        17,
        "tests/expectations/realheldout75.tsv",
    );
}

/// The seventy-sixth held-out set (`tests/fixtures/real/heldout76/`): 22 excerpts of 16 Swedish
/// kommuner (Sjöbo, Håbo, Enköping, Vänersborg, Ljungby, Lund, Umeå, Sigtuna, Munkedal, Härnösand,
/// Skellefteå, Tingsryd, Lomma, Torsås, Kristianstad, Östersund) on mål och budget, budgetramar and
/// ekonomisk plan - three resultatbudgetar with plan years, a budget page's förändringar, kommunens
/// budget news, local papers and party pages on budgetförslag, skattesats and the fullmäktige vote -
/// saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout76.tsv`: 106 stated relations - resultatbudget sums and
/// balanskrav lines, a difference, vote and party counts, prose restatements - all holding; no real
/// contradiction, so no `missed` line).
#[test]
fn seventy_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout76",
        "tests/fixtures/real/heldout76",
        22,
        "tests/expectations/realheldout76.tsv",
    );
}

/// The seventy-seventh held-out set (`tests/fixtures/real/heldout77/`): 20 excerpts of 18 Swedish
/// kommuner (Karlsborg, Falkenberg, Tyresö, Solna, Malmö, Enköping, Håbo, Flen, Vimmerby, Ydre,
/// Ovanåker, Tibro, Örnsköldsvik, Nyköping, Tranås, Lomma, Örebro, Vaggeryd) on delårsrapporter,
/// tertial-, månads- and budgetuppföljningar - the kommun's summary pages and tjänsteskrivelser,
/// its delår news and local papers restating the prognos against budget per nämnd and in total -
/// saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout77.tsv`: 25 stated relations - prognos minus budget or previous
/// year, sums of the avvikelse's parts, a mandate total, prose restatements - 1 real contradiction
/// listed as `missed`: Håbo's VA och avfall "underskott med tillsammans 200 000" whose parts, a VA
/// överskott of 1,3 and an avfall underskott of 1,1 miljoner, make a surplus).
#[test]
fn seventy_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout77",
        "tests/fixtures/real/heldout77",
        20,
        "tests/expectations/realheldout77.tsv",
    );
}

/// The seventy-eighth held-out set (`tests/fixtures/real/heldout78/`): 24 excerpts of 16 Swedish
/// regioner and landsting (Kalmar, Norrbotten, Västmanland, Västernorrland, Blekinge, Jämtland
/// Härjedalen, Jönköping, Gävleborg, Östergötland, Örebro, Sörmland, Dalarna, Kronoberg,
/// Västerbotten, Uppsala, Skåne) on their bokslut, årsredovisningar and delårsrapporter - the
/// regions' own news pages and pressmeddelanden, a landstingsstyrelse paragraph with its
/// statsbidrag transfers, a regionstyrelse agenda item, a delårsrapport's first page, a page of
/// shares of intäkter and kostnader, and local papers and Sveriges Radio restating them - saved
/// before justera was run on them and recomputed by hand (`tests/expectations/realheldout78.tsv`:
/// 30 stated relations - result against budget, sums of transfers and shares, a percent change
/// with both terms printed, prose restatements - all holding; no real contradiction, so no
/// `missed` line).
#[test]
fn seventy_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout78",
        "tests/fixtures/real/heldout78",
        24,
        "tests/expectations/realheldout78.tsv",
    );
}

/// The seventy-ninth held-out set (`tests/fixtures/real/heldout79/`): 20 excerpts of 17 bodies
/// (Luleå, Olofströms Kraft, Hammarö, Värnamo, Halmstad, Göteborg, Höganäs, Uppvidinge, Munkedal,
/// Härnösand, an unnamed kommunstyrelse, Skellefteå, Karlstad, Landskrona, Åmål/Bengtsfors,
/// Kristianstad, the Delegationen för kommunal ekonomi i balans) on beslut that carry figures -
/// tilläggsbudget and ombudgetering with att-satser, fördelning of projektstöd, föreningsbidrag and
/// extra medel, a protokollsutdrag, nämndernas ramar, an investering with delbelopp, taxor with
/// before/after and percent - saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout79.tsv`: 37 stated relations - sums against a Summa or total,
/// a difference, per month/per year restatements, percent raises, prose restating a Summa - all
/// holding; no real contradiction, so no `missed` line).
#[test]
fn seventy_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout79",
        "tests/fixtures/real/heldout79",
        20,
        "tests/expectations/realheldout79.tsv",
    );
}

/// The eightieth held-out set (`tests/fixtures/real/heldout80/`): 18 excerpts of Swedish (and two
/// Nordic) kommunala bolag and kommunalförbund on their own results - hamnbolag, energibolag,
/// bostadsbolag, a fastighetsbolag, two räddningstjänstförbund and a samordningsförbund: a
/// resultaträkning, a delårsrapport and a delårsbokslut notice, and local papers, Sjöfartstidningen
/// and Sveriges Radio restating bokslut and medlemsavgifter - saved before justera was run on them
/// and recomputed by hand (`tests/expectations/realheldout80.tsv`: 37 stated relations -
/// resultaträkning sums, a "hänförligt till" split, differences, percent changes with both terms,
/// prose restatements - of which 2 fail, two real contradictions: Helsingborgs Hamn's "ökning med
/// 27 procent" from 7,9 to 8,1 miljoner ton, and Luleå Energi's 2016 result split 78 605 + 506
/// against 78 605).
#[test]
fn eightieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout80",
        "tests/fixtures/real/heldout80",
        18,
        "tests/expectations/realheldout80.tsv",
    );
}

/// The eighty-first held-out set (`tests/fixtures/real/heldout81/`): 13 excerpts of Swedish kommuners'
/// årsredovisningar (Vårgårda 2023, Vansbro 2022 and 2023, Burlöv 2022, Älvsbyn 2019 and 2021,
/// Grästorp 2018) and two near neighbours (Sjöbo's budget 2021 noter, Malmö's bokslutskommuniké 2018
/// news): noter with Summa rows, a balansräkning, a resultaträkning with kassaflödesanalys, a
/// driftredovisning and an investeringsredovisning with budget and avvikelse, sektorernas resultat,
/// an översikt and förvaltningsberättelse prose - saved before justera was run on them and recomputed
/// by hand (`tests/expectations/realheldout81.tsv`: 356 stated relations, of which 2 fail, two real
/// contradictions: Vårgårda's kommun 2023 materiella anläggningstillgångar 907,5 against its varav
/// rows 907,2, and its 2020 invånare 11 946 against the age groups' 11 942).
#[test]
fn eighty_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout81",
        "tests/fixtures/real/heldout81",
        13,
        "tests/expectations/realheldout81.tsv",
    );
}

/// The eighty-second held-out set (`tests/fixtures/real/heldout82/`): 19 excerpts from 17 Swedish
/// kommuner on kommunfullmäktige and kommunstyrelse beslut about budget, ramar, tilläggsanslag and
/// investeringar, with omröstningar - an Insyn Sverige rendering of a KF §, a tjänsteskrivelse with
/// att-satser, the kommuns' own "beslutat av kommunfullmäktige" news with a nyckeltal box, local
/// papers and party or councillor blogs reporting voteringar - saved before justera was run on them
/// and recomputed by hand (`tests/expectations/realheldout82.tsv`: 19 stated relations - tilläggsanslag
/// and omdisponeringar against their parts, a three-year sum against "sammanlagt 2,7 miljarder",
/// a percent rise with both terms, vote counts against the seats printed, prose restatements - all
/// holding; no real contradiction, so no `missed` line).
#[test]
fn eighty_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout82",
        "tests/fixtures/real/heldout82",
        19,
        "tests/expectations/realheldout82.tsv",
    );
}

/// The eighty-third held-out set (`tests/fixtures/real/heldout83/`): 16 excerpts of Swedish nämnders
/// and förvaltningars verksamhetsberättelser, bokslut, delårs- and månadsrapporter and the local press
/// restating them (Upplands Väsby, Sundsvall, Vimmerby, Enköping, Malmö, Skara, Tibro, Falköping and
/// five nämnder the excerpts do not name) - a teknik- och servicenämnd's driftredovisning per
/// verksamhet for two years, a kulturnämnd's månadsrapport with avvikelser and prose restating them,
/// a social- och äldrenämnd's resultat per verksamhet, a tekniska nämnd's driftbudget, a
/// personalredovisning on sjukfrånvaro, socialnämnd, barn- och utbildningsnämnd and kultur- och
/// fritidsnämnd results and nyckeltal in the press - saved before justera was run on them and
/// recomputed by hand (`tests/expectations/realheldout83.tsv`: 261 stated relations - Avvikelse =
/// Utfall - Budget, component sums against Nettokostnad and Summa, Resultat = intäkter - kostnader,
/// differences in procentenheter, prose restatements - all holding; no real contradiction, so no
/// `missed` line).
#[test]
fn eighty_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout83",
        "tests/fixtures/real/heldout83",
        16,
        "tests/expectations/realheldout83.tsv",
    );
}

/// The eighty-fourth held-out set (`tests/fixtures/real/heldout84/`): 19 excerpts of 15 Swedish
/// kyrkliga enheter, stiftelser, ideella föreningar and state agencies (Riddarhuset, Crafoordska
/// stiftelsen, Kungl. Patriotiska Sällskapets Understödsfond, Skara and Växjö stift, Svenska kyrkan
/// Malmö, Göteborg and Håbo pastorat, Svenska kyrkans nationella nivå, the stifts'
/// prästlönetillgångar, Equmeniakyrkan, FRA, Kammarkollegiet, Försvarshögskolan, Svenska
/// Fotbollförbundet) on their own money - prästlönetillgångarnas utdelning, results against budget,
/// stipendier and anslag dealt out, regleringsbrev anslag tables, föreningarnas ekonomi - saved
/// before justera was run on them and recomputed by hand (`tests/expectations/realheldout84.tsv`:
/// 49 stated relations - sums of anslag, avgifter and låneram, percent changes with both terms,
/// utbetalningsplan sums, count splits, prose restatements - of which 2 fail, one a real
/// contradiction: the Superettan clubs' intäkter 343 -> 381 mkr "ökade med ca 14 procent"; FRA's
/// anslag +14,5 % for 2009 is off the printed figures but its base is not sure).
#[test]
fn eighty_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout84",
        "tests/fixtures/real/heldout84",
        19,
        "tests/expectations/realheldout84.tsv",
    );
}

/// The eighty-fifth held-out set (`tests/fixtures/real/heldout85/`): 20 excerpts of 10
/// Swedish-language kommuner, regioner and statistics bodies' key-figure and befolkning pages
/// (Malmö's befolkningsprognos table, Håbo's folkmängd 2023, Luleå's invånare by kön, RegionFakta's
/// landstingens investeringar per invånare, Stockholms stad statistik's folkmängd by ålder and kön,
/// Olofström's statistik page, ÅSUB's befolkningsrörelse notices, Landstingsförbundet's
/// sjukvårdskostnad per invånare, Österbottens förbund's and Kyrkslätt's befolkning notes) saved
/// before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout85.tsv`: 101 stated relations - age bands and kön against
/// totals, differences, shares of 100 %, födda minus döda, folkökning by component and region -
/// of which 1 fails, a real contradiction: Olofström's kommunägd mark 2.140,8 ha whose varav land
/// uses add up to 2.287,4 ha; RegionFakta's Totalt columns, not the sum of the columns before them
/// in many rows, are left uncounted as their definition is not sure).
#[test]
fn eighty_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout85",
        "tests/fixtures/real/heldout85",
        20,
        "tests/expectations/realheldout85.tsv",
    );
}

/// The eighty-sixth held-out set (`tests/fixtures/real/heldout86/`): 24 excerpts of Swedish
/// skolpeng and per-elev/per-barn costs and socialtjänst/äldreomsorg cost and volume tables (SCB's
/// vård och omsorg costs, Stockholms stad's äldreomsorg statistics, Stockholm's grundschablon,
/// Regionfakta's per-län tables of grundskola, förskola, äldreomsorg and ekonomiskt bistånd, SKL/SKR
/// texts on hemtjänst ersättning and äldreomsorgens kostnader, Vaxholm, Falkenberg and news items)
/// from 11 bodies, saved before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout86.tsv`): 344 stated relations - totals against parts, percents
/// and per-unit figures against printed terms, indices, nuläge tables against their series, prose
/// restatements - all of which hold; no real contradiction.
#[test]
fn eighty_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout86",
        "tests/fixtures/real/heldout86",
        24,
        "tests/expectations/realheldout86.tsv",
    );
}

/// The eighty-seventh held-out set (`tests/fixtures/real/heldout87/`): 20 excerpts of Norwegian
/// kommuner and fylkeskommuner on their own budgets and accounts (Stavanger, Sandnes, Giske,
/// Kristiansund, Kvam, Verdal, Fredrikstad; Møre og Romsdal, Sogn og Fjordane and Hordaland
/// fylkeskommune): budsjettskjema and regnskapsskjema 1A, 1B and 2A, a bevilgningsoversikt drift,
/// løyvingsoversikt drift B, an investeringsregnskap with budsjettavvik, an økonomisk oversikt
/// drift with an endring column and glued note numbers, KOSTRA shares, and the prose restating
/// them, saved untouched before they were analysed. 391 stated relations, all holding within
/// rounding; no real contradiction (`tests/expectations/realheldout87.tsv`).
#[test]
fn eighty_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout87",
        "tests/fixtures/real/heldout87",
        20,
        "tests/expectations/realheldout87.tsv",
    );
}

/// The eighty-eighth held-out set (`tests/fixtures/real/heldout88/`): 22 excerpts of Danish
/// kommuner and one region on their budgets, regnskaber and takster (Læsø, Fanø, Ærø, Kalundborg,
/// Egedal, Odsherred, Skive's KommuneGuiden tables, København, Ishøj, Herning, Slagelse, Randers,
/// Høje-Taastrup's renovation takstblad, Region Midtjylland's takster and one unnamed kommune's
/// budget beretning), saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout88.tsv`: 60 stated relations - +/- differences and i alt rows,
/// grundgebyr sums, hvoraf parts, prose restatements - all of which hold; no real contradiction).
#[test]
fn eighty_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout88",
        "tests/fixtures/real/heldout88",
        22,
        "tests/expectations/realheldout88.tsv",
    );
}

/// The eighty-ninth held-out set (`tests/fixtures/real/heldout89/`): 16 excerpts of Swedish
/// kommuners' investeringsredovisning and the prose restating investment budgets and outcomes
/// (Malmö's and Stockholm's web annual reports, LKF's notes on byggnader and inventarier, Hagfors'
/// project report, Håbo's simhall news, and local news on project budgets against outcomes in
/// Skellefteå, Ljungby, Skara, Tyresö, Ekerö, Hörby, Varberg and Stockholm's Farsta simhall),
/// saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout89.tsv`: 42 stated relations - IB/UB chains, sums and
/// differences, shares of 100 %, prose restatements - all of which hold; no real contradiction).
#[test]
fn eighty_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout89",
        "tests/fixtures/real/heldout89",
        16,
        "tests/expectations/realheldout89.tsv",
    );
}

/// The ninetieth held-out set (`tests/fixtures/real/heldout90/`): 11 excerpts of Swedish
/// kommuners' and regioners' personalredovisning (Malmö stad's Personalredovisning 2011, 2012,
/// 2013 and 2015 and a lönestatistik table by yrkesgrupp and kön, Tranemo's Personalredovisning
/// 2008, Haninge's Personalstatistik 2009, Lund's Personalredovisning 2021 and personalfakta
/// 2015, Regionfakta's läkare per region 2017 and 2019), saved before justera was run on them and
/// recomputed by hand (`tests/expectations/realheldout90.tsv`: 68 stated relations - Totalt =
/// Kvinna + Man, Kv. lön percentages, column sums, årsarbetare per 1000 invånare, shares of
/// 100 %, prose restatements - of which one fails: Malmö 2012's 6 210 of 21 165 printed 29,4 %).
#[test]
fn ninetieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout90",
        "tests/fixtures/real/heldout90",
        11,
        "tests/expectations/realheldout90.tsv",
    );
}

/// The ninety-first held-out set (`tests/fixtures/real/heldout91/`): 13 excerpts of Finnish
/// kunnat and their lautakunnat on talousarvio, tilinpäätös and talousarvion toteutuma, in
/// Finnish (Helsinki's talousarvio tables 2022 and 2023, Lappeenranta's tunnusluvut, cloudnc
/// pöytäkirjat of Puumala, Pori, Muonio, Rautalampi, Mäntyharju and Hämeenkyrö, Turku's
/// liikuntalautakunta, Lestijärvi's valtuusto, news pages of Kristiinankaupunki and Jyväskylä),
/// saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout91.tsv`: 99 stated relations - netto and kate differences,
/// yhteensä rows, muutos-% and toteuma-% columns, per-asukas figures, prose restatements - of
/// which 97 hold; 2 real contradictions: Puumala's toimintakulut "(7,5 %)" that is 5,96 %, and
/// Lappeenranta's lainat 2 603,2 euroa/asukas against 190,18 M / 73 016 = 2 604,6).
#[test]
fn ninety_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout91",
        "tests/fixtures/real/heldout91",
        13,
        "tests/expectations/realheldout91.tsv",
    );
}

/// The ninety-second held-out set (`tests/fixtures/real/heldout92/`): 20 excerpts of Swedish
/// val results and mandatfördelning (Valmyndighetens valpresentation for Sala, Skara, Ydre and
/// valdistrikt or onsdagsdistrikt of Filipstad, Hässleholm, Östra Göinge, Södertälje, Vänersborg,
/// Fagersta, Falköping, Järfälla, Trollhättan and Östersund; the kommunes' own pages of Ljungby,
/// Luleå, Strängnäs, Upplands-Bro and Munkfors; Region Stockholm on SVT Text and Västra
/// Götalandsregionen on Sveriges Radio), saved before justera was run on them and recomputed by
/// hand (`tests/expectations/realheldout92.tsv`: 666 stated relations - party votes against
/// giltiga röster, +/- columns, shares, valdeltagande, mandat against the total, prose
/// restatements - of which one fails: one real contradiction, Strängnäs's valdeltagande 2014).
#[test]
fn ninety_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout92",
        "tests/fixtures/real/heldout92",
        20,
        "tests/expectations/realheldout92.tsv",
    );
}

/// The ninety-third held-out set (`tests/fixtures/real/heldout93/`): 5 excerpts of Swedish
/// "hundralapp" and "skattepengar" pages (Hultsfred's "Var kommer kommunens pengar ifrån?" 2012
/// with its notes, Vaggeryd's hundralapp 2019 on Skillingaryd.nu, Åmål's hundralapp 2022,
/// Landstinget Blekinge's "Så här används landstingsskatten" 2012, Torsås's "Så användes dina
/// skattepengar 2013"), saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout93.tsv`: 19 stated relations - parts of 100 kronor or 100 %,
/// note sums, shares against printed mnkr, per-invånare totals - all holding; no real
/// contradiction).
#[test]
fn ninety_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout93",
        "tests/fixtures/real/heldout93",
        5,
        "tests/expectations/realheldout93.tsv",
    );
}

/// The ninety-fourth held-out set (`tests/fixtures/real/heldout94/`): 18 excerpts of Swedish
/// hyresförhandlingar and bostadsbolagens hyreshöjningar (Jokkmokkshus, Pitebo, Bodenbo,
/// Matarengihem and Överkalixbostäder in Kuriren, Nyköpingshem, Upplands-Brohus, AB Bostaden i
/// Umeå, Fristadbostäder, Olofströmshus, the Stockholm bolag's HMK decision 2023,
/// Hyresgästföreningen's pages, SCB's hyresstatistik restated by the news, SR, SVT Text, TT),
/// saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realheldout94.tsv`: 31 stated relations - percent of a rent, kr per kvm
/// times area over 12 months, differences, prose restating tables - of which one fails: one real
/// contradiction, Jokkmokkshus's monthly rent for 75 kvm, 5 625 for 5 625,63).
#[test]
fn ninety_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout94",
        "tests/fixtures/real/heldout94",
        18,
        "tests/expectations/realheldout94.tsv",
    );
}

/// The ninety-fifth held-out set (`tests/fixtures/real/heldout95/`): 18 excerpts of Swedish
/// patientavgifter, högkostnadsskydd, sjukresor and färdtjänst taxor and kommunal äldreomsorg
/// avgifter (Länstrafiken's egenavgifter 2024, Region Gotland and Region Kalmar län on
/// högkostnadsskyddet, Göteborgs Stad's färdtjänst taxa and månadskort, Nordmaling's färdtjänst
/// taxa in two stored versions, Kinda and Norrköping on raised färdtjänst fees, maxtaxa and
/// hemtjänst pages of Mönsterås, Håbo, Sollentuna, Enköping, Knivsta and Karlskoga, trygghetslarm
/// raises in Kristinehamn and Helsingborg), saved untouched before they were analysed and
/// recomputed by hand (`tests/expectations/realheldout95.tsv`: 64 stated relations - before/after
/// differences, percent raises, a påslag of 18 kronor per row, maxtaxa restated in prose - of
/// which 63 hold; 1 real contradiction: Nordmaling's vuxen egenavgift 213 for 68-75 km against
/// Länstrafikens taxa 122 plus the påslag 18 = 140).
#[test]
fn ninety_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout95",
        "tests/fixtures/real/heldout95",
        18,
        "tests/expectations/realheldout95.tsv",
    );
}

/// The ninety-sixth held-out set (`tests/fixtures/real/heldout96/`): 20 excerpts on Swedish
/// kommunalskatt and regionskatt (Uppvidinge's and Falkenberg's own pages, SKR's and SCB's
/// notices of the year's skattesatser, national news items giving averages, höjningar and
/// sänkningar in öre and procentenheter and kommun + region = total, a table of landstingsskatt
/// per landsting, calculator pages of skattesatser per kommun), saved untouched before they were
/// analysed and recomputed by hand (`tests/expectations/realheldout96.tsv`: 44 stated relations,
/// kommun + region = total rows, changes in öre, shares of the rise, counts of named
/// kommuner, prose restating a table, of which 42 hold; 2 real contradictions: the
/// statsskuld.se pages on Munkedal (34.86 for 35.14) and Västervik (33.02 for 33.30) give a
/// total without the begravningsavgift they list as one of its components).
#[test]
fn ninety_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout96",
        "tests/fixtures/real/heldout96",
        20,
        "tests/expectations/realheldout96.tsv",
    );
}

/// The ninety-seventh held-out set (`tests/fixtures/real/heldout97/`): 16 excerpts of Swedish avfall
/// and VA statistics (Avfallshantering Östra Skaraborg's kg per invånare table, UMEVA's Fakta om
/// avfall 2016 in ton and kg per invånare, plockanalyser of Sollentuna Energi, AMAQ, Vatten och
/// miljöresurs, Robertsfors, LAVAB and Avfall Sverige, Arvika's avfallsplan and Avfall Sverige's
/// andel per behandlingsmetod, Vafab Miljö's ägarandelar, Nils Holgersson's avfall chapters 2020
/// and 2023, SSTT on Svenskt Vatten's utläckage), saved untouched before they were analysed and
/// recomputed by hand (`tests/expectations/realheldout97.tsv`: 68 stated relations - Summa rows,
/// shares of 100 %, percent of a printed total, ton per invånare, comparisons in words - of which
/// 67 hold; 1 real contradiction, in words and with no wrong figure, so no `missed` line: Nils
/// Holgersson 2023 calls Älvdalen's 277 kr/månad "mer än dubbelt" the medel of 150).
#[test]
fn ninety_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout97",
        "tests/fixtures/real/heldout97",
        16,
        "tests/expectations/realheldout97.tsv",
    );
}

/// The ninety-eighth held-out set (`tests/fixtures/real/heldout98/`): 16 excerpts of Swedish
/// kommuners' klimat- and energistrategier, energiplaner, energibalanser, klimatredovisningar and
/// miljöbarometer pages (Ydre, Kävlinge, Skövde, Luleå, Växjö, Arjeplog, Linköping, Huddinge,
/// Uddevalla, Sollentuna, Karlstad and the five kommuner of Miljösamverkan östra Skaraborg):
/// emissions and energy use per sector with totals and shares, percent cuts against a base year,
/// and the prose restating them, saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout98.tsv`: 37 stated relations, of which 36 hold; 1 real
/// contradiction: Linköping's transport emissions "minskade med 40 procent ... från 279 kg till
/// cirka 160 kg per anställd", a cut of 42.65 %).
#[test]
fn ninety_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout98",
        "tests/fixtures/real/heldout98",
        16,
        "tests/expectations/realheldout98.tsv",
    );
}

/// The ninety-ninth held-out set (`tests/fixtures/real/heldout99/`): 21 excerpts on Swedish
/// kommuners' föreningsbidrag, bygdemedel and stipendier (Rättvik's bygdepeng tables with
/// Ansökt, Beviljat and Totalsumma, Berg's and Härjedalen's fördelade bygdemedel, Kristianstad's
/// landsbygdsfond grants, Arvika's, Borgholm's, Umeå's and Sundsvall's föreningsbidrag decisions,
/// Malmö's and Vingåker's stipendier), saved untouched before they were analysed and recomputed
/// by hand (`tests/expectations/realheldout99.tsv`: 48 stated relations - column sums against
/// the printed totals, counts of listed grants, budget minus beviljat, prose restating a total -
/// of which 47 hold; 1 real contradiction: Rättvik's bygdepeng 2023 lede gives the ansökningar as
/// totalt 597 500 kronor where the table's Ansökt column and its Totalsumma are 597 390).
#[test]
fn ninety_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout99",
        "tests/fixtures/real/heldout99",
        21,
        "tests/expectations/realheldout99.tsv",
    );
}

/// The hundredth held-out set (`tests/fixtures/real/heldout100/`): 20 excerpts of Swedish school
/// statistics and quality reporting (Skolverket's SIRIS tables of slutbetyg 2017/18 per län and of
/// gymnasieskolans elevstatistik 2016/17, Skolverket's statistiknyhet and pressmeddelanden on
/// behörighet 2017-2024, a kvalitetsredovisning of Hässelby Villastads skola, Nyköping's
/// gymnasiebehörighet news, ÅSUB's grundskolan hösten 2003 and 2004, Friskolornas riksförbund's
/// elever per län, Mitt i on Sundbyberg's meritvärden and on the gymnasieantagning in Stockholms
/// län, Västerås Hållbarometern, Vårt Göteborg and Storsthlm on gymnasieantagningen, Glunten's
/// elever per årskurs), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout100.tsv`: 151 stated relations - row and column sums, shares
/// of a total, differences in procentenheter and meritpoäng, prose restating figures - of which
/// 149 hold; 2 real contradictions: Mitt i's Sundbyberg meritvärde gap 24,9 for 228,9 - 204,6 =
/// 24,3, and Mitt i's 178 gymnasieskolor for 57 kommunala + 111 privata = 168).
#[test]
fn hundredth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout100",
        "tests/fixtures/real/heldout100",
        20,
        "tests/expectations/realheldout100.tsv",
    );
}

/// The hundred-and-first held-out set (`tests/fixtures/real/heldout101/`): 22 excerpts on Swedish
/// kommuners' bostadsbyggande, bostadsbyggnadsprognoser and befolkning (Stockholms stads tables of
/// bostadsbyggande, bestånd and påbörjade per stadsdelsområde and upplåtelseform, Östersund's
/// befolkningsprognos per åldersgrupp, Boverket's prognos, SCB's påbörjade per region and folkmängd
/// per kommun, regionfakta's kommunala bostadsföretag in Uppsala län, Växjö, Luleå, Umeå and
/// Strängnäs pages and news restating such figures), saved untouched before they were analysed and
/// recomputed by hand (`tests/expectations/realheldout101.tsv`: 579 stated relations, of which 573
/// hold; 4 real contradictions: Stockholm's Inre staden (1 382 for 1 383) and Söderort (2 349 for
/// 2 348) flerbostadshus rows against their upplåtelseformer, Uppsala län's "18 procent" for
/// 18,6 %, and Heby's andel lediga 1 % for 0,47 %).
#[test]
fn hundred_and_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout101",
        "tests/fixtures/real/heldout101",
        22,
        "tests/expectations/realheldout101.tsv",
    );
}

/// The hundred-and-second held-out set (`tests/fixtures/real/heldout102/`): 16 excerpts of Swedish
/// kommuners' årsredovisningar, bokslut and delårsrapporter for 2021-2024 as published on the web
/// (Hallsberg's förvaltningsberättelse 2022 and 2023 on finansiellinfo.se, Lindesberg's
/// årsredovisning 2022 and 2023 pages, Nässjö's and Munkedal's summaries, Vansbro's
/// bokslutskommuniké 2022, Pajala's delårsrapport 2023, Mönsterås' årsredovisning page, Mora's,
/// Hultsfred's, Hällefors' and Kil's news on their bokslut, Piteå-Tidningen on Piteå's, Älvsbyn's
/// and Arjeplog's bokslut 2024), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout102.tsv`: 22 stated relations - resultat against budgeted
/// resultat and the stated avvikelse, a bolag's intäkter minus kostnader, an underskott plus a
/// budget reinforcement, shares of 100 %, prose restating a figure - of which 21 hold; 1 real
/// contradiction: Pajala's delårsrapport lede gives the helårsprognos as an underskott of 29,9
/// miljoner where the body gives the prognosticated result as -29,4 mkr, 29,9 being its distance
/// from budget).
#[test]
fn hundred_and_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout102",
        "tests/fixtures/real/heldout102",
        16,
        "tests/expectations/realheldout102.tsv",
    );
}

/// The hundred-and-third held-out set (`tests/fixtures/real/heldout103/`): 16 excerpts of Swedish
/// kommuners' and regioners' månadsrapporter, tertialrapporter, delårsrapporter with helårsprognos
/// and ekonomiska uppföljningar, and the prose restating the prognos (Landstinget Västmanland's
/// månadsrapport oktober 2014, Landstinget Dalarna's delårsrapporter april 2011 and augusti 2015,
/// Motala's prognos 3 2015, Nacka's tertialbokslut 2014, Region Uppsala's and Region Jämtland
/// Härjedalen's årsprognoser, Region Skåne's uppföljning juli 2019, Västra Götalandsregionen's
/// delårsrapport augusti 2012, Vårt Göteborg on Göteborgs Stad's uppföljningsrapporter 2010 and
/// 2012, Arvika's uppföljning mars 2024, Region Örebro län's delårsrapport juli 2021), saved
/// untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout103.tsv`: 17 stated relations - sums and differences of
/// prognos, budget and avvikelse, percents of printed totals, prose restating a figure - of which 16
/// hold; 1 real contradiction: Göteborgs Stad's 550 miljoner called "bara tre procent" of an
/// omsättning of 32 miljarder, which is 1,72 %).
#[test]
fn hundred_and_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout103",
        "tests/fixtures/real/heldout103",
        16,
        "tests/expectations/realheldout103.tsv",
    );
}

/// The hundred-and-fifth held-out set (`tests/fixtures/real/heldout105/`): 11 excerpts of Swedish
/// kommuners' financial analyses and restatements of their bokslut and låneskuld (Uppsala kommun's
/// finansiell analys 2016 and kommunstyrelsens ärenden on årsbokslut 2014 and årsredovisning 2015,
/// Skellefteå kommun's bokslut press releases 2016, 2018 and 2022, Östra Småland on Kalmar kommun's
/// låneskuld and Mörbylånga's skulder per invånare, and Kommuninvest's, Dagens PS's and Dagens Samhälle's
/// figures on the kommunsektor's låneskuld), saved untouched before they were analysed and recomputed by
/// hand (`tests/expectations/realheldout105.tsv`: 12 stated relations - differences, a koncern result
/// against its parts, percent increases against the printed totals, prose restating figures - of which
/// 11 hold; 1 real contradiction: Östra Småland's headline "Varje invånare är skyldig 48 000 kronor"
/// for the article's 48 655 kronor).
#[test]
fn hundred_and_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout105",
        "tests/fixtures/real/heldout105",
        11,
        "tests/expectations/realheldout105.tsv",
    );
}

/// The hundred-and-fourth held-out set (`tests/fixtures/real/heldout104/`): 16 excerpts of Swedish
/// kommunala bolag on their årsredovisningar and delårsrapporter (Luleå Energi's
/// koncernresultaträkning 2018, Tekniska verken's delårsrapporter januari-april 2011 and 2019 with
/// Förändring, marginaler and rullande 12 månader, Sundbybergs stadshus AB's koncernens ekonomi,
/// and the bolagens pressmeddelanden and local news on bokslut, delårsrapport, prognos and
/// utdelning: Jämtkraft, Tekniska verken, Mälarenergi, SEVAB, Stadsbacken, Göteborgs Hamn, Luleå
/// Hamn, Gävle Hamn), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout104.tsv`: 63 stated relations - resultaträkning sums,
/// differences and percent changes, margins, rullande 12 månader, prose restating figures - of
/// which 62 hold; 1 real contradiction: Mälarenergi's 2023 utdelning given as 145 miljoner as 50 %
/// of a nettobelopp of 292 miljoner, which is 146).
#[test]
fn hundred_and_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout104",
        "tests/fixtures/real/heldout104",
        16,
        "tests/expectations/realheldout104.tsv",
    );
}

/// The hundred-and-sixth held-out set (`tests/fixtures/real/heldout106/`): 15 excerpts of Norwegian
/// kommuner and fylkeskommuner, 2019-2024, on their årsrapport, økonomirapport and tertialrapport figures
/// (Giske's § 5-9 oversikt over samlet budsjettavvik and økonomisk oversikt drift 2022, Stavanger's
/// netto driftsresultat og disponering 2020, Hustadvika's avvik per rammeområde 2023, Sandnes'
/// disponeringer 2022 and økonomirapport per mars 2021, Drammen's 1. tertial 2022 and 2. tertial 2023,
/// and news restating regnskap and prognoser of Nordre Land, Aurskog-Høland, Molde, Rauma, Innlandet,
/// Vestland and Nordland fylkeskommune), saved untouched before they were analysed and recomputed by
/// hand (`tests/expectations/realheldout106.tsv`: 109 stated relations - table sums and subtotals,
/// Avvik columns, percents of printed terms, prose restating figures - of which 108 hold; 1 real
/// contradiction: Innlandet fylkeskommune's subheading "Mindreforbruk på 220 millioner" for the
/// 220,8 millioner of the next sentence).
#[test]
fn hundred_and_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout106",
        "tests/fixtures/real/heldout106",
        15,
        "tests/expectations/realheldout106.tsv",
    );
}

/// The hundred-and-seventh held-out set (`tests/fixtures/real/heldout107/`): 17 excerpts of Danish
/// kommuner and regioner, 2019-2024, on regnskab, budgetopfølgning and forventet regnskab (Region
/// Nordjylland's kvartalsrapporter 3-2020 and 2-2021, Region Syddanmark's ledelsesberetninger 2020 and
/// 2022, Herning's budgetopfølgninger pr. 31. marts 2020 and 2021 and its regnskab 2019 and 2020,
/// Københavns Kommunes årsregnskab 2021 with tabel 1, Favrskov's regnskab 2021, and the prose of
/// Indenrigsministeriet, Danske Regioner, Dit Kalundborg and Nordjyske restating the year's regnskaber),
/// saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout107.tsv`: 15 stated relations - differences against the korrigeret
/// budget, sums of named parts, a percent of the year's forbrug, prose restating figures - all of which
/// hold; no real contradiction).
#[test]
fn hundred_and_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout107",
        "tests/fixtures/real/heldout107",
        17,
        "tests/expectations/realheldout107.tsv",
    );
}

/// The hundred-and-eighth held-out set (`tests/fixtures/real/heldout108/`): 15 excerpts of Swedish
/// kommuners' befolkningsstatistik and its restatements (the kommunes' own news on folkmängd, födda,
/// döda, inflyttade, utflyttade, födelsenetto, flyttningsnetto and justeringspost - Älmhult, Mullsjö,
/// Vansbro, Överkalix, Bollnäs - ÅSUB's befolkningsrörelsen, local news on Tornedalen's, the STO
/// kommuners' and Övertorneå's and Kramfors' folkökning, and restatements of SCB's kommun and riket
/// figures by Metro, Aftonbladet, Fokus, Arena för Tillväxt and two blogs), saved untouched before they
/// were analysed and recomputed by hand (`tests/expectations/realheldout108.tsv`: 21 stated relations -
/// födda minus döda, inflyttade minus utflyttade, folkökning with a printed justeringspost, parts
/// against a printed sum, shares of 100 %, prose restating figures - of which 19 hold; 2 real
/// contradictions: Haparandabladet's "sammanlagt 98 personer" for three kommuner that lose 30, 31 and
/// 31, which is 92, and, written in words and so with no `missed` line, a blog's "en av tre kommuner"
/// for 204 of 290).
#[test]
fn hundred_and_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout108",
        "tests/fixtures/real/heldout108",
        15,
        "tests/expectations/realheldout108.tsv",
    );
}

/// The hundred-and-ninth held-out set (`tests/fixtures/real/heldout109/`): 20 excerpts of Swedish
/// kommunfullmäktige and kommunstyrelse decisions on budget 2022-2025 as the stored corpus has them
/// (the kommuners' and Västra Götalandsregionen's own pages on budgetramar, tilläggsanslag and the
/// beslut: Kil, Orust, Östersund, Köping, Tranås, Trelleborg, Hjo, Lidingö, Sundbyberg, Upplands-Bro,
/// Norrköping, Danderyd, Degerfors; Burlöv's kommunstyrelse ram table for budget 2023; party pages
/// restating KS beslut in Laxå and Gislaved), saved untouched before they were analysed and
/// recomputed by hand (`tests/expectations/realheldout109.tsv`: 13 stated relations - Intäkter +
/// Kostnader = Nettokostnader, a ram increase and its percent, prose restating figures and counts - of
/// which 12 hold; 1 real contradiction: Laxå's BUN budget from 101,5 to 104,5 mnkr given as +2,6 %,
/// which is 2,96 %).
#[test]
fn hundred_and_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout109",
        "tests/fixtures/real/heldout109",
        20,
        "tests/expectations/realheldout109.tsv",
    );
}

/// The hundred-and-tenth held-out set (`tests/fixtures/real/heldout110/`): 17 excerpts of Swedish
/// hälso- och sjukvårdsstatistik as the stored corpus has it - SKR's/SKL's Väntetider i vården
/// (operation/åtgärd, alla regioner, three months with counts and shares per wait band), Region
/// Stockholm's förlossning news for 2018 and 2019, Region Östergötland's table of väntande på
/// läkarbesök per klinik, and press pages (Läkartidningen, Vårdfokus, SVT, Samnytt, Mitt i, NT)
/// restating vårdplatser, överbeläggningar, akutbesök and vårdgaranti figures - saved untouched
/// before they were analysed and recomputed by hand (`tests/expectations/realheldout110.tsv`: 83
/// stated relations - counts against totals, shares of 100 %, percents whose both terms are printed,
/// percent changes in a vårdplats table, prose restating figures - all of which hold; no real
/// contradiction).
#[test]
fn hundred_and_tenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout110",
        "tests/fixtures/real/heldout110",
        17,
        "tests/expectations/realheldout110.tsv",
    );
}

/// The hundred-and-eleventh held-out set (`tests/fixtures/real/heldout111/`): 12 excerpts of Swedish
/// kommuners' kultur- och fritidsstatistik as the stored corpus has them (Sjöbo's årsredovisning 2017
/// pages on kultur and on turism och fritid with their prestationstal; kommun news from Arvika, Falun
/// and Kristianstad; Grenna Museum; local news on besök at Skövde's Arenabadet, Umeå's bad, the Dalarna
/// museums, Hallstavik's utomhusbad and Täby's bibliotek; Hallpressen's table of kommunal konsthall
/// costs per city), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout111.tsv`: 22 stated relations - besök differences and their
/// percent, Kostnad + övriga = Totalt, a beläggningsgrad from two rows, prose restating figures - of
/// which 20 hold; 2 real contradictions, both in the Dalarna museums' article: 318 / 1 640 given as
/// 19,3 % and 3 001 / 16 347 as 18,3 %, quotients cut off instead of rounded).
#[test]
fn hundred_and_eleventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout111",
        "tests/fixtures/real/heldout111",
        12,
        "tests/expectations/realheldout111.tsv",
    );
}

/// The hundred-and-twelfth held-out set (`tests/fixtures/real/heldout112/`): 15 excerpts of Swedish
/// kommuners' bygglov-, miljö- och hälsoskydds- and livsmedelskontroll statistics and fees as the stored
/// corpus has them (kontrollstatistik with totals and andel med avvikelse from Älvsbyn and Torsås; timtaxa
/// and avgift examples from Trelleborg, Vaxholm, Stenungsund, Lysekil, Vallentuna, Sollentuna and
/// Härryda; a miljö- och hälsoskyddsnämnd's delårsbokslut 2017 driftsredovisning; Kalmar's
/// samhällsbyggnadsnämnd årsrapport 2018; Länsstyrelsen Stockholm on the kommuners' strandskyddsdispenser
/// 2012; SVT, Märsta.nu and Byggahus.se restating kommun figures), saved untouched before they were
/// analysed and recomputed by hand (`tests/expectations/realheldout112.tsv`: 63 stated relations - parts
/// against printed totals, tkr row differences and column sums, shares of 100 %, percents of printed
/// counts, a written-out fee product, prose restating figures - of which 61 hold; 2 real contradictions,
/// both on Byggahus.se's bygglovsansökningar 2015 page: the prose's Norrtälje "54 procent" against the
/// page's own list's 57 %, and its Norrköping "477 bygglovsansökningar" against the list's 470).
#[test]
fn hundred_and_twelfth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout112",
        "tests/fixtures/real/heldout112",
        15,
        "tests/expectations/realheldout112.tsv",
    );
}

/// The hundred-and-thirteenth held-out set (`tests/fixtures/real/heldout113/`): 15 excerpts of Swedish
/// socialtjänst statistics (Regionfakta's ekonomiskt-bistånd tables for Uppsala, Västmanland, Jämtland,
/// Västerbotten, Norrbotten and Gotland; Statistik om Stockholm on ekonomiskt bistånd 1995-2017, hemtjänst
/// timmar and juli 2012; Helsingborg's socialnämnd nyckeltal; SCB's IFO costs; Socialstyrelsen's regiform
/// 2011; news on Kalmar län, Ludvika and Norsjö), saved untouched before they were analysed and
/// recomputed by hand (`tests/expectations/realheldout113.tsv`: 120 stated relations - belopp per
/// hushåll, län sums, timmar classes against their total, Nettokostnader, prose restating figures - of
/// which 119 hold; 1 real contradiction: Stockholm's 2017 genomsnittlig hushållsstorlek printed 1,69,
/// which is 25 228 / 14 572 = 1,73).
#[test]
fn hundred_and_thirteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout113",
        "tests/fixtures/real/heldout113",
        15,
        "tests/expectations/realheldout113.tsv",
    );
}

/// The hundred-and-fourteenth held-out set (`tests/fixtures/real/heldout114/`): 17 excerpts of
/// Swedish-language records of Finland's kommuner 2019-2024 (bokslut and budget news of Närpes,
/// Korsholm, Larsmo, Grankulla, Ingå, Karleby, Raseborg, Jakobstad, Vasa, Sibbo and Kronoby: årsbidrag,
/// verksamhetsbidrag, resultat, skatteinkomster, lånebörda), saved untouched before they were analysed
/// and recomputed by hand (`tests/expectations/realheldout114.tsv`: 9 stated relations - prose
/// restating figures, a percent with both terms printed, a count of listed changes - all holding; no
/// real contradiction).
#[test]
fn hundred_and_fourteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout114",
        "tests/fixtures/real/heldout114",
        17,
        "tests/expectations/realheldout114.tsv",
    );
}

/// The hundred and fifteenth held-out set (`tests/fixtures/real/heldout115/`): 4 excerpts of Swedish
/// VA-huvudmän's own accounts in prose - Kommunalförbundet Norrvatten's delårsrapport 2016, VIVAB's
/// ekonomi pages 2019 and 2020 and Uppsala Vatten och Avfall's förvaltningsberättelse 2020 - saved
/// before justera was run on them and recomputed by hand (`tests/expectations/realheldout115.tsv`:
/// 0 stated relations, the tables being cut off in the stored text; no real contradiction, so no
/// `missed` line).
#[test]
fn hundred_and_fifteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout115",
        "tests/fixtures/real/heldout115",
        4,
        "tests/expectations/realheldout115.tsv",
    );
}

/// The hundred-and-sixteenth held-out set (`tests/fixtures/real/heldout116/`): 15 excerpts of Swedish
/// regioners' budgetar and regionplaner 2022-2025 (Blekinge, Kalmar, Gävleborg, Skåne, Stockholm,
/// Västernorrland, Västra Götaland, Jönköping, Halland, Uppsala, Dalarna: a resultatbudget table, budget
/// news and publication pages, a local paper), saved untouched before they were recomputed by hand
/// (`tests/expectations/realheldout116.tsv`: 19 stated relations - resultatbudget sums, investeringsbudget
/// parts, anslag with their percent rise, prose restating figures - of which 16 hold; 2 real
/// contradictions: Blekinge's Resultat efter finansiella poster printed -236,2 where 23,3 + 40,0 - 276,2 =
/// -212,9, and Stockholm's total nämndanslag 2022 stated as 85,8 and as 85,6 miljarder).
#[test]
fn hundred_and_sixteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout116",
        "tests/fixtures/real/heldout116",
        15,
        "tests/expectations/realheldout116.tsv",
    );
}

/// The hundred-and-seventeenth held-out set (`tests/fixtures/real/heldout117/`): 1 excerpt of a
/// Swedish kommun's pension note (Malmö stad's Delårsrapport 2, 2014, Pensionskostnad: prognos 2014
/// against 2013 per kind of pension cost, with Förändring and Totalt, and the prose restating
/// them), saved untouched before it was analysed and recomputed by hand
/// (`tests/expectations/realheldout117.tsv`: 13 stated relations - Förändring per row, the two
/// Totalt, prose restating figures - all of which hold; no real contradiction). The pages corpus
/// gave no other pension or borgen note from a report not already excerpted.
#[test]
fn hundred_and_seventeenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout117",
        "tests/fixtures/real/heldout117",
        1,
        "tests/expectations/realheldout117.tsv",
    );
}

/// The hundred-and-eighteenth held-out set (`tests/fixtures/real/heldout118/`): 13 excerpts of
/// Nordic kommuners' personnel figures in no report already excerpted - Vasa stad's and Borgå
/// stad's own news on their personalrapporter, Raseborg's personalbokslut in Västra Nyland, and
/// local news on the sjukfrånvaro / sygefravær / sykefravær of Linköping, Kristianstad, Lysekil,
/// Nordfyn, Langeland, Ærø, København, Gladsaxe and Stavanger (one with a table per område and
/// Endring) - saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout118.tsv`: 50 stated relations - differences, shares, a
/// partition against its total, prose restating figures, rose/fell words against their figures;
/// 48 hold, and 2 real contradictions, Vasa's ordinarie + visstidsanställda against the printed
/// total in 2022 and 2023).
#[test]
fn hundred_and_eighteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout118",
        "tests/fixtures/real/heldout118",
        13,
        "tests/expectations/realheldout118.tsv",
    );
}

/// The hundred-and-nineteenth held-out set (`tests/fixtures/real/heldout119/`): 19 excerpts of
/// Nordic regions' and kommuners' figures on kollektivtrafik, turism, bibliotek and bad (resor,
/// passagerer, gästnätter, overnatninger, gistinætur and besök with totals, percent changes and
/// shares, and the news items restating them; Swedish, Norwegian, Danish, Finnish, Icelandic), saved
/// untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout119.tsv`: 62 stated relations, 61 hold; 1 real contradiction -
/// a Finnish transit release's 12,4 million extra trips against its own 8,6 + 3,3 + 1,4 - listed
/// as `missed`).
#[test]
fn hundred_and_nineteenth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout119",
        "tests/fixtures/real/heldout119",
        19,
        "tests/expectations/realheldout119.tsv",
    );
}

/// The hundred-and-twentieth held-out set (`tests/fixtures/real/heldout120/`): 23 excerpts of
/// Nordic räddningstjänst / brannvesen / beredskab / räddningsverk and vuxenutbildning / sfi /
/// voksenopplæring figures (insatser and utrykninger per type with totals, changes from the year
/// before, shares, elever, kursdeltagare and deltakere with totals, and the news items restating
/// them; Swedish, Norwegian, Danish, Finland-Swedish), saved untouched before they were analysed
/// and recomputed by hand (`tests/expectations/realheldout120.tsv`: 62 stated relations, 60 hold;
/// 2 real contradictions - SSB's "økning på 30 prosent" from 22 200 to 28 400 norskopplæring
/// deltakere, and Österbottens räddningsverk's markbränder "ökade med 141 procent" from 54 to
/// 153 - listed as `missed`).
#[test]
fn hundred_and_twentieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout120",
        "tests/fixtures/real/heldout120",
        23,
        "tests/expectations/realheldout120.tsv",
    );
}

/// The hundred-and-twenty-first held-out set (`tests/fixtures/real/heldout121/`): 13 excerpts of
/// Nordic kommunal måltidsverksamhet / kost / madservice (portioner, kostnad per portion,
/// portionsvikter, kostenhetens omsättning, døgnkost-takst, a sentralkjøkken investment) and
/// kommunala fastigheter / lokalförsörjning (lokalkostnad per kvm, inhyrd lokalyta, bruttoarea per
/// barn, a förskola's slutredovisning, Helsingfors' Byggnader budget table), saved untouched
/// before they were analysed and recomputed by hand (`tests/expectations/realheldout121.tsv`: 51
/// stated relations, 49 hold; 2 real contradictions - a Karlskrona insändare's "förlust med
/// 270 545" that its own intäkter minus kostnader make a surplus, and Södertörns nyckeltal's
/// 1 348 kr/kvm "35 procent högre än" 988 - listed as `missed`).
#[test]
fn hundred_and_twenty_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout121",
        "tests/fixtures/real/heldout121",
        13,
        "tests/expectations/realheldout121.tsv",
    );
}

/// The hundred-and-twenty-second held-out set (`tests/fixtures/real/heldout122/`): 18 excerpts of
/// Nordic kommunal fritid och föreningsliv (föreningsbidrag, understöd and kulturmidler per
/// förening with totals, lokale aktivitetsmidler per kommune, samlingslokal bidrag, besök in a
/// svømmehal and in sundlaugar, bibliotek udlån) and miljø- och hälsoskyddstillsyn /
/// livsmedelskontroll (kontroller per type, smiley and smilefjes shares, kommunernes miljøtilsyn
/// in årsværk, a kommune's digital tilsyn; Swedish, Finland-Swedish, Norwegian, Danish,
/// Icelandic), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout122.tsv`: 103 stated relations, 97 hold; 3 real
/// contradictions - Feykir's Skagafjörður prose giving the table's 2017 total 98.023 as 2016's,
/// Raseborg's six grants summing to 195 500 against "sammanlagt 200 000", and Herning's 104
/// digital tilsyn against 72 + 31 - listed as `missed`).
#[test]
fn hundred_and_twenty_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout122",
        "tests/fixtures/real/heldout122",
        18,
        "tests/expectations/realheldout122.tsv",
    );
}

/// The hundred-and-twenty-third held-out set (`tests/fixtures/real/heldout123/`): 18 excerpts of
/// Nordic kommuners' skatteintäkter, generella statsbidrag and utjämning (a Swedish table of
/// skatteintäkter, utjämning, regleringsbidrag and fastighetsavgift with its Summa, a Norwegian
/// årsrapport's frie inntekter against budget with Avvik, rammetilskudd and skatteinntekter in a
/// budget, the KMD's frie inntekter per kommune with percent growth, notes on vekst i frie
/// inntekter, Danish udligningsreform news, Finnish statsandelar and skatteinkomster, skatte-
/// prognoser restated in the press, a delårsprognos, a budgetavvikelse and SCB's preliminära
/// bokslut; Swedish, Norwegian, Danish, Finland-Swedish), saved untouched before they were
/// analysed and recomputed by hand (`tests/expectations/realheldout123.tsv`: 56 stated
/// relations, 55 hold; 1 real contradiction - Fræna's skatteinntekter 240,4 -> 243,1 mill.
/// kroner given as "en økning på 1,3 %" where it is 1,1 % - listed as `missed`).
#[test]
fn hundred_and_twenty_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout123",
        "tests/fixtures/real/heldout123",
        18,
        "tests/expectations/realheldout123.tsv",
    );
}

/// The hundred-and-twenty-fourth held-out set (`tests/fixtures/real/heldout124/`): 20 excerpts of
/// Nordic individ- och familjeomsorg and funktionsstöd (placeringar av barn och unga in familjehem
/// and HVB with dygnskostnader, Norwegian barnevern tiltak and meldinger, Danish anbringelser and
/// their enhedsudgifter, botilbud, LSS-insatser per insats with their totals, a funktionsstödsnämnd's
/// verksamhetsberättelse, bostadsanpassningsbidrag and missbruksvård; Swedish, Norwegian, Danish),
/// saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout124.tsv`: 61 stated relations, 60 hold; 1 real contradiction -
/// NB-nyt's anbragte børn "faldet omkring fem procent" from 12.804 to 11.715, a fall of 8,5 % -
/// listed as `missed`).
#[test]
fn hundred_and_twenty_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout124",
        "tests/fixtures/real/heldout124",
        20,
        "tests/expectations/realheldout124.tsv",
    );
}

/// The hundred-and-twenty-fifth held-out set (`tests/fixtures/real/heldout125/`): 28 excerpts of
/// Nordic kommuners' äldreomsorg (särskilt boende: väntetid and brist; hemtjänst: timmar per
/// brukare, privata utförare, hemtjänstpeng, prognos; Norwegian institusjonsplassar per kommune,
/// mottakarar av heimetenester, tildelte timer, heldøgns omsorgsplasser and ventelister til
/// sykehjem; Danish visiterede hjemmehjælpstimer, ventetid til plejebolig, pladser pr. 1.000 ældre
/// and merforbrug på ældreområdet; Swedish, Norwegian, Danish), saved untouched before they were
/// analysed and recomputed by hand (`tests/expectations/realheldout125.tsv`: 142 stated
/// relations, 140 hold; 2 real contradictions - Huddinge's hemtjänstpeng raised to 533 kronor "en
/// ökning med 32 kronor eller 4,2 procent" where 32 / 501 is 6,4 %, and KS's "181 av 357
/// kommuner, eller 50,4 prosent" where it is 50,7 % - listed as `missed`).
#[test]
fn hundred_and_twenty_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout125",
        "tests/fixtures/real/heldout125",
        28,
        "tests/expectations/realheldout125.tsv",
    );
}

/// The hundred-and-twenty-sixth held-out set (`tests/fixtures/real/heldout126/`): 22 excerpts of
/// Nordic kommuners' and regioners' arbetsmarknad and näringsliv (arbetslöshet per åldersgrupp,
/// kommun and ekonomisk region with the change from the year before, the NTM-centralen i
/// Österbotten's sysselsättningsöversikter, Arbetsförmedlingen's and Ams' figures, NAV's ledighet,
/// Jobcenter Slagelse's ledige, feriejobb surveys and a kommun's feriearbete costs, nyföretagande
/// per företagsform and län, företagsklimat rankings and a pendling table; Swedish, Danish,
/// Norwegian, Finland-Swedish), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout126.tsv`: 174 stated relations, 173 hold; 1 real contradiction -
/// SKR's feriejobb 2023, 71 360 of 114 500 sökande given as "cirka 64 procent" where it is 62,3 % -
/// listed as `missed`).
#[test]
fn hundred_and_twenty_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout126",
        "tests/fixtures/real/heldout126",
        22,
        "tests/expectations/realheldout126.tsv",
    );
}

/// The hundred-and-twenty-seventh held-out set (`tests/fixtures/real/heldout127/`): 24 excerpts
/// of Nordic kommuners' skola och förskola (elevar per kommune, fylke and årstrinn/klassesteg with
/// their totals from SSB, GSI's nøkkeltall via Utdanningsforbundet, barn i barnehage per age,
/// Udir's Utdanningsspeilet and the Grenlandsbarometeret on kostnader per elev, Skolverket's
/// kostnader via FSO, OPH's esiopetus kustannukset 2000, Kouluikkuna's opetusryhmäkoko, Iisalmi's
/// oppilastilasto, Cevea's and NB-nyt's folkeskoleudgifter pr. elev, Danmarks Statistik's
/// normering, elevtal and klassekvotienter, ÅSUB's and Nya Åland's grundskola figures; Norwegian,
/// Danish, Swedish, Finnish), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout127.tsv`: 265 stated relations, 261 hold; 4 real
/// contradictions - Utdanningsforbundet's særskilt norskopplæring 41 671 -> 41 033 given as an
/// Endring of -668 where it is -638, SSB's barnehager 2008 Sør-Trøndelag and Hele landet rows whose
/// ages sum to one less than the printed I alt, and Nya Åland's 1.200 datorer for runt 2.850 elever
/// as "nästan tre elever per dator" where it is 2,4 - listed as `missed`).
#[test]
fn hundred_and_twenty_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout127",
        "tests/fixtures/real/heldout127",
        24,
        "tests/expectations/realheldout127.tsv",
    );
}

/// The hundred-and-twenty-eighth held-out set (`tests/fixtures/real/heldout128/`): 14 excerpts of
/// Nordic kommunal revision and kontroll (the sakkunniga's granskningsrapporter of delårsrapporter
/// and årsredovisningar restating resultat, prognos and balanskrav, revisorernas bedömning of a
/// delårsrapport, a landstingsrevisorernas bokslutsgranskning, a region's revisionsberättelse, a
/// Danish amt's revisionsberetning, a Finnish arviointikertomus and a Norwegian kontrollutvalg's
/// innkalling on the revision; Swedish, Danish, Finnish, Norwegian), saved untouched before they
/// were analysed and recomputed by hand (`tests/expectations/realheldout128.tsv`: 6 stated
/// relations, all hold; no real contradiction).
#[test]
fn hundred_and_twenty_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout128",
        "tests/fixtures/real/heldout128",
        14,
        "tests/expectations/realheldout128.tsv",
    );
}

/// The hundred-and-twenty-ninth held-out set (`tests/fixtures/real/heldout129/`): 24 excerpts of
/// Nordic bostäder, bygglov och samhällsbyggnad (Sandnes' boligproduksjon against its måltall,
/// Stavanger's byggesak, SSB's igangsettingstillatelser and saksbehandlingstid, DiBK's KOSTRA
/// byggesaker, Stockholm's bostäder per hustyp, SCB's färdigställda lägenheter, bostadsbestånd and
/// outhyrda lägenheter via Aftonbladet, Hem & Hyra and Mäklarvärlden, SABO's and Boverket's vakanser
/// i allmännyttan, Tilastokeskus' asuntotuotanto and rakennusluvat, Landsbyggefonden's almene
/// boligorganisationer, Danmarks Statistik's byggeaktivitet, HMS' íbúðir í byggingu and
/// Varasjóður húsnæðismála's leiguíbúðir sveitarfélaga; Swedish, Norwegian, Danish, Finnish,
/// Icelandic), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout129.tsv`: 82 stated relations, 81 hold; 1 real contradiction -
/// Viðskiptablaðið's "Sjö sveitarfélög" planning 131 leiguíbúðir where the sveitarfélög it
/// counts are 1 + 3 + 4 = 8 - listed as `missed`).
#[test]
fn hundred_and_twenty_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout129",
        "tests/fixtures/real/heldout129",
        24,
        "tests/expectations/realheldout129.tsv",
    );
}

/// The hundred-and-thirtieth held-out set (`tests/fixtures/real/heldout130/`): 24 excerpts of
/// Nordic hälso- och sjukvård in regioner, landsting, helseforetak, hyvinvointialueet and kommuner
/// (SCB's nettokostnad and köp av verksamhet per verksamhetsområde för landsting, SKL's and Region
/// Skåne's resultat against budget and prognos, Örebro läns landsting, the Norwegian helseforetak,
/// Helse Nord's virksomhetsrapport, Helse Midt-Norge, Helsedirektoratet's ventetider and
/// fastlegeordningen's nøkkeltall, SSB's kommunale helse- og omsorgstenester, Keski-Uudenmaan
/// hyvinvointialue's talouden toteuma, the Finnish hyvinvointialueet, KYS's hoitojonot, the Danish
/// regioner's efterslæb, Region Midtjylland and Aarhus Universitetshospital, Landspítali and the
/// Icelandic heilbrigðisstofnanir, the Swedish regioner's ortopedi queue; Swedish, Norwegian,
/// Danish, Finnish, Icelandic), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout130.tsv`: 163 stated relations, 161 hold; 2 real
/// contradictions - Helsedirektoratet's nøkkeltall 2023 whose "Endr. 2023 t.o.m Kv3" gives 0,8
/// for the share of women among fastleger that goes from 47,4 to 49,8, and 1,8 for the fastlønn
/// share that goes from 17,9 to 20,5 - listed as `missed`).
#[test]
fn hundred_and_thirtieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout130",
        "tests/fixtures/real/heldout130",
        24,
        "tests/expectations/realheldout130.tsv",
    );
}

/// The hundred-and-thirty-first held-out set (`tests/fixtures/real/heldout131/`): 20 excerpts of
/// Nordic miljö- och hälsoskydd, livsmedelskontroll och tillsyn (Folkhälsomyndigheten's
/// stadigvarande serveringstillstånd 1992-2021 and its restaurangrapport's bortfall, the
/// serveringstillstånd of Sigtuna and the Västra Götaland kommuner and their tillsyn, indragna
/// tillstånd, SKR's handläggningskostnad and kostnadstäckning for miljötillsyn, hälsoskydd and
/// livsmedelskontroll, Statskontoret's avgiftsintäkter against kostnader enligt miljöbalken,
/// Miljøstyrelsen's Miljøtilsyn 2001, SIRUS' skjenkebevillinger, Valvira's anniskelu-,
/// jatkoaika- and vähittäismyyntiluvat, Mattilsynet's smilefjes survey, Fødevarestyrelsen's sure
/// and elite smileys, an Icelandic heilbrigðisnefnd's umsóknir 1965; Swedish, Norwegian, Danish,
/// Finnish, Icelandic), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout131.tsv`: 125 stated relations, 122 hold; 3 real
/// contradictions - Folkhälsomyndigheten's Summa 12 410 for 2015 whose cells add to 12 406 and
/// 13 675 for 2021 whose cells add to 13 672, and SIRUS' "økning på 55 prosent" for 4 533 ->
/// 7 062 skjenkesteder, which is 55,8 % - listed as `missed`).
#[test]
fn hundred_and_thirty_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout131",
        "tests/fixtures/real/heldout131",
        20,
        "tests/expectations/realheldout131.tsv",
    );
}

/// The hundred-and-thirty-second held-out set (`tests/fixtures/real/heldout132/`): 25 excerpts
/// of Nordic gator, vägar, parker och parkering in kommuner, their tekniska nämnder and bolag
/// (vinterväghållning, snöröjning, brøyting and snjómokstur against budget - I Perspektiv's
/// enkät, Sundsvall, Oslo, Stavanger, Kristiansand, Balestrand, Norddjurs, Vejen, Helsinki,
/// Tampere, Kokkola, Reykjavík and its neighbours, Ísafjarðarbær, Vestmannaeyjabær,
/// Dalvíkurbyggð, Fjallabyggð; asfalt budget, vejkapital and SAMKOM's kommunevejenes tilstand;
/// LED gatubelysning in Eslöv and Laholm; parkeringsintäkter of the five largest Norwegian
/// cities and FDM's Danish kommuner, Göteborgs Stads Parkering, Göteborgs Stad and Stavanger
/// Parkeringsselskap KF; Swedish, Norwegian, Danish, Finnish, Icelandic), saved untouched before
/// they were analysed and recomputed by hand (`tests/expectations/realheldout132.tsv`: 59 stated
/// relations, 55 hold; 4 real contradictions - FDM's betalingsparkering of "omtrent 670
/// milliarder" as the larger part of 972 millioner, Hafnarfjörður's 160 after um 38 said to be
/// "um 130" more (122), Ísafjarðarbær's three liðir that should rise by the 20 m.kr. HSV loses
/// but give 15,2 as printed, and Norddjurs' 23,5 against 4,9 called a budgetoverskridelse of
/// 479 procent (the overrun is 380) - listed as `missed`).
#[test]
fn hundred_and_thirty_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout132",
        "tests/fixtures/real/heldout132",
        25,
        "tests/expectations/realheldout132.tsv",
    );
}

/// The hundred-and-thirty-third held-out set (`tests/fixtures/real/heldout133/`): 25 excerpts
/// of Nordic befolkning och befolkningsförändringar from statistics offices and the media
/// quoting them (SSB's kvartal tables and flyttinger til/fra Østfold's kommuner, Tilastokeskus'
/// väestönmuutosten kuukausitiedot and kaupunkien nettomaassamuutto, SCB's preliminär
/// befolkningsstatistik 2019 and Lidköpingsnytt, Hagstofa Íslands' Mannfjöldaþróun and Bæjarins
/// besta, Hagstova Føroya's fólkatal with FM1, Sosialurin, KVF and Jn.fo, Danmarks Statistik's
/// Befolkningens udvikling and Dit Holstebro; Swedish, Norwegian, Finnish, Danish, Icelandic,
/// Faroese), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout133.tsv`: 639 stated relations, 636 hold; 3 real
/// contradictions - Hagstofa's fæddir umfram dána of 2.271 where 4 375 - 2 049 = 2 326, its
/// aðfluttir umfram brottflutta of 4.069 where 10 461 - 6 889 = 3 572, and Sosialurin's
/// burðaravlop of 251 where 601 - 353 = 248 - listed as `missed`).
#[test]
fn hundred_and_thirty_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout133",
        "tests/fixtures/real/heldout133",
        25,
        "tests/expectations/realheldout133.tsv",
    );
}

/// The hundred-and-thirty-fourth held-out set (`tests/fixtures/real/heldout134/`): 28 excerpts
/// of Nordic flyktingmottagande och integration in kommuner, regioner and state agencies
/// (kommuntal, anvisningar and mottagande under the bosättningslag - Migrationsverket, the
/// länsstyrelser, Jönköpings län; costs against statsbidrag in Upplands Väsby and Lerum; IMDi's
/// anmodning, vedtak and bosetting, Vestby, NTB on enslige mindreårige; introduksjonsprogrammet
/// from IMDi and SSB; KKR Nordjylland's kommunekvoter and the Danish beskæftigelsesbonus; Finnish
/// kuntapaikat, kuntasijoitukset and laskennalliset korvaukset in Satakunta, Kokkola, Pietarsaari,
/// Kaakkois-Suomi, Häme and Helsinki; the Icelandic móttaka flóttafólks in Ísafjarðarbær and the
/// ministries; Swedish, Norwegian, Danish, Finnish, Icelandic, one SSB page in English), saved
/// untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout134.tsv`: 291 stated relations, 285 hold; 6 real
/// contradictions - IMDi's Totalt for vedtak 2017, 10915 where the fylker give 10 908, and its
/// herav enslige mindreårige 759 where they give 718, Länsstyrelsen i Jönköpings län's "alla"
/// kommuner against 288 of 290 for the same year 2014, Keskipohjanmaa's 30 places for
/// kiintiöpakolaiset in Kokkola twice where the same pages give them 20 of 30, and NTB's "De 20
/// kommunene" followed by 22 names - listed as `missed`).
#[test]
fn hundred_and_thirty_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout134",
        "tests/fixtures/real/heldout134",
        28,
        "tests/expectations/realheldout134.tsv",
    );
}

/// The hundred-and-thirty-fifth held-out set (`tests/fixtures/real/heldout135/`): 18 excerpts
/// of Nordic arvoden och ersättningar till förtroendevalda from kommuner, their associations,
/// the Riksdag and the media quoting them (Mosfellsbær's nefndarlaun as hlutfall af
/// þingfararkaupi, Hudiksvall's sammanträdesarvoden as andel av riksdagsarvodet, Lindesnes'
/// godtgjørelse in St% of the ordfører's, Frederiksberg's and Fredensborg's vederlag,
/// Frederikshavn's and Ballerup's borgmestervederlag, Dagsavisen and Nettavisen on ordførernes
/// godtgjørelse, Stad and Vega, Länsi-Savo and Hämeen Sanomat on kokous- and vuosipalkkiot,
/// Lidingö, Samband íslenskra sveitarfélaga via mbl.is, Riksdagens arvodesnämnd and motion
/// 2004/05:K372; Swedish, Norwegian, Danish, Finnish, Icelandic), saved untouched before they
/// were analysed and recomputed by hand (`tests/expectations/realheldout135.tsv`: 89 stated
/// relations, 88 hold; 1 real contradiction - Dagens Arena's riksdagsarvode höjning of 2,2
/// procent where 1 500 / (66 900 - 1 500) = 2,29 % - listed as `missed`).
#[test]
fn hundred_and_thirty_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout135",
        "tests/fixtures/real/heldout135",
        18,
        "tests/expectations/realheldout135.tsv",
    );
}

/// The hundred-and-thirty-sixth held-out set (`tests/fixtures/real/heldout136/`): 29 excerpts
/// of Nordic kultur records - kulturskolor, kulturskoler, musikskoler and tónlistarskólar
/// (elever, elevplatser, köer and ventelister, avgifter and their rise, budgets and besparingar:
/// Svalöv, Stockholm's kulturnämnd, Lindesberg, Värmdö, Kulturrådet, Kulturskolerådet, SKL, SSB,
/// Norsk kulturskoleråd via Kontekst and Ballade, Drammens Tidende, Nationen via Musikkskúlin,
/// Opetushallitus' yksikköhinnat for taiteen perusopetus, Vestmannaeyjabær, Fjallabyggð,
/// Alþingi's svar um tónlistarskóla, Héraðsnefnd Árnesinga), museums (Museovirasto, Norsk
/// kulturråd's museumsstatistikk, SSB's museumsbesøk) and kulturhus and musikhus (Norsk
/// Kulturhus Nettverk, Hamar kulturhus, Musikhuset Aarhus), in Swedish, Norwegian, Danish,
/// Finnish and Icelandic, saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout136.tsv`: 112 stated relations, all 112 hold; no real
/// contradiction, so no `missed` line).
#[test]
fn hundred_and_thirty_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout136",
        "tests/fixtures/real/heldout136",
        29,
        "tests/expectations/realheldout136.tsv",
    );
}

/// The hundred-and-thirty-seventh held-out set (`tests/fixtures/real/heldout137/`): 23
/// excerpts of Nordic kommunalekonomisk utjämning och generella statsbidrag (ESV's monthly
/// utfall for utgiftsområde 25 in six months of 2017-2024 and Prop. 2021/22:1's anslag table,
/// Umeå's inkomstutjämning example, TT on the new kostnadsutjämning; the Norwegian
/// skjønnstilskudd in three kommuneproposisjoner and Statsforvalteren's skjønnsmidler in Vestland
/// and Møre og Romsdal, Kommunal Rapport on the frie inntekter; the Danish bloktilskud and
/// generel udligning 2021; Kuntaliitto's valtionosuudet via Yle, Joutsan Seutu and Iltalehti's
/// valtionosuuden tasaus; the Icelandic Jöfnunarsjóður sveitarfélaga's framlög; Swedish,
/// Norwegian, Danish, Finnish, Icelandic), saved untouched before they were analysed and
/// recomputed by hand (`tests/expectations/realheldout137.tsv`: 129 stated relations, all 129
/// hold; no real contradiction, so no `missed` line).
#[test]
fn hundred_and_thirty_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout137",
        "tests/fixtures/real/heldout137",
        23,
        "tests/expectations/realheldout137.tsv",
    );
}

/// The hundred-and-thirty-eighth held-out set (`tests/fixtures/real/heldout138/`): 20 excerpts
/// of Nordic kommunalförbund, samordningsförbund and interkommunala samarbeten - members'
/// contributions and their distribution per member kommune, the bodies' budgets and accounts
/// (Skaraborgs kommunalförbund's medlemsavgift per invånare, Räddningstjänsten Västra Blekinge's
/// andelar, Östhammar's kommunbidrag to a gemensam räddningsnämnd, the Finsam fördelningsmodell;
/// KT's jäsenmaksu per jäsenkunta and Espoo on HSL's subventio-osuus; the Danish § 60-beredskaber
/// Østsjællands Beredskab, Køge-Solrød-Stevns, TrekantBrand, Hovedstadens Beredskab and
/// Frederiksborg Brand og Redning; Midt-Hedmark brann- og redningsvesen IKS and NIVI's regionråd
/// report; the byggðasamlög SORPA bs. and Strætó bs.; Swedish, Finnish, Danish, Norwegian,
/// Icelandic), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout138.tsv`: 85 stated relations, 83 hold; 2 real
/// contradictions - NIVI's "395 i regionråd (95 prosent)" of 422 kommuner where 395 / 422 =
/// 93,6 %, and SORPA's rekstrartekjur rise 1.498,8 -> 1.694,7 printed "13,0%" where it is
/// 13,07 % - listed as `missed`; NIVI's found since h-sharewhole, a bullet opening the "Av
/// landets" clause).
#[test]
fn hundred_and_thirty_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout138",
        "tests/fixtures/real/heldout138",
        20,
        "tests/expectations/realheldout138.tsv",
    );
}

/// The hundred-and-thirty-ninth held-out set (`tests/fixtures/real/heldout139/`): 23 excerpts
/// of Nordic begravningsverksamhet and kyrkogårdsförvaltning - the Swedish begravningsavgift per
/// intjänad hundralapp and its worked examples (Kammarkollegiet via Sveriges Radio, Expressen and
/// Privata Affärer, Roslagens norra pastorat, Hässleholm, Tranås kommun as kommunal huvudman),
/// Svenska kyrkan's begravning statistics; Kirkkohallitus's hautaustoimi share, Haminan and Salon
/// seurakunta's hautatoimen tuotot and hautausmaksut; Oslo's Gravferdsetaten budget and kommunale
/// gravferder, Sandnes' gravlunder satser, Norwegian kremasjonsstatistikk; Kirkeministeriet's
/// kirkelige begravelser per stift, Skov & Landskab's Kirkegårde i tal, kremering on Fyn;
/// Icelandic bálfarir and Innanríkisráðuneytið's gjaldskrá for útför (Swedish, Finnish, Norwegian,
/// Danish, Icelandic), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout139.tsv`: 97 stated relations, 94 hold; 2 real
/// contradictions - Skov & Landskab's menighedsrådsdrevne areal "ca. 2.650 (85 %)" equal to the
/// total ca. 2.650 beside a kommunal 390 ha, and Kirkeministeriet's 2013 Hele landet 43.310
/// where the 10 stifter sum to 43.610 - listed as `missed`).
#[test]
fn hundred_and_thirty_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout139",
        "tests/fixtures/real/heldout139",
        23,
        "tests/expectations/realheldout139.tsv",
    );
}

/// The hundred-and-fortieth held-out set (`tests/fixtures/real/heldout140/`): 26 excerpts of
/// Nordic bredband och digital infrastruktur - utbyggnad, täckningsgrad (andel hushåll och
/// företag med 100 Mbit/s, fiber, 1 Gbit/s), bredbandsstöd and its distribution, kommunala
/// stadsnät and their accounts (PTS bredbandskartläggningar, Sundbyberg, Norrank, Lerum, Hammarö
/// Stadsnät, Stadsnätsföreningen, Stokab, Strängnäs stadsnät; Nkom's bredbåndstilskudd per fylke
/// and dekningsundersøkelser, Regjeringen; Energistyrelsen's bredbåndspuljen and kortlægning;
/// Maaseutupolitiikan neuvosto, Viestintävirasto, Traficom; Borgarbyggð and Rangárþing eystra on
/// Ísland ljóstengt; Føroya Tele's ársfrágreiðing; Swedish, Norwegian, Danish, Finnish,
/// Icelandic, Faroese), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout140.tsv`: 94 stated relations, 92 hold; 2 real
/// contradictions - Føroya Tele's 2015 peningastreymur, where 82,9 - 99,1 - 41,7 = -57,9 is printed
/// as Broyting í tøkum peningi -61,4 and 82,9 - 99,1 = -16,2 as Fríur peningastreymur -19,6 -
/// listed as `missed`).
#[test]
fn hundred_and_fortieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout140",
        "tests/fixtures/real/heldout140",
        26,
        "tests/expectations/realheldout140.tsv",
    );
}

/// The hundred-and-forty-first held-out set (`tests/fixtures/real/heldout141/`): 20 excerpts of
/// Nordic överförmyndare, god man/förvaltare, bostadsanpassning and similar small social
/// administration (Göteborg's granskning of årsräkningar, Överförmyndarnämnden i södra Lappland,
/// Gävle, Norrköping and Söderhamn on gode män and arvoden; Boverket's bostadsanpassningsbidrag
/// 2009, 2019 and 2020, Göteborg's bostadsanpassningsenhet, Kramfors; the fylkesmenn's vergemål
/// årsrapporter and nøkkeltal; Justitsministeriet and Familieretshuset on værger and
/// sagsbehandlingstid; Hämeenlinnan maistraatti and Digi- ja väestötietovirasto on edunvalvonta;
/// Jöfnunarsjóður sveitarfélaga on þjónusta við fatlað fólk; Swedish, Norwegian, Danish, Finnish,
/// Icelandic), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout141.tsv`: 53 stated relations, 51 hold; 2 real
/// contradictions - Hämeenlinna's 1 231 -> 1 917 edunvalvontatapausta called a rise of "a good
/// third" (it is 55,7 %), and Familieretshuset's overall 8,5 uger where the printed group means
/// weighted by their printed counts give 10,30 - listed as `missed`).
#[test]
fn hundred_and_forty_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout141",
        "tests/fixtures/real/heldout141",
        20,
        "tests/expectations/realheldout141.tsv",
    );
}

/// The hundred-and-forty-second held-out set (`tests/fixtures/real/heldout142/`): 25 excerpts of
/// Nordic näringsliv och företagande - nyföretagande, antal företag, konkurser, Företagsklimat
/// ranking, arbetstillfällen per bransch (UC's företagskonkurser per län, Regionfakta, Sveriges
/// Radio, RUFS, Tillväxtanalys, Nyföretagarcentrum, Svenskt Näringsliv; SSB's nyetableringar and
/// nye føretak, Telemarksbarometeret; Tilastokeskus' aloittaneet ja lopettaneet yritykset and
/// konkurssit; Danmarks Statistik's Erhvervsdemografi; Hagstofa Íslands' nýskráningar og gjaldþrot;
/// Hagstova Føroya's størv and løntakarar; Swedish, Norwegian, Finnish, Danish, Icelandic,
/// Faroese), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout142.tsv`: 291 stated relations, 287 hold; 4 real
/// contradictions - SSB's estimated 2017 county stocks summing to 413 738 against a Total of
/// 413 725, Tilastokeskus' Kymenlaakso share 785 / 9882 = 7,94 % printed 8,0, Landshagir's 748 ->
/// 910 gjaldþrot printed as 21 % for 21,66 %, and Kringvarp Føroya's lede restating the three-year
/// rise of 656 størv as a rise since last year - listed as `missed`).
#[test]
fn hundred_and_forty_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout142",
        "tests/fixtures/real/heldout142",
        25,
        "tests/expectations/realheldout142.tsv",
    );
}

/// The hundred-and-forty-third held-out set (`tests/fixtures/real/heldout143/`): 25 excerpts of
/// Nordic hamnar, sjöfart och färjetrafik - hamnbolag's godsvolymer and skipakomur, national port
/// statistics, ferjesamband and färjeleder (Faxaflóahafnir, Göteborgs Hamn, Helsingin Satama,
/// Borg Havn and Moss Havn; SIKA/SCB, SSB's havnestatistikk, Liikennevirasto, Danmarks Statistik;
/// Møre og Romsdal fylkeskommune, Destination Gotland, Herjólfur, Strandfaraskip Landsins;
/// Swedish, Norwegian, English, Finnish, Danish, Icelandic, Faroese), saved untouched before they
/// were analysed and recomputed by hand (`tests/expectations/realheldout143.tsv`: 148 stated
/// relations, 137 hold; 11 real contradictions - Faxaflóahafnir's TEU fall printed 6,7 % for
/// 6,25 %, its 41 fewer skipakomur called "rúmlega 3%" for 2,70 %, and its farþegaskip and
/// farþegar rises printed "rúmlega 24%" for 32,2 % and 31,9 %; Destination Gotland's March 2012
/// rise printed 3,5 % for 3,60 % and its first half 2019 printed 7,5 % for 7,75 %; SSB's port
/// districts not adding up to the printed TEU totals of the 2nd quarter 2003 (90 153 against
/// 90 157, 32 491 against 32 495) and the 4th quarter 2002 (95 982 against 95 980, 37 460 against
/// 37 459); and Sosialurin's 3.968 - 3.085 akfør printed as 833 fewer for 883 - listed as
/// `missed`).
#[test]
fn hundred_and_forty_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout143",
        "tests/fixtures/real/heldout143",
        25,
        "tests/expectations/realheldout143.tsv",
    );
}

/// The hundred-and-forty-fourth held-out set (`tests/fixtures/real/heldout144/`): 25 excerpts of
/// Nordic tandvård - folktandvården, barn- och ungdomstandvård, tandvårdsstöd and kariesstatistik
/// (Socialstyrelsen's karies hos barn och ungdomar and basundersökningar, Västra Götalandsregionen,
/// folktandvården's intäktstapp 2020, the budgetproposition's tandvårdsutgifter, Försäkringskassan's
/// tandvårdsbidrag; SSB's tannhelsetenesta - null hull, hol i tennene, driftsutgifter, årsverk per
/// fylke, personer undersøkt/behandlet - and NOU 2024: 18; Indenrigs- og Sundhedsministeriet's
/// anlægspulje til børne- og ungdomstandplejen, Middelfart Kommune, Sundhedsstyrelsen; THL's suun
/// terveydenhuolto; Sjúkratryggingar Íslands' tannlækningar; Tannlæknafelag Føroya's
/// kariesskráseting; Swedish, Norwegian, Danish, Finnish, Icelandic, Faroese), saved untouched
/// before they were analysed and recomputed by hand (`tests/expectations/realheldout144.tsv`: 104
/// stated relations, 104 hold; no real contradiction found, so no line is listed as `missed`).
#[test]
fn hundred_and_forty_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout144",
        "tests/fixtures/real/heldout144",
        25,
        "tests/expectations/realheldout144.tsv",
    );
}

/// The hundred-and-forty-fifth held-out set (`tests/fixtures/real/heldout145/`): 22 excerpts of
/// Nordic idrottsanläggningar, simhallar och ishallar - besökare, öppettider, taxor, timhyror and
/// driftkostnad (Hafnarfjarðarbær's and Reykjavíkurborg's sundlaugar; Raseborgs ishall, Mikkeli's
/// jalkapallohalli hinnasto, Kannus' uimahalli; Kulturdepartementet's statusrapportering for
/// svømmebasseng, Nesodden's and Orklahallen's price lists, Oslo's svømmehall prices, the norske
/// badeland; Nuuk's svømmehal Malik, Kastrup Skøjtehal and Pilegårdsbadet, Gladsaxe Skøjtehal;
/// Stockholm's besök i simhallar, Solna, Salem, Falun, Kungsbacka, Sölvesborg and Tibro; Icelandic,
/// Swedish, Finnish, Norwegian, Danish), saved untouched before they were analysed and recomputed
/// by hand (`tests/expectations/realheldout145.tsv`: 69 stated relations, 64 hold; 5 real
/// contradictions - Hafnarfjörður's two pools 208 short of their 365.561 and its 2001 total
/// printed twice, Nesodden's 550 + 50 % printed 830, Orklahallen's two 2 x 30 + 10 min totals
/// printed 60 - listed as `missed`).
#[test]
fn hundred_and_forty_fifth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout145",
        "tests/fixtures/real/heldout145",
        22,
        "tests/expectations/realheldout145.tsv",
    );
}

/// The hundred-and-forty-sixth held-out set (`tests/fixtures/real/heldout146/`): 24 excerpts of
/// Nordic kommunala lokaler och fastigheter - lokalyta, lokalkostnader, underhåll and
/// vedlikeholdsetterslep, energianvändning per m², tomma lokaler and arealoptimering (Gnosjö, Luleå,
/// Avesta and Nyköpings kommun, a kommun's skolutredning, a Linköping kommunalt fastighetsbolag,
/// Ekonomistyrningsverket, Region Västerbotten and Region Dalarna; SSB's Eiendomsforvaltning i
/// kommunesektoren, Bærum kommune, KS' ASSS, RIF; Helsingør Kommune, Københavns Ejendomme, KL;
/// Kuntaliitto, Maakuntien tilakeskus, VTT's Tilateho; Hafnarfjarðarbær; Føroya landsstýri and
/// Landsverk; Swedish, Norwegian, Danish, Finnish, Icelandic, Faroese), saved untouched before they
/// were analysed and recomputed by hand (`tests/expectations/realheldout146.tsv`: 83 stated
/// relations, 81 hold; 2 real contradictions - Gnosjö's missing fastighetsyta printed 8 340 kvm
/// where 80 670 - 72 300 and the 460 350 kronor at 30 + 25 kr/kvm both give 8 370, and Luleå's
/// yearly lokal costs printed 650 miljoner in the lede and 630 in the fact box - listed as
/// `missed`).
#[test]
fn hundred_and_forty_sixth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout146",
        "tests/fixtures/real/heldout146",
        24,
        "tests/expectations/realheldout146.tsv",
    );
}

/// The hundred-and-forty-seventh held-out set (`tests/fixtures/real/heldout147/`): 23 excerpts of
/// Nordic ekonomiskt bistånd / sosialhjelp / kontanthjælp / toimeentulotuki / fjárhagsaðstoð -
/// utbetalt belopp, hushåll and mottakere, per hushåll and per einstakling, andel av befolkningen,
/// långvarigt bistånd, budget overruns (SSB; Oslo, Trondheim, Kristiansand, Drammen, Stavanger,
/// Skien and Lillestrøm kommune through NRK; Socialstyrelsen, Stockholms stad, Region Gotland;
/// Danmarks Statistik; Hagstofa Íslands' Landshagir, Reykjavíkurborg, Reykjanesbær, the Vestfirðir
/// sveitarfélög, Fljótsdalshérað; Kela, the Kuusikko cities; Swedish, Norwegian, Danish, Icelandic,
/// Finnish), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout147.tsv`: 141 stated relations, 138 hold; 3 real contradictions -
/// NRK's "mellom 20 og 30 millioner" for Trondheim's printed 30,7 millioner, and the Landshagir
/// 2003 Fjöldi sveitarfélaga row "104 1 1 6 59 38", where 1 + 59 + 38 = 98, not 104, and 1 + 6 = 7,
/// not 1 - listed as `missed`).
#[test]
fn hundred_and_forty_seventh_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout147",
        "tests/fixtures/real/heldout147",
        23,
        "tests/expectations/realheldout147.tsv",
    );
}

/// The hundred-and-forty-eighth held-out set (`tests/fixtures/real/heldout148/`): 19 excerpts of
/// Nordic kommunal mark, skog och exploatering - tomtförsäljning and byggegrunde, lóðaúthlutun and
/// lóðagjöld, markpriser per m², kommunens skog and skogsintäkter, exploateringsvinster
/// (Malung-Sälen, Heby and Sveriges kommuner via Dagens Samhälle; Billund, Frederikssund,
/// Frederikshavn and Sønderborg Kommune; SSB and a kommune in Aura Avis; Someron and Kuopion
/// kaupunki, Maanmittauslaitos, Larsmo kommun; Kópavogsbær, Reykjavíkurborg and the
/// sveitarfélög of RÚV and Vísir, Akranes and Borgarbyggð; Tórshavnar kommuna; Swedish, Danish,
/// Norwegian, Finnish, Icelandic, Faroese), saved untouched before they were analysed and
/// recomputed by hand (`tests/expectations/realheldout148.tsv`: 76 stated relations, 75 hold; 1
/// real contradiction - Kópavogur's lóðagjöld row printing "um kr. 13.2 millj." where its own
/// 175 fm x 75.046 kr/fm is 13 133 050 krónur, 13.1 to one decimal as the rows above round -
/// listed as `missed`).
#[test]
fn hundred_and_forty_eighth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout148",
        "tests/fixtures/real/heldout148",
        19,
        "tests/expectations/realheldout148.tsv",
    );
}

/// The hundred-and-forty-ninth held-out set (`tests/fixtures/real/heldout149/`): 20 excerpts of
/// Nordic skolskjuts och elevresor - skoleskyss, skolebuskørsel and kørsel af specialelever,
/// koulukuljetukset, skólaakstur: kostnader per elev and per km, antal elever med skolskjuts and
/// andel av eleverna, busskort, upphandlade turer and viðaukar (Tranås and Skellefteå kommun, a
/// Länstrafik, a Dalarna kommun; Austevoll and Drammen kommune, KS and the fylkeskommunar;
/// Jammerbugt, København and Aabenraa Kommune; Opetushallitus, Kajaanin kaupunki, Kuntaliitto, the
/// aluehallintovirastot; Jöfnunarsjóður sveitarfélaga, Fjallabyggð, Dalvíkurbyggð; Swedish,
/// Norwegian, Danish, Finnish, Icelandic), saved untouched before they were analysed and
/// recomputed by hand (`tests/expectations/realheldout149.tsv`: 60 stated relations, 60 hold; no
/// real contradiction, so nothing is listed as `missed` - the Vestfirðir framlög 14,7 + 12,4 + 9,3
/// + 5,7 + 1,3 = 43,4 against the printed "samtals 43,5" is within the five terms' rounding).
#[test]
fn hundred_and_forty_ninth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout149",
        "tests/fixtures/real/heldout149",
        20,
        "tests/expectations/realheldout149.tsv",
    );
}

/// The hundred-and-fiftieth held-out set (`tests/fixtures/real/heldout150/`): 25 excerpts of
/// Nordic brott, trygghet och ordningsvakter - anmälda brott per kommun and per 100 000 / 1 000
/// invånare, förändring mellan år, kommunala väktare och ordningsvakter, skadegörelse, klotter
/// and hærverk costs (Brå via Siren, Stockholms läns kommuner, Luleå, Söderhamn, Stockholm,
/// Göteborg and Malmö, Sveriges kommuner och landsting, Sigtuna, Lerum, Enköping, Upplands-Bro;
/// Asker and Bærum, Politidirektoratet, Innlandet politidistrikt, FHI/SSB, SSB; Danmarks
/// Statistik with Stevns, Rigspolitiet, Det Kriminalpræventive Råd; Tilastokeskus, Sisä-Suomen
/// poliisilaitos; Ríkislögreglustjóri, Lögreglan á Suðurnesjum; Føroya Politi; Swedish,
/// Norwegian, Danish, Finnish, Icelandic, Faroese), saved untouched before they were analysed and
/// recomputed by hand (`tests/expectations/realheldout150.tsv`: 80 stated relations, 80 hold; no
/// real contradiction, so nothing is listed as `missed`).
#[test]
fn hundred_and_fiftieth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout150",
        "tests/fixtures/real/heldout150",
        25,
        "tests/expectations/realheldout150.tsv",
    );
}

/// The hundred-and-fifty-first held-out set (`tests/fixtures/real/heldout151/`): 28 excerpts of
/// Nordic kommunal finansförvaltning - låneskuld, lånegjeld, gæld, lainakanta and skuldir per
/// invånare and in percent of driftsinntekter, låneopptak, avdrag, räntekostnader and
/// genomsnittsränta, kapital- och räntebindning, kassebeholdning, Kommuninvest and Lánasjóður
/// sveitarfélaga (Kommuninvest, SKR, Sollefteå, Sundsvall, Härnösand, Ånge; Steinkjer and Verran,
/// SSB, the norske kommuner, Sogn og Fjordane, Eid, Sør-Aurdal, Storfjord; Varde, De Kommunale
/// Nøgletal, Fredensborg, Dragør, Social- og Indenrigsministeriet; Etelä-Pohjanmaan liitto,
/// Kuntaliitto; Samband íslenskra sveitarfélaga with Reykjavíkurborg and the Vestfirðir
/// sveitarfélög, Gaumur, the five largest sveitarfélög, the Strandir hreppar, Austurland,
/// Lánasjóður sveitarfélaga; Swedish, Norwegian, Danish, Finnish, Icelandic), saved untouched
/// before they were analysed and recomputed by hand (`tests/expectations/realheldout151.tsv`: 129
/// stated relations, 129 hold; no real contradiction, so nothing is listed as `missed`).
#[test]
fn hundred_and_fifty_first_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout151",
        "tests/fixtures/real/heldout151",
        28,
        "tests/expectations/realheldout151.tsv",
    );
}

/// The hundred-and-fifty-second held-out set (`tests/fixtures/real/heldout152/`): 24 excerpts of
/// Nordic folkhälsa och vaccination - vaccinationstäckning mot influensa per region and kommun,
/// barnvaccinationsprogram (MFR, MMR, meslinger), HPV-vaccination and HPV-självprov, screening
/// mot livmoderhalscancer, koronarokotuskattavuus per kunta (NKCx, Folkhälsomyndigheten, Region
/// Skåne, Region Västernorrland, Region Stockholm, Cancerfonden; Folkehelseinstituttet, Nesodden
/// and Lørenskog; Statens Serum Institut, Sundhedsstyrelsen; THL, Kalajoki, Lestijärvi, Toholampi,
/// Kannus and Sievi; sóttvarnalæknir; Swedish, Norwegian, Danish, Finnish, Icelandic), saved
/// untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout152.tsv`: 154 stated relations, 147 hold; the 7 real
/// contradictions - seven 2022 Screening Andel cells of NKCx's självprov table, 48 %, 46 %, 61 %,
/// 50 %, 13 %, 17 % and 31 % against their Antal / Totalt - are listed as `missed`).
#[test]
fn hundred_and_fifty_second_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout152",
        "tests/fixtures/real/heldout152",
        24,
        "tests/expectations/realheldout152.tsv",
    );
}

/// The hundred-and-fifty-third held-out set (`tests/fixtures/real/heldout153/`): 19 excerpts of
/// Nordic pensionsskuld och pensionsförpliktelser - ansvarsförbindelse and avsättning,
/// pensionskostnader, premieavvik, pensjonsmidler and pensjonsforpliktelser in KLP, SPK and a
/// kommunal pensjonskasse, premiefond, eläkemaksut, tjenestemandspensioner, lífeyrisskuldbindingar
/// and Brú (Møre og Romsdal fylkeskommune, Sandnes, Hustadvika, the merging kommuner's
/// pensjonskasser; Keva; the kommuner after Danmarks Statistik and KL; SKR, Skandia, KPA Pension,
/// Utjämningskommittén, Filipstad; Fjallabyggð, Seltjarnarnes, Vestmannaeyjar, Ísafjarðarbær, Brú
/// lífeyrissjóður; Swedish, Norwegian, Danish, Finnish, Icelandic), saved untouched before they
/// were analysed and recomputed by hand (`tests/expectations/realheldout153.tsv`: 132 stated
/// relations, 124 hold; the 8 real contradictions - five cells of Sandnes' note 5 (SPK's
/// premieavvik 5 602 397 with its sign lost, the SUM cells 83 244 723 and 11 737 506 against
/// their rows, the pensjonsmidler SUM 4 892 596 446 3 000 over its row and the netto 572 302 284
/// under it), Brú's Samtals 18.548 virkir sjóðfélagar against 18.547, its A deild hrein eign
/// printed 197.197 and 197.195, and Fjallabyggð's 8,6 % for 285 / 3.279 = 8.69 % - are listed as
/// `missed`).
#[test]
fn hundred_and_fifty_third_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout153",
        "tests/fixtures/real/heldout153",
        19,
        "tests/expectations/realheldout153.tsv",
    );
}

/// The hundred-and-fifty-fourth held-out set (`tests/fixtures/real/heldout154/`): 29 excerpts of
/// Nordic förskola och barnomsorg - barngruppernas storlek and personaltäthet (barn per
/// årsarbetare, børn pr. voksen, barn per ansatt, bemanningsnorm), barn i barnehage and leikskóli
/// by age, fylke and eierforhold, dekningsgrad and osallistumisaste, familiebarnehager, bið eftir
/// leikskólaplássi, förskoleplats i tid, dagtilbudspladser and takster (SKL, Skolverket,
/// Barnverket, Laxå, Upplands Väsby; Kunnskapsdepartementet, Utdanningsdirektoratet, Statistisk
/// sentralbyrå; Danmarks Statistik, Lyngby-Taarbæk and Varde, FOA; Länsi- ja Sisä-Suomen
/// aluehallintovirasto, Opetushallitus; Hagstofa Íslands, Reykjavíkurborg; Swedish, Norwegian,
/// Danish, Finnish, Icelandic), saved untouched before they were analysed and recomputed by hand
/// (`tests/expectations/realheldout154.tsv`: 280 stated relations, 279 hold; the real
/// contradiction - SSB's 2003 row of barn i barnehager 2000-2007, I alt 211 897 against its age
/// columns' 205 172 - is listed as `missed`).
#[test]
fn hundred_and_fifty_fourth_held_out_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realheldout154",
        "tests/fixtures/real/heldout154",
        29,
        "tests/expectations/realheldout154.tsv",
    );
}

/// The sweep set (`tests/fixtures/real/sweep/`): 12 excerpts of Norwegian and Danish
/// public records (Molde, Hustadvika, Iris Salten IKS, Ikast-Brande, Grønlands Statistik, the
/// Kultur- og kirkedepartementet) saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realsweep.tsv`): every claim judged, the false one kept as `false`.
#[test]
fn sweep_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realsweep",
        "tests/fixtures/real/sweep",
        12,
        "tests/expectations/realsweep.tsv",
    );
}

/// The second sweep set (`tests/fixtures/real/sweep2/`): 32 excerpts of Icelandic, Faroese,
/// Danish, Norwegian, Finnish and Swedish public records in no earlier set (fee pages and
/// takstblade, an Árbók sveitarfélaga table, a Faroese eykajáttan bill, hreppsnefnd minutes,
/// årsberetninger) saved before justera was run on them and recomputed by hand
/// (`tests/expectations/realsweep2.tsv`: no claim at first measurement, 1 real contradiction -
/// a Niðurstaða án fjármagnsliða 100 off - listed as `missed`).
#[test]
fn second_sweep_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realsweep2",
        "tests/fixtures/real/sweep2",
        32,
        "tests/expectations/realsweep2.tsv",
    );
}

/// The tariff set (`tests/fixtures/real/tariff/`): 6 fee pages (VA-taxa, renhållning,
/// renovasjon) of Swedish and Norwegian bodies in no other set, collected from the `pages`
/// corpus to tune the fee readings (PROD004, PROD005) on more than the pages that showed
/// them; every relation recomputed by hand (`tests/expectations/realtariff.tsv`).
#[test]
fn tariff_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realtariff",
        "tests/fixtures/real/tariff",
        6,
        "tests/expectations/realtariff.tsv",
    );
}

/// The bar-cells set (`tests/fixtures/real/barcells/`): 6 statistics pages (Statistisk
/// sentralbyrå's tables flattened one cell per line with a " |" after each cell, or as rows
/// between bars, and a Finnish cancer registry's), with a stated "I alt" total over its age
/// columns on one of them, collected from the `pages` corpus to tune the bar reader's
/// header and SUM002's exact counts; every relation recomputed by hand
/// (`tests/expectations/realbarcells.tsv`).
#[test]
fn barcells_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realbarcells",
        "tests/fixtures/real/barcells",
        6,
        "tests/expectations/realbarcells.tsv",
    );
}

/// The bands set (`tests/fixtures/real/bands/`): 11 income band pages (Norwegian
/// egenbetaling and trygghetsalarm by G, a barnehage's income bands, Swedish avgiftsklasser,
/// Danish tilskud and friplads steps, Finnish tulorajat) of bodies in no other set, collected
/// from the `pages` corpus to tune REL011, and a modified copy of one; every boundary and
/// every n × G recomputed by hand (`tests/expectations/realbands.tsv`).
#[test]
fn bands_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realbands",
        "tests/fixtures/real/bands",
        12,
        "tests/expectations/realbands.tsv",
    );
}

/// The sharewhole set (`tests/fixtures/real/sharewhole/`): 10 real pages (Finnish, Swedish,
/// Norwegian, Icelandic and Danish news and agency pages on asylum decisions, applications,
/// staff and aid) with a share of a whole named in the same or the previous sentence as a count
/// ("Av landets … kommuner", "… päätöstä. Näistä 25 prosenttia eli 1 879"), collected from the
/// `pages` corpus to tune TXT006's share of the previous sentence's count; every share
/// recomputed by hand, read before / read after / stated per file in
/// `tests/expectations/realsharewhole.tsv`.
#[test]
fn sharewhole_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realsharewhole",
        "tests/fixtures/real/sharewhole",
        10,
        "tests/expectations/realsharewhole.tsv",
    );
}

/// The totalrows set (`tests/fixtures/real/totalrows/`): 8 real tables with total rows and
/// total columns (Opetushallitus' oppilasmäärät, SSB's skatteinngang and stortingsvalg,
/// Esbjerg Kommune's budget by politikområde, Hagstofa Íslands' mannfjöldi, Helsingborgs
/// driftsredovisning), collected from the `pages` corpus to tune the reading of totals;
/// every stated relation counted by hand, read before / read after / stated per file in
/// `tests/expectations/realtotalrows.tsv`.
#[test]
fn totalrows_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realtotalrows",
        "tests/fixtures/real/totalrows",
        8,
        "tests/expectations/realtotalrows.tsv",
    );
}

/// The proseshare set (`tests/fixtures/real/proseshare/`): 19 news items, press releases and
/// statistics pages in five languages stating a share in prose together with counts
/// ("haki 151 700 hakijaa, joista opiskelupaikan sai 48 100, eli 32 %", "Av 214 ansökningar
/// 2016 så beviljades 181 st vilket ger 85%", "6,2%, þ.e. 449 íbúar af 6.751"), collected from
/// the `pages` corpus to tune TXT006's share clauses; every share recomputed by hand, the
/// relations each page states counted against those read (`tests/expectations/realproseshare.tsv`).
#[test]
fn proseshare_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realproseshare",
        "tests/fixtures/real/proseshare",
        19,
        "tests/expectations/realproseshare.tsv",
    );
}

/// The onechange set (`tests/fixtures/real/onechange/`): 14 news items and statistics pages in
/// five languages telling a change with both its levels ("økt med 746 nye innbyggere, fra
/// 59.288 innbyggere i 2020 til 60.034 innbyggere i 2021", "fjölgaði … eða um 10,9% en íbúum þar
/// fjölgaði úr 626 í 694 íbúa", "faldt … med 1.300 fra 111.600 til 110.300"), most holding,
/// collected from the `pages` corpus to tune TXT007's reading of a change in one sentence;
/// every relation recomputed by hand, stated / read before / read after per file in
/// `tests/expectations/realonechange.tsv`.
#[test]
fn onechange_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realonechange",
        "tests/fixtures/real/onechange",
        14,
        "tests/expectations/realonechange.tsv",
    );
}

/// The kvheader set (`tests/fixtures/real/kvheader/`): 5 pages with key-figure tables whose
/// columns are quarters, tertials or other periods shorter than a year (Helsedirektoratet's
/// kvartals- and tertialrapporter, Rottneros' quarterly income statement), collected from
/// the `pages` corpus to tune the one-cell-per-line reader's headers of such periods; their
/// names repeat or their rows are read as before, so none may change
/// (`tests/expectations/realkvheader.tsv`).
#[test]
fn kvheader_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realkvheader",
        "tests/fixtures/real/kvheader",
        5,
        "tests/expectations/realkvheader.tsv",
    );
}

/// The rates2 set (`tests/fixtures/real/rates2/`): 6 fee pages stating a rule that derives
/// one price from another ("med ett påslag på 18 kronor", "ett tillägg på 75%", "en reduksjon
/// på 30%") and one modified copy, collected from the `pages` corpus to tune PROD007's derived
/// columns; every derived figure recomputed by hand (`tests/expectations/realrates2.tsv`).
#[test]
fn rates2_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realrates2",
        "tests/fixtures/real/rates2",
        7,
        "tests/expectations/realrates2.tsv",
    );
}

/// The prosediff set (`tests/fixtures/real/prosediff/`): 6 pages (Icelandic population news,
/// a Finnish institute's talouskatsaus, Norwegian and Danish visitor and pupil counts) where a
/// difference is told in prose beside the two figures it lies between, collected from the
/// `pages` corpus to tune TXT006's Icelandic "úr A í B eða um C" and "fækkaði um C, fór úr A
/// í B"; every stated difference recomputed by hand, all hold
/// (`tests/expectations/realprosediff.tsv`).
#[test]
fn prosediff_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realprosediff",
        "tests/fixtures/real/prosediff",
        6,
        "tests/expectations/realprosediff.tsv",
    );
}

/// The prosechange set (`tests/fixtures/real/prosechange/`): 9 pages (Icelandic hotel-night
/// news, a Danish turisme newsletter, Helsinki's henkilöstöraportti, Finnish and Swedish news)
/// where a percent change is stated in prose beside (or without) the two figures it lies
/// between, collected from the `pages` corpus to tune TXT007's change whose two figures the
/// neighbouring sentence sets against each other (src/check/rules/txt/contrast.rs); every
/// stated relation recomputed by hand, all hold (`tests/expectations/realprosechange.tsv`,
/// with the read rate per file).
#[test]
fn prosechange_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realprosechange",
        "tests/fixtures/real/prosechange",
        9,
        "tests/expectations/realprosechange.tsv",
    );
}

/// The befolkning set (`tests/fixtures/real/befolkning/`): 18 pages (statistics-office news
/// and tables, Åland, Icelandic and Faroese local news, in six Nordic languages) stating
/// population accounting — births − deaths = födelseöverskott, moved in − out = flyttnetto,
/// immigrated − emigrated = invandringsöverskott — collected from the `pages` corpus to tune
/// TXT010 and REL003's population rows; every relation of the shape recomputed by hand, with
/// the read rate per file (`tests/expectations/realbefolkning.tsv`).
#[test]
fn befolkning_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realbefolkning",
        "tests/fixtures/real/befolkning",
        18,
        "tests/expectations/realbefolkning.tsv",
    );
}

/// The pctpairs set (`tests/fixtures/real/pctpairs/`): 7 pages (Norwegian budget and tax
/// news, Swedish school statistics, SSB) where a sentence points back with a change in
/// percent after sentences with figures, collected from the `pages` corpus to tune TXT007's
/// change in percent pointing back to two figures; none prints both terms of its percent,
/// so none may be read (`tests/expectations/realpctpairs.tsv`).
#[test]
fn pctpairs_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realpctpairs",
        "tests/fixtures/real/pctpairs",
        7,
        "tests/expectations/realpctpairs.tsv",
    );
}

/// The votes set (`tests/fixtures/real/votes/`): 12 excerpts with omröstningar (Swedish
/// KS, riksdag and a local notice; Åland's lagting; Norwegian meeting systems' FOR/MOT
/// lists; a Danish byråd and the Folketing) and one modified copy with one vote moved, collected from the
/// `pages` corpus to tune FORM011; every vote counted by hand
/// (`tests/expectations/realvotes.tsv`).
#[test]
fn votes_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realvotes",
        "tests/fixtures/real/votes",
        13,
        "tests/expectations/realvotes.tsv",
    );
}

/// The label-product set (`tests/fixtures/real/labelprod/`): 11 fee pages (bygglovstaxor
/// with worked examples, VA anläggningsavgift examples, Nordic gebyr pages) whose rows write
/// their arithmetic in the label or a column of factors, collected from the `pages` corpus
/// to tune PROD006; every example recomputed by hand (`tests/expectations/reallabelprod.tsv`).
#[test]
fn labelprod_real_texts_report_only_judged_findings() {
    judge_text_set(
        "reallabelprod",
        "tests/fixtures/real/labelprod",
        11,
        "tests/expectations/reallabelprod.tsv",
    );
}

/// The share-of-another-row set (`tests/fixtures/real/pctof/`): 10 fee pages (kulturskole,
/// SFO and barnehage satser with søskenmoderasjon, a vassverk's del-abonnement, a Danish
/// private pasning's capped tilskud) stating a share of another figure on the page, collected
/// from the `pages` corpus to tune PCT004; every share recomputed by hand
/// (`tests/expectations/realpctof.tsv`).
#[test]
fn pctof_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realpctof",
        "tests/fixtures/real/pctof",
        10,
        "tests/expectations/realpctof.tsv",
    );
}

/// The period set (`tests/fixtures/real/period/`): 8 pages (SCB's hyresrätter, two Danish
/// antenneforeninger, a Norwegian medlemsavgift, a barnehage's makspris, Ekorosk's fasta
/// avgifter) stating one amount for two periods, collected from the `pages` corpus to tune
/// REL010; every pair recomputed by hand (`tests/expectations/realperiod.tsv`).
#[test]
fn period_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realperiod",
        "tests/fixtures/real/period",
        8,
        "tests/expectations/realperiod.tsv",
    );
}

/// The pairs set (`tests/fixtures/real/pairs/`): 10 fee pages (Danish, Norwegian and
/// Finnish vandværker, renovasjon, slamgebyr, a kontingent, a makspris) printing a price
/// without and with VAT or one amount for two periods, in one line of running text or in
/// tables, collected from the `pages` corpus to tune REL008 and REL010; every pair
/// recomputed by hand (`tests/expectations/realpairs.tsv`).
#[test]
fn pairs_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realpairs",
        "tests/fixtures/real/pairs",
        10,
        "tests/expectations/realpairs.tsv",
    );
}

/// The VAT-rows set (`tests/fixtures/real/vatrows/`): 10 fee pages from Denmark, Sweden,
/// Norway and Finland that print each price without and with VAT in a table (headers over
/// several lines, one cell per line, two years' pairs side by side, a line per price),
/// saved before REL008's table readings were tried on them; every pair recomputed by hand
/// (`tests/expectations/realvatrows.tsv`).
#[test]
fn vatrows_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realvatrows",
        "tests/fixtures/real/vatrows",
        10,
        "tests/expectations/realvatrows.tsv",
    );
}

/// The keyfig set (`tests/fixtures/real/keyfig/`): 7 pages that print key ratios beside
/// the figures they derive from (Luleå kommun's fem år i sammandrag, Leppävirta's
/// tunnusluvut, Nordic company pages), saved before REL009 ran on them, and one copy with
/// a soliditet changed; every derivable ratio recomputed by hand
/// (`tests/expectations/realkeyfig.tsv`).
#[test]
fn keyfig_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realkeyfig",
        "tests/fixtures/real/keyfig",
        9,
        "tests/expectations/realkeyfig.tsv",
    );
}

/// The percap set (`tests/fixtures/real/percap/`): 8 key-figure pages of Nordic kommuner,
/// bolag and companies (fem år i sammandrag, översikt, nøgletal, flerårsöversikt) printing
/// amounts per invånare and key ratios beside the figures they derive from, saved before
/// REL009 read their populations' dates, and one copy with an amount per invånare
/// changed; every derivable ratio recomputed by hand (`tests/expectations/realpercap.tsv`).
#[test]
fn percap_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realpercap",
        "tests/fixtures/real/percap",
        9,
        "tests/expectations/realpercap.tsv",
    );
}

/// The cells set (`tests/fixtures/real/cells/`): 9 fee pages (VA-taxa, vandværk takster,
/// avfall and slam fees; Swedish, Danish and Finnish bodies in no other set) whose tables
/// lose their cells in text: currency marks before or after the figure, one figure per
/// line, a row's label on the line above; every relation recomputed by hand
/// (`tests/expectations/realcells.tsv`).
#[test]
fn cells_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realcells",
        "tests/fixtures/real/cells",
        9,
        "tests/expectations/realcells.tsv",
    );
}

/// Real tables flattened into one line (`tests/fixtures/real/oneline/`: docplayer
/// transcripts, figures damaged by the transcript), read by `src/table/oneline.rs`:
/// every claim judged in `tests/expectations/realoneline.tsv`, damaged rows kept as rows
/// not read, never guessed.
#[test]
fn oneline_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realoneline",
        "tests/fixtures/real/oneline",
        3,
        "tests/expectations/realoneline.tsv",
    );
}

/// Real tables whose cells the page glues together without separators
/// (`tests/fixtures/real/glued/`, issue 12): every claim judged in `realglued.tsv`.
#[test]
fn glued_real_tables_report_only_judged_findings() {
    judge_text_set(
        "realglued",
        "tests/fixtures/real/glued",
        2,
        "tests/expectations/realglued.tsv",
    );
}

/// Flattened statements whose cells one space sets apart, as the thousands are
/// (`tests/fixtures/real/joint/`, h-joint): every claim judged in `realjoint.tsv`.
#[test]
fn joint_real_tables_report_only_judged_findings() {
    judge_text_set(
        "realjoint",
        "tests/fixtures/real/joint",
        3,
        "tests/expectations/realjoint.tsv",
    );
}

/// Real tables that do contradict themselves, and modified copies of held-out excerpts
/// with one figure changed (`tests/fixtures/real/contradictions/`): the recall set. Every
/// contradiction in them is listed in `realcontra.tsv` (`real` when found, `missed` when
/// not yet), so the test prints the recall and fails when a found one is lost.
#[test]
fn real_contradictions_are_found() {
    judge_text_set(
        "realcontra",
        "tests/fixtures/real/contradictions",
        6,
        "tests/expectations/realcontra.tsv",
    );
}

/// The hundred set (`tests/fixtures/real/hundred/`): 11 real pages dividing a whole in
/// words ("så här används en hundralapp", "av din skattekrona går", "fördelning av
/// intäkter" in percent, Danish and Norwegian counterparts) of bodies in no earlier set,
/// saved untouched before justera was run on them, every list recomputed by hand
/// (`tests/expectations/realhundred.tsv`): the lists that hold, those that are not the
/// whole division (must stay silent), and Olofström's comparison column that makes 104,1
/// kr of a hundralapp (TXT005).
#[test]
fn hundred_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realhundred",
        "tests/fixtures/real/hundred",
        11,
        "tests/expectations/realhundred.tsv",
    );
}

/// The prose-arithmetic set (`tests/fixtures/real/prosearith/`): 18 real pages stating
/// arithmetic in running text ("ökade med 2 procent till 3 249 (3 320) mkr", "319 miljoner
/// kronor (275), en ökning med 16,0 procent", Norwegian and Danish news on results) of
/// bodies in no earlier set, saved untouched before TXT006 was run on them, every stated
/// relation recomputed by hand (`tests/expectations/realprosearith.tsv`): 11 read by TXT006,
/// all holding; no contradiction in the pages.
#[test]
fn prosearith_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realprosearith",
        "tests/fixtures/real/prosearith",
        18,
        "tests/expectations/realprosearith.tsv",
    );
}

/// The prose-ratio set (`tests/fixtures/real/proseratio/`): 9 real pages stating a share or
/// ratio in running text ("671 mkr. eða 21.5% af tekjum", "sem er um 15% af heildartekjum",
/// "110,8 prosent av brutto driftsinntekter", "eða 51,8% af heildarlaunum"), saved untouched,
/// every ratio recomputed by hand (`tests/expectations/realproseratio.tsv`): TXT007's ratio
/// reading checks Fjallabyggð's, which holds, and stays silent where the base is not printed
/// or could be another figure (Viðskiptablaðið's heildarlaun of two years).
#[test]
fn proseratio_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realproseratio",
        "tests/fixtures/real/proseratio",
        9,
        "tests/expectations/realproseratio.tsv",
    );
}

#[test]
fn real_texts_report_only_judged_findings() {
    judge_text_set(
        "realtext",
        "tests/fixtures/real",
        3,
        "tests/expectations/realtext.tsv",
    );
}

/// Real balanskravsutredningar (`tests/fixtures/real/balans/`, issue 12), collected to
/// learn the form's label variants and signs for BAL003 and judged by hand
/// (`tests/expectations/realbalans.tsv`) the same way as the held-out sets.
#[test]
fn balans_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realbalans",
        "tests/fixtures/real/balans",
        4,
        "tests/expectations/realbalans.tsv",
    );
}

/// Finnish kunta statements, in Finnish and in Swedish (`tests/fixtures/real/finland/`):
/// tuloslaskelmat and key-figure tables of kunnat and kuntakonsernit in no earlier set,
/// collected to read the Finnish form's chain (toimintakate, vuosikate, tilikauden tulos,
/// tilikauden ylijäämä) and judged by hand (`tests/expectations/realfinland.tsv`).
#[test]
fn finland_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realfinland",
        "tests/fixtures/real/finland",
        5,
        "tests/expectations/realfinland.tsv",
    );
}

/// Real tables that group thousands with a point ("-2.093,8") or are written one cell per
/// line (`tests/fixtures/real/dots/`), collected to check that those readings are general
/// (`tests/expectations/realdots.tsv`); judged the same way as the held-out sets.
#[test]
fn dots_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realdots",
        "tests/fixtures/real/dots",
        3,
        "tests/expectations/realdots.tsv",
    );
}

/// Real tables as `pdftotext -layout` writes them (`tests/fixtures/real/layout/`): columns
/// aligned by spaces, placed by the character columns of their figures
/// (`src/table/aligned.rs`); every claim judged in `tests/expectations/reallayout.tsv`.
#[test]
fn layout_real_texts_report_only_judged_findings() {
    judge_text_set(
        "reallayout",
        "tests/fixtures/real/layout",
        3,
        "tests/expectations/reallayout.tsv",
    );
}

/// The groups set (`tests/fixtures/real/groups/`): 7 real pages whose figures are written
/// with spaces as thousands separators in flattened tables, so that a row's digit groups
/// split into cells more than one way (Fræna 2021 and 2022 and Hustadvika 2020
/// rammeområdene, Nynäshamn 2021 RR and BR, Vanda stad's bokslut 2008, Hansel's
/// tuloslaskelma 2021), collected from the `pages` corpus by h-glued2, and two modified
/// copies with one figure changed; every relation recomputed by hand
/// (`tests/expectations/realgroups.tsv`).
#[test]
fn groups_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realgroups",
        "tests/fixtures/real/groups",
        9,
        "tests/expectations/realgroups.tsv",
    );
}

/// The restate set (`tests/fixtures/real/restate/`): 7 budget news items and texts stating
/// allocations in prose (Danish økonomiaftale, Norwegian tilleggsbevilgning and
/// skjønnstilskudd, Region Skåne's kulturnämnd budgets, the state's kulturbudget), collected
/// from the `pages` corpus to tune TXT008's reading of one allocation named twice; every
/// figure stated twice judged by hand (`tests/expectations/realrestate.tsv`).
#[test]
fn restate_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realrestate",
        "tests/fixtures/real/restate",
        7,
        "tests/expectations/realrestate.tsv",
    );
}

/// The prosetable set (`tests/fixtures/real/prosetable/`): 7 pages where the sentence before
/// (or after) a list or table states its total or a count (Kulturdepartementet's forskot på
/// spelemidlar, the Arvsfond's Projektbarometern by län, Höganäs' kulturföreningar, Vaggeryd's
/// and Asker's mandatfördelning, a Danish fond's list, a Storting white paper's table of
/// grants by department), collected from the `pages` corpus to tune TXT009,
/// and a modified copy of one; every stated total and count recomputed by hand
/// (`tests/expectations/realprosetable.tsv`).
#[test]
fn prosetable_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realprosetable",
        "tests/fixtures/real/prosetable",
        8,
        "tests/expectations/realprosetable.tsv",
    );
}

/// The stattables set (`tests/fixtures/real/stattables/`): 12 flattened statistics tables
/// from public pages (SSB's skatterekneskap by fylke and by kommune, Kommunal Rapport,
/// Tilastokeskus, Opetushallitus, Trap Danmark, ÅSUB, timarit.is, SCB) in five languages, and
/// a modified copy of one; every stated relation counted and recomputed by hand, the read rate
/// before and after in the tsv's header (`tests/expectations/realstattables.tsv`).
#[test]
fn stattables_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realstattables",
        "tests/fixtures/real/stattables",
        13,
        "tests/expectations/realstattables.tsv",
    );
}

/// The statfirst set (`tests/fixtures/real/statfirst/`): 9 statistics tables whose total
/// stands first (SSB, SCB, Eläketurvakeskus, THL, the Finnish Cancer Registry, Hagstofa
/// Íslands on timarit.is) — the whole area's row above its parts, the total column left of its
/// parts — with averages and hierarchies that must stay silent; every stated relation counted
/// by hand, the read rate before and after in the tsv's header
/// (`tests/expectations/realstatfirst.tsv`).
#[test]
fn statfirst_tuning_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realstatfirst",
        "tests/fixtures/real/statfirst",
        9,
        "tests/expectations/realstatfirst.tsv",
    );
}

/// The popbalance set (`tests/fixtures/real/popbalance/`): 20 pages (Hagstofa Íslands' quarterly
/// notes as Viðskiptablaðið and Viljinn print them, RÚV, Danmarks Statistik, Sjællandske and
/// JydskeVestkysten, SSB's quarter tables, Osterøy kommune, Tilastokeskus via MTV and Mäntsälä,
/// ÅSUB via Nya Åland, Ålands Radio and Ålandstidningen, Smålandsposten, Sveriges Radio, a
/// Upplands-Bro blog) telling a population's growth beside its components or its counts at two
/// dates, collected from the `pages` corpus to tune TXT010's growth = födelseöverskott + flyttnetto
/// (src/check/rules/txt/popgrowth.rs); every relation of the shape recomputed by hand, with the
/// read rate per file (`tests/expectations/realpopbalance.tsv`).
#[test]
fn popbalance_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realpopbalance",
        "tests/fixtures/real/popbalance",
        20,
        "tests/expectations/realpopbalance.tsv",
    );
}

/// The prosediff tuning set (`tests/fixtures/real/prosediff2/`): 10 pages (Icelandic
/// population news, Faroese airport and airline counts, Finnish museum statistics, a Danish
/// attraction list) where a change is stated in prose with both its levels printed,
/// collected from the `pages` corpus to tune TXT007's change after its two levels set
/// against each other in one sentence, its change told first and restated as the later
/// level against the earlier, and TXT006's "A og er það fjölgun um C …, eða P%"; every
/// stated relation recomputed by hand, all hold (`tests/expectations/realprosediff2.tsv`).
#[test]
fn prosediff_tuning_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realprosediff2",
        "tests/fixtures/real/prosediff2",
        10,
        "tests/expectations/realprosediff2.tsv",
    );
}

/// The engstat set (`tests/fixtures/real/engstat/`): 14 English-language pages of Nordic public
/// bodies (Statistics Finland and The Finland Times after it, Statistics Iceland, Statistics
/// Faroe Islands and Local.fo after it, IceNews after Statistics Sweden, Statistics Norway's
/// English port tables), collected from the `pages` corpus to tune the page's number convention
/// (src/grammar/convention.rs: "19,210" a thousand and "0.93" a decimal on an English page) and
/// the English words of the vocabularies; every stated relation recomputed by hand, the read rate
/// before and after in the tsv's header (`tests/expectations/realengstat.tsv`). Each page's
/// convention is asserted too: English where its figures are, nothing decided on the Nordic-
/// figured page and on the pages that write SSB's spaces.
#[test]
fn engstat_tuning_real_texts_report_only_judged_findings() {
    let dir = manifest_dir().join("tests/fixtures/real/engstat");
    let vocab = justera::grammar::vocab::Vocabulary::builtin_shared();
    for file in texts_in(&dir) {
        let text = std::fs::read_to_string(&file).expect("fixture text");
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let english = justera::grammar::convention::census(text.lines(), vocab).english();
        let expected = !(name.starts_with("containers-")
            || name.contains("localfo")
            || name == "population-hagstova-2021-10.txt");
        assert_eq!(english, expected, "{name}: English figures decided");
    }
    judge_text_set(
        "realengstat",
        "tests/fixtures/real/engstat",
        14,
        "tests/expectations/realengstat.tsv",
    );
}

/// The flattened statistics tables tuning set (`tests/fixtures/real/flattables/`): 13 tables
/// of statistics offices and their publishers as web pages flatten them (Statistisk
/// sentralbyrå's fylke tables written with one space as both thousands separator and column
/// gap, its tables stored one cell per line, NAV's tables with their cells glued, a ministry's
/// year-led data sheet, Finland's cancer registry's population by age, Hagstofa's Landshagir,
/// Regionfakta after Socialstyrelsen), collected from the `pages` corpus to tune the reading of
/// rule lines between rows, year-led rows and rows a single space splits several ways; every
/// stated relation recomputed by hand, the read rate before and after in the tsv's header
/// (`tests/expectations/realflattables.tsv`).
#[test]
fn flattables_tuning_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realflattables",
        "tests/fixtures/real/flattables",
        13,
        "tests/expectations/realflattables.tsv",
    );
}

/// The prosepct set (`tests/fixtures/real/prosepct/`): 8 pages of Nordic public bodies and
/// the press after them (DAKOFA, Amaq, Kongsberg kommune, Visit Karlstad, B.T., Suomen
/// Kiinteistöliitto, Folkebladet, Kauniaisten kaupunki), collected from the `pages` corpus to
/// tune TXT006's reading of changes and percentages stated in prose across two sentences and
/// of a change stated as a limit ("ökat med över 60 % till … mot … för 2015"); every stated
/// relation recomputed by hand, none a contradiction, the read rate before and after in the
/// tsv's header (`tests/expectations/realprosepct.tsv`).
#[test]
fn prosepct_tuning_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realprosepct",
        "tests/fixtures/real/prosepct",
        8,
        "tests/expectations/realprosepct.tsv",
    );
}

/// The proseparts tuning set (`tests/fixtures/real/proseparts/`): 19 pages of 18 bodies in
/// Swedish, Norwegian, Danish, Finnish and Icelandic (kommuner, a region's fund, newspapers,
/// Hagstofa Íslands' Hagtíðindi, Grønlands Statistik), each stating a total and its parts in
/// prose or right beside it, collected from the `pages` corpus to tune the reading of a total
/// and its parts (src/check/rules/txt/parts.rs, grammars/parts.vocab: "varav", "hvorav",
/// "heraf", "joista", "þar af" lists, "fordelt på", the parts summed up after them, a second
/// column in parentheses); every stated relation recomputed by hand, the read rate before and
/// after in the tsv's header (`tests/expectations/realproseparts.tsv`).
#[test]
fn proseparts_tuning_real_texts_report_only_judged_findings() {
    judge_text_set(
        "realproseparts",
        "tests/fixtures/real/proseparts",
        19,
        "tests/expectations/realproseparts.tsv",
    );
}
