//! The cross-document stage on the real seeds: the balances of seed 000 § 4 are checked
//! and hold, a changed figure in a second document of the same owner is reported with
//! both places, and documents of another owner (or of none known) are compared with
//! nothing.

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
    let pf = justera::pipeline::process_file(
        path,
        &opts,
        justera::grammar::vocab::Vocabulary::builtin_shared(),
    )
    .expect("seed reads");
    let record = FileRecord::read(
        pf.path.to_string(),
        String::new(),
        pf,
        justera::grammar::vocab::Vocabulary::builtin_shared(),
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
            "UB 2021 - 4 460 = UB 2020 - 593 + utfall 2021 - 3 867",
        ),
        ("ekonomi", "UB 2021 6 883 = UB 2020 6 178 + utfall 2021 705"),
        (
            "personal",
            "UB 2021 1 700 = UB 2020 1 224 + utfall 2021 476",
        ),
        (
            "totalt",
            "UB 2021 4 123 = UB 2020 6 809 + utfall 2021 - 2 686",
        ),
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
        "Herrljunga kommun\nServicenämnd IT/Växel/Telefoni\n\n\
         Hantering av över- och underskott 2022\n\n\
         Servicenämnder\tIB 2022\tUtfall 2022\tUB 2022\n\
         IT, växel och telefoni\t-4 640\t100\t-4 540\n\
         Ekonomi\t6 883\t0\t6 883\n",
    )
    .unwrap();
    let mut facts = facts_of(&original);
    facts.extend(facts_of(&next));
    let result = cross::check(&facts);
    assert!(
        holding(&result, "XDOC001", "ekonomi: IB 2022 6 883"),
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
        format!("{total}: ub 2021 4 123 agrees"),
        format!("{total}: utfall 2021 - 2 686 agrees"),
        format!("{total}: ub 2020 6 809 agrees"),
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

/// Next year's balances of one nämnd, with the letterhead given.
fn next_year(dir: &Path, name: &str, letterhead: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!(
            "{letterhead}\n\n\
             Hantering av över- och underskott 2022\n\n\
             Servicenämnder\tIB 2022\tUtfall 2022\tUB 2022\n\
             IT, växel och telefoni\t-4 640\t100\t-4 540\n\
             Ekonomi\t6 000\t0\t6 000\n"
        ),
    )
    .unwrap();
    path
}

#[test]
fn documents_of_another_municipality_sharing_labels_and_periods_are_not_compared() {
    let tmp = tempfile::tempdir().unwrap();
    let mut facts = facts_of(&seed("000_a72e3e401d4a911d.txt"));
    // Same organ words, same labels and periods, figures that would fail: another
    // municipality's nämnd, so no relation and no finding.
    for (name, letterhead) in [
        ("lerum.txt", "Lerums kommun\nServicenämnd IT/Växel/Telefoni"),
        ("hallsberg.txt", "Hallsbergs kommun och Lerums kommun"),
        // No owner at all: compared with nothing outside itself.
        ("anonymous.txt", "Bilaga"),
    ] {
        facts.extend(facts_of(&next_year(tmp.path(), name, letterhead)));
    }
    let result = cross::check(&facts);
    let across: Vec<_> = result
        .relations
        .iter()
        .filter(|r| {
            let files: std::collections::BTreeSet<_> = r.places.iter().map(|p| &p.file).collect();
            files.len() > 1
        })
        .collect();
    assert!(across.is_empty(), "{across:#?}");
    assert!(
        result.findings.iter().all(|f| f.related.is_none()
            || f.related.as_ref().map(|r| &r.file) == Some(&f.provenance.file)),
        "{:#?}",
        result.findings
    );
    // The same text under the seed's own municipality and organ is compared.
    let own = next_year(
        tmp.path(),
        "herrljunga.txt",
        "Herrljunga kommun\nServicenämnd IT/Växel/Telefoni",
    );
    facts.extend(facts_of(&own));
    let result = cross::check(&facts);
    let carried: Vec<_> = result
        .findings
        .iter()
        .filter(|f| f.rule == "XDOC001")
        .collect();
    // IT -4 640 ≠ UB 2021 -4 460 and Ekonomi 6 000 ≠ 6 883: both carried-over checks.
    assert_eq!(carried.len(), 2, "{carried:#?}");
    assert!(carried
        .iter()
        .all(|f| f.provenance.file.ends_with("herrljunga.txt")));
    assert!(
        carried[0].message.contains("herrljunga kommun"),
        "{}",
        carried[0].message
    );
}
