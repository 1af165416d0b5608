//! TXT007: arithmetic a passage states across neighbouring sentences — a change and the
//! two figures it is between, or a total and its parts — that the figures contradict.

use super::prose::prose_lines;
use super::txt006::{
    in_kronor, is_year, paragraphs, period_after, same_count, sentences_of, sign_of, Fig, Kind,
    Paragraph, Sent, ADJUSTED_RE, CHANGE_VERB_RE,
};
use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::grammar::re::Re;
use crate::grammar::vocab::Vocabulary;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::TXT007,
    name: "arithmetic-across-sentences",
    family: Family::Txt,
    severity: Severity::Error,
    summary: "Neighbouring sentences state arithmetic between figures they name (a change \
and the two figures it is between, a total and its parts named or counted before them, a share and the two terms it is of) \
that the figures do not make",
    explanation: "TXT006 reads arithmetic stated inside one sentence. Reports and news items \
often state the figures in one sentence and the relation in the next, or the total first and \
its parts after it. A revisor checks them with a calculator; justera does too, only where \
the sentences are certainly about the same quantity.\n\nWhat is read.\n  - a change and the \
two figures it is between, in neighbouring sentences (the next paragraph counts as \
neighbouring when only a blank line stands between): the change sentence names a change \
verb with what changed (\"Totalt sett ökade intäkterna med 14 procent\", \"Markbränderna \
ökade med 141 procent jämfört med året innan\"), the change as its only figure (years \
aside) and the year before as what it is compared with (föregående år, året innan, i fjol, \
i fjor); the figures stand either in one sentence naming what changed, the figure and the \
year before's in parentheses with its year, one year earlier than the year named before \
the figure (\"intäkter … uppgick år 2012 till 381 mkr (2011: 343 mkr)\"), or in two \
sentences, the first naming the figure with what changed right after it and no other \
figure, the second opening with the year before (\"… 153 markbränder. Året innan var \
markbränderna 54 stycken.\"). What changed is one word in both (the same stem: \
intäkterna, intäkter); the figures are both money, or counts (the change a count too, or \
a percent);\n  - a total and its parts named before it: \"Befolkningen i Haparanda-, \
Övertorneå- samt Pajala kommuner minskar … med sammanlagt 98 personer\" (sammanlagt, \
totalt, tillsammans) and in the next paragraphs each name once with the same verb and its \
figure, \"Haparanda minskar med 30 personer\": the parts' sum against the total, counts of \
one noun or money;\n  - a total and its parts counted before them: \"understöd på \
sammanlagt 200 000 euro till sex föreningar\" and, in the sentences after it, exactly six \
amounts each after the same verb (får, fick, erhåller, beviljas, tilldelas: \"Kaipparen \
får 50 000 euro\"), read up to the first sentence with an amount not so introduced; more \
or fewer amounts than counted are not read;\n  - a change restated from the two \
figures the sentence before goes between: \"… fra 64.125 fuldtidspersoner … i januar 2020 \
til 40.913 i august 2022. Det vil sige, at antallet er faldet med ca. en tredjedel, svarende \
til ca. 20.212 fuldtidspersoner på 2,5 år.\": the first sentence has exactly two figures \
(years and dates aside), right after fra (från) and til (till); the second opens by \
restating it (det vil sige, det innebär, det betyder, dvs.) and has a change verb and one \
figure after it (a length of time aside);\n  - a change in percent pointing back to the two \
figures before it: \"Skatteinntektene for 2018 er forventet å bli 240,4 mill. kroner. For 2019 \
er anslaget 243,1 mill. kroner. Dette er en økning på 1,3 % fra året før.\": the sentence \
opens by pointing back (dette er, det tilsvarer, det innebär, vilket är) with a change noun \
and the percent, its only figure (years aside); the figures stand either in the two sentences \
right before it, one figure and one year each, the earlier year first, the second opening \
with its year and naming no quantity of its own between the year and its figure (\"For 2019 \
er anslaget\": grammars/changes.vocab), or in the one sentence right before it, exactly two \
figures each beside its own year (\"fra 79825 kroner i 2012 til 91113 kroner i 2016\"); any \
year the percent's sentence names is one of the two, and \"fra året før\" (föregående år) \
makes the later the year after the earlier. Two figures of one year, a figure without its \
year, a second candidate figure: not read. A round percent (\"30 prosent\") may be stated to \
the ten: a miss is \"not decided\";\n  - several changes, each an amount with its percent in \
parentheses, and the sentence right after or before naming as many pairs from A to B in the \
same order: \"… Socialnämnden med knappt 10 mnkr (+ 6,9 %) och … Utbildningsnämnden med \
knappt 3 mnkr (+2,6 %) jämfört med 2022. I kronor räknat ökar SON:s budget från 144 mnkr \
till 154 mnkr och BUN:s budget ökar från 101,5 mnkr till 104,5 mnkr.\": read only where \
every figure of the one sentence (years aside) is such an amount or percent and every figure \
of the other such a pair, all money, at least two, and each pair's difference meets its \
amount (that pairs them); each percent is then (B − A)/A, and a miss is decided only where \
every other pair's percent holds;\n  - a share or ratio in percent whose two terms the \
sentences before it in the passage state (src/check/rules/txt/ratio.rs): the percent names its \
base right after it (\"152% af tekjum\", \"prosent av driftsinntektene\") or in a phrase \
before it (\"Sem hlutfall af tekjum voru skuldir A hluta 136%\", \"i prosent av\"); its \
numerator is the amount right before it (\"671 mkr. eða 21.5% af tekjum\") or the head noun \
of its clause (\"skuldir\", \"Skuldahlutfall\" naming skuldir). Each term is an amount stated \
after its subject and a verb of being (urðu, námu, voru, uppgick till, utgjorde, ble) in the \
sentences before, the same noun (one stem; heildar-, rekstrar-, brutto- name the same whole) \
and the same entity (A-hluti or bæjarsjóður against samstæða or A og B hluti, kommunekassen \
against konsernet: \"1.958 m.kr og 2.460 m.kr. fyrir alla samstæðuna\" gives each its entity). \
Read only where each term is the one figure for its noun and entity in the passage, no figure \
of unknown role stands in its sentence or points back to it in the next (\"og fari við það í \
464 þúsund krónur\"), it is not another year's, and the ratio's clause names no other year. \
A term called a limit (tæplega, rúmir, drygt) or named with an adjustment (án, exklusive, að \
meðtöldu): a miss is \"not decided\";\n  - a change and, in the sentence right before or \
after it, the two figures it is between set against each other, the earlier named by its period \
(src/check/rules/txt/contrast.rs): \"Gistinóttum á hótelum í júní fjölgaði um 16% miðað við \
sama mánuð í fyrra. Þær voru 153.900 í júní síðastliðnum en voru 132.800 í sama mánuði árið \
2006.\", \"Antalet besökare var 5 137 mot 4 672 i fjol. Det är alltså en ökning med 10 \
procent jämfört med föregående år.\": the change is its sentence's only figure \
(years aside), after a change verb and a word like med (um, på) or a Finnish verb right before \
it (\"kasvanut 661 prosenttia\"), or beside a change noun (\"11% aukningu\", \"en ökning \
med\"), and its sentence names the earlier period (i fjol, föregående år, í fyrra, milli ára, \
edellisvuodesta); the other sentence names exactly two figures and no change word, a contrast \
word between them (en, men, mot, mutta), and exactly one side of that word names the earlier \
period (i fjol where the sentence names no year, or the same month and a year, the other side \
no year): that figure is the base. The \
sentences are one passage only where the figures' sentence points back with a pronoun before \
its figures (Þær, De), the change's sentence with a word like því or alltså, or the two share \
a noun's stem (grammars/changes.vocab: previous, same_period, contrast, refers, thus, rise, \
fall);\n  - the same in one sentence (contrast.rs): the two figures set against each other, each \
side naming its own year (the smaller is the base) or the earlier side its period, then at \
most five words with one change noun or verb and the change (\"Heildarfjöldi farþega árið \
2019 var 48.250 TEU en var árið 2018 alls 51.600 TEU og samdrátturinn því um 6,9%\"; um \
after a noun with no verb may say \"about\" and widens the change as ca does: \
grammars/changes.vocab by_or_about); or the change told first, then a restating phrase, the \
later figure and, after a word like mot (í mun til, jämfört med), the earlier named by its \
period or year (\"vøksturin í 2020 verið 9,6%, svarandi til at 44.113 ferðandi komu … í mun \
til 40.265 sama tíðarskeið í fjør\"; grammars/changes.vocab against);\n  - a change told in one sentence with both its levels, in the wordings TXT006 does not read \
(src/check/rules/txt/onechange.rs, grammars/changes.vocab `level_*`): the levels after a from \
word and a to word (från … till, fra … til, úr … í; a few words and years between) or with the \
Finnish case endings after a colon (\"1 200:sta 1 380:een\"), and the change right after them \
behind a restating word (\", eller med 15 procent\", \"eli 15 prosenttia\", \"svarende til en \
stigning på 15 pct.\", \"eða um 12\") or right before them after a change verb or noun and a \
word like med (\"økt med 746 nye innbyggere, fra 59.288 … til 60.034\", \"fjölgaði … eða um \
10,9% en íbúum þar fjölgaði úr 626 í 694\": a second clause between must name what changed \
again); each change stands beside its own levels, so two in one sentence pair by order. A change \
in points between two percentages is B − A; a change in percent between two percentages may be \
the points or the relative change, and a bare change between bare levels that holds as a percent \
may be one: a miss is \"not decided\"; a verb against the levels' order, a level in a scaled \
unit with the other written bare after it, and a bare change of another measure than the \
levels' (\"10 tonn … 271 kg\") are not read.\n\nWhat is checked. Every figure stands for \
the values its written precision allows (as in TXT006): a change in percent is (B − A)/A, \
in money or a count B − A, the verb giving the sign; a total is compared with the sum of \
its parts. Each relation read counts as checked.\n\nA figure called about so much (ca, cirka, omkring, noin: \
grammars/approximations.vocab) stands for its rounding widened each side by 10 % of it or \
one unit of its last digit, whichever is more, as in TXT006; a percent written as a word \
(\"omkring fem procent\") is read as the figure.\n\nWhen it is only information. A figure \
called a limit or near one (drygt, knappt, nästan, över) or a sentence naming an \
adjustment (exklusive, justerat, jämförbara enheter): a miss is \"not decided\". A \
parenthesis right after the word naming what changed, before both figures, that says what \
it is (\"intäkter (exklusive ränte- och andra finansiella intäkter) uppgick år 2012 till 381 \
mkr (2011: 343 mkr)\") defines the quantity of both years and is no adjustment. Figures \
of different periods (per månad, per år), percentages between percentages, and two \
figures without any noun in common with the change are not read.\n\nExample: \"Markbränderna \
ökade med 141 procent jämfört med året innan. Under år 2018 släckte räddningsverket 153 \
markbränder. Året innan var markbränderna 54 stycken.\": from 54 to 153 is an increase of \
183 %, so 141 procent cannot be right: an error.",
    checks: &[Check::Document(check)],
};

