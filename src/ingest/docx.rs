//! Word drafts (.docx): paragraphs in order, headings by style as "# " / "## " prefixes,
//! bold runs as `**…**`, list paragraphs as "- ", Word tables (`w:tbl`) as one line per row
//! with cells joined by tabs (a wholly bold cell as `<b>…</b>`, like the markdown-like seeds),
//! and pages split at explicit and last-rendered page breaks. The output is text pages,
//! so every later stage reads a draft exactly as it reads the markdown-like seeds.

use super::{
    FailureReason, IngestError, IngestedFile, RawContent, RawPage, ReadReport, SourceKind,
};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// Largest XML part read, uncompressed: guards against ZIP bombs.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a .docx held in memory. Malformed ZIPs or XML give a one-line reason, never a panic.
pub fn read_docx(path: &Path, bytes: &[u8]) -> Result<IngestedFile, IngestError> {
    let fail = |reason| IngestError::new(path, reason);
    let (pages, _) = convert_docx(bytes).map_err(fail)?;
    let mut report = ReadReport {
        pages_total: pages.len() as u32,
        pages_read: pages.len() as u32,
        ..ReadReport::default()
    };
    if pages.iter().all(|p| p.iter().all(|l| l.trim().is_empty())) {
        report
            .warnings
            .push("the Word document holds no text".to_string());
    }
    Ok(IngestedFile {
        path: Arc::from(path.display().to_string()),
        kind: SourceKind::Docx,
        pages: pages
            .into_iter()
            .enumerate()
            .map(|(i, lines)| RawPage {
                number: i as u32 + 1,
                width: 0.0,
                height: 0.0,
                content: RawContent::Text(lines),
            })
            .collect(),
        report,
    })
}

/// A .docx's text as [`read_docx`] gives it (pages of lines) and, beside each line, the
/// body block it comes from: paragraphs and tables of the document body numbered 1, 2, …
/// in order (a table is one block). Lets a diagnostic name a place in Word's terms
/// rather than a line of the converted text.
pub fn text_with_blocks(bytes: &[u8]) -> Result<Converted, FailureReason> {
    convert_docx(bytes)
}

/// A .docx's pages of lines and each line's body block.
pub type Converted = (Vec<Vec<String>>, Vec<Vec<u32>>);

fn convert_docx(bytes: &[u8]) -> Result<Converted, FailureReason> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| FailureReason::DamagedDocx(format!("not a readable ZIP archive ({e})")))?;
    let main_part = main_document_name(&mut zip)?;
    let document = read_part(&mut zip, &main_part)?.ok_or_else(|| {
        FailureReason::DamagedDocx(format!(
            "no {main_part} in the archive (not a Word document?)"
        ))
    })?;
    // Styles only name the heading levels; a draft without them still reads.
    let styles = match read_part(&mut zip, "word/styles.xml") {
        Ok(Some(xml)) => heading_styles(&xml),
        _ => HashMap::new(),
    };
    let numbering = match read_part(&mut zip, "word/numbering.xml") {
        Ok(Some(xml)) => Numbering::parse(&xml),
        _ => Numbering::default(),
    };
    convert(&document, &styles, numbering)
}

type Zip<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// One part of the package as text; `None` when the archive has no such part.
fn read_part(zip: &mut Zip<'_>, name: &str) -> Result<Option<String>, FailureReason> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(FailureReason::DamagedDocx(format!(
                "cannot open {name}: {e}"
            )));
        }
    };
    let mut buf = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| FailureReason::DamagedDocx(format!("cannot decompress {name}: {e}")))?;
    if buf.len() as u64 > MAX_PART_BYTES {
        return Err(FailureReason::TooLarge(format!(
            "{name} is larger than {} MB uncompressed",
            MAX_PART_BYTES / (1024 * 1024)
        )));
    }
    String::from_utf8(buf)
        .map(Some)
        .map_err(|_| FailureReason::DamagedDocx(format!("{name} is not UTF-8 XML")))
}

