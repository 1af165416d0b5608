//! A column of relative changes ("Vuosimuutos%", "Årsförändring %", "Endring i prosent")
//! is neither summed nor a share of a whole, whatever its figures: a change of +3 500 %
//! is still a percentage. The real case is Tilastokeskus' rakennusluvat table
//! (heldout129), whose "Asunnot yhteensä" row sums the counts and gives the total's own
//! change in each "Vuosimuutos%" column.

use crate::common;

/// Invented, shaped as the real table: "Asunnot yhteensä" sums the counts of three periods;
/// each "Vuosimuutos%" is the row's own change, some above 100, none of them a sum. The
/// session-start build claimed two of the change columns as misprinted sums.
const CHANGES: &str = "Myönnetyt rakennusluvat (kpl)\n\
\n\
Käyttötarkoitus\t1/2024\tVuosimuutos%\t1-3/2024\tVuosimuutos%\tLiukuva vuosisumma\tVuosimuutos%\n\
Asunnot yhteensä\t1 200\t40\t3 500\t12\t15 000\t3\n\
Pientalot\t500\t150\t1 400\t20\t6 000\t8\n\
Kerrostalot\t650\t8\t2 000\t5\t8 500\t1\n\
Muut\t50\t2400\t100\t60\t500\t110\n";

#[test]
fn a_column_of_relative_changes_is_not_summed() {
    let json = common::lint_text("changes.txt", CHANGES);
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    // The three count columns are still sums of the rows under "Asunnot yhteensä"; no
    // header "1/2024" is read as an equal split of one 2024th (ALLOC002).
    assert_eq!(json["stats"]["relations_checked"], 3, "{}", json["stats"]);
    assert!(common::findings_of(&json, "ALLOC002").is_empty());
}

/// The same table with a misprinted count: the count column's error stays, the change
/// columns stay silent.
#[test]
fn a_misprinted_count_beside_changes_is_still_an_error() {
    let json = common::lint_text("changes.txt", &CHANGES.replace("1 200\t40", "1 300\t40"));
    let claims = common::claims(&json);
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert!(format!("{claims:?}").contains("1/2024"), "{claims:?}");
    assert!(format!("{claims:?}").contains("SUM001"), "{claims:?}");
}