/// The year before, as a change names what it is compared with.
const PREVIOUS: &str = r"(?i)(?:^|[^\p{L}])(?:föregående\s+år|året\s+innan|året\s+före|förra\s+året|fjolåret|i\s+fjol|i\s+fjor|året\s+før|forrige\s+år|sidste\s+år|året\s+forinden)(?:[^\p{L}]|$)";

/// A sentence opening with the year before ("Året innan var markbränderna 54 stycken").
const PREVIOUS_OPENS: &str = r"(?i)^\s*(?:året\s+innan|året\s+före|föregående\s+år|förra\s+året|i\s+fjol|i\s+fjor|året\s+før|forrige\s+år|sidste\s+år|året\s+forinden)(?:[^\p{L}]|$)";

/// The year of the figure before, in parentheses right after the figure: "(2011: ".
const YEAR_PAREN: &str = r"^\s*\(\s*((?:19|20)\d\d)\s*:\s*$";

/// Together, right before a total: "med sammanlagt", "på totalt".
const TOGETHER: &str = r"(?i)(?:^|[^\p{L}])(?:sammanlagt|totalt|tillsammans|til\s+sammen|tilsammen|samlet|i\s+alt|yhteensä)\s+$";

/// A list of names: two or more capitalised words joined by commas and a last och (samt,
/// og), each possibly ending a compound with a hyphen ("Haparanda-, Övertorneå- samt
/// Pajala kommuner").
const NAMES: &str = r"(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)-?((?:,\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?-?)*),?\s+(?:och|samt|og)\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:[^\p{L}-]|$)";

/// The verbs a named part's figure follows ("Haparanda minskar med 30 personer").
const PART_VERB: &str = r"(?i)(?:^|[^\p{L}])(ökade|ökar|ökat|minskade|minskar|minskat|växte|växer|vuxit|steg|stiger|sjönk|sjunker|tappade|tappar|tappat|økte|øker|økt|falt|faller|sank|synker|voksede|vokser|faldt|falder)(?:[^\p{L}]|$)";

/// The count a total is spread over, right after its amount: "till sex föreningar".
const COUNTED: &str = r"(?i)^\s*(?:till|åt|för|mellan|på|til|for|mellom|mellem)\s+(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|to|fire|seks|syv|sju|åtte|otte|ni|ti|\d{1,2})\s+\p{L}{3,}";

/// The verb right before each counted part's amount: "Kaipparen får 50 000 euro".
const GETS: &str = r"(?i)(?:^|[^\p{L}])(får|fick|erhåller|erhöll|beviljas|beviljades|tilldelas|tilldelades|tildeles|tildelt|modtager|mottar|mottok)\s+$";

static PREVIOUS_RE: Re = Re::new(PREVIOUS);
static PREVIOUS_OPENS_RE: Re = Re::new(PREVIOUS_OPENS);
static YEAR_PAREN_RE: Re = Re::new(YEAR_PAREN);
static TOGETHER_RE: Re = Re::new(TOGETHER);
static NAMES_RE: Re = Re::new(NAMES);
static PART_VERB_RE: Re = Re::new(PART_VERB);
static COUNTED_RE: Re = Re::new(COUNTED);
static GETS_RE: Re = Re::new(GETS);

impl Sent {
    /// The figures that are no year and no date, in order.
    pub(super) fn own(&self) -> Vec<usize> {
        (0..self.figs.len())
            .filter(|&i| !is_year(&self.figs[i]) && !date_after(&self.text, &self.figs[i]))
            .collect()
    }

    /// The word just before figure `i`, lower case ("från", "till").
    fn word_before(&self, i: usize) -> String {
        self.text[..self.figs[i].start]
            .split_whitespace()
            .last()
            .map(lower_word)
            .unwrap_or_default()
    }
}

/// Whether a month (the whole word: "1 juli", "30 sept.") or a clock follows the figure:
/// a date, not a figure of the relation ("153 markbränder" is no date).
fn date_after(text: &str, f: &Fig) -> bool {
    const MONTHS: &[&str] = &[
        "januari",
        "jan",
        "februari",
        "feb",
        "mars",
        "mar",
        "april",
        "apr",
        "maj",
        "mai",
        "juni",
        "jun",
        "juli",
        "jul",
        "augusti",
        "august",
        "aug",
        "september",
        "sept",
        "sep",
        "oktober",
        "okt",
        "oct",
        "november",
        "nov",
        "december",
        "dec",
        "desember",
        "kl",
    ];
    let word: String = text[f.end..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let word = word.to_lowercase();
    MONTHS.contains(&word.as_str())
}

/// A figure as written, with its unit.
fn written(s: &Sent, i: usize) -> &str {
    s.text[s.figs[i].start..s.figs[i].end].trim()
}

/// Whether two paragraphs are neighbours: the second starts on the same page at most two
/// lines after the first ends (one blank line between).
fn close(a: &Paragraph, b: &Paragraph) -> bool {
    let (Some(&(_, last)), Some(&(_, first))) = (a.lines.last(), b.lines.first()) else {
        return false;
    };
    last.provenance.page == first.provenance.page
        && first.provenance.line > last.provenance.line
        && first.provenance.line - last.provenance.line <= 2
}

/// The lowercased letters of a word, for comparing stems.
fn lower_word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase()
}

/// Whether two words share a stem: a common beginning of at least five letters that
/// leaves at most two letters of the shorter over ("intäkter", "intäkterna";
/// "markbränder", "markbränderna").
pub(super) fn same_stem(x: &str, y: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    let common = x.iter().zip(&y).take_while(|(a, b)| a == b).count();
    let shorter = x.len().min(y.len());
    common >= 5 && common + 2 >= shorter
}

/// Whether a word of `text` shares a stem with `noun`.
fn names(text: &str, noun: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| !w.is_empty() && same_stem(&w.to_lowercase(), noun))
}

/// A change sentence: a change verb, what changed beside it, the change as its only
/// figure, and the year before as what it is compared with.
struct Change {
    c: usize,
    sign: i32,
    /// The words beside the verb that may name what changed, lowercased.
    nouns: Vec<String>,
}

fn change_of(s: &Sent) -> Option<Change> {
    let own = s.own();
    let [c] = own[..] else {
        return None;
    };
    if !PREVIOUS_RE.is_match(&s.text) {
        return None;
    }
    let before = &s.text[..s.figs[c].start];
    let m = CHANGE_VERB_RE.captures(before)?;
    let verb = m.get(1)?;
    // The word before the verb ("Markbränderna ökade") and the words between it and
    // "med" ("ökade intäkterna med").
    let mut nouns: Vec<String> = before[..verb.start()]
        .split_whitespace()
        .last()
        .map(lower_word)
        .into_iter()
        .collect();
    nouns.extend(
        before[verb.end()..]
            .split_whitespace()
            .map(lower_word)
            .take_while(|w| !["med", "på"].contains(&w.as_str())),
    );
    nouns.retain(|w| w.chars().count() >= 5);
    if nouns.is_empty() {
        return None;
    }
    Some(Change {
        c,
        sign: sign_of(verb.as_str()),
        nouns,
    })
}

/// The figures a change is between, found in the sentences beside it: (the figure
/// before, its sentence), (the figure after, its sentence).
type Operands = ((usize, usize), (usize, usize));

/// One sentence naming the figure and the year before's in parentheses with its year:
/// "intäkter … uppgick år 2012 till 381 mkr (2011: 343 mkr)".
fn operands_in_one(sents: &[Sent], k: usize, nouns: &[String]) -> Option<Operands> {
    let s = &sents[k];
    let own = s.own();
    let [b, a] = own[..] else {
        return None;
    };
    let (fb, fa) = (&s.figs[b], &s.figs[a]);
    let y = YEAR_PAREN_RE.captures(&s.text[fb.end..fa.start])?;
    let year: u32 = y.get(1)?.as_str().parse().ok()?;
    // The year the figure is of, the last year named before it, is the year after.
    let named = s.figs[..b].iter().rev().find(|f| is_year(f))?;
    if named.value != Decimal::from(year + 1) {
        return None;
    }
    if PREVIOUS_RE.is_match(&s.text) {
        return None;
    }
    let head = &s.text[..fb.start];
    nouns
        .iter()
        .any(|n| names(head, n))
        .then_some(((k, a), (k, b)))
}

