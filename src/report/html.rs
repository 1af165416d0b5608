//! `index.html`: one self-contained page (inline CSS and a little inline JS, no external
//! requests) a revisor can open, print and send on. Built with maud templates, which
//! escape every spliced value: PDF text is untrusted input and only the page's own
//! style and script are inserted unescaped.
//!
//! The page is written section by section and file by file (each file's findings read
//! from the report's [`Source`](super::model::Source) as it goes), so an archive's page
//! is never held whole in memory.

use super::model::{DocumentSummary, FileDetail, FileEntry, Report, TableRecord};
use crate::check::finding::{Finding, Severity};
use chrono::Datelike;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// Links listed per rule in the by-rule table; the rule filter shows the rest.
const LINKS_PER_RULE: usize = 200;

/// What the findings can be grouped by (the `group` select), with its label.
const GROUPINGS: &[(&str, &str)] = &[
    ("file", "file"),
    ("organ", "organ"),
    ("year", "year"),
    ("rule", "rule"),
    ("severity", "severity"),
];

/// One link in the by-rule table.
struct RuleLink {
    anchor: String,
    text: String,
}

/// Findings of one rule in the by-rule table: the first links and how many there are.
#[derive(Default)]
struct RuleLinks {
    severity: Option<Severity>,
    links: Vec<RuleLink>,
    count: usize,
}

impl RuleLinks {
    fn add(&mut self, anchor: String, f: &Finding) {
        self.severity.get_or_insert(f.severity);
        self.count += 1;
        if self.links.len() < LINKS_PER_RULE {
            self.links.push(RuleLink {
                anchor,
                text: format!(
                    "{}:{}:{}",
                    short_name(&f.provenance.file),
                    f.provenance.page,
                    f.provenance.line
                ),
            });
        }
    }
}

