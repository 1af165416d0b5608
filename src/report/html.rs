//! `index.html`: one self-contained page (inline CSS and a little inline JS, no external
//! requests) a revisor can open and send on. Every string that came from a document is
//! HTML-escaped: PDF text is untrusted input.

use crate::audit::record::{FileRecord, Outcome, TableRecord};
use crate::audit::{Audit, AuditedFile};
use crate::check::finding::{Finding, Severity};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::io;
use std::path::Path;

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
                esc(&format!(
                    "{}:{}:{}",
                    short_name(&f.provenance.file),
                    f.provenance.page,
                    f.provenance.line
                ))
            ));
        }
    }
}

/// The file name without its folders, for compact link texts.
fn short_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
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
.summary{color:#656d76;font-size:13px;margin-left:4px;font-family:system-ui,sans-serif;font-weight:400}
a.src{color:inherit}
details.file{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:0 10px}
details.file>summary{cursor:pointer;padding:6px 0;font-weight:600;word-break:break-all}
details.file>summary .n{font-weight:400;color:#656d76}
@media print{
  body{font-size:10pt;color:#000}
  header,main{max-width:none;padding:0}
  #filters,.noprint{display:none!important}
  details.file{border:none;padding:0}
  details::details-content{content-visibility:visible;display:block}
  details.file>summary{list-style:none}
  a{color:#000;text-decoration:none}
  a.src::after{content:" (" attr(href) ")";font-size:8pt;color:#444}
  li.finding,tr,figure,.counts div{break-inside:avoid}
  figure{overflow:visible}
  table{font-size:8pt;width:100%;table-layout:auto}
  th,td{padding:1px 4px}
  thead{display:table-header-group}
  h2,h3{break-after:avoid}
  section#files details>*{display:block}
}
"#;

const SCRIPT: &str = r##"
(function(){
  var boxes=document.querySelectorAll('#filters input[type=checkbox]');
  var rule=document.getElementById('filter-rule');
  var text=document.getElementById('filter-text');
  // Filters live in the URL hash ("#filter=sev:error,warning;rule:SUM001;q:text"), so a
  // filtered view can be bookmarked or sent; other hashes are anchors to findings.
  function state(){
    var sev=[];boxes.forEach(function(b){if(b.checked){sev.push(b.value);}});
    var parts=['sev:'+sev.join(',')];
    if(rule.value){parts.push('rule:'+rule.value);}
    if(text.value){parts.push('q:'+encodeURIComponent(text.value));}
    return 'filter='+parts.join(';');
  }
  function load(){
    var h=location.hash.replace(/^#/,'');
    if(h.indexOf('filter=')!==0){return false;}
    h.slice(7).split(';').forEach(function(p){
      var i=p.indexOf(':'),k=p.slice(0,i),v=p.slice(i+1);
      if(k==='sev'){var on=v.split(',');boxes.forEach(function(b){b.checked=on.indexOf(b.value)>=0;});}
      else if(k==='rule'){rule.value=v;}
      else if(k==='q'){try{text.value=decodeURIComponent(v);}catch(e){text.value=v;}}
    });
    return true;
  }
  function apply(save){
    var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
    var r=rule.value, t=text.value.toLowerCase(), shown=0;
    document.querySelectorAll('li.finding').forEach(function(li){
      var ok=on[li.dataset.severity]&&(!r||li.dataset.rule===r)&&(!t||li.textContent.toLowerCase().indexOf(t)>=0);
      li.classList.toggle('hidden',!ok); if(ok){shown++;}
    });
    document.querySelectorAll('details.file').forEach(function(s){
      s.classList.toggle('hidden',!s.querySelector('li.finding:not(.hidden)'));
    });
    document.getElementById('filter-count').textContent=shown;
    if(save){history.replaceState(null,'','#'+state());}
  }
  // An anchor to a finding opens the document it is in.
  function reveal(){
    var h=location.hash.slice(1);
    if(!h||h.indexOf('filter=')===0){return;}
    var el=document.getElementById(h);
    for(var e=el;e;e=e.parentElement){if(e.tagName==='DETAILS'){e.open=true;}}
    if(el){el.scrollIntoView();}
  }
  boxes.forEach(function(b){b.addEventListener('change',function(){apply(true);});});
  rule.addEventListener('change',function(){apply(true);});
  text.addEventListener('input',function(){apply(true);});
  window.addEventListener('hashchange',function(){if(load()){apply(false);}else{reveal();}});
  // Printing shows every document open.
  window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.dataset.wasOpen=d.open?'1':'';d.open=true;});});
  window.addEventListener('afterprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=d.dataset.wasOpen==='1';});});
  if(load()){apply(false);}else{reveal();}
  document.body.dataset.ready='1';
})();
"##;

fn finding_anchor(file: usize, index: usize) -> String {
    format!("f{file}-{index}")
}

fn cross_anchor(index: usize) -> String {
    format!("x{index}")
}

fn render_finding(out: &mut String, f: &Finding, anchor: &str, dir: &Path) {
    let sev = severity_name(f.severity);
    let summary = crate::check::registry::lookup(&f.rule)
        .map(|r| format!("<span class=\"summary\">{}</span>", esc(r.summary)))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<li class=\"finding {sev}\" id=\"{a}\" data-rule=\"{r}\" data-severity=\"{sev}\">\
         <a class=\"rule\" href=\"#{a}\">{r}</a> <span class=\"sev {sev}\">{sev}</span>{summary}<br>\
         <span class=\"msg\">{m}</span><br><span class=\"where\"><a class=\"src\" href=\"{l}\">{w}</a>",
        a = esc(anchor),
        r = esc(&f.rule),
        m = esc(&f.message),
        l = esc(&super::link::file_link(dir, &f.provenance.file, Some(f.provenance.page))),
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
        let _ = write!(
            out,
            "<br>and <a class=\"src\" href=\"{}\">{}</a>",
            esc(&super::link::file_link(dir, &rel.file, Some(rel.page))),
            esc(&rel.to_string())
        );
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

fn render_table(out: &mut String, t: &TableRecord, file: usize) {
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

fn render_file(out: &mut String, r: &FileRecord, file: usize, dir: &Path) {
    // Collapsed by default: an archive's report is a list of documents to open, not
    // one long scroll; the filters and anchors open what they show.
    let by_sev = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count();
    let _ = write!(
        out,
        "<details class=\"file\" id=\"file-{file}\"><summary>{} <span class=\"n\">({} findings: {} errors, {} warnings, {} info)</span> <a class=\"src noprint\" href=\"{}\">open</a></summary>",
        esc(&r.path),
        r.findings.len(),
        by_sev(Severity::Error),
        by_sev(Severity::Warning),
        by_sev(Severity::Info),
        esc(&super::link::file_link(dir, &r.path, None)),
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
        render_finding(out, f, &finding_anchor(file, i), dir);
    }
    out.push_str("</ol>\n");
    for t in &r.tables {
        render_table(out, t, file);
    }
    out.push_str("</details>\n");
}

fn kind_name(kind: crate::document::DocumentKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The folders the audited files lie in (their common parents), for the header.
fn inputs(audit: &Audit) -> String {
    let mut dirs: Vec<String> = audit
        .files
        .iter()
        .map(|p| {
            Path::new(&p.record.path)
                .parent()
                .map(|d| d.display().to_string())
                .unwrap_or_default()
        })
        .collect();
    dirs.sort();
    dirs.dedup();
    // Keep the outermost folders only.
    let mut roots: Vec<String> = Vec::new();
    for d in dirs {
        if !roots
            .iter()
            .any(|r| Path::new(&d).starts_with(Path::new(r)))
        {
            roots.push(d);
        }
    }
    if roots.is_empty() {
        return "none".to_string();
    }
    roots
        .iter()
        .map(|r| if r.is_empty() { "." } else { r.as_str() })
        .collect::<Vec<_>>()
        .join(", ")
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
    write(audit, Path::new("."), &mut out)?;
    String::from_utf8(out).map_err(io::Error::other)
}

/// Writes the report page section by section, reading each file's findings back from
/// its entry, so the page is never held whole in memory. `dir` is the folder the page
/// is written to: links to the files are relative to it.
pub fn write(audit: &Audit, dir: &Path, sink: &mut impl io::Write) -> io::Result<()> {
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
        "<header><h1>justera audit</h1><p class=\"muted\" id=\"run\">justera {} · inputs: {} · {} files, {} pages, {} documents</p></header><main>",
        env!("CARGO_PKG_VERSION"),
        esc(&inputs(audit)),
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
                "<tr class=\"rule-row\" data-rule=\"{r}\"><td class=\"rule\">{r}<br><span class=\"summary\">{summary}</span></td><td><span class=\"sev {sev}\">{sev}</span></td><td class=\"num\">{}</td><td>{}{more}</td></tr>",
                list.count,
                list.links.join(" "),
                r = esc(rule),
                summary = esc(crate::check::registry::lookup(rule).map_or("", |r| r.summary)),
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
            render_file(&mut out, p.full_record()?.as_ref(), fi, dir);
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
        render_finding(&mut out, &f?, &cross_anchor(i), dir);
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
    let failed: Vec<&AuditedFile> = audit
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