/// Two sentences: the figure with what changed right after it, then the year before's
/// figure in a sentence opening with the year before: "… 153 markbränder. Året innan var
/// markbränderna 54 stycken."
fn operands_in_two(sents: &[Sent], k: usize, nouns: &[String]) -> Option<Operands> {
    let (s1, s2) = (&sents[k], sents.get(k + 1)?);
    let (own1, own2) = (s1.own(), s2.own());
    let ([b], [a]) = (&own1[..], &own2[..]) else {
        return None;
    };
    if !PREVIOUS_OPENS_RE.is_match(&s2.text) || PREVIOUS_RE.is_match(&s1.text) {
        return None;
    }
    let after = s1.text[s1.figs[*b].num_end..]
        .split_whitespace()
        .next()
        .map(lower_word)?;
    let noun = nouns.iter().find(|n| same_stem(&after, n))?;
    names(&s2.text, noun).then_some(((k + 1, *a), (k, *b)))
}

/// Whether sentence `j` follows sentence `i` right after it: in the same paragraph or at
/// the start of the next, close one.
pub(super) fn follows(
    near: &dyn Fn(usize, usize) -> bool,
    sents: &[Sent],
    i: usize,
    j: usize,
) -> bool {
    let (x, y) = (&sents[i], &sents[j]);
    j == i + 1 && (x.par == y.par || (y.par == x.par + 1 && near(x.par, y.par)))
}

/// A relation read: the figure computed, the figure stated, how they compare and where.
pub(super) struct Read {
    pub(super) made: Interval,
    pub(super) said: Interval,
    pub(super) doubt: Option<&'static str>,
    /// The sentence and the figure the finding points at.
    pub(super) at: (usize, usize),
    pub(super) reading: String,
    pub(super) reason: &'static str,
    /// The figures read as approximate and their allowance (super::approx::note).
    pub(super) note: String,
}

fn read_changes(near: &dyn Fn(usize, usize) -> bool, sents: &[Sent], out: &mut Vec<Read>) {
    for k in 0..sents.len() {
        let Some(ch) = change_of(&sents[k]) else {
            continue;
        };
        // The figures in the sentence (or two) right before the change, or right after.
        let mut found = None;
        if k >= 1 && follows(near, sents, k - 1, k) {
            found = operands_in_one(sents, k - 1, &ch.nouns);
            if found.is_none() && k >= 2 && follows(near, sents, k - 2, k - 1) {
                found = operands_in_two(sents, k - 2, &ch.nouns);
            }
        }
        if found.is_none() && k + 1 < sents.len() && follows(near, sents, k, k + 1) {
            found = operands_in_one(sents, k + 1, &ch.nouns);
            if found.is_none() && k + 2 < sents.len() && follows(near, sents, k + 1, k + 2) {
                found = operands_in_two(sents, k + 1, &ch.nouns);
            }
        }
        let Some(((sa, a), (sb, b))) = found else {
            continue;
        };
        if let Some(r) = evaluate_change(sents, (sa, a), (sb, b), (k, ch.c), ch.sign, &ch.nouns) {
            out.push(r);
        }
    }
}

/// From the figure `a` to the figure `b`, a change of `c` (each a sentence and a figure
/// of it) in the direction `sign`.
pub(super) fn evaluate_change(
    sents: &[Sent],
    (sa, a): (usize, usize),
    (sb, b): (usize, usize),
    (sc, c): (usize, usize),
    sign: i32,
    nouns: &[String],
) -> Option<Read> {
    let (fa, fb, fc) = (&sents[sa].figs[a], &sents[sb].figs[b], &sents[sc].figs[c]);
    if [fa, fb, fc].iter().any(|f| f.value.is_sign_negative()) {
        return None;
    }
    let periods: Vec<&str> = [(sa, fa), (sb, fb), (sc, fc)]
        .iter()
        .filter_map(|(s, f)| period_after(&sents[*s].text, f))
        .collect();
    if !periods.is_empty() {
        return None;
    }
    let count = |f: &Fig| matches!(f.kind, Kind::Count(_) | Kind::Bare) && f.decimals == 0;
    let (ia, ib) = match (fa.kind, fb.kind) {
        (Kind::Money(_), Kind::Money(_)) => (in_kronor(fa, fa.kind), in_kronor(fb, fb.kind)),
        (Kind::Money(_), Kind::Bare) => (in_kronor(fa, fa.kind), in_kronor(fb, fa.kind)),
        (Kind::Bare, Kind::Money(_)) => (in_kronor(fa, fb.kind), in_kronor(fb, fb.kind)),
        (Kind::Count(x), Kind::Count(y)) if !same_count(x, y) => return None,
        _ if count(fa) && count(fb) => (fa.interval(), fb.interval()),
        _ => return None,
    };
    let money = matches!(fa.kind, Kind::Money(_)) || matches!(fb.kind, Kind::Money(_));
    let (made, said, unit) = match fc.kind {
        Kind::Percent => {
            if ia.lo <= Decimal::ZERO {
                return None;
            }
            let made = ib
                .divided_by(ia)?
                .minus(Interval::exact(Decimal::ONE))
                .scale(Decimal::ONE_HUNDRED);
            (made, fc.interval(), "%".to_string())
        }
        Kind::Money(scale) if money => {
            let made = ib.minus(ia).scale(Decimal::ONE / scale);
            let text = &sents[sc].text;
            (
                made,
                fc.interval(),
                text[fc.num_end..fc.end].trim().to_string(),
            )
        }
        Kind::Count(_) | Kind::Bare if !money && count(fc) => {
            if let (Kind::Count(x), Kind::Count(y)) = (fc.kind, fb.kind) {
                if !same_count(x, y) {
                    return None;
                }
            }
            (ib.minus(ia), fc.interval(), String::new())
        }
        _ => return None,
    };
    let said = match sign {
        x if x < 0 => said.negated(),
        0 if !made.meets(&said) && made.meets(&said.negated()) => said.negated(),
        _ => said,
    };
    let doubt = if [fa, fb, fc].iter().any(|f| f.approx) {
        Some("a figure is called approximate")
    } else if [sa, sb, sc].iter().any(|&s| {
        let first = if s == sc {
            0
        } else {
            [(sa, fa), (sb, fb)]
                .iter()
                .filter(|(x, _)| *x == s)
                .map(|(_, f)| f.start)
                .min()
                .unwrap_or(0)
        };
        ADJUSTED_RE.is_match(&without_definitions(&sents[s].text, nouns, first))
    }) {
        Some("a sentence names an adjustment (organic, comparable, currency, exclusive)")
    } else {
        None
    };
    let (aw, bw) = (written(&sents[sa], a), written(&sents[sb], b));
    let m = made.nominal.round_dp(2).normalize();
    let sd = said.nominal.normalize();
    let u = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    Some(Read {
        made,
        said,
        doubt,
        at: (sc, c),
        reading: format!("from {aw} to {bw} is a change of {m}{u}, not {sd}{u}"),
        reason: "the sentence beside it names what changed and both figures, the earlier of the year before",
        note: super::approx::note(&[
            (&sents[sa].text, fa),
            (&sents[sb].text, fb),
            (&sents[sc].text, fc),
        ]),
    })
}

/// `text` without the parentheses before byte `before` that only say what a word naming
/// what changed is: in "intäkter (exklusive ränte- och andra finansiella intäkter) uppgick
/// år 2012 till 381 mkr (2011: 343 mkr)" the parenthesis, right after "intäkter" and
/// before both figures, defines the intäkter of both years, so the change between them is
/// of that one quantity and no adjustment of it. A parenthesis holding a figure, or after
/// another word, stays.
fn without_definitions(text: &str, nouns: &[String], before: usize) -> String {
    let mut out = String::new();
    let mut at = 0;
    while let Some(open) = text[at..before].find('(').map(|p| at + p) {
        let Some(close) = text[open..before].find(')').map(|p| open + p) else {
            break;
        };
        let word = text[..open]
            .split_whitespace()
            .last()
            .map(lower_word)
            .unwrap_or_default();
        let inner = &text[open + 1..close];
        let defines = !inner.contains(|c: char| c.is_ascii_digit() || c == '(')
            && nouns.iter().any(|n| same_stem(&word, n));
        out.push_str(&text[at..open]);
        if !defines {
            out.push_str(&text[open..=close]);
        }
        at = close + 1;
    }
    out.push_str(&text[at..]);
    out
}

/// A word pointing back from a change to the figures before it: "og tallet er dermed
/// faldet omkring fem procent".
const THEREBY: &str = r"(?i)(?:^|[^\p{L}])(?:dermed|därmed|derved|därigenom|altså|alltså|således|følgelig|følgeleg)(?:[^\p{L}]|$)";

static THEREBY_RE: Re = Re::new(THEREBY);

/// The words right after a figure, up to a mark, lowercased: what it counts ("børn anbragt
/// uden for hjemmet").
fn words_after(text: &str, f: &Fig) -> Vec<String> {
    let rest = &text[f.end..];
    let stop = rest
        .find([',', '.', ';', ':', '(', ')', '!', '?'])
        .unwrap_or(rest.len());
    rest[..stop]
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect()
}

/// The year named last before figure `i` of a sentence.
fn year_before(s: &Sent, i: usize) -> Option<Decimal> {
    s.figs[..i]
        .iter()
        .rev()
        .find(|f| is_year(f))
        .map(|f| f.value)
}

