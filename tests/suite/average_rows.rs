//! A total row that gives averages, not sums (a cost per pupil over the pupils it sums
//! in another column): where its figure is the parts' average weighted by a column it
//! sums in two columns at least, its other failing columns whose figure lies within the
//! parts' are not decided, not misprinted sums. The real case is OPH's esiopetus
//! kustannukset (heldout127).

use crate::common;

/// Invented: "Summa" sums Skolor and Elever, and gives each per-pupil column the average
/// weighted by Elever (59 667, 5 967, 85 800, 20 167); "Särskilt stöd" has one part other
/// than zero, 4 000, and the row 3 900.
const AVERAGES: &str = "Kostnader per elev 2024\n\
\n\
Huvudman\tSkolor\tElever\tUndervisning kr/elev\tLokaler kr/elev\tMåltider kr/elev\tSärskilt stöd kr/elev\tTotalt kr/elev\n\
Kommunala skolor\t12\t2 900\t60 000\t20 000\t6 000\t4 000\t86 000\n\
Fristående skolor\t4\t100\t50 000\t25 000\t5 000\t0\t80 000\n\
Övriga skolor\t1\t0\t0\t0\t0\t0\t0\n\
Summa\t17\t3 000\t59 667\t20 167\t5 967\t3 900\t85 800\n";

#[test]
fn a_row_of_weighted_averages_is_not_read_as_misprinted_sums() {
    let json = common::lint_text("averages.txt", AVERAGES);
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    let findings = common::findings_of(&json, "SUM001");
    let averaged: Vec<_> = findings
        .iter()
        .filter(|f| f.3.contains("the row gives averages, not sums"))
        .collect();
    // Every per-pupil column: Undervisning, Lokaler, Måltider, Särskilt stöd and Totalt.
    assert_eq!(averaged.len(), 5, "{findings:?}");
    assert!(averaged.iter().all(|f| f.0 == "info"), "{findings:?}");
    assert!(
        averaged
            .iter()
            .any(|f| f.2 == "3900" && f.3.contains("weighted by \"Elever\"")),
        "{findings:?}"
    );
}

/// The same table whose "Summa" sums every column but misprints Undervisning: no column
/// is an average, so the misprint stays an error.
#[test]
fn a_row_of_sums_keeps_its_misprint() {
    let text = "Kostnader 2024 (tkr)\n\
\n\
Huvudman\tSkolor\tElever\tUndervisning\tLokaler\tMåltider\tTotalt\n\
Kommunala skolor\t12\t2 900\t174 000\t58 000\t17 400\t249 400\n\
Fristående skolor\t4\t100\t5 000\t2 500\t500\t8 000\n\
Övriga skolor\t1\t0\t0\t0\t0\t0\n\
Summa\t17\t3 000\t178 000\t60 500\t17 900\t257 400\n";
    let json = common::lint_text("sums.txt", text);
    let errors: Vec<_> = common::findings_of(&json, "SUM001")
        .into_iter()
        .filter(|f| f.0 == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (errors[0].1.as_str(), errors[0].2.as_str()),
        ("179000", "178000")
    );
}
