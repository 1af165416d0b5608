//! The cross-document stage on the real seeds: the balances of seed 000 § 4 are checked
//! and hold, and a changed figure in a second document is reported with both places.

use justera::audit::record::FileRecord;
use justera::check::cross::{self, CrossResult};
use justera::check::facts::Fact;
use justera::ingest::IngestOptions;
use std::path::Path;

fn facts_of(path: &Path) -> Vec<Fact> {
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let pf = justera::pipeline::process_file(path, &opts).expect("seed reads");
    let record = FileRecord::read(
        pf.path.to_string(),
        String::new(),
        pf.pages,
        pf.report,
        &pf.documents,
        pf.findings,
        pf.stats,
    );
    record.facts
}

fn seed(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/seeds")
        .join(name)
}

fn holding(result: &CrossResult, rule: &str, needle: &str) -> bool {
    result
        .relations
        .iter()
        .any(|r| r.rule == rule && r.holds && r.statement.contains(needle))
}

#[test]
fn seed_000_section_4_balances_roll_forward_for_every_namnd_and_the_total() {
    let facts = facts_of(&seed("000_a72e3e401d4a911d.txt"));
    let result = cross::check(&facts);
    for (entity, statement) in [
        (
            "it/växel/telefoni",
            "UB 2021 -4460 = UB 2020 -593 + utfall 2021 -3867",
        ),
        ("ekonomi", "UB 2021 6883 = UB 2020 6178 + utfall 2021 705"),
        ("personal", "UB 2021 1700 = UB 2020 1224 + utfall 2021 476"),
        ("totalt", "UB 2021 4123 = UB 2020 6809 + utfall 2021 -2686"),
    ] {
        assert!(
            holding(&result, "XDOC002", statement),
            "{entity}: {statement} not checked; relations: {:#?}",
            result.relations
        );
    }
    assert_eq!(result.relations_failed, 0, "{:#?}", result.findings);
}

#[test]
fn a_balance_changed_in_another_document_is_reported_with_both_places() {
    let tmp = tempfile::tempdir().unwrap();
    // Next year's document opens with an IB that does not match this year's UB.
    let original = seed("000_a72e3e401d4a911d.txt");
    let next = tmp.path().join("next-year.txt");
    std::fs::write(
        &next,
        "Hantering av över- och underskott 2022\n\n\
         Servicenämnder\tIB 2022\tUtfall 2022\tUB 2022\n\
         IT, växel och telefoni\t-4 640\t100\t-4 540\n\
         Ekonomi\t6 883\t0\t6 883\n",
    )
    .unwrap();
    let mut facts = facts_of(&original);
    facts.extend(facts_of(&next));
    let result = cross::check(&facts);
    assert!(
        holding(&result, "XDOC001", "ekonomi: IB 2022 6883"),
        "{:#?}",
        result.relations
    );
    let carried: Vec<_> = result
        .findings
        .iter()
        .filter(|f| f.rule == "XDOC001")
        .collect();
    assert_eq!(carried.len(), 1, "{carried:#?}");
    let f = carried[0];
    assert!(f.provenance.file.ends_with("next-year.txt"));
    let related = f.related.as_ref().expect("names the other place");
    assert!(related.file.ends_with("000_a72e3e401d4a911d.txt"));
    assert_eq!(f.expected.map(|d| d.to_string()), Some("-4460".to_string()));
    assert_eq!(f.found.map(|d| d.to_string()), Some("-4640".to_string()));
}

#[test]
fn the_seed_and_its_pdf_name_the_section_4_total_alike_and_agree() {
    // The seed's table sits under a caption the PDF reader does not take for a title;
    // the total row must still be the same fact in both.
    let mut facts = facts_of(&seed("000_a72e3e401d4a911d.txt"));
    facts.extend(facts_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "corpus/pdf/herrljunga-vargarda-itvt-2022-03-02-protokoll.pdf",
    )));
    let result = cross::check(&facts);
    let total = "totalt[ekonomi + it/växel/telefoni + personal]";
    for statement in [
        format!("{total}: ub 2021 4123 agrees"),
        format!("{total}: utfall 2021 -2686 agrees"),
        format!("{total}: ub 2020 6809 agrees"),
    ] {
        assert!(
            holding(&result, "XDOC003", &statement),
            "{statement}: {:#?}",
            result
                .relations
                .iter()
                .map(|r| &r.statement)
                .collect::<Vec<_>>()
        );
    }
    assert_eq!(result.relations_failed, 0, "{:#?}", result.findings);
}