/// Two neighbouring sentences naming the same quantity at two years, in the same words,
/// the second also saying how much it changed between them: "Ved årsskiftet 2018-2019 var
/// 11.715 børn anbragt uden for hjemmet, … . Ved udgangen af 2011 var 12.804 børn anbragt
/// uden for hjemmet, og tallet er dermed faldet omkring fem procent i denne periode." Read
/// only where the first names one figure (years aside) and the second that figure and the
/// change; the words after both figures up to a mark are the same, at least three of them;
/// each figure has its own year before it in its sentence; and the change follows a change
/// verb and a word pointing back (dermed, därmed, alltså). The earlier year's figure is the
/// one before the change.
fn read_parallel(near: &dyn Fn(usize, usize) -> bool, sents: &[Sent], out: &mut Vec<Read>) {
    for k in 0..sents.len() {
        let s = &sents[k];
        let own = s.own();
        let [f2, c] = own[..] else {
            continue;
        };
        let between = &s.text[s.figs[f2].end..s.figs[c].start];
        let Some(verb) = CHANGE_VERB_RE.captures(between).and_then(|m| m.get(1)) else {
            continue;
        };
        if !THEREBY_RE.is_match(between) {
            continue;
        }
        let words = words_after(&s.text, &s.figs[f2]);
        if words.len() < 3 {
            continue;
        }
        let Some(y2) = year_before(s, f2) else {
            continue;
        };
        let neighbours = [
            k.checked_sub(1).filter(|&j| follows(near, sents, j, k)),
            Some(k + 1).filter(|&j| j < sents.len() && follows(near, sents, k, j)),
        ];
        for j in neighbours.into_iter().flatten() {
            let x = &sents[j];
            let [f1] = x.own()[..] else {
                continue;
            };
            if words_after(&x.text, &x.figs[f1]) != words {
                continue;
            }
            let Some(y1) = year_before(x, f1) else {
                continue;
            };
            let (a, b) = match y1.cmp(&y2) {
                std::cmp::Ordering::Less => ((j, f1), (k, f2)),
                std::cmp::Ordering::Greater => ((k, f2), (j, f1)),
                std::cmp::Ordering::Equal => continue,
            };
            if let Some(mut r) = evaluate_change(sents, a, b, (k, c), sign_of(verb.as_str()), &[]) {
                r.reason = "two neighbouring sentences name the figure at two years in the same words, the second also the change between them";
                out.push(r);
            }
        }
    }
}

/// A sentence opening by restating the one before ("Det vil sige, at …", "Det innebär
/// att …", "Det betyder att …").
const RESTATES: &str = r"(?i)^\s*(?:det\s+vil\s+sige|det\s+vil\s+si|det\s+vill\s+säga|det\s+betyder|det\s+betyr|det\s+innebär|det\s+innebærer|dvs\.?)(?:[^\p{L}]|$)";

/// A change verb anywhere in a sentence ("antallet er faldet med ca. en tredjedel").
const VERB: &str = r"(?i)(?:^|[^\p{L}])(ökat|ökade|ökar|minskat|minskade|minskar|stigit|steg|sjunkit|sjönk|økt|økte|øker|steget|steg|sunket|sank|falt|faldet|faldt|falder|vokset|voksede|gået\s+ned|gått\s+ned|gått\s+ner)(?:[^\p{L}]|$)";

/// A figure's word for a length of time ("på 2,5 år"): a duration, no operand.
const DURATION: &str = r"(?i)^\s*(?:år|måneder|månader|måneder|mdr\.?|dage|dagar|dager|uger|veckor|uker)(?:[^\p{L}]|$)";

static RESTATES_RE: Re = Re::new(RESTATES);
static VERB_RE: Re = Re::new(VERB);
static DURATION_RE: Re = Re::new(DURATION);

/// A change the sentence right after restates from the figures the one before goes from
/// and to: "På landsplan har man bevæget sig fra 64.125 fuldtidspersoner på kontanthjælp i
/// januar 2020 til 40.913 i august 2022. Det vil sige, at antallet er faldet med ca. en
/// tredjedel, svarende til ca. 20.212 fuldtidspersoner på 2,5 år." Read only where the
/// first sentence has exactly two figures (years and dates aside), the first right after
/// "fra"/"från" and the second right after "til"/"till"; the second opens by restating the
/// first (det vil sige, det innebär, det betyder, dvs.), has a change verb and exactly one
/// figure after it (a length of time aside).
fn read_restated(near: &dyn Fn(usize, usize) -> bool, sents: &[Sent], out: &mut Vec<Read>) {
    for k in 1..sents.len() {
        let s = &sents[k];
        if !follows(near, sents, k - 1, k) || !RESTATES_RE.is_match(&s.text) {
            continue;
        }
        let Some(verb) = VERB_RE.captures(&s.text).and_then(|m| m.get(1)) else {
            continue;
        };
        let own: Vec<usize> = s
            .own()
            .into_iter()
            .filter(|&i| !DURATION_RE.is_match(&s.text[s.figs[i].end..]))
            .collect();
        let [c] = own[..] else {
            continue;
        };
        if s.figs[c].start < verb.end() {
            continue;
        }
        let x = &sents[k - 1];
        let [a, b] = x.own()[..] else {
            continue;
        };
        if !matches!(x.word_before(a).as_str(), "fra" | "från" | "frå")
            || !matches!(x.word_before(b).as_str(), "til" | "till")
        {
            continue;
        }
        if let Some(mut r) = evaluate_change(
            sents,
            (k - 1, a),
            (k - 1, b),
            (k, c),
            sign_of(verb.as_str()),
            &[],
        ) {
            r.reason = "the sentence before goes from the one figure to the other, and this one restates it (det vil sige, det innebär) with the change";
            out.push(r);
        }
    }
}

/// A sentence pointing back with a change in percent, the words before its percent:
/// "Dette er en økning på 1,3 % fra året før", "Det innebär en minskning med 2,4 procent".
const REFERS_PERCENT: &str = r"(?i)^\s*(?:(?:og|och|men)\s+)?(?:dette|det|detta|det\s+här|hvilket|vilket|hvad)\s+(?:er|är|var|blir|blev|ble|innebär|innebar|innebærer|betyder|betyr|tilsvarer|svarer\s+til|motsvarar|utgör|utgjør|udgør)\s+(?:(?:alltså|altså|dermed|därmed|således|samlet|totalt|sammanlagt)\s+)?(?:en|ei|et|ett)\s+(ökning|minskning|höjning|sänkning|uppgång|nedgång|økning|auke|nedgang|reduksjon|reduktion|stigning|fald|forøgelse|tilbagegang|vekst|tillväxt)\s+(?:med|på|om)\s+$";

static REFERS_PERCENT_RE: Re = Re::new(REFERS_PERCENT);

/// The distinct years a sentence names, in order.
fn years_of(s: &Sent) -> Vec<Decimal> {
    let mut out: Vec<Decimal> = Vec::new();
    for f in s.figs.iter().filter(|f| is_year(f)) {
        if !out.contains(&f.value) {
            out.push(f.value);
        }
    }
    out
}

/// Whether a sentence continues the quantity of the sentence before at another year: it
/// opens with the year (at most one `year_opens` word before it) and only `continues`
/// words stand between the year and its figure `b` ("For 2019 er anslaget 243,1 mill.
/// kroner"): grammars/changes.vocab.
fn continues_at_year(s: &Sent, b: usize, vocab: &Vocabulary) -> bool {
    let Some(y) = s.figs[..b].iter().position(is_year) else {
        return false;
    };
    let head: Vec<String> = s.text[..s.figs[y].start]
        .split_whitespace()
        .map(lower_word)
        .collect();
    let opens = match head[..] {
        [] => true,
        [ref w] => vocab.has_word("changes", "year_opens", w),
        _ => false,
    };
    opens
        && s.text[s.figs[y].end..s.figs[b].start]
            .split_whitespace()
            .map(lower_word)
            .filter(|w| !w.is_empty())
            .all(|w| vocab.has_word("changes", "continues", &w))
}

/// The two figures a change in percent points back to, each with its year: (earlier
/// figure, later figure) as (sentence, figure), and the two years.
type Pointed = ((usize, usize), (usize, usize), Decimal, Decimal);

/// The figures in the two sentences before `k`: each names one figure (years and dates
/// aside) and one year, the earlier year first, and the second continues the first's
/// quantity at its year (`continues_at_year`).
fn pointed_in_two(sents: &[Sent], k: usize, vocab: &Vocabulary) -> Option<Pointed> {
    let (s1, s2) = (&sents[k.checked_sub(2)?], &sents[k - 1]);
    let (o1, o2) = (s1.own(), s2.own());
    let ([a], [b]) = (&o1[..], &o2[..]) else {
        return None;
    };
    let ([y1], [y2]) = (&years_of(s1)[..], &years_of(s2)[..]) else {
        return None;
    };
    if y1 >= y2 || !continues_at_year(s2, *b, vocab) {
        return None;
    }
    Some(((k - 2, *a), (k - 1, *b), *y1, *y2))
}