/// The file name without its folders, for compact link texts.
fn short_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
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
dl.run{display:flex;flex-wrap:wrap;gap:4px 22px;margin:6px 0 0;font-size:13px;color:#656d76}
dl.run dt{display:inline;font-weight:600}dl.run dt::after{content:": "}
dl.run dd{display:inline;margin:0;word-break:break-all}
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
details.file,details.group{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:0 10px}
details.file>summary,details.group>summary{cursor:pointer;padding:6px 0;font-weight:600;word-break:break-all}
details.file>summary .n,details.group>summary .n{font-weight:400;color:#656d76}
@media print{
  body{font-size:10pt;color:#000}
  header,main{max-width:none;padding:0}
  #filters,.noprint{display:none!important}
  details.file,details.group{border:none;padding:0}
  details::details-content{content-visibility:visible;display:block}
  details.file>summary,details.group>summary{list-style:none}
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
  var group=document.getElementById('group-by');
  var grouped=document.getElementById('grouped');
  var byFile=[document.getElementById('by-document'),document.getElementById('cross-findings')];
  // Every finding and the list it stands in when grouped by file.
  var items=Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  var homes=items.map(function(li){return li.parentElement;});
  var order={error:0,warning:1,info:2};
  // The view lives in the URL hash ("#filter=sev:error,warning;rule:SUM001;q:text;
  // group:organ"), so it can be bookmarked or sent; other hashes are anchors to findings.
  function state(){
    var sev=[];boxes.forEach(function(b){if(b.checked){sev.push(b.value);}});
    var parts=['sev:'+sev.join(',')];
    if(rule.value){parts.push('rule:'+rule.value);}
    if(text.value){parts.push('q:'+encodeURIComponent(text.value));}
    if(group.value!=='file'){parts.push('group:'+group.value);}
    return 'filter='+parts.join(';');
  }
  function load(){
    var h=location.hash.replace(/^#/,'');
    if(h.indexOf('filter=')!==0){return false;}
    boxes.forEach(function(b){b.checked=true;});rule.value='';text.value='';group.value='file';
    h.slice(7).split(';').forEach(function(p){
      var i=p.indexOf(':'),k=p.slice(0,i),v=p.slice(i+1);
      if(k==='sev'){var on=v.split(',');boxes.forEach(function(b){b.checked=on.indexOf(b.value)>=0;});}
      else if(k==='rule'){rule.value=v;}
      else if(k==='q'){try{text.value=decodeURIComponent(v);}catch(e){text.value=v;}}
      else if(k==='group'){group.value=v;if(group.value!==v){group.value='file';}}
    });
    return true;
  }
  // Regroups the findings: by file they stand in their documents (with the tables);
  // by organ, year, rule or severity in one list per value, groups sorted by value.
  var current='file';
  function regroup(){
    var key=group.value;
    if(key===current){return;}
    current=key;
    items.forEach(function(li,i){homes[i].appendChild(li);});
    grouped.querySelectorAll('details.group').forEach(function(d){grouped.removeChild(d);});
    document.getElementById('grouped-by').textContent=key;
    byFile.forEach(function(e){if(e){e.classList.toggle('hidden',key!=='file');}});
    grouped.classList.toggle('hidden',key==='file');
    if(key==='file'){return;}
    var groups={},names=[];
    items.forEach(function(li){
      var v=li.dataset[key]||'';
      if(!Object.prototype.hasOwnProperty.call(groups,v)){groups[v]=[];names.push(v);}
      groups[v].push(li);
    });
    names.sort(function(a,b){
      if(!a||!b){return a?-1:b?1:0;}
      if(key==='severity'){return order[a]-order[b];}
      return a.localeCompare(b,'sv');
    });
    names.forEach(function(v){
      var d=document.createElement('details');d.className='group';d.open=true;
      var s=document.createElement('summary');s.textContent=(v||'(not stated)')+' ';
      var n=document.createElement('span');n.className='n';s.appendChild(n);d.appendChild(s);
      var ol=document.createElement('ol');ol.className='findings';
      groups[v].forEach(function(li){ol.appendChild(li);});
      d.appendChild(ol);grouped.appendChild(d);
    });
  }
  function apply(save){
    regroup();
    var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
    var r=rule.value, t=text.value.toLowerCase(), shown=0;
    items.forEach(function(li){
      var ok=on[li.dataset.severity]&&(!r||li.dataset.rule===r)&&(!t||li.textContent.toLowerCase().indexOf(t)>=0);
      li.classList.toggle('hidden',!ok); if(ok){shown++;}
    });
    document.querySelectorAll('details.file,details.group').forEach(function(s){
      var n=s.querySelectorAll('li.finding:not(.hidden)').length;
      s.classList.toggle('hidden',n===0);
      var c=s.querySelector('summary .n');
      if(c&&s.classList.contains('group')){c.textContent='('+n+' findings)';}
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
  group.addEventListener('change',function(){apply(true);});
  text.addEventListener('input',function(){apply(true);});
  // A finding's table stands in its document: grouped otherwise, the link first goes
  // back to the documents, then the anchor opens and shows the table.
  document.querySelectorAll('a.tbl').forEach(function(a){a.addEventListener('click',function(){
    if(group.value!=='file'){group.value='file';apply(true);}
  });});
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

/// What a finding is grouped by besides its file, rule and severity: the organ and
/// year of the document it is in (from the file's document list).
struct Context {
    organ: Option<String>,
    year: Option<i32>,
}

/// The document of `file` a finding is in: the one with the finding's title whose pages
/// hold it (titles repeat in bundles), else the one whose pages hold it.
fn context(files: &[FileEntry], f: &Finding) -> Context {
    let doc = files
        .binary_search_by(|e| e.path.as_str().cmp(&f.provenance.file))
        .ok()
        .and_then(|i| {
            let docs = &files[i].documents;
            let page = f.provenance.page;
            let holds = |d: &&DocumentSummary| d.pages.0 <= page && page <= d.pages.1;
            docs.iter()
                .filter(holds)
                .find(|d| d.title == f.document)
                .or_else(|| docs.iter().find(holds))
                .or_else(|| (docs.len() == 1).then(|| &docs[0]))
        });
    let organ = doc.and_then(|d| match (&d.organ, &d.municipality) {
        (Some(o), Some(m)) => Some(format!("{}, {}", o.trim(), m.trim())),
        (Some(o), None) => Some(o.trim().to_string()),
        (None, Some(m)) => Some(m.trim().to_string()),
        (None, None) => None,
    });
    Context {
        organ,
        year: doc.and_then(|d| d.date).map(|d| d.year()),
    }
}

fn rule_summary(rule: &str) -> Option<&'static str> {
    crate::check::registry::lookup(rule).map(|r| r.summary)
}

/// One finding; `table` is the anchor of the table whose cells it marks, if any.
fn finding_item(
    f: &Finding,
    anchor: &str,
    table: Option<&str>,
    dir: &Path,
    files: &[FileEntry],
) -> Markup {
    let sev = f.severity.as_str();
    let ctx = context(files, f);
    let link = super::link::file_link(dir, &f.provenance.file, Some(f.provenance.page));
    let figs: Vec<(&str, String)> = [
        ("expected", f.expected),
        ("found", f.found),
        ("tolerance", f.tolerance),
    ]
    .into_iter()
    .filter_map(|(k, v)| {
        let unit = f.unit.as_deref().filter(|_| k != "tolerance");
        v.map(|v| (k, format!("{} {}", v.normalize(), unit.unwrap_or_default())))
    })
    .map(|(k, v)| (k, v.trim_end().to_string()))
    .collect();
    html! {
        li class={ "finding " (sev) } id=(anchor) data-rule=(f.rule) data-severity=(sev)
            data-file=(&*f.provenance.file) data-organ=[ctx.organ.as_deref()]
            data-year=[ctx.year] {
            a.rule href={ "#" (anchor) } { (f.rule) }
            " "
            span class={ "sev " (sev) } { (sev) }
            @if let Some(summary) = rule_summary(&f.rule) {
                span.summary { (summary) }
            }
            br;
            span.msg { (f.message) }
            br;
            span.where {
                a.src href=(link) { (f.provenance) }
                @if let Some(doc) = &f.document { " · " (doc) }
                @if let Some(p) = f.paragraph { " · § " (p) }
                @if let Some(row) = &f.row { " · row “" (row) "”" }
                @if let Some(col) = &f.column { " · column “" (col) "”" }
                @if let Some(t) = table {
                    " · "
                    a.tbl.noprint href={ "#" (t) } { "the table" }
                }
                @if let Some(rel) = &f.related {
                    br;
                    "and "
                    a.src href=(super::link::file_link(dir, &rel.file, Some(rel.page))) { (rel) }
                }
            }
            @if !figs.is_empty() {
                br;
                span.figs {
                    @for (i, (k, v)) in figs.iter().enumerate() {
                        @if i > 0 { " · " }
                        (k) " " b { (v) }
                    }
                }
            }
        }
    }
}

fn looks_numeric(raw: &str) -> bool {
    raw.chars().any(|c| c.is_ascii_digit())
        && raw
            .chars()
            .all(|c| c.is_ascii_digit() || " \u{a0},.-−–%krtmn".contains(c))
}

fn table_anchor(t: &TableRecord, file: usize) -> String {
    format!("t{file}-{}-{}", t.document, t.index)
}

fn table_figure(t: &TableRecord, file: usize) -> Markup {
    let marks_at = |ri: usize, ci: Option<usize>| {
        t.marks
            .iter()
            .filter(move |m| m.row == ri && m.column == ci)
    };
    html! {
        figure.table id=(table_anchor(t, file)) {
            figcaption {
                (t.title.as_deref().unwrap_or("Table")) " "
                span.muted { "(page " (t.page) ", line " (t.line) ")" }
            }
            table {
                thead { tr { th {} @for c in &t.columns { th { (c) } } } }
                tbody {
                    @for (ri, row) in t.rows.iter().enumerate() {
                        tr class=[row.total.then_some("total")] {
                            td class=[marks_at(ri, None).next().map(|_| "bad")] { (row.label) }
                            @for (ci, raw) in row.cells.iter().enumerate() {
                                @let marked = marks_at(ri, Some(ci)).next().is_some();
                                @let class = match (looks_numeric(raw), marked) {
                                    (true, true) => Some("num bad"),
                                    (true, false) => Some("num"),
                                    (false, true) => Some("bad"),
                                    (false, false) => None,
                                };
                                td class=[class] {
                                    (raw)
                                    @for m in marks_at(ri, Some(ci)) {
                                        a.exp href={ "#" (finding_anchor(file, m.finding)) } {
                                            @match m.expected {
                                                Some(e) => { "expected " (e.normalize()) },
                                                None => "see finding",
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn file_details(
    entry: &FileEntry,
    detail: &FileDetail,
    file: usize,
    dir: &Path,
    files: &[FileEntry],
) -> Markup {
    // Collapsed by default: an archive's report is a list of documents to open, not
    // one long scroll; the filters and anchors open what they show.
    let by_sev = |s: Severity| detail.findings.iter().filter(|f| f.severity == s).count();
    html! {
        details.file id={ "file-" (file) } {
            summary {
                (entry.path) " "
                span.n {
                    "(" (detail.findings.len()) " findings: " (by_sev(Severity::Error)) " errors, "
                    (by_sev(Severity::Warning)) " warnings, " (by_sev(Severity::Info)) " info)"
                }
                " "
                a.src.noprint href=(super::link::file_link(dir, &entry.path, None)) { "open" }
            }
            @if !entry.documents.is_empty() {
                p.docs {
                    @for (i, d) in entry.documents.iter().enumerate() {
                        @if i > 0 { "; " }
                        (d.title.as_deref().unwrap_or("(untitled)")) " "
                        span.muted { "(" (kind_name(d.kind)) ", pages " (d.pages.0) "–" (d.pages.1) ")" }
                    }
                }
            }
            ol.findings {
                @for (i, f) in detail.findings.iter().enumerate() {
                    @let table = detail
                        .tables
                        .iter()
                        .find(|t| t.marks.iter().any(|m| m.finding == i))
                        .map(|t| table_anchor(t, file));
                    (finding_item(f, &finding_anchor(file, i), table.as_deref(), dir, files))
                }
            }
            @for t in &detail.tables {
                (table_figure(t, file))
            }
        }
    }
}

fn kind_name(kind: crate::document::DocumentKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn count(class: &str, id: &str, label: &str, n: u64) -> Markup {
    html! {
        div class=[(!class.is_empty()).then_some(class)] {
            dt { (label) } dd id={ "count-" (id) } { (n) }
        }
    }
}

/// The page's head, header (run metadata), summary counts, filters and the by-rule table.
fn head(report: &Report, by_rule: &BTreeMap<String, RuleLinks>) -> Markup {
    let s = &report.summary;
    let run = &report.run;
    let inputs = if run.inputs.is_empty() {
        "none".to_string()
    } else {
        run.inputs.join(", ")
    };
    html! {
        (DOCTYPE)
        // The html/body elements are closed by `tail`: the page is streamed.
        (PreEscaped("<html lang=\"sv\">"))
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { "justera audit: " (s.findings) " findings in " (s.files) " files" }
            style { (PreEscaped(STYLE)) }
        }
        (PreEscaped("<body>\n"))
        header {
            h1 { "justera audit" }
            dl.run id="run" {
                @if let Some(date) = run.date {
                    div { dt { "run" } dd id="run-date" { (date.format("%Y-%m-%d %H:%M UTC")) } }
                }
                div { dt { "inputs" } dd id="run-inputs" { (inputs) } }
                div { dt { "justera" } dd id="run-version" { (run.version) } }
                div {
                    dt { "read" }
                    dd id="run-counts" {
                        (s.files) " files, " (s.pages) " pages, " (s.documents) " documents"
                    }
                }
            }
        }
        (PreEscaped("<main>\n"))
        section id="summary" {
            h2 { "Summary" }
            dl.counts {
                (count("", "files", "Files", s.files))
                (count("", "failed", "Files failed", s.files_failed))
                (count("", "pages", "Pages", s.pages))
                @if s.ocr_files > 0 {
                    (count("", "ocr-files", "Files with scanned pages (OCR)", s.ocr_files))
                    (count("", "ocr-pages", "Pages read by OCR", s.ocr_pages))
                }
                (count("", "documents", "Documents", s.documents))
                (count("", "tables", "Tables", s.tables))
                (count("", "relations", "Relations checked", s.relations_checked))
                (count("", "cross", "Across documents", s.cross_relations_checked))
                (count("", "findings", "Findings", s.findings))
                @for sev in ["error", "warning", "info"] {
                    (count(sev, sev, sev, s.findings_by_severity.get(sev).copied().unwrap_or(0)))
                }
            }
            p.muted {
                (s.cells) " cells read, " (s.tables_unparsed) " tables not parsed, "
                (s.relations_failed) " relations failed; " (s.facts)
                " facts compared across documents."
            }
        }
        section id="filters" {
            @for sev in ["error", "warning", "info"] {
                label { input type="checkbox" value=(sev) checked; " " (sev) @if sev != "info" { "s" } }
            }
            label {
                "rule "
                select id="filter-rule" {
                    option value="" { "all" }
                    @for rule in s.findings_by_rule.keys() { option { (rule) } }
                }
            }
            label { input id="filter-text" type="search" placeholder="filter text"; }
            label {
                "group by "
                select id="group-by" {
                    @for (value, label) in GROUPINGS { option value=(value) { (label) } }
                }
            }
            span.muted { span id="filter-count" { (s.findings) } " shown" }
        }
        section id="by-rule" {
            h2 { "Findings by rule" }
            @if by_rule.is_empty() {
                p { "No findings." }
            } @else {
                table {
                    thead { tr { th { "Rule" } th { "Severity" } th { "Count" } th { "Findings" } } }
                    tbody {
                        @for (rule, list) in by_rule {
                            @let sev = list.severity.map_or("info", Severity::as_str);
                            @let more = list.count - list.links.len();
                            tr.rule-row data-rule=(rule) {
                                td.rule { (rule) br; span.summary { (rule_summary(rule).unwrap_or("")) } }
                                td { span class={ "sev " (sev) } { (sev) } }
                                td.num { (list.count) }
                                td {
                                    @for (i, l) in list.links.iter().enumerate() {
                                        @if i > 0 { " " }
                                        a href={ "#" (l.anchor) } { (l.text) }
                                    }
                                    @if more > 0 { " … and " (more) " more (filter by rule above)" }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Where the findings stand when grouped by organ, year, rule or severity.
        section id="grouped" class="hidden" { h2 { "Findings by " span id="grouped-by" {} } }
    }
}

/// Renders the whole report page into a string (for tests and small audits).
pub fn render(report: &Report) -> io::Result<String> {
    let mut out = Vec::new();
    write(report, Path::new("."), &mut out)?;
    String::from_utf8(out).map_err(io::Error::other)
}

/// Writes the report page section by section, reading each file's findings from the
/// report's source as it goes. `dir` is the folder the page is written to: links to
/// the files are relative to it.
pub fn write(report: &Report, dir: &Path, sink: &mut impl io::Write) -> io::Result<()> {
    // By rule: each rule with links to its findings (a first pass over the findings).
    let mut by_rule: BTreeMap<String, RuleLinks> = BTreeMap::new();
    for (fi, entry) in report.files.iter().enumerate() {
        if entry.findings == 0 {
            continue;
        }
        for (i, f) in report.source.file(fi)?.findings.iter().enumerate() {
            by_rule
                .entry(f.rule.to_string())
                .or_default()
                .add(finding_anchor(fi, i), f);
        }
    }
    for (i, f) in report.source.cross_findings().enumerate() {
        let f = f?;
        by_rule
            .entry(f.rule.to_string())
            .or_default()
            .add(cross_anchor(i), &f);
    }
    let mut put = |m: Markup| sink.write_all(m.into_string().as_bytes());
    put(head(report, &by_rule))?;
    drop(by_rule);

    // By document: one collapsible block per file with findings.
    put(html! { (PreEscaped("<section id=\"by-document\">")) h2 { "Findings by document" } })?;
    let mut any = false;
    for (fi, entry) in report.files.iter().enumerate() {
        if entry.findings > 0 {
            any = true;
            let detail = report.source.file(fi)?;
            put(file_details(entry, &detail, fi, dir, &report.files))?;
        }
    }
    put(html! {
        @if !any { p { "No findings within documents." } }
        (PreEscaped("</section>\n"))
    })?;

    // Across documents.
    let c = &report.cross;
    put(html! {
        (PreEscaped("<section id=\"cross\">"))
        h2 { "Across documents" }
        p.muted {
            (c.facts) " facts; " (c.relations_checked) " relations checked, "
            (c.relations_failed) " failed."
        }
        (PreEscaped("<ol class=\"findings\" id=\"cross-findings\">\n"))
    })?;
    for (i, f) in report.source.cross_findings().enumerate() {
        put(finding_item(
            &f?,
            &cross_anchor(i),
            None,
            dir,
            &report.files,
        ))?;
    }
    put(PreEscaped("</ol>".to_string()))?;
    if c.relations > 0 {
        put(html! {
            (PreEscaped("<details>")) summary { "Every relation checked (" (c.relations) ")" }
            (PreEscaped("<ul class=\"relations\">"))
        })?;
        for r in report.source.relations() {
            let r = r?;
            put(html! {
                li {
                    span.rule { (r.rule) } " "
                    @if r.holds { "holds:" } @else { b { "fails:" } }
                    " " (r.statement)
                }
            })?;
        }
        put(PreEscaped("</ul></details>".to_string()))?;
    }
    put(PreEscaped("</section>\n".to_string()))?;

    // Failed files, every file, and the script.
    let failed: Vec<&FileEntry> = report
        .files
        .iter()
        .filter(|f| f.failure().is_some())
        .collect();
    put(html! {
        section id="failed" {
            h2 { "Files that could not be read" }
            @if failed.is_empty() {
                p { "None." }
            } @else {
                table {
                    thead { tr { th { "File" } th { "Reason" } th { "Detail" } } }
                    tbody {
                        @for f in &failed {
                            @if let Some(reason) = f.failure() {
                                tr.failed-file {
                                    td.where { (f.path) } td { (reason.code()) } td { (reason) }
                                }
                            }
                        }
                    }
                }
            }
        }
        (PreEscaped("<section id=\"files\">"))
        h2 { "Files" }
        (PreEscaped("<details>"))
        summary { (report.files.len()) " files read or tried" }
        (PreEscaped("<table>"))
        thead { tr {
            th { "File" } th { "Status" } th { "Pages" } th { "Documents" } th { "Findings" }
        } }
        (PreEscaped("<tbody>"))
    })?;
    // A row per file, in pieces: an archive's list is long.
    for chunk in report.files.chunks(512) {
        put(html! {
            @for f in chunk {
                tr {
                    td.where { (f.path) }
                    td {
                        @match f.failure() {
                            Some(reason) => (reason.code()),
                            None if f.pages_lost() > 0 => { "read, " (f.pages_lost()) " pages lost" },
                            None => "read",
                        }
                    }
                    td.num { (f.pages) }
                    td.num { (f.documents.len()) }
                    td.num { (f.findings) }
                }
            }
        })?;
    }
    put(html! {
        (PreEscaped("</tbody></table></details></section>\n"))
        (PreEscaped("</main>"))
        script { (PreEscaped(SCRIPT)) }
        (PreEscaped("</body></html>\n"))
    })
}