/// The main document part named by the package relationships (usually word/document.xml).
fn main_document_name(zip: &mut Zip<'_>) -> Result<String, FailureReason> {
    const DEFAULT: &str = "word/document.xml";
    let Some(rels) = read_part(zip, "_rels/.rels")? else {
        return Ok(DEFAULT.to_string());
    };
    let mut reader = Reader::from_str(&rels);
    loop {
        match reader.read_event() {
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == b"Relationship" => {
                let ty = attr(&e, b"Type").unwrap_or_default();
                if ty.ends_with("/officeDocument") {
                    if let Some(target) = attr(&e, b"Target") {
                        return Ok(target.trim_start_matches('/').to_string());
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return Ok(DEFAULT.to_string()),
            _ => {}
        }
    }
}

/// An attribute's value by local name (`w:val` → "val"), unescaped.
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// `w:val` of an on/off property: absent or anything but "0"/"false"/"off" is on.
fn is_on(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// Paragraph style id → heading level (1–9), from styles.xml: outline level, or a name
/// like "heading 2" / "Rubrik 2" / "Title".
fn heading_styles(xml: &str) -> HashMap<String, u8> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Option<u8>)> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"style" => {
                current = attr(&e, b"styleId").map(|id| (id, None));
            }
            Ok(Event::Empty(e) | Event::Start(e)) => {
                let Some((_, level)) = current.as_mut() else {
                    continue;
                };
                match e.local_name().as_ref() {
                    b"name" => {
                        if let Some(name) = attr(&e, b"val") {
                            *level = level.or(level_from_style_name(&name));
                        }
                    }
                    b"outlineLvl" => {
                        if let Some(l) = attr(&e, b"val").and_then(|v| v.parse::<u8>().ok()) {
                            if l < 9 {
                                *level = Some(l + 1);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"style" => {
                if let Some((id, Some(level))) = current.take() {
                    out.insert(id, level);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

fn level_from_style_name(name: &str) -> Option<u8> {
    let n = name.to_lowercase();
    if n == "title" || n == "rubrik" {
        return Some(1);
    }
    for prefix in ["heading", "rubrik"] {
        if let Some(rest) = n.strip_prefix(prefix) {
            if let Ok(l) = rest.trim().parse::<u8>() {
                if (1..=9).contains(&l) {
                    return Some(l);
                }
            }
        }
    }
    None
}

/// One level of a Word list definition: "%1." in decimal, a bullet …
#[derive(Clone, Debug, Default)]
struct ListLevel {
    format: String,
    text: String,
    start: u32,
}

/// Word's list numbering (numbering.xml), so auto-numbered att-satser keep "1.", "2." and
/// bullets become "- ". Counters run per list instance and level.
#[derive(Debug, Default)]
struct Numbering {
    /// numId → abstractNumId.
    instances: HashMap<String, String>,
    /// (abstractNumId, level) → definition.
    levels: HashMap<(String, u8), ListLevel>,
    /// (numId) → counters per level.
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(u8, ListLevel)> = None;
        let mut num_id: Option<String> = None;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                    b"abstractNum" => abstract_id = attr(&e, b"abstractNumId"),
                    b"lvl" => {
                        level = attr(&e, b"ilvl")
                            .and_then(|v| v.parse::<u8>().ok())
                            .filter(|l| *l < 9)
                            .map(|l| {
                                (
                                    l,
                                    ListLevel {
                                        start: 1,
                                        ..ListLevel::default()
                                    },
                                )
                            });
                    }
                    b"start" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                            l.start = v.parse().unwrap_or(1);
                        }
                    }
                    b"numFmt" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                            l.format = v;
                        }
                    }
                    b"lvlText" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                            l.text = v;
                        }
                    }
                    b"num" => num_id = attr(&e, b"numId"),
                    b"abstractNumId" => {
                        if let (Some(id), Some(v)) = (num_id.as_ref(), attr(&e, b"val")) {
                            n.instances.insert(id.clone(), v);
                        }
                    }
                    _ => {}
                },
                Ok(Event::End(e)) => match e.local_name().as_ref() {
                    b"lvl" => {
                        if let (Some(a), Some((i, l))) = (abstract_id.as_ref(), level.take()) {
                            n.levels.insert((a.clone(), i), l);
                        }
                    }
                    b"abstractNum" => abstract_id = None,
                    b"num" => num_id = None,
                    _ => {}
                },
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        n
    }

    /// The label of the next item of list `num_id` at `ilvl`: "1.", "a)", or "-" for a
    /// bullet (and for lists numbering.xml does not define).
    fn next_label(&mut self, num_id: &str, ilvl: u8) -> String {
        let ilvl = ilvl.min(8);
        let Some(abs) = self.instances.get(num_id).cloned() else {
            return "-".into();
        };
        let def = |lvl: u8| {
            self.levels
                .get(&(abs.clone(), lvl))
                .cloned()
                .unwrap_or_default()
        };
        let this = def(ilvl);
        if this.format == "bullet" || this.format.is_empty() || this.format == "none" {
            return "-".into();
        }
        let starts: Vec<u32> = (0..9).map(|l| def(l).start).collect();
        let formats: Vec<String> = (0..9).map(|l| def(l).format).collect();
        let counters = self.counters.entry(num_id.to_string()).or_insert([0; 9]);
        let i = ilvl as usize;
        counters[i] = if counters[i] == 0 {
            starts[i].max(1)
        } else {
            counters[i] + 1
        };
        // A new item at this level restarts the deeper levels.
        for c in counters.iter_mut().skip(i + 1) {
            *c = 0;
        }
        let mut label = if this.text.is_empty() {
            format!("%{}.", i + 1)
        } else {
            this.text.clone()
        };
        for l in (0..=i).rev() {
            let value = if counters[l] == 0 {
                starts[l].max(1)
            } else {
                counters[l]
            };
            label = label.replace(&format!("%{}", l + 1), &format_counter(value, &formats[l]));
        }
        label
    }
}

fn format_counter(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" | "upperLetter" => {
            let base = if format == "lowerLetter" { b'a' } else { b'A' };
            let k = (n.max(1) - 1) % 26;
            char::from(base + k as u8).to_string()
        }
        "lowerRoman" | "upperRoman" => {
            let r = roman(n);
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A piece of paragraph text and whether it is bold.
#[derive(Default)]
struct Paragraph {
    pieces: Vec<(String, bool)>,
    heading: Option<u8>,
    list: bool,
    /// numPr: list instance and level; "0" means numbering switched off.
    num_id: Option<String>,
    ilvl: u8,
    /// The list label ("1.", "-") once the paragraph is emitted.
    label: Option<String>,
    /// The paragraph ends a section that starts on a new page (w:sectPr in its pPr).
    section_break: bool,
    /// Some text of the paragraph is not in italics.
    upright_text: bool,
}

impl Paragraph {
    fn push(&mut self, text: &str, bold: bool) {
        match self.pieces.last_mut() {
            Some((t, b)) if *b == bold => t.push_str(text),
            _ => self.pieces.push((text.to_string(), bold)),
        }
    }

    fn is_empty(&self) -> bool {
        self.pieces.iter().all(|(t, _)| t.trim().is_empty())
    }

    fn plain(&self) -> String {
        self.pieces.iter().map(|(t, _)| t.as_str()).collect()
    }

    fn all_bold(&self) -> bool {
        !self.is_empty() && self.pieces.iter().all(|(t, b)| *b || t.trim().is_empty())
    }

    /// The text with bold runs as `**…**` (spaces kept outside the markers).
    fn marked(&self) -> String {
        let mut out = String::new();
        for (t, bold) in &self.pieces {
            let core = t.trim();
            if *bold && !core.is_empty() && self.heading.is_none() {
                let lead = &t[..t.len() - t.trim_start().len()];
                let trail = &t[t.trim_end().len()..];
                out.push_str(lead);
                out.push_str("**");
                out.push_str(core);
                out.push_str("**");
                out.push_str(trail);
            } else {
                out.push_str(t);
            }
        }
        out
    }

    /// Lines of this paragraph as the text stages expect them.
    fn lines(&self) -> Vec<String> {
        let text = self.marked();
        let mut lines: Vec<String> = text.split('\n').map(|l| l.trim_end().to_string()).collect();
        if let Some(first) = lines.first_mut() {
            if let Some(level) = self.heading {
                *first = format!("{} {}", "#".repeat(level as usize), first.trim_start());
            } else if self.list {
                // Nested items indented two spaces a level, as in markdown.
                let label = self.label.as_deref().unwrap_or("-");
                let indent = "  ".repeat(self.ilvl.min(8) as usize);
                *first = format!("{indent}{label} {}", first.trim_start());
            }
        }
        lines
    }

    /// The paragraph as (part of) a table cell: one line, no tabs.
    fn cell_text(&self) -> String {
        let t: String = self
            .plain()
            .split(['\n', '\t'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        t
    }
}

#[derive(Default)]
struct Cell {
    paragraphs: Vec<String>,
    bold: bool,
    italic: bool,
    any_text: bool,
    span: usize,
}

/// Collects pages of lines; a new page only starts once the current one holds text.
/// Beside each line: the body block (paragraph or table, 1-based in document order) it
/// comes from, so a finding can be placed in Word's terms (see [`line_blocks`]).
#[derive(Default)]
struct Pages {
    pages: Vec<Vec<String>>,
    blocks: Vec<Vec<u32>>,
    in_list: bool,
    /// The body block being emitted.
    block: u32,
}

impl Pages {
    fn current(&mut self) -> &mut Vec<String> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
            self.blocks.push(Vec::new());
        }
        let n = self.pages.len() - 1;
        &mut self.pages[n]
    }

    fn pop_line(&mut self) {
        self.current().pop();
        if let Some(b) = self.blocks.last_mut() {
            b.pop();
        }
    }

    fn break_page(&mut self) {
        self.in_list = false;
        if self.current().iter().any(|l| !l.trim().is_empty()) {
            // Trailing blank lines belong to no page.
            while self.current().last().is_some_and(|l| l.is_empty()) {
                self.pop_line();
            }
            self.pages.push(Vec::new());
            self.blocks.push(Vec::new());
        }
    }

    fn push_line(&mut self, line: String) {
        let block = self.block;
        let page = self.current();
        // At most one blank line in a row, none at the top of a page.
        if line.trim().is_empty() && page.last().is_none_or(|l| l.trim().is_empty()) {
            return;
        }
        page.push(line);
        if let Some(b) = self.blocks.last_mut() {
            b.push(block);
        }
    }

    fn push_block(&mut self, lines: Vec<String>) {
        self.end_list();
        for l in lines {
            self.push_line(l);
        }
        self.push_line(String::new());
    }

    /// List items follow each other line by line, as in the markdown-like seeds.
    fn push_list_item(&mut self, lines: Vec<String>) {
        for l in lines {
            self.push_line(l);
        }
        self.in_list = true;
    }

    fn end_list(&mut self) {
        if self.in_list {
            self.in_list = false;
            self.push_line(String::new());
        }
    }
}

/// The state of reading a WordprocessingML body: the paragraph, run and table being read,
/// and the pages written so far.
struct BodyReader<'a> {
    styles: &'a HashMap<String, u8>,
    numbering: Numbering,
    pages: Pages,
    para: Option<Paragraph>,
    run_bold: bool,
    run_italic: bool,
    in_run_props: bool,
    in_para_props: bool,
    in_text: bool,
    /// Inside deleted text, field instructions, etc.
    skip_depth: usize,
    /// Table state: a stack for nested tables; only the outermost emits rows.
    table_depth: usize,
    rows: Vec<Vec<Cell>>,
    cell: Option<Cell>,
    saw_body: bool,
}

impl<'a> BodyReader<'a> {
    fn new(styles: &'a HashMap<String, u8>, numbering: Numbering) -> Self {
        BodyReader {
            styles,
            numbering,
            pages: Pages::default(),
            para: None,
            run_bold: false,
            run_italic: false,
            in_run_props: false,
            in_para_props: false,
            in_text: false,
            skip_depth: 0,
            table_depth: 0,
            rows: Vec::new(),
            cell: None,
            saw_body: false,
        }
    }

    /// Whether character data now is text of the document (not skipped).
    fn reading_text(&self) -> bool {
        self.in_text && self.skip_depth == 0
    }

    /// An opening tag: the body, tables, rows, cells, paragraphs, runs and their
    /// properties.
    fn start(&mut self, e: &BytesStart<'_>) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip_depth > 0 {
            self.skip_depth += 1;
            return;
        }
        match name {
            b"body" => self.saw_body = true,
            // Deleted revisions, field codes, text boxes (their paragraphs would nest
            // inside ours) and the fallback copy of alternate content.
            b"del" | b"instrText" | b"delText" | b"txbxContent" | b"Fallback" => {
                self.skip_depth = 1;
            }
            b"tbl" => {
                if self.table_depth == 0 {
                    // A table ends the paragraph run of text before it.
                    self.rows.clear();
                    self.pages.block += 1;
                }
                self.table_depth += 1;
            }
            b"tr" if self.table_depth == 1 => self.rows.push(Vec::new()),
            b"tc" if self.table_depth == 1 => {
                self.cell = Some(Cell {
                    bold: true,
                    italic: true,
                    span: 1,
                    ..Cell::default()
                })
            }
            b"p" => {
                if self.table_depth == 0 {
                    self.pages.block += 1;
                }
                self.para = Some(Paragraph::default());
            }
            b"pPr" => self.in_para_props = true,
            // A section break; "nextPage" unless its w:type says otherwise.
            b"sectPr" if self.in_para_props => {
                if let Some(p) = self.para.as_mut() {
                    p.section_break = true;
                }
            }
            b"numPr" if self.in_para_props => {
                if let Some(p) = self.para.as_mut() {
                    p.list = true;
                }
            }
            b"r" => {
                self.run_bold = false;
                self.run_italic = false;
            }
            b"rPr" if !self.in_para_props => self.in_run_props = true,
            b"t" => self.in_text = true,
            _ => {}
        }
    }

    /// An empty tag: run and paragraph properties, tabs, breaks, empty paragraphs.
    fn empty(&mut self, e: &BytesStart<'_>) {
        if self.skip_depth > 0 {
            return;
        }
        let name = e.local_name();
        match name.as_ref() {
            b"b" if self.in_run_props => self.run_bold = is_on(e),
            b"i" if self.in_run_props => self.run_italic = is_on(e),
            b"pStyle" if self.in_para_props => {
                if let (Some(p), Some(id)) = (self.para.as_mut(), attr(e, b"val")) {
                    p.heading = p.heading.or(self.styles.get(&id).copied());
                }
            }
            b"outlineLvl" if self.in_para_props => {
                if let (Some(p), Some(l)) = (
                    self.para.as_mut(),
                    attr(e, b"val").and_then(|v| v.parse::<u8>().ok()),
                ) {
                    if l < 9 {
                        p.heading = Some(l + 1);
                    }
                }
            }
            b"numPr" if self.in_para_props => {
                if let Some(p) = self.para.as_mut() {
                    p.list = true;
                }
            }
            b"pageBreakBefore" if self.in_para_props && is_on(e) && self.table_depth == 0 => {
                self.pages.break_page();
            }
            b"type" if self.in_para_props => {
                if let (Some(p), Some(v)) = (self.para.as_mut(), attr(e, b"val")) {
                    p.section_break = matches!(v.as_str(), "nextPage" | "oddPage" | "evenPage");
                }
            }
            b"sectPr" if self.in_para_props => {
                if let Some(p) = self.para.as_mut() {
                    p.section_break = true;
                }
            }
            b"numId" if self.in_para_props => {
                if let Some(p) = self.para.as_mut() {
                    p.num_id = attr(e, b"val");
                    p.list = p.num_id.as_deref() != Some("0");
                }
            }
            b"ilvl" if self.in_para_props => {
                if let Some(p) = self.para.as_mut() {
                    p.ilvl = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
            }
            b"gridSpan" if self.table_depth == 1 => {
                if let (Some(c), Some(n)) = (
                    self.cell.as_mut(),
                    attr(e, b"val").and_then(|v| v.parse::<usize>().ok()),
                ) {
                    c.span = n.clamp(1, 64);
                }
            }
            b"tab" if !self.in_para_props => {
                if let Some(p) = self.para.as_mut() {
                    p.push("\t", self.run_bold);
                }
            }
            b"br" | b"cr" => {
                let page = attr(e, b"type").as_deref() == Some("page");
                if page && self.table_depth == 0 {
                    split_paragraph_at_page_break(
                        &mut self.para,
                        &mut self.pages,
                        &mut self.numbering,
                    );
                } else if !page {
                    if let Some(p) = self.para.as_mut() {
                        p.push("\n", self.run_bold);
                    }
                }
            }
            b"lastRenderedPageBreak" if self.table_depth == 0 => {
                split_paragraph_at_page_break(&mut self.para, &mut self.pages, &mut self.numbering);
            }
            b"noBreakHyphen" => {
                if let Some(p) = self.para.as_mut() {
                    p.push("-", self.run_bold);
                }
            }
            // An empty paragraph: a blank line outside tables.
            b"p" if self.table_depth == 0 => {
                self.pages.block += 1;
                self.pages.push_line(String::new());
            }
            _ => {}
        }
    }

    /// Text of a run (`w:t`).
    fn text(&mut self, s: &str) {
        if let Some(p) = self.para.as_mut() {
            p.upright_text |= !self.run_italic && !s.trim().is_empty();
            p.push(s, self.run_bold);
        }
    }

    /// A character or entity reference, or CDATA, inside a run's text.
    fn push(&mut self, s: &str) {
        if let Some(p) = self.para.as_mut() {
            p.push(s, self.run_bold);
        }
    }

    /// A closing tag: a paragraph goes to its table cell or onto the page, a cell to its
    /// row, the outermost table onto the page.
    fn end(&mut self, name: &[u8]) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        match name {
            b"t" => self.in_text = false,
            b"pPr" => self.in_para_props = false,
            b"rPr" => self.in_run_props = false,
            b"p" => {
                let Some(p) = self.para.take() else { return };
                if self.table_depth > 0 {
                    if let Some(c) = self.cell.as_mut() {
                        let text = p.cell_text();
                        if !text.is_empty() {
                            c.any_text = true;
                            c.bold &= p.all_bold();
                            c.italic &= !p.upright_text;
                            c.paragraphs.push(text);
                        }
                    }
                } else {
                    let section_break = p.section_break;
                    emit_paragraph(p, &mut self.pages, &mut self.numbering);
                    if section_break {
                        self.pages.break_page();
                    }
                }
            }
            b"tc" if self.table_depth == 1 => {
                if let (Some(c), Some(row)) = (self.cell.take(), self.rows.last_mut()) {
                    row.push(c);
                }
            }
            b"tbl" => {
                self.table_depth = self.table_depth.saturating_sub(1);
                if self.table_depth == 0 {
                    let lines = self.rows.drain(..).map(render_row).collect();
                    self.pages.push_block(lines);
                }
            }
            _ => {}
        }
    }

    /// The pages and each line's body block, trailing blank lines dropped; an error when
    /// there was no body.
    fn finish(self) -> Result<Converted, FailureReason> {
        if !self.saw_body {
            return Err(FailureReason::DamagedDocx(
                "the main document part has no w:body (not WordprocessingML?)".into(),
            ));
        }
        let (mut out, mut blocks) = (self.pages.pages, self.pages.blocks);
        for (page, b) in out.iter_mut().zip(blocks.iter_mut()) {
            while page.last().is_some_and(|l| l.is_empty()) {
                page.pop();
                b.pop();
            }
        }
        if out.is_empty() {
            out.push(Vec::new());
            blocks.push(Vec::new());
        }
        Ok((out, blocks))
    }
}

/// WordprocessingML body → pages of lines, and each line's body block.
fn convert(
    xml: &str,
    styles: &HashMap<String, u8>,
    numbering: Numbering,
) -> Result<Converted, FailureReason> {
    let mut reader = Reader::from_str(xml);
    let mut body = BodyReader::new(styles, numbering);
    loop {
        let event = reader.read_event().map_err(|e| {
            FailureReason::DamagedDocx(format!(
                "broken XML in the document at byte {}: {e}",
                reader.buffer_position()
            ))
        })?;
        match event {
            Event::Eof => break,
            Event::Start(e) => body.start(&e),
            Event::Empty(e) => body.empty(&e),
            Event::Text(t) if body.reading_text() => {
                let s = t
                    .decode()
                    .map_err(|e| FailureReason::DamagedDocx(format!("undecodable text: {e}")))?;
                body.text(&s);
            }
            Event::GeneralRef(r) if body.reading_text() => {
                let resolved: Option<String> = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => r.decode().ok().and_then(|name| {
                        quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
                    }),
                };
                if let Some(s) = resolved {
                    body.push(&s);
                }
            }
            Event::CData(t) if body.reading_text() => body.push(&String::from_utf8_lossy(&t)),
            Event::End(e) => body.end(e.local_name().as_ref()),
            _ => {}
        }
    }
    body.finish()
}