/// The figures in the one sentence before `k`: exactly two (years and dates aside) and two
/// years, a year beside each, alternating (year, figure, year, figure or figure, year,
/// figure, year), so which year each figure is of is certain.
fn pointed_in_one(sents: &[Sent], k: usize) -> Option<Pointed> {
    let j = k.checked_sub(1)?;
    let s = &sents[j];
    let own = s.own();
    let [x, y] = own[..] else {
        return None;
    };
    let years: Vec<usize> = (0..s.figs.len()).filter(|&i| is_year(&s.figs[i])).collect();
    let [p, q] = years[..] else {
        return None;
    };
    // Beside: no mark and at most four words between a year before its figure ("i 2019
    // var det 243,1"), at most one word between a figure and its year after it ("243,1
    // mill. kroner i 2019").
    let gap = |from: usize, to: usize, most: usize| {
        let t = &s.text[from..to];
        !t.contains([',', ';', ':', '(', ')', '.']) && t.split_whitespace().count() <= most
    };
    let f = &s.figs;
    let before =
        p < x && x < q && q < y && gap(f[p].end, f[x].start, 4) && gap(f[q].end, f[y].start, 4);
    let after =
        x < p && p < y && y < q && gap(f[x].end, f[p].start, 1) && gap(f[y].end, f[q].start, 1);
    if !before && !after {
        return None;
    }
    let (yx, yy) = (p, q);
    let (vx, vy) = (s.figs[yx].value, s.figs[yy].value);
    match vx.cmp(&vy) {
        std::cmp::Ordering::Less => Some(((j, x), (j, y), vx, vy)),
        std::cmp::Ordering::Greater => Some(((j, y), (j, x), vy, vx)),
        std::cmp::Ordering::Equal => None,
    }
}

/// A change in percent in a sentence pointing back to the two figures before it: "Skatte-
/// inntektene for 2018 er forventet å bli 240,4 mill. kroner. For 2019 er anslaget 243,1
/// mill. kroner. Dette er en økning på 1,3 % fra året før." Read only where the sentence
/// opens by pointing back (dette er, det innebär, vilket är) with a change noun and the
/// percent, its only figure (years aside); the figures stand either in the two sentences
/// right before it, one each with one year each, the second continuing the first's
/// quantity (`pointed_in_two`), or in the one sentence right before it, two figures each
/// beside its own year (`pointed_in_one`); the years it names are those two, and "fra
/// året før" (föregående år, i fjor) makes the later the year after the earlier.
fn read_pointed_percent(
    near: &dyn Fn(usize, usize) -> bool,
    sents: &[Sent],
    vocab: &Vocabulary,
    out: &mut Vec<Read>,
) {
    for k in 1..sents.len() {
        let s = &sents[k];
        let own = s.own();
        let [c] = own[..] else {
            continue;
        };
        if s.figs[c].kind != Kind::Percent || !follows(near, sents, k - 1, k) {
            continue;
        }
        let Some(noun) = REFERS_PERCENT_RE
            .captures(&s.text[..s.figs[c].start])
            .and_then(|m| m.get(1))
        else {
            continue;
        };
        let found = pointed_in_one(sents, k).or_else(|| {
            (k >= 2 && follows(near, sents, k - 2, k - 1))
                .then(|| pointed_in_two(sents, k, vocab))
                .flatten()
        });
        let Some((a, b, y1, y2)) = found else {
            continue;
        };
        if years_of(s).iter().any(|y| *y != y1 && *y != y2)
            || (PREVIOUS_RE.is_match(&s.text) && y2 != y1 + Decimal::ONE)
        {
            continue;
        }
        let Some(mut r) = evaluate_change(sents, a, b, (k, c), sign_of(noun.as_str()), &[]) else {
            continue;
        };
        let fc = &s.figs[c];
        if r.doubt.is_none() && fc.decimals == 0 && (fc.value % Decimal::TEN).is_zero() {
            r.doubt = Some("a round percent may be stated to the ten");
        }
        r.reason = if a.0 == b.0 {
            "the sentence before names both figures, each beside its own year, and this one points back to them (dette er, det innebär) with the change"
        } else {
            "the two sentences before name one figure each at two years, the second continuing the first's quantity, and this one points back to them (dette er, det innebär) with the change"
        };
        out.push(r);
    }
}

/// Several changes, each an amount with its percent in parentheses ("med knappt 10 mnkr (+
/// 6,9 %) och ... med knappt 3 mnkr (+2,6 %)"), and in the sentence right after or before
/// them as many pairs "från A till B" in the same order ("ökar från 144 mnkr till 154 mnkr
/// och ... från 101,5 mnkr till 104,5 mnkr"). Read only where every figure of the first
/// sentence (years aside) is such an amount or percent, every figure of the second such a
/// pair, all in money, at least two pairs, and each pair's difference meets its amount
/// (that pairs them); a percent is then checked as (B − A)/A. A miss is decided only where
/// every other pair's percent holds.
fn read_paired_percents(near: &dyn Fn(usize, usize) -> bool, sents: &[Sent], out: &mut Vec<Read>) {
    for k in 0..sents.len() {
        let s = &sents[k];
        let own = s.own();
        if own.len() < 4 || own.len() % 2 != 0 {
            continue;
        }
        let mut changes = Vec::new();
        for w in own.chunks(2) {
            let (c, p) = (w[0], w[1]);
            let (fc, fp) = (&s.figs[c], &s.figs[p]);
            let between = s.text[fc.end..fp.start].trim();
            let after = s.text[fp.end..].trim_start();
            if !matches!(fc.kind, Kind::Money(_))
                || fp.kind != Kind::Percent
                || !matches!(between, "(" | "(+" | "( +" | "(-" | "( -" | "(−" | "( −")
                || !after.starts_with(')')
            {
                break;
            }
            let sign = if between.contains('+') {
                1
            } else if between.contains(['-', '−']) {
                -1
            } else {
                0
            };
            changes.push((c, p, sign));
        }
        if changes.len() * 2 != own.len() {
            continue;
        }
        let neighbours = [
            Some(k + 1).filter(|&j| j < sents.len() && follows(near, sents, k, j)),
            k.checked_sub(1).filter(|&j| follows(near, sents, j, k)),
        ];
        for j in neighbours.into_iter().flatten() {
            let t = &sents[j];
            let o = t.own();
            if o.len() != own.len() {
                continue;
            }
            let pairs: Vec<(usize, usize)> = o.chunks(2).map(|w| (w[0], w[1])).collect();
            let paired = pairs.iter().zip(&changes).all(|(&(a, b), &(c, _, _))| {
                let (fa, fb, fc) = (&t.figs[a], &t.figs[b], &s.figs[c]);
                matches!(t.word_before(a).as_str(), "från" | "fra" | "frå")
                    && matches!(t.word_before(b).as_str(), "till" | "til")
                    && matches!(fa.kind, Kind::Money(_))
                    && matches!(fb.kind, Kind::Money(_))
                    && in_kronor(fb, fb.kind)
                        .minus(in_kronor(fa, fa.kind))
                        .meets(&in_kronor(fc, fc.kind))
            });
            if !paired {
                continue;
            }
            let reads: Vec<Read> = pairs
                .iter()
                .zip(&changes)
                .filter_map(|(&(a, b), &(_, p, sign))| {
                    evaluate_change(sents, (j, a), (j, b), (k, p), sign, &[])
                })
                .collect();
            if reads.len() != pairs.len() {
                continue;
            }
            let failing = reads.iter().filter(|r| !r.made.meets(&r.said)).count();
            for mut r in reads {
                if failing > 1 && r.doubt.is_none() {
                    r.doubt = Some("more than one pair fails, so the pairing is not certain");
                }
                r.reason = "the sentence beside it goes from one figure to the other for each change, in the same order, and each pair's difference meets its change";
                out.push(r);
            }
            break;
        }
    }
}

/// The sentences after sentence `k` that a total's parts may stand in: the rest of its
/// paragraph and the next paragraphs as long as each is close to the one before, at most
/// `max_pars` paragraphs on.
fn window(
    near: &dyn Fn(usize, usize) -> bool,
    sents: &[Sent],
    k: usize,
    max_pars: usize,
) -> Vec<usize> {
    let mut out = Vec::new();
    for j in k + 1..sents.len() {
        let (p, q) = (sents[j - 1].par, sents[j].par);
        if q != p && !(q == p + 1 && near(p, q)) {
            break;
        }
        if q > sents[k].par + max_pars {
            break;
        }
        out.push(j);
    }
    out
}

/// Whether `part` counts what `total` counts: money with money, or counts of one noun.
fn same_kind(total: &Fig, part: &Fig) -> bool {
    match (total.kind, part.kind) {
        (Kind::Money(_), Kind::Money(_)) => true,
        (Kind::Count(x), Kind::Count(y)) => same_count(x, y) && part.decimals == 0,
        _ => false,
    }
}

/// The sum of parts against a total: the outcome in the total's unit.
fn evaluate_total(
    sents: &[Sent],
    (st, t): (usize, usize),
    parts: &[(usize, usize)],
    reason: &'static str,
) -> Option<Read> {
    let ft = &sents[st].figs[t];
    if ft.value.is_sign_negative() || parts.len() < 2 {
        return None;
    }
    let figs: Vec<&Fig> = parts.iter().map(|&(s, p)| &sents[s].figs[p]).collect();
    if figs
        .iter()
        .any(|f| !same_kind(ft, f) || f.value.is_sign_negative())
    {
        return None;
    }
    let (made, unit) = match ft.kind {
        Kind::Money(scale) => (
            Interval::sum(figs.iter().map(|f| in_kronor(f, f.kind))).scale(Decimal::ONE / scale),
            sents[st].text[ft.num_end..ft.end].trim().to_string(),
        ),
        Kind::Count(noun) => (
            Interval::sum(figs.iter().map(|f| f.interval())),
            noun.to_string(),
        ),
        _ => return None,
    };
    let doubt =
        (ft.approx || figs.iter().any(|f| f.approx)).then_some("a figure is called approximate");
    let listed: Vec<&str> = parts.iter().map(|&(s, p)| written(&sents[s], p)).collect();
    let m = made.nominal.round_dp(2).normalize();
    let said = ft.interval();
    Some(Read {
        made,
        said,
        reading: format!(
            "its parts {} make {m} {unit}, not {} {unit}",
            listed.join(" + "),
            said.nominal.normalize()
        ),
        doubt,
        at: (st, t),
        reason,
        note: super::approx::note(
            &std::iter::once((sents[st].text.as_str(), ft))
                .chain(
                    parts
                        .iter()
                        .map(|&(s, p)| (sents[s].text.as_str(), &sents[s].figs[p])),
                )
                .collect::<Vec<_>>(),
        ),
    })
}

