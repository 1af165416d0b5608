//! `index.html`: one self-contained page (inline CSS and a little inline JS, no external
//! requests) a revisor can open and send on. Every string that came from a document is
//! HTML-escaped: PDF text is untrusted input.

use crate::audit::record::{FileRecord, Outcome, TableView};
use crate::audit::{Audit, Processed};
use crate::check::finding::{Finding, Severity};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::io;

/// Links listed per rule in the by-rule table; the rule filter shows the rest.
const LINKS_PER_RULE: usize = 200;

/// Findings of one rule in the by-rule table: the first links and how many there are.
#[derive(Default)]
struct RuleLinks {
    severity: Option<Severity>,
    links: Vec<String>,
    count: usize,
}

impl RuleLinks {
    fn add(&mut self, anchor: &str, f: &Finding) {
        self.severity.get_or_insert(f.severity);
        self.count += 1;
        if self.links.len() < LINKS_PER_RULE {
            self.links.push(format!(
                "<a href=\"#{}\">{}</a>",
                esc(anchor),
                esc(&format!("{}:{}", f.provenance.page, f.provenance.line))
            ));
        }
    }
}

/// Escapes text for element content and attribute values alike.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn severity_name(s: Severity) -> &'static str {
    s.as_str()
}

const STYLE: &str = r#"
:root{--err:#b3261e;--warn:#9a6700;--info:#3b6ea5;--line:#d8dde3;--bg:#f6f8fa}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328}
header,main{max-width:1200px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:32px}
h3{font-size:16px;margin:22px 0 6px;word-break:break-all}
.muted{color:#656d76}
.counts{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0;padding:0}
.counts div{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}
.counts dt{font-size:12px;color:#656d76;text-transform:uppercase;letter-spacing:.04em}
.counts dd{margin:0;font-size:22px;font-weight:600}
.counts .error dd{color:var(--err)}.counts .warning dd{color:var(--warn)}.counts .info dd{color:var(--info)}
#filters{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:8px 0;z-index:2}
#filters label{margin-right:14px}
#filters input[type=search]{padding:4px 8px;width:260px}
table{border-collapse:collapse;margin:6px 0}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:var(--bg)}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.total td{font-weight:600}
td.bad{background:#ffebe9;outline:2px solid var(--err);outline-offset:-2px}
td.bad .exp{display:block;font-size:12px;color:var(--err);font-weight:600}
ol.findings{padding-left:0;list-style:none}
li.finding{border-left:4px solid var(--line);padding:6px 10px;margin:6px 0;background:#fff}
li.finding.error{border-left-color:var(--err)}li.finding.warning{border-left-color:var(--warn)}li.finding.info{border-left-color:var(--info)}
.sev{font-weight:700;text-transform:uppercase;font-size:12px;margin-right:6px}
.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
.rule{font-family:ui-monospace,monospace;font-weight:600}
.where{font-family:ui-monospace,monospace;font-size:13px;color:#656d76;word-break:break-all}
.figs{font-size:13px}
.figs b{font-variant-numeric:tabular-nums}
figure{margin:10px 0 18px;overflow-x:auto}
figcaption{font-weight:600;font-size:14px}
details{margin:8px 0}
a{color:#0969da}
.hidden{display:none!important}
"#;

const SCRIPT: &str = r#"
(function(){
  var boxes=document.querySelectorAll('#filters input[type=checkbox]');
  var rule=document.getElementById('filter-rule');
  var text=document.getElementById('filter-text');
  function apply(){
    var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
    var r=rule.value, t=text.value.toLowerCase(), shown=0;
    document.querySelectorAll('li.finding').forEach(function(li){
      var ok=on[li.dataset.severity]&&(!r||li.dataset.rule===r)&&(!t||li.textContent.toLowerCase().indexOf(t)>=0);
      li.classList.toggle('hidden',!ok); if(ok){shown++;}
    });
    document.querySelectorAll('section.file').forEach(function(s){
      s.classList.toggle('hidden',!s.querySelector('li.finding:not(.hidden)'));
    });
    document.getElementById('filter-count').textContent=shown;
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  rule.addEventListener('change',apply); text.addEventListener('input',apply);
})();
"#;

fn finding_anchor(file: usize, index: usize) -> String {
    format!("f{file}-{index}")
}

fn cross_anchor(index: usize) -> String {
    format!("x{index}")
}

fn render_finding(out: &mut String, f: &Finding, anchor: &str) {
    let sev = severity_name(f.severity);
    let _ = write!(
        out,
        "<li class=\"finding {sev}\" id=\"{a}\" data-rule=\"{r}\" data-severity=\"{sev}\">\
         <a class=\"rule\" href=\"#{a}\">{r}</a> <span class=\"sev {sev}\">{sev}</span> \
         <span class=\"msg\">{m}</span><br><span class=\"where\">{w}",
        a = esc(anchor),
        r = esc(&f.rule),
        m = esc(&f.message),
        w = esc(&f.provenance.to_string()),
    );
    if let Some(doc) = &f.document {
        let _ = write!(out, " · {}", esc(doc));
    }
    if let Some(p) = f.paragraph {
        let _ = write!(out, " · § {p}");
    }
    if let Some(row) = &f.row {
        let _ = write!(out, " · row “{}”", esc(row));
    }
    if let Some(col) = &f.column {
        let _ = write!(out, " · column “{}”", esc(col));
    }
    if let Some(rel) = &f.related {
        let _ = write!(out, "<br>and {}", esc(&rel.to_string()));
    }
    out.push_str("</span>");
    let figs: Vec<String> = [
        ("expected", f.expected),
        ("found", f.found),
        ("tolerance", f.tolerance.map(|t| t.normalize())),
    ]
    .iter()
    .filter_map(|(k, v)| v.map(|v| format!("{k} <b>{}</b>", esc(&v.normalize().to_string()))))
    .collect();
    if !figs.is_empty() {
        let _ = write!(out, "<br><span class=\"figs\">{}</span>", figs.join(" · "));
    }
    out.push_str("</li>\n");
}

fn looks_numeric(raw: &str) -> bool {
    raw.chars().any(|c| c.is_ascii_digit())
        && raw
            .chars()
            .all(|c| c.is_ascii_digit() || " \u{a0},.-−–%krtmn".contains(c))
}

fn render_table(out: &mut String, t: &TableView, file: usize) {
    let title = t.title.as_deref().unwrap_or("Table");
    let _ = write!(
        out,
        "<figure class=\"table\" id=\"t{file}-{}-{}\"><figcaption>{} <span class=\"muted\">(page {}, line {})</span></figcaption><table><thead><tr><th></th>",
        t.document,
        t.index,
        esc(title),
        t.page,
        t.line
    );
    for c in &t.columns {
        let _ = write!(out, "<th>{}</th>", esc(c));
    }
    out.push_str("</tr></thead><tbody>");
    for (ri, row) in t.rows.iter().enumerate() {
        let class = if row.total { " class=\"total\"" } else { "" };
        let label_marks: Vec<_> = t
            .marks
            .iter()
            .filter(|m| m.row == ri && m.column.is_none())
            .collect();
        let label_class = if label_marks.is_empty() {
            ""
        } else {
            " class=\"bad\""
        };
        let _ = write!(out, "<tr{class}><td{label_class}>{}</td>", esc(&row.label));
        for (ci, raw) in row.cells.iter().enumerate() {
            let marks: Vec<_> = t
                .marks
                .iter()
                .filter(|m| m.row == ri && m.column == Some(ci))
                .collect();
            let mut classes = Vec::new();
            if looks_numeric(raw) {
                classes.push("num");
            }
            if !marks.is_empty() {
                classes.push("bad");
            }
            let class = if classes.is_empty() {
                String::new()
            } else {
                format!(" class=\"{}\"", classes.join(" "))
            };
            let _ = write!(out, "<td{class}>{}", esc(raw));
            for m in &marks {
                let anchor = finding_anchor(file, m.finding);
                match m.expected {
                    Some(e) => {
                        let _ = write!(
                            out,
                            "<a class=\"exp\" href=\"#{anchor}\">expected {}</a>",
                            esc(&e.normalize().to_string())
                        );
                    }
                    None => {
                        let _ = write!(out, "<a class=\"exp\" href=\"#{anchor}\">see finding</a>");
                    }
                }
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></figure>\n");
}

fn render_file(out: &mut String, r: &FileRecord, file: usize) {
    let _ = write!(
        out,
        "<section class=\"file\" id=\"file-{file}\"><h3>{}</h3>",
        esc(&r.path)
    );
    if !r.documents.is_empty() {
        let docs: Vec<String> = r
            .documents
            .iter()
            .map(|d| {
                let title = d.title.as_deref().unwrap_or("(untitled)");
                format!(
                    "{} <span class=\"muted\">({}, pages {}–{})</span>",
                    esc(title),
                    kind_name(d.kind),
                    d.pages.0,
                    d.pages.1
                )
            })
            .collect();
        let _ = write!(out, "<p class=\"docs\">{}</p>", docs.join("; "));
    }
    out.push_str("<ol class=\"findings\">\n");
    for (i, f) in r.findings.iter().enumerate() {
        render_finding(out, f, &finding_anchor(file, i));
    }
    out.push_str("</ol>\n");
    for t in &r.tables {
        render_table(out, t, file);
    }
    out.push_str("</section>\n");
}

fn kind_name(kind: crate::document::DocumentKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn count(out: &mut String, class: &str, id: &str, label: &str, n: u64) {
    let _ = write!(
        out,
        "<div class=\"{class}\"><dt>{label}</dt><dd id=\"count-{id}\">{n}</dd></div>"
    );
}

/// Renders the whole report page into a string (for tests and small audits).
pub fn render(audit: &Audit) -> io::Result<String> {
    let mut out = Vec::new();
    write(audit, &mut out)?;
    String::from_utf8(out).map_err(io::Error::other)
}

/// Writes the report page section by section, reading each file's findings back from
/// its entry, so the page is never held whole in memory.
pub fn write(audit: &Audit, sink: &mut impl io::Write) -> io::Result<()> {
    let s = &audit.summary;
    let mut out = String::with_capacity(64 * 1024);
    // Moves what is rendered so far to the sink.
    let flush = |out: &mut String, sink: &mut dyn io::Write| -> io::Result<()> {
        sink.write_all(out.as_bytes())?;
        out.clear();
        Ok(())
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>justera audit: {} findings in {} files</title><style>{STYLE}</style></head><body>\n",
        s.findings, s.files
    );
    let _ = writeln!(
        out,
        "<header><h1>justera audit</h1><p class=\"muted\">justera {} · {} files, {} pages, {} documents</p></header><main>",
        env!("CARGO_PKG_VERSION"),
        s.files,
        s.pages,
        s.documents
    );

    // Summary counts.
    out.push_str("<section id=\"summary\"><h2>Summary</h2><dl class=\"counts\">");
    count(&mut out, "", "files", "Files", s.files);
    count(&mut out, "", "failed", "Files failed", s.files_failed);
    count(&mut out, "", "pages", "Pages", s.pages);
    if s.ocr_files > 0 {
        count(
            &mut out,
            "",
            "ocr-files",
            "Files with scanned pages (OCR)",
            s.ocr_files,
        );
        count(&mut out, "", "ocr-pages", "Pages read by OCR", s.ocr_pages);
    }
    count(&mut out, "", "documents", "Documents", s.documents);
    count(&mut out, "", "tables", "Tables", s.tables);
    count(
        &mut out,
        "",
        "relations",
        "Relations checked",
        s.relations_checked,
    );
    count(
        &mut out,
        "",
        "cross",
        "Across documents",
        s.cross_relations_checked,
    );
    count(&mut out, "", "findings", "Findings", s.findings);
    for sev in ["error", "warning", "info"] {
        let n = s.findings_by_severity.get(sev).copied().unwrap_or(0);
        count(&mut out, sev, sev, sev, n);
    }
    out.push_str("</dl>");
    let _ = writeln!(
        out,
        "<p class=\"muted\">{} cells read, {} tables not parsed, {} relations failed; {} facts compared across documents.</p></section>",
        s.cells, s.tables_unparsed, s.relations_failed, s.facts
    );

    // Filters.
    out.push_str("<section id=\"filters\"><label><input type=\"checkbox\" value=\"error\" checked> errors</label><label><input type=\"checkbox\" value=\"warning\" checked> warnings</label><label><input type=\"checkbox\" value=\"info\" checked> info</label><label>rule <select id=\"filter-rule\"><option value=\"\">all</option>");
    for rule in s.findings_by_rule.keys() {
        let _ = write!(out, "<option>{}</option>", esc(rule));
    }
    out.push_str("</select></label><label><input id=\"filter-text\" type=\"search\" placeholder=\"filter text\"></label>");
    let _ = writeln!(
        out,
        "<span class=\"muted\"><span id=\"filter-count\">{}</span> shown</span></section>",
        s.findings
    );

    // By rule: each rule with links to its findings.
    let mut by_rule: BTreeMap<String, RuleLinks> = BTreeMap::new();
    for (fi, p) in audit.files.iter().enumerate() {
        if p.findings == 0 {
            continue;
        }
        let record = p.full_record()?;
        for (i, f) in record.findings.iter().enumerate() {
            by_rule
                .entry(f.rule.to_string())
                .or_default()
                .add(&finding_anchor(fi, i), f);
        }
    }
    for (i, f) in audit.cross.findings.iter().enumerate() {
        let f = f?;
        by_rule
            .entry(f.rule.to_string())
            .or_default()
            .add(&cross_anchor(i), &f);
    }
    out.push_str("<section id=\"by-rule\"><h2>Findings by rule</h2>");
    if by_rule.is_empty() {
        out.push_str("<p>No findings.</p>");
    } else {
        out.push_str("<table><thead><tr><th>Rule</th><th>Severity</th><th>Count</th><th>Findings</th></tr></thead><tbody>");
        for (rule, list) in &by_rule {
            let sev = list.severity.map_or("info", severity_name);
            let more = list.count - list.links.len();
            let more = if more > 0 {
                format!(" … and {more} more (filter by rule above)")
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "<tr class=\"rule-row\" data-rule=\"{r}\"><td class=\"rule\">{r}</td><td><span class=\"sev {sev}\">{sev}</span></td><td class=\"num\">{}</td><td>{}{more}</td></tr>",
                list.count,
                list.links.join(" "),
                r = esc(rule),
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>\n");

    // By document.
    out.push_str("<section id=\"by-document\"><h2>Findings by document</h2>");
    let mut any = false;
    flush(&mut out, sink)?;
    for (fi, p) in audit.files.iter().enumerate() {
        if p.findings > 0 {
            any = true;
            render_file(&mut out, p.full_record()?.as_ref(), fi);
            flush(&mut out, sink)?;
        }
    }
    if !any {
        out.push_str("<p>No findings within documents.</p>");
    }
    out.push_str("</section>\n");

    // Across documents.
    let _ = writeln!(
        out,
        "<section id=\"cross\"><h2>Across documents</h2><p class=\"muted\">{} facts; {} relations checked, {} failed.</p><ol class=\"findings\">",
        audit.cross.facts, audit.cross.relations_checked, audit.cross.relations_failed
    );
    for (i, f) in audit.cross.findings.iter().enumerate() {
        render_finding(&mut out, &f?, &cross_anchor(i));
        if out.len() > 64 * 1024 {
            flush(&mut out, sink)?;
        }
    }
    out.push_str("</ol>");
    if !audit.cross.relations.is_empty() {
        let _ = write!(
            out,
            "<details><summary>Every relation checked ({})</summary><ul class=\"relations\">",
            audit.cross.relations.len()
        );
        for r in audit.cross.relations.iter() {
            let r = r?;
            if out.len() > 64 * 1024 {
                flush(&mut out, sink)?;
            }
            let _ = write!(
                out,
                "<li><span class=\"rule\">{}</span> {} {}</li>",
                esc(&r.rule),
                if r.holds { "holds:" } else { "<b>fails:</b>" },
                esc(&r.statement)
            );
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</section>\n");

    // Failed files.
    out.push_str("<section id=\"failed\"><h2>Files that could not be read</h2>");
    let failed: Vec<&Processed> = audit
        .files
        .iter()
        .filter(|p| p.record.outcome.failure().is_some())
        .collect();
    if failed.is_empty() {
        out.push_str("<p>None.</p>");
    } else {
        out.push_str(
            "<table><thead><tr><th>File</th><th>Reason</th><th>Detail</th></tr></thead><tbody>",
        );
        for p in failed {
            if let Outcome::Failed { reason } = &p.record.outcome {
                let _ = write!(
                    out,
                    "<tr class=\"failed-file\"><td class=\"where\">{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&p.record.path),
                    esc(reason.code()),
                    esc(&reason.to_string())
                );
            }
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>\n");

    // All files.
    let _ = write!(
        out,
        "<section id=\"files\"><h2>Files</h2><details><summary>{} files read or tried</summary><table><thead><tr><th>File</th><th>Status</th><th>Pages</th><th>Documents</th><th>Findings</th></tr></thead><tbody>",
        audit.files.len()
    );
    for p in &audit.files {
        let r = &p.record;
        let status = match &r.outcome {
            Outcome::Read { report, .. } if !report.pages_lost.is_empty() => {
                format!("read, {} pages lost", report.pages_lost.len())
            }
            Outcome::Read { .. } => "read".to_string(),
            Outcome::Failed { reason } => reason.code().to_string(),
        };
        let _ = write!(
            out,
            "<tr><td class=\"where\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&r.path),
            esc(&status),
            r.outcome.pages(),
            r.documents.len(),
            p.findings
        );
        if out.len() > 64 * 1024 {
            flush(&mut out, sink)?;
        }
    }
    out.push_str("</tbody></table></details></section>\n");

    let _ = writeln!(out, "</main><script>{SCRIPT}</script></body></html>");
    flush(&mut out, sink)
}
