//! Real protocols made by municipalities' own software (`../shared/realpdf/files`), checked
//! by hand against the PDF (`pdftotext -layout`, page images): the §§ with their titles,
//! dnr and decisions, the header, the justering from the e-signature page, and no false
//! FORM finding. The files are not in the repository (licences): a missing `../shared`
//! fails these tests, it never skips them. The Simrishamn protocol has two scanned pages
//! (17 and 25) that OCR reads in some 15 s of CPU; the structure tests read the text layer
//! only (`--ocr never`), the lint test reads the file as a user's run does.

use justera::document::Document;
use justera::ingest::IngestOptions;
use std::path::Path;
use std::process::Command;

const SIMRISHAMN: &str = "../shared/realpdf/files/se-simrishamn-spn-protokoll-2024-04-25.pdf";

/// Structure comes from the text layer; the scanned pages are OCR's tests' subject.
fn text_layer_only() -> justera::ingest::ocr::OcrOptions {
    justera::ingest::ocr::OcrOptions {
        mode: justera::ingest::ocr::OcrMode::Never,
        ..Default::default()
    }
}

fn process(path: &str) -> justera::pipeline::CheckedFile {
    assert!(
        Path::new(path).is_file(),
        "{path} is missing: these tests need ../shared (see README)"
    );
    let opts = IngestOptions {
        isolate: false,
        ocr: text_layer_only(),
        ..IngestOptions::default()
    };
    match justera::pipeline::process_file(
        Path::new(path),
        &opts,
        justera::grammar::vocab::Vocabulary::builtin_shared(),
    ) {
        Ok(f) => f,
        Err(e) => panic!("{path}: {e}"),
    }
}

fn protocol(path: &str) -> Document {
    let f = process(path);
    assert_eq!(f.documents.len(), 1, "{path} is one protocol");
    f.documents
        .into_iter()
        .next()
        .unwrap_or_else(|| unreachable!())
}

/// (§, dnr, title) as printed on each § page of the Simrishamn protocol.
const SIMRISHAMN_PARAGRAPHS: &[(u32, &str, &str)] = &[
    (66, "2024/1", "Upprop och val av justeringsperson"),
    (67, "2024/5", "Fastställande av föredragningslista"),
    (68, "2023/314", "Information; Genomlysning Österlen VA AB"),
    (69, "2020/858", "Information; Förfrågan om Simrishamns kommun vill köpa västra pirarmen i Vitemölla"),
    (70, "2024/3", "Redovisning av delegationsbeslut"),
    (71, "2023/314", "Genomlysning av Österlen VA AB - uppföljning/åtgärder"),
    (72, "2024/46", "Upphandling - service av Kommunens befintliga system av teknisk säkerhet, larmcentral samt support och utveckling av IT-system Unison"),
    (73, "2023/710", "Intresseanmälan att köpa mark - Borrby 6:21"),
    (74, "2024/28", "Kommunens ansvar för drift och underhåll av enskilda vägar - eventuella beslut undanröjs"),
    (75, "2024/191", "Hejdan 19 - Planbesked, upphävande av tomtindelningsplan"),
    (76, "2019/1005", "Detaljplan Del av Borrby 58:3 och Borrby S:35 - granskning 2"),
    (77, "2020/91", "Ändring av detaljplan, Simrishamn 2:80 - granskning"),
    (78, "2023/667", "Ändring av detaljplan för Hoby 1:51 och 1:52 - avskrivning"),
    (79, "2023/715", "Simrishamnsförslag ID: 2271 - Förslag för Måns Pers torg i Vitaby"),
    (80, "2024/89", "Initiativärende, vindskydd för fågelskådning - John Kvarnbäck (MP)"),
    (81, "2023/28", "Återrapportering till KS - Babet: investeringsprojektets fortgående och utgiftsutveckling"),
    (82, "2024/93", "Återrapportering till KS - Tobisviksbadet - investeringsprojektets fortgående och utgiftsutveckling"),
    (83, "2024/92", "Återrapportering till KS Korsavadsbadet - investeringsprojektets fortgående och utgiftsutveckling"),
    (84, "2024/32", "Nämndplan 2025-2029 (Budget 2025) - prioriteringar av VA-kollektivets förslag till investeringar"),
    (85, "2023/321", "Taxor och avgifter 2024 - justering av VA-taxa 2024, from 1 juli 2024"),
    (86, "2022/392", "Nominering till Österlens vattenråd (revisor med ersättare)"),
    (87, "2024/240", "Sommarkort 2024"),
    (88, "2024/2", "Meddelanden"),
    (89, "2024/4", "Förvaltningschefens information"),
];