/// The names of a list ("Haparanda-, Övertorneå- samt Pajala") before byte `end` of the
/// sentence, and the list's end: the last list there.
fn name_list(text: &str, end: usize) -> Option<(Vec<String>, usize)> {
    let m = NAMES_RE.captures_iter(&text[..end]).last()?;
    let mut names = vec![m.get(1)?.as_str().to_string()];
    names.extend(
        m.get(2)?
            .as_str()
            .split(',')
            .map(|w| w.trim().trim_end_matches('-').to_string())
            .filter(|w| !w.is_empty()),
    );
    names.push(m.get(3)?.as_str().to_string());
    let mut seen = names.clone();
    seen.sort();
    seen.dedup();
    (seen.len() == names.len()).then_some((names, m.get(3)?.end()))
}

/// A total and its parts named before it: "Befolkningen i Haparanda-, Övertorneå- samt
/// Pajala kommuner minskar … med sammanlagt 98 personer", then "Haparanda minskar med 30
/// personer, Övertorneå minskar med 31 personer …, medan Pajala minskar med 31
/// personer".
fn read_named_parts(near: &dyn Fn(usize, usize) -> bool, sents: &[Sent], out: &mut Vec<Read>) {
    for k in 0..sents.len() {
        let s = &sents[k];
        let own = s.own();
        let [t] = own[..] else {
            continue;
        };
        let ft = &s.figs[t];
        let before = &s.text[..ft.start];
        if !TOGETHER_RE.is_match(before) {
            continue;
        }
        let Some((names, list_end)) = name_list(&s.text, ft.start) else {
            continue;
        };
        // One verb between the list and the total, the verb each part is stated with.
        let verbs: Vec<String> = PART_VERB_RE
            .captures_iter(&before[list_end..])
            .filter_map(|c| c.get(1).map(|v| v.as_str().to_lowercase()))
            .collect();
        let [verb] = &verbs[..] else {
            continue;
        };
        let mut parts: Vec<Vec<(usize, usize)>> = vec![Vec::new(); names.len()];
        for j in window(near, sents, k, 4) {
            let x = &sents[j];
            for (i, f) in x.figs.iter().enumerate() {
                let head = x.text[..f.start].trim_end();
                let Some(head) = head.strip_suffix("med") else {
                    continue;
                };
                let head = head.trim_end();
                let Some(head) = head
                    .len()
                    .checked_sub(verb.len())
                    .filter(|&c| head.is_char_boundary(c))
                    .filter(|&c| head[c..].to_lowercase() == *verb)
                    .map(|c| head[..c].trim_end())
                else {
                    continue;
                };
                for (n, name) in names.iter().enumerate() {
                    let glued = head.strip_suffix(name.as_str()).is_some_and(|h| {
                        h.chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                    });
                    if glued {
                        parts[n].push((j, i));
                    }
                }
            }
        }
        if parts.iter().any(|p| p.len() != 1) {
            continue;
        }
        let parts: Vec<(usize, usize)> = parts.into_iter().flatten().collect();
        if let Some(r) = evaluate_total(
            sents,
            (k, t),
            &parts,
            "the sentence names the parts and their total, and each part is stated after it with the same verb",
        ) {
            out.push(r);
        }
    }
}

/// The number a count word gives ("sex", "6").
fn count_word(w: &str) -> Option<usize> {
    let w = w.to_lowercase();
    Some(match w.as_str() {
        "två" | "to" => 2,
        "tre" => 3,
        "fyra" | "fire" => 4,
        "fem" => 5,
        "sex" | "seks" => 6,
        "sju" | "syv" => 7,
        "åtta" | "åtte" | "otte" => 8,
        "nio" | "ni" => 9,
        "tio" | "ti" => 10,
        "elva" => 11,
        "tolv" => 12,
        _ => return w.parse().ok().filter(|n| (2..=12).contains(n)),
    })
}

/// A total and its parts counted before them: "understöd på sammanlagt 200 000 euro till
/// sex föreningar", then exactly six amounts, each after the same verb ("Kaipparen får
/// 50 000 euro"), up to the first sentence with an amount not so introduced.
fn read_counted_parts(near: &dyn Fn(usize, usize) -> bool, sents: &[Sent], out: &mut Vec<Read>) {
    for k in 0..sents.len() {
        let s = &sents[k];
        for (t, ft) in s.figs.iter().enumerate() {
            if !matches!(ft.kind, Kind::Money(_)) || !TOGETHER_RE.is_match(&s.text[..ft.start]) {
                continue;
            }
            let Some(n) = COUNTED_RE
                .captures(&s.text[ft.end..])
                .and_then(|c| c.get(1))
                .and_then(|w| count_word(w.as_str()))
            else {
                continue;
            };
            // No other amount after the total in its sentence.
            if s.figs[t + 1..]
                .iter()
                .any(|f| matches!(f.kind, Kind::Money(_)))
            {
                continue;
            }
            let mut parts = Vec::new();
            let mut verb: Option<String> = None;
            let mut ended = false;
            for j in window(near, sents, k, n + 2) {
                let x = &sents[j];
                for (i, f) in x.figs.iter().enumerate() {
                    if !matches!(f.kind, Kind::Money(_)) {
                        continue;
                    }
                    let v = GETS_RE
                        .captures(&x.text[..f.start])
                        .and_then(|c| c.get(1))
                        .map(|v| v.as_str().to_lowercase());
                    match (&v, &verb) {
                        (Some(v), None) => verb = Some(v.clone()),
                        (Some(v), Some(w)) if v == w => {}
                        _ => ended = true,
                    }
                    if ended {
                        break;
                    }
                    parts.push((j, i));
                }
                if ended {
                    break;
                }
            }
            if !ended || parts.len() != n {
                continue;
            }
            if let Some(r) = evaluate_total(
                sents,
                (k, t),
                &parts,
                "the sentence names the total and how many parts it is spread over, and exactly that many amounts follow, each after the same verb",
            ) {
                out.push(r);
            }
        }
    }
}

/// Every relation the sentences state, `near(p, q)` telling whether paragraph `q` follows
/// paragraph `p` closely enough to continue it.
fn reads(near: &dyn Fn(usize, usize) -> bool, sents: &[Sent], vocab: &Vocabulary) -> Vec<Read> {
    let mut out = Vec::new();
    read_changes(near, sents, &mut out);
    read_parallel(near, sents, &mut out);
    read_restated(near, sents, &mut out);
    read_pointed_percent(near, sents, vocab, &mut out);
    read_paired_percents(near, sents, &mut out);
    read_named_parts(near, sents, &mut out);
    read_counted_parts(near, sents, &mut out);
    super::ratio::read(near, sents, vocab, &mut out);
    super::contrast::read(near, sents, vocab, &mut out);
    super::onechange::read(sents, vocab, &mut out);
    out
}

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    let lines = prose_lines(doc);
    let pars = paragraphs(&lines);
    let mut sents = sentences_of(&pars);
    for s in &mut sents {
        super::approx::read(&s.text, &mut s.figs, sink.vocab);
    }
    if !sents.iter().any(|s| !s.figs.is_empty()) {
        return;
    }
    let near = |p: usize, q: usize| close(&pars[p], &pars[q]);
    for r in reads(&near, &sents, sink.vocab) {
        if r.made.meets(&r.said) {
            sink.checked(true);
        } else {
            report(sink, &pars, &sents, &r);
        }
    }
}