/// Puts a finished paragraph on the current page: list items line by line with their label,
/// other paragraphs as blocks followed by a blank line.
fn emit_paragraph(mut p: Paragraph, pages: &mut Pages, numbering: &mut Numbering) {
    if p.is_empty() {
        pages.end_list();
        pages.push_line(String::new());
    } else if p.list && p.heading.is_none() {
        if p.label.is_none() {
            p.label = Some(match &p.num_id {
                Some(id) => numbering.next_label(id, p.ilvl),
                None => "-".into(),
            });
        }
        pages.push_list_item(p.lines());
    } else {
        pages.push_block(p.lines());
    }
}

/// Ends the page inside a paragraph: the text so far stays on the old page, the rest
/// continues the paragraph (not as a new heading or list item) on the next.
fn split_paragraph_at_page_break(
    para: &mut Option<Paragraph>,
    pages: &mut Pages,
    numbering: &mut Numbering,
) {
    if let Some(p) = para.as_mut() {
        if !p.is_empty() {
            let head = Paragraph {
                pieces: std::mem::take(&mut p.pieces),
                heading: p.heading.take(),
                list: std::mem::replace(&mut p.list, false),
                num_id: p.num_id.take(),
                ilvl: p.ilvl,
                label: p.label.take(),
                section_break: false,
                upright_text: p.upright_text,
            };
            emit_paragraph(head, pages, numbering);
        }
    }
    pages.break_page();
}