#[test]
fn simrishamn_paragraphs_titles_and_dnr() {
    let d = protocol(SIMRISHAMN);
    let got: Vec<(u32, Vec<String>, String)> = d
        .paragraphs
        .iter()
        .map(|p| (p.number, p.dnr.clone(), p.title.clone()))
        .collect();
    let want: Vec<(u32, Vec<String>, String)> = SIMRISHAMN_PARAGRAPHS
        .iter()
        .map(|(n, dnr, t)| (*n, vec![dnr.to_string()], t.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn simrishamn_decisions() {
    let d = protocol(SIMRISHAMN);
    let decision = |n: u32| -> Vec<String> {
        d.paragraphs
            .iter()
            .find(|p| p.number == n)
            .map(|p| p.decision.clone())
            .unwrap_or_default()
    };
    // "SAMHÄLLSPLANERINGSNÄMNDENS BESLUT" and "•" att-satser.
    assert_eq!(
        decision(66),
        ["Inga-Lill Bjartén (S) väljs till att justera dagens protokoll."]
    );
    assert_eq!(
        decision(86),
        [
            "Nominera Inga-Lill Bjartén (S) fram till årsstämman 2026 för Österlens vattenråd.",
            "Förslaget lämnas till valberedningen för Österlens vattenråd."
        ]
    );
    // Two "•" att-satser, the first with three "-" sub-items.
    let d71 = decision(71);
    assert_eq!(d71.len(), 2, "{d71:?}");
    assert!(d71[0].starts_with("Uppdra åt samhällsbyggnadschefen att ta fram: – förslag till drift-, underhåll och förnyelseplan"));
    assert!(d71[1].starts_with("Uppdra åt förvaltningschefen att bereda frågan"));
    // "… BESLUTSFÖRSLAG TILL" / "KOMMUNFULLMÄKTIGE": the nämnd's proposal to KF is what
    // it decided; a "Anteckning till protokollet" after it is no att-sats.
    assert_eq!(
        decision(74),
        ["Alla tidigare tagna beslut om att kommunen ska ta över ansvaret för drift och underhåll från enskilda väghållare upphör genom detta beslut."]
    );
    assert_eq!(
        decision(85),
        [
            "För att finansiera VA-kollektivets ökade kostnader höjs VA-taxan med 8 % att gälla från 1 juli 2024.",
            "Uppdra åt samhällsbyggnadschefen att ta fram ett framräknat förslag.",
            "Paragrafen förklaras omedelbart justerad."
        ]
    );
    // "§ 79 forts" and the e-signing stamp at the foot of the page are not the decision.
    assert_eq!(
        decision(79),
        ["Samhällsplaneringsnämnden är positiv till Simrishamnsförslaget. Torget behöver genomgå en VA-sanering. Förslaget tas upp inför investeringsbudget 2026-2031. Simrishamnsförslaget bifalles."]
    );
    // Information items record no decision.
    for n in [68, 69, 88, 89] {
        assert!(decision(n).is_empty(), "§ {n}: {:?}", decision(n));
    }
    // Every other § has one.
    for p in &d.paragraphs {
        if ![68, 69, 88, 89].contains(&p.number) {
            assert!(!p.decision.is_empty(), "§ {} has no decision", p.number);
        }
    }
}

#[test]
fn simrishamn_header_and_justering() {
    let f = process(SIMRISHAMN);
    let d = &f.documents[0];
    let h = d.header.as_ref().expect("a protocol header");
    assert_eq!(h.organ.as_deref(), Some("Samhällsplaneringsnämnden"));
    assert_eq!(
        h.meeting_date.map(|x| x.to_string()).as_deref(),
        Some("2024-04-25")
    );
    assert_eq!(h.secretary.as_deref(), Some("Annette Knutsson"));
    assert_eq!(h.chair.as_deref(), Some("Carl-Göran Svensson"));
    assert_eq!(h.adjusters, ["Inga-Lill Bjartén"]);
    let n = h.notice.as_ref().expect("an anslag/bevis block");
    // "Datum för  2024-05-03  Datum för  2024-05-25" / "anslags uppsättande  anslags nedtagande".
    assert_eq!(
        n.posted.map(|x| x.to_string()).as_deref(),
        Some("2024-05-03")
    );
    assert_eq!(
        n.removed.map(|x| x.to_string()).as_deref(),
        Some("2024-05-25")
    );
    assert_eq!(
        n.storage.as_deref(),
        Some("Samhällsbyggnadsförvaltningen, Björkegrenska gården")
    );
    let adj = h.adjustment.as_ref().expect("Justeringens plats och tid");
    assert_eq!(adj.place.as_deref(), Some("Digitalt via netpublicator"));
    // The justering date stands only on the e-signature page (page 44: "Signed by:
    // CARL-GÖRAN SVENSSON  Date: 2024-05-02 10:24:52", "Signed by: INGALILL BJARTÉN
    // Date: 2024-05-02 10:28:43"); the last signature is the justering.
    let signed: Vec<(String, String)> = h
        .signatures
        .iter()
        .map(|s| (s.name.clone(), s.date.to_string()))
        .collect();
    assert_eq!(
        signed,
        [
            ("Carl-Göran Svensson".to_string(), "2024-05-02".to_string()),
            ("Ingalill Bjartén".to_string(), "2024-05-02".to_string())
        ]
    );
    assert_eq!(
        adj.date.map(|x| x.to_string()).as_deref(),
        Some("2024-05-02")
    );
    // Nothing on the protocol's pages reads as garbled any more.
    assert!(
        !f.report.warnings.iter().any(|w| w.contains("garbled")),
        "{:?}",
        f.report.warnings
    );
}

/// Page 44 of the Simrishamn protocol as pdftotext reads it: the e-signing stamps are
/// forms whose Arial subset is named "/C0_0" like the page's own (another subset), and
/// which are placed by the `cm` before their `Do`. Read with the page's font and without
/// the `cm`, the text came out as "Signat re referen e: f aa - e-" at the foot of the page.
#[test]
fn simrishamn_signature_page_text() {
    let path = Path::new(SIMRISHAMN);
    assert!(path.is_file(), "{SIMRISHAMN} is missing (../shared)");
    let opts = IngestOptions {
        isolate: false,
        ocr: text_layer_only(),
        ..IngestOptions::default()
    };
    let file = justera::ingest::read_file(path, &opts).unwrap_or_else(|e| panic!("{e}"));
    let laid = justera::layout::lay_out(file);
    let pages = &laid.pages;
    let page = pages
        .iter()
        .find(|p| p.number == 44)
        .expect("page 44 is read");
    let lines: Vec<&str> = page.lines.iter().map(|l| l.text.as_str()).collect();
    for want in [
        "Signed by: CARL-GÖRAN SVENSSON\tSigned by: INGALILL BJARTÉN",
        "Date: 2024-05-02 10:24:52\tDate: 2024-05-02 10:28:43",
        "BankID refno: 3fdb9fde-d7d9-47a7-8134-91482c5ac9e0\tBankID refno: ca9e9cd4-b85c-4f3e-990a-d88cec793128",
        "ordförande SPN: Carl-Göran Svensson\tledamot SPN: Ingalill Bjartén",
        "Kopia/bekräftelse på e-signerat dokument.",
    ] {
        assert!(lines.contains(&want), "{want:?} not in {lines:#?}");
    }
    // The page numbers at the foot of the pages (1–41, two scanned pages unnumbered)
    // are furniture, not the end of the last decision on the page.
    let page4 = pages.iter().find(|p| p.number == 4).expect("page 4");
    let last = page4.lines.last().expect("page 4 has text");
    assert_eq!((last.text.as_str(), last.furniture), ("4", true));
}

/// `justera parse --format json` gives the justering date read from the e-signature page.
#[test]
fn simrishamn_justering_date_on_the_command_line() {
    assert!(Path::new(SIMRISHAMN).is_file(), "{SIMRISHAMN} is missing");
    let out = Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["parse", "--ocr", "never", "--format", "json", SIMRISHAMN])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let header = &v["documents"][0]["header"];
    assert_eq!(header["adjustment"]["date"], "2024-05-02", "{header:#}");
    assert_eq!(header["signatures"][1]["name"], "Ingalill Bjartén");
}

/// The justering date read from an e-signature page written as text (the layout of the
/// Simrishamn page 44 when its glyphs decode, as `pdftotext -layout` prints it).
#[test]
fn justering_date_from_an_e_signature_page() {
    let dir = std::env::temp_dir().join(format!("justera-esign-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("protokoll.txt");
    let text = "Kommunstyrelsen\tSammanträdesprotokoll\n2024-03-13\n\
Plats och tid\tKommunhuset, kl 13.00-15.00\n\
Justeringens plats och tid\tDigitalt\n\
Underskrifter\tParagrafer\t1-2\n\
Sekreterare\tAnna Berg\nOrdförande\tPer Ek\nJusterande\tLisa Holm\n\n\
§ 1\tDnr 2024/1\nVal av justerare\nKommunstyrelsens beslut\n•\tLisa Holm väljs att justera protokollet.\n\n\
§ 2\tDnr 2024/2\nSommarkort\nKommunstyrelsens beslut\n•\tErbjuda sommarkort 2024.\n\u{c}\
Detta dokument är elektroniskt signerat\n\
Signed by: PER EK\tSigned by: LISA HOLM\n\
Date: 2024-03-15 10:24:52\tDate: 2024-03-18 08:02:11\n";
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let d = protocol(path.to_str().unwrap_or_default());
    let h = d.header.as_ref().expect("header");
    assert_eq!(h.signatures.len(), 2);
    assert_eq!(h.signatures[1].name, "Lisa Holm");
    let adj = h.adjustment.as_ref().expect("adjustment");
    assert_eq!(
        adj.date.map(|x| x.to_string()).as_deref(),
        Some("2024-03-18")
    );
    assert_eq!(d.paragraphs.len(), 2);
    assert_eq!(d.paragraphs[0].title, "Val av justerare");
    // The signature page is no part of § 2.
    assert_eq!(d.paragraphs[1].decision, ["Erbjuda sommarkort 2024."]);
    assert!(d.paragraphs[1].dispatch.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Lint on the real protocols, the Göteborg revisionsberättelser (which bundle nämnd
/// protocol excerpts) and the Norwegian/Danish records: no FORM error or warning (a
/// Norwegian valgprotokoll is not a Swedish protocol with defects). The FORM notes left
/// on Simrishamn say what is not decided. Table arithmetic on these files is judged in
/// tests/suite/real_pdf.rs.
#[test]
fn lint_reports_no_false_form_findings() {
    let bin = env!("CARGO_BIN_EXE_justera");
    for path in [
        SIMRISHAMN,
        "../shared/realpdf/files/se-gbg-revisionsberattelse-2023.pdf",
        "../shared/realpdf/files/se-gbg-revisionsberattelse-2024.pdf",
        "../shared/realpdf/files/se-gbg-revisionsberattelse-2025.pdf",
        "../shared/realpdf/files/no-nord-odal-valgprotokoll-2021.pdf",
        "../shared/realpdf/files/no-nord-odal-valgprotokoll-2023.pdf",
        "../shared/realpdf/files/dk-aarhus-byraad-dagsorden-2025-08-27.pdf",
    ] {
        assert!(Path::new(path).is_file(), "{path} is missing (../shared)");
        let out = Command::new(bin)
            .args(["lint", path])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("in 1 file"),
            "{path}: lint did not finish: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bad: Vec<&str> = stdout
            .lines()
            .filter(|l| l.starts_with("error[FORM") || l.starts_with("warning[FORM"))
            .collect();
        assert!(bad.is_empty(), "{path}: {bad:#?}");
    }
}

/// A few §§ of `justera export` for the Simrishamn protocol, as a reviewed snapshot (the
/// fields this stage parses; the record's other fields are the export's).
#[test]
fn simrishamn_export_snapshot() {
    assert!(Path::new(SIMRISHAMN).is_file(), "{SIMRISHAMN} is missing");
    let out = Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["export", "--ocr", "never", "--format", "jsonl", SIMRISHAMN])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(records.len(), 24, "one record per §");
    let picked: Vec<serde_json::Value> = records
        .iter()
        .filter(|r| [66, 73, 85].contains(&r["paragraph"].as_u64().unwrap_or(0)))
        .map(|r| {
            serde_json::json!({
                "paragraph": r["paragraph"], "dnr": r["dnr"], "title": r["title"],
                "organ": r["organ"], "meeting_date": r["meeting_date"],
                "decision_heading": r["decision_heading"], "decision": r["decision"],
                "dispatch": r["dispatch"], "page": r["page"],
                "adjusted_on": r["adjusted_on"], "adjusters": r["adjusters"],
            })
        })
        .collect();
    insta::assert_json_snapshot!("simrishamn_export", picked);
}