fn report(sink: &mut Sink, pars: &[Paragraph], sents: &[Sent], r: &Read) {
    let decided = r.doubt.is_none();
    if decided {
        sink.checked(false);
    }
    let (k, i) = r.at;
    let s = &sents[k];
    let phrase = s.text.trim();
    let message = match r.doubt {
        None => format!(
            "the text says \"{phrase}\", but {} ({}{})",
            r.reading, r.reason, r.note
        ),
        Some(why) => format!(
            "not decided: the text says \"{phrase}\", {}, but {why}",
            r.reading
        ),
    };
    let par = &pars[s.par];
    let f = &s.figs[i];
    let (line, span) = par.span(s.from + f.start, s.from + f.end);
    let cmp = compare(r.made, r.said);
    super::prose::report_stated(
        sink,
        &RULE,
        decided,
        message,
        line,
        span,
        &super::prose::to_two_places(cmp),
    );
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::txt006::{figures, sentences};
    use super::*;

    /// Each read as (made to two places, said, a decided miss), as the readers' tests
    /// compare them (also contrast.rs's and onechange.rs's tests).
    pub(in crate::check::rules::txt) fn summarised(reads: &[Read]) -> Vec<(String, String, bool)> {
        reads
            .iter()
            .map(|r| {
                (
                    r.made.nominal.round_dp(2).normalize().to_string(),
                    r.said.nominal.normalize().to_string(),
                    r.doubt.is_none() && !r.made.meets(&r.said),
                )
            })
            .collect()
    }

    /// The sentences of a text, its paragraphs split at blank lines (all close), each
    /// paragraph's lines joined (also contrast.rs's tests).
    pub(in crate::check::rules::txt) fn sents_of(text: &str) -> Vec<Sent> {
        let mut out = Vec::new();
        for (p, par) in text.split("\n\n").enumerate() {
            let par = par.replace('\n', " ");
            for (from, to) in sentences(&par) {
                let text = par[from..to].to_string();
                let mut figs = figures(&text);
                crate::check::rules::txt::approx::read(
                    &text,
                    &mut figs,
                    crate::grammar::vocab::Vocabulary::builtin_shared(),
                );
                out.push(Sent {
                    par: p,
                    from,
                    text,
                    figs,
                });
            }
        }
        out
    }

    /// What the text states, as (made, said, decided) nominal values.
    fn read(text: &str) -> Vec<(String, String, bool)> {
        let sents = sents_of(text);
        summarised(&reads(
            &|_, _| true,
            &sents,
            crate::grammar::vocab::Vocabulary::builtin_shared(),
        ))
    }

    #[test]
    fn a_change_after_its_figures_in_the_sentence_before() {
        let r = read(
            "Intäkterna uppgick år 2012 till 381 mkr (2011: 343 mkr). Totalt sett ökade intäkterna med 14 procent, om man jämför med föregående år.",
        );
        assert_eq!(r, [("11.08".into(), "14".into(), true)]);
        // Approximate: 14 may be 12,1 to 15,9, and 11,08 % (at most 11,53 %) is not.
        let r = read(
            "Intäkterna uppgick år 2012 till 381 mkr (2011: 343 mkr). Totalt sett ökade intäkterna med ca 14 procent jämfört med föregående år.",
        );
        assert_eq!(r, [("11.08".into(), "14".into(), true)]);
        // Approximate and within the allowance: holds; a bound word: not decided.
        for (change, fails) in [
            ("cirka 12", false),
            ("omkring 13", false),
            ("drygt 14", false),
            ("ca 15", true),
        ] {
            let r = read(&format!(
                "Intäkterna uppgick år 2012 till 381 mkr (2011: 343 mkr). Intäkterna ökade med {change} procent jämfört med föregående år."
            ));
            assert_eq!(r.len(), 1, "{change}");
            assert_eq!(r[0].2, fails, "{change}");
        }
        // A parenthesis right after what changed, before both figures, says what the
        // intäkter are in both years: no adjustment of the change.
        let r = read(
            "Superettanklubbarnas intäkter (exklusive ränte- och andra finansiella intäkter samt extraordinära intäkter) uppgick år 2012 till 381 mkr (2011: 343 mkr). Totalt sett ökade intäkterna med ca 14 procent, om man jämför med föregående år.",
        );
        assert_eq!(r, [("11.08".into(), "14".into(), true)]);
        // An adjustment of the change itself, or a parenthesis after another word: not
        // decided.
        for text in [
            "Intäkterna uppgick år 2012 till 381 mkr (2011: 343 mkr). Intäkterna ökade exklusive engångsposter med 14 procent jämfört med föregående år.",
            "Intäkterna för klubbarna (exklusive engångsposter) uppgick år 2012 till 381 mkr (2011: 343 mkr). Intäkterna ökade med 14 procent jämfört med föregående år.",
            "Intäkterna uppgick år 2012 till 381 mkr (2011: 343 mkr), exklusive engångsposter. Intäkterna ökade med 14 procent jämfört med föregående år.",
        ] {
            let r = read(text);
            assert_eq!(r.len(), 1, "{text}");
            assert!(!r[0].2, "{text}");
        }
        // Holding.
        let r = read(
            "Intäkterna uppgick år 2012 till 381 mkr (2011: 343 mkr). Intäkterna ökade med 11 procent jämfört med föregående år.",
        );
        assert_eq!(r, [("11.08".into(), "11".into(), false)]);
    }

    #[test]
    fn a_change_before_its_figures_in_the_next_paragraph() {
        let s = sents_of("Markbränderna ökade med 141 procent jämfört med året innan.\n\nUnder år 2018 ryckte räddningsverket ut för att släcka 153 markbränder. Året innan var markbränderna 54 stycken.");
        let ch = change_of(&s[0]).expect("change");
        assert_eq!(ch.nouns, ["markbränderna"]);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].own().len(), 1, "{:?}", s[1].figs);
        assert_eq!(s[2].own().len(), 1, "{:?}", s[2].figs);
        assert!(PREVIOUS_OPENS_RE.is_match(&s[2].text));
        assert!(operands_in_two(&s, 1, &ch.nouns).is_some());
        let r = read(
            "Markbränderna ökade med 141 procent jämfört med året innan.\n\nUnder år 2018 ryckte räddningsverket ut för att släcka 153 markbränder. Året innan var markbränderna 54 stycken.",
        );
        assert_eq!(r, [("183.33".into(), "141".into(), true)]);
    }

    #[test]
    fn a_figure_at_two_years_in_the_same_words_and_the_change_between() {
        let first = "Ved årsskiftet 2018-2019 var 11.715 børn anbragt uden for hjemmet, hvilket er det laveste tal, der er opgjort af Danmarks Statistik, siden opgørelsen begyndte i 2011.";
        let second = "Ved udgangen af 2011 var 12.804 børn anbragt uden for hjemmet, og tallet er dermed faldet omkring fem procent i denne periode.";
        // From 12 804 to 11 715 is −8,51 %; "omkring fem procent" may be 3,5 to 6,5.
        let r = read(&format!("{first} {second}"));
        assert_eq!(r, [("-8.51".into(), "-5".into(), true)]);
        let r = read(&format!(
            "{first} {}",
            second.replace("omkring fem", "omkring ni")
        ));
        assert_eq!(r, [("-8.51".into(), "-9".into(), false)]);
        // The second sentence first: the years still give the order.
        let r = read(&format!("{second} {first}"));
        assert_eq!(r, [("-8.51".into(), "-5".into(), true)]);
        // Other words after a figure, no year before one, no word pointing back, another
        // figure: not read.
        for (a, b) in [
            (
                first.replace("anbragt uden for", "anbragt i"),
                second.to_string(),
            ),
            (first.replace("2018-2019", "årsskiftet"), second.to_string()),
            (first.to_string(), second.replace("dermed ", "")),
            (
                first.replace("11.715 børn", "11.715 børn og 300 unge"),
                second.to_string(),
            ),
        ] {
            assert!(read(&format!("{a} {b}")).is_empty(), "{a} {b}");
        }
    }

    #[test]
    fn a_change_restated_from_the_figures_the_sentence_before_goes_between() {
        let first = "På landsplan har man bevæget sig fra 64.125 fuldtidspersoner på kontanthjælp i januar 2020 til 40.913 i august 2022.";
        let second = "Det vil sige, at antallet er faldet med ca. en tredjedel, svarende til ca. 20.212 fuldtidspersoner på 2,5 år.";
        // 40 913 − 64 125 = −23 212; "ca. 20.212" allows 18 191 to 22 233.
        let r = read(&format!("{first} {second}"));
        assert_eq!(r, [("-23212".into(), "-20212".into(), true)]);
        let r = read(&format!("{first} {}", second.replace("20.212", "23.212")));
        assert_eq!(r, [("-23212".into(), "-23212".into(), false)]);
        // No restating opening, no "fra … til", a second figure: not read.
        for (a, b) in [
            (
                first.to_string(),
                second.replace("Det vil sige, at antallet", "Antallet"),
            ),
            (first.replace("fra 64.125", "64.125"), second.to_string()),
            (first.to_string(), second.replace("en tredjedel", "12 pct.")),
        ] {
            assert!(read(&format!("{a} {b}")).is_empty(), "{a} {b}");
        }
    }

    #[test]
    fn a_change_in_percent_pointing_back_to_the_two_sentences_before() {
        let first = "Skatteinntektene for 2018 er forventet å bli 240,4 mill. kroner.";
        let second = "For 2019 er anslaget 243,1 mill. kroner.";
        let third = "Dette er en økning på 1,3 % fra året før.";
        // 243,1 / 240,4 = +1,12 % (1,08 to 1,17 within rounding), printed 1,3.
        let r = read(&format!("{first} {second} {third}"));
        assert_eq!(r, [("1.12".into(), "1.3".into(), true)]);
        let r = read(&format!("{first} {second} {}", third.replace("1,3", "1,1")));
        assert_eq!(r, [("1.12".into(), "1.1".into(), false)]);
        // A decrease the other way: signed by the noun.
        let r = read(&format!(
            "{} {} Dette er en nedgang på 1,1 % fra året før.",
            first.replace("240,4", "243,1"),
            second.replace("243,1", "240,4")
        ));
        assert_eq!(r, [("-1.11".into(), "-1.1".into(), false)]);
        // A round percent may be stated to the ten: not decided.
        let r = read(&format!(
            "{first} {second} Dette er en økning på 10 % fra året før."
        ));
        assert_eq!(r.len(), 1);
        assert!(!r[0].2);
        // Not read: the second sentence names a quantity of its own, no year, the same
        // year twice, two years apart against "fra året før", another year in the
        // percent's sentence, a second figure, no pointing back, a sentence between.
        for text in [
            format!("{first} For 2019 er rammetilskuddet 243,1 mill. kroner. {third}"),
            format!("{first} Anslaget er 243,1 mill. kroner. {third}"),
            format!("{} {second} {third}", first.replace("2018", "2019")),
            format!("{} {second} {third}", first.replace("2018", "2017")),
            format!("{first} {second} Dette er en økning på 1,3 % fra 2016."),
            format!("{first} {} {third}", second.replace("kroner.", "kroner, mot 200 mill. kroner i fjor.")),
            format!("{first} {second} Økningen fra året før er 1,3 %."),
            format!("{first} {second} Kommunen er glad. {third}"),
            "Bevilgningen for 1999 er på 706 mill. kroner. Regnskapstall for perioden januar - august 1999 er på 459,2 mill. kroner. Dette er en nedgang på 2,4 prosent i løpende kroner, sammenlignet med tilsvarende periode i 1998.".to_string(),
        ] {
            assert!(read(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_change_in_percent_pointing_back_to_two_figures_each_beside_its_year() {
        let r = read("På landsbasis har enhetskostnadene økt fra 79825 kroner i 2012 til 91113 kroner i 2016. Det tilsvarer en økning på 14 prosent.");
        assert_eq!(r, [("14.14".into(), "14".into(), false)]);
        let r = read("I 2012 var kostnaden 79825 kroner og i 2016 var den 91113 kroner. Det tilsvarer en økning på 12 prosent.");
        assert_eq!(r, [("14.14".into(), "12".into(), true)]);
        // A year not beside its figure (a comma between), or a third year: not read.
        for text in [
            "Besøkstallet er høyere enn i 2016, men viser et fall siden i fjor, 1 207 751 i 2017 har blitt til 1 201 038. Det tilsvarer en nedgang på 0,5% fra 2017.",
            "Kostnaden har økt fra 79825 kroner i 2012 til 91113 kroner i 2016 og 95000 kroner i 2018. Det tilsvarer en økning på 14 prosent.",
        ] {
            assert!(read(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn several_changes_in_percent_paired_with_from_and_to_in_the_same_order() {
        let first = "Ramarna ger en utökad satsning på Socialnämnden med knappt 10 mnkr (+ 6,9 %) och en ökad satsning på Utbildningsnämnden med knappt 3 mnkr (+2,6 %) jämfört med 2022.";
        let second = "I kronor räknat ökar SON:s budget från 144 mnkr till 154 mnkr och BUN:s budget ökar från 101,5 mnkr till 104,5 mnkr.";
        // 10 / 144 = 6,94 % holds; 3 / 101,5 = 2,96 %, printed 2,6.
        let r = read(&format!("{first} {second}"));
        assert_eq!(
            r,
            [
                ("6.94".into(), "6.9".into(), false),
                ("2.96".into(), "2.6".into(), true)
            ]
        );
        // Both failing: the pairing is not certain, not decided.
        let r = read(&format!("{} {second}", first.replace("6,9", "4,9")));
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|x| !x.2), "{r:?}");
        // A difference that does not meet its amount (the order swapped), a third figure,
        // one pair only: not read.
        for text in [
            format!("{first} I kronor räknat ökar BUN:s budget från 101,5 mnkr till 104,5 mnkr och SON:s budget ökar från 144 mnkr till 154 mnkr."),
            format!("{first} {}", second.replace("104,5 mnkr.", "104,5 mnkr och totalt 300 mnkr.")),
            "Socialnämnden får knappt 10 mnkr (+ 6,9 %) mer jämfört med 2022. Budgeten ökar från 144 mnkr till 154 mnkr.".to_string(),
        ] {
            assert!(read(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_month_is_a_date_but_a_word_starting_like_one_is_not() {
        let s = sents_of("Under perioden 1 juli till den 30 september släcktes 153 markbränder.");
        let own: Vec<String> = s[0]
            .own()
            .iter()
            .map(|&i| written(&s[0], i).to_string())
            .collect();
        assert_eq!(own, ["153"]);
    }

    #[test]
    fn changes_not_certainly_of_the_same_quantity_are_not_read() {
        // What changed is not named in the sentence with the figures.
        assert!(read(
            "Kostnaderna uppgick år 2012 till 381 mkr (2011: 343 mkr). Intäkterna ökade med 14 procent jämfört med föregående år."
        )
        .is_empty());
        // The year in parentheses is not the year before the figure's.
        assert!(read(
            "Intäkterna uppgick år 2012 till 381 mkr (2010: 343 mkr). Intäkterna ökade med 14 procent jämfört med föregående år."
        )
        .is_empty());
        // The change names no year before.
        assert!(read(
            "Intäkterna uppgick år 2012 till 381 mkr (2011: 343 mkr). Intäkterna ökade med 14 procent sedan 2008."
        )
        .is_empty());
        // Another figure in the change's sentence.
        assert!(read(
            "Intäkterna uppgick år 2012 till 381 mkr (2011: 343 mkr). Intäkterna ökade med 14 procent jämfört med föregående år, till 400 mkr."
        )
        .is_empty());
        // A sentence between the figures and the change.
        assert!(read(
            "Markbränderna ökade med 141 procent jämfört med året innan. Sommaren var torr.\n\nUnder år 2018 släcktes 153 markbränder. Året innan var markbränderna 54 stycken."
        )
        .is_empty());
        // The figure after is not of what changed ("153 uppdrag").
        assert!(read(
            "Markbränderna ökade med 141 procent jämfört med året innan. Under år 2018 gjordes 153 uppdrag. Året innan var markbränderna 54 stycken."
        )
        .is_empty());
        // Real shapes (tests/fixtures/real): a change between two named years, not
        // against the year before; the year before's figure with no change beside it.
        assert!(read(
            "Mellan 2009 och 2014 ökade antalet gästnätter per år på campingplatser med 3,94 procent. I fjol uppgick antalet gästnätter till totalt 15 046 968 stycken, vilket kan jämföras med 2009 då antalet gästnätter var 14 476 290."
        )
        .is_empty());
        assert!(read(
            "Vanligtvis tappar kommunen mot övriga riket, men Umeå har under de senaste fyra åren uppvisat ett positivt netto. I fjol var det hela 362 personer, och nettot från andra kommuner i länet var 339 personer."
        )
        .is_empty());
        // Per month against per year.
        assert!(read(
            "Avgiften uppgick år 2012 till 381 kr per månad (2011: 343 kr). Avgiften ökade med 14 procent jämfört med föregående år."
        )
        .is_empty());
    }

    #[test]
    fn a_total_and_its_parts_named_before_it() {
        let lead = "Befolkningen i Haparanda-, Övertorneå- samt Pajala kommuner minskar under perioden 1 juli till och med den 30 september med sammanlagt 98 personer.\n\nSticker ut\n\n";
        let r = read(&format!("{lead}Haparanda minskar med 30 personer och har nu 9620 personer, Övertorneå minskar med 31 personer till 4230, medan Pajala minskar med 31 personer till 6002."));
        assert_eq!(r, [("92".into(), "98".into(), true)]);
        let r = read(&format!("{lead}Haparanda minskar med 36 personer, Övertorneå minskar med 31 personer och Pajala minskar med 31 personer."));
        assert_eq!(r, [("98".into(), "98".into(), false)]);
        // A name without its part, a name twice, another verb: not read.
        for parts in [
            "Haparanda minskar med 30 personer och Pajala minskar med 31 personer.",
            "Haparanda minskar med 30 personer, Övertorneå minskar med 31 personer, Pajala minskar med 31 personer. I fjol: Pajala minskar med 20 personer.",
            "Haparanda minskar med 30 personer, Övertorneå ökar med 31 personer och Pajala minskar med 31 personer.",
            "Haparanda minskar med 30 mnkr, Övertorneå minskar med 31 personer och Pajala minskar med 31 personer.",
        ] {
            assert!(read(&format!("{lead}{parts}")).is_empty(), "{parts}");
        }
        // No word saying the figure is the names' together.
        assert!(read("Haparanda, Övertorneå och Pajala minskar med 98 personer. Haparanda minskar med 30 personer, Övertorneå minskar med 31 personer och Pajala minskar med 31 personer.").is_empty());
    }

    #[test]
    fn a_total_and_its_parts_counted_before_them() {
        let lead = "Nämnden beviljar understöd på sammanlagt 200 000 euro till tre föreningar. En förening blev utan stöd.\n\n";
        let tail =
            "\n\nNämnden avslog ansökan från byföreningen, som hade anhållit om drygt 44 000 euro.";
        let r = read(&format!("{lead}Föreningen A får 30 000 euro för verksamheten.\n\nFöreningen B får 80 000 euro.\n\nFöreningen C får 90 000 euro. Den riktar sig till personer över 18 år.{tail}"));
        assert_eq!(r, [("200000".into(), "200000".into(), false)]);
        let r = read(&format!("{lead}Föreningen A får 30 000 euro.\n\nFöreningen B får 75 000 euro.\n\nFöreningen C får 90 000 euro.{tail}"));
        assert_eq!(r, [("195000".into(), "200000".into(), true)]);
        // More or fewer amounts than counted, another verb, the list not ended: not read.
        for parts in [
            format!("Föreningen A får 30 000 euro.\n\nFöreningen B får 75 000 euro.{tail}"),
            format!("A får 30 000 euro. B får 75 000 euro. C får 90 000 euro. D får 5 000 euro.{tail}"),
            format!("A får 30 000 euro. B fick 75 000 euro. C får 90 000 euro.{tail}"),
            "A får 30 000 euro. B får 75 000 euro. C får 90 000 euro.".to_string(),
            format!("A får 30 000 euro, varav 10 000 euro till lön. B får 75 000 euro. C får 90 000 euro.{tail}"),
        ] {
            assert!(read(&format!("{lead}{parts}")).is_empty(), "{parts}");
        }
    }
}