/// One table row: cells joined by tabs, a wholly bold cell as `<b>…</b>`, merged cells
/// padded so columns stay aligned.
fn render_row(cells: Vec<Cell>) -> String {
    let mut out: Vec<String> = Vec::new();
    for c in cells {
        let text = c.paragraphs.join(" ");
        if c.any_text && c.bold {
            out.push(format!("<b>{text}</b>"));
        } else if c.any_text && c.italic {
            out.push(format!("<i>{text}</i>"));
        } else {
            out.push(text);
        }
        for _ in 1..c.span {
            out.push(String::new());
        }
    }
    out.join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(document: &str, styles: Option<&str>) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            let mut add = |name: &str, body: &str| {
                z.start_file(name, opts).unwrap_or_else(|e| panic!("{e}"));
                z.write_all(body.as_bytes())
                    .unwrap_or_else(|e| panic!("{e}"));
            };
            add("word/document.xml", document);
            if let Some(s) = styles {
                add("word/styles.xml", s);
            }
            z.finish().unwrap_or_else(|e| panic!("{e}"));
        }
        buf.into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn pages(doc: &[u8]) -> Vec<Vec<String>> {
        let f = read_docx(Path::new("t.docx"), doc).unwrap_or_else(|e| panic!("{e}"));
        f.pages
            .into_iter()
            .map(|p| match p.content {
                RawContent::Text(l) => l,
                RawContent::Glyphs(_) => panic!("glyphs from docx"),
            })
            .collect()
    }

    #[test]
    fn headings_bold_tables_and_page_breaks() {
        let styles = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/></w:style></w:styles>"#
        );
        let body = format!(
            r#"<w:document {W}><w:body>
<w:p><w:pPr><w:pStyle w:val="Rubrik2"/></w:pPr><w:r><w:t>Kommunbidrag 2023</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Vanlig text &amp; </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>fet</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>punkt</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>DRIFT (tkr)</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Budget 2022</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Summa</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>14 267</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>före</w:t></w:r><w:r><w:br w:type="page"/><w:t>efter</w:t></w:r></w:p>
<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/></w:sectPr></w:pPr><w:r><w:t>samma sida</w:t></w:r></w:p>
<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:pPr><w:r><w:t>sektion slut</w:t></w:r></w:p>
<w:p><w:r><w:delText>borttaget</w:delText></w:r><w:r><w:t>sista</w:t><w:br/><w:t>raden</w:t></w:r></w:p>
</w:body></w:document>"#
        );
        let p = pages(&docx(&body, Some(&styles)));
        assert_eq!(p.len(), 3, "{p:?}");
        assert_eq!(
            p[0],
            vec![
                "## Kommunbidrag 2023",
                "",
                "Vanlig text & **fet**.",
                "",
                "- punkt",
                "",
                "DRIFT (tkr)\tBudget 2022\t",
                "<b>Summa</b>\t<b>14 267</b>\t",
                "",
                "före"
            ]
        );
        assert_eq!(p[1], vec!["efter", "", "samma sida", "", "sektion slut"]);
        assert_eq!(p[2], vec!["sista", "raden"]);
    }

    #[test]
    fn numbered_lists_keep_their_numbers() {
        let numbering = format!(
            r#"<w:numbering {W}>
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num></w:numbering>"#
        );
        let item = |num: &str, lvl: &str, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let body = format!(
            "<w:document {W}><w:body>{}{}{}{}{}<w:p><w:r><w:t>Slut</w:t></w:r></w:p></w:body></w:document>",
            item("3", "0", "Budgeten godkänns."),
            item("3", "1", "med tillskott"),
            item("3", "1", "fördelat enligt tabellen"),
            item("3", "0", "Beslutet skickas vidare."),
            item("4", "0", "punkt"),
        );
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = zip::write::SimpleFileOptions::default();
            for (name, text) in [
                ("word/document.xml", &body),
                ("word/numbering.xml", &numbering),
            ] {
                z.start_file(name, o).unwrap_or_else(|e| panic!("{e}"));
                z.write_all(text.as_bytes())
                    .unwrap_or_else(|e| panic!("{e}"));
            }
            z.finish().unwrap_or_else(|e| panic!("{e}"));
        }
        let p = pages(&buf.into_inner());
        assert_eq!(
            p,
            vec![vec![
                "1. Budgeten godkänns.",
                "  a) med tillskott",
                "  b) fördelat enligt tabellen",
                "2. Beslutet skickas vidare.",
                "- punkt",
                "",
                "Slut"
            ]]
        );
    }

    #[test]
    fn broken_inputs_give_reasons() {
        let err = |bytes: &[u8]| {
            read_docx(Path::new("x.docx"), bytes)
                .err()
                .map(|e| e.reason)
        };
        assert!(matches!(
            err(b"PK\x03\x04garbage"),
            Some(FailureReason::DamagedDocx(_))
        ));
        assert!(matches!(err(b""), Some(FailureReason::DamagedDocx(_))));
        let no_doc = {
            let mut buf = std::io::Cursor::new(Vec::new());
            let mut z = zip::ZipWriter::new(&mut buf);
            z.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
                .unwrap_or_else(|e| panic!("{e}"));
            z.finish().unwrap_or_else(|e| panic!("{e}"));
            buf.into_inner()
        };
        let e = err(&no_doc);
        assert!(
            matches!(&e, Some(FailureReason::DamagedDocx(m)) if m.contains("word/document.xml")),
            "{e:?}"
        );
        let bad_xml = docx(
            &format!("<w:document {W}><w:body><w:p><w:r><w:t>x</w:r></w:body>"),
            None,
        );
        assert!(matches!(err(&bad_xml), Some(FailureReason::DamagedDocx(_))));
        let not_word = docx("<html><p>hej</p></html>", None);
        assert!(matches!(
            err(&not_word),
            Some(FailureReason::DamagedDocx(_))
        ));
        // Truncated archive: every prefix fails cleanly or reads, never panics.
        let good = docx(&format!("<w:document {W}><w:body><w:p><w:r><w:t>hej</w:t></w:r></w:p></w:body></w:document>"), None);
        for n in 0..good.len() {
            let _ = read_docx(Path::new("x.docx"), &good[..n]);
        }
    }
}
