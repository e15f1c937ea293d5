// Package timex finds temporal expressions in news text and normalises
// them to ISO 8601 / TIMEX3 values, in the manner of HeidelTime, SUTime and
// Duckling: a hand-written grammar over the words of a language, a
// reference date, and explicit reasoning for every inferred year. It reads
// no clock: "now" is always a Ref the caller supplies.
//
// # Use
//
//	langs, err := timex.LoadLanguages(lang.Data)
//	x := &timex.Extractor{Lang: langs["de"]}
//	exprs := x.Extract("Was geschah letztes Jahr?", timex.Ref{Date: now, Precision: timex.Day})
//
//	r := &timex.Resolver{Lang: langs["en"]}
//	doc := r.Document([]string{caption, dateline}, sentences)
//	label := langs["fr"].Format(doc.Sentences[3][0]) // "7 septembre 2022"
//
// Extract handles one text (a question); Document handles an article: it
// picks the reference date from the anchors (caption, dateline, "Issued on"
// line) and the lead, infers the year of partial dates from their sentence,
// the date just before them, the reference and the weekday, and resolves
// "a month earlier" against the previous date. Every Expr carries a Reason
// in plain English.
//
// # Narrative rules
//
// Clauses. A sentence is split at commas and other clause punctuation
// outside dates; a segment with no content word (no word outside dates and
// the lexicon) is an adverbial. A written year dates a partial date of its
// own clause, of any clause when it stands in an adverbial ("In 2019, the
// company opened a store on May 3"; a sentence may open with one word more:
// "But last year, ..."), or of an apposition beside it ("opened in 2019,
// on May 3"). A year of another clause is not lent: in "the ship, refitted
// in the spring of 2019, passed its last inspection on February 27" the
// inspection takes its year from the reference.
//
// Anaphora. "25 minutes later", "a week earlier" and "the next day" count
// from the last event date of the same sentence or the two before it. A
// date told with a reporting verb ("the agency said on Friday", "police on
// Friday said") is when the news was told, and is passed over for an
// event date, though it serves when it is the only date near. Minutes and
// hours with no date that near stay unresolved; longer units fall back to
// the last date, then the reference.
//
// Habits. A month or season without a year, in a clause with a habitual
// word ("usually", "often", "now") or a set expression ("every year"), and
// no future cue, recurs: it becomes a Set with an unknown year ("XXXX-07",
// P1Y), which Format renders "every July" and a timeline leaves out. The
// habitual words stand for the tense here, so "It is now clear that the
// fire started in July" is read as a habit too.
//
// Story and tense. The tense of a date's clause is the past or future word
// nearest to it within ten tokens ("had", "will", "could", "était", "wird",
// "будет"), or a verb ending ("-ed", "-ait", "-ала"), which is weaker than
// a preposition's lean ("is reached by mid-November" is the future). A
// yearless month in the future is the first one after the reference ("could
// review it at its meeting in September"); in the past, unless it falls
// within a month of the reference (the news's own time), it is the first
// one on or after the story's last date of the three sentences before, if
// that is not after the reference ("Enrolment began in March 2022. By
// August, 300 had signed up": August 2022).
//
// Parts of a period. "earlier this year" and "later this month" take mod
// EARLY or LATE, as a label can say, and an interval cut at the reference
// date: [1 January, reference) and [reference + 1 day, end of month).
//
// # What is recognised
//
// Absolute and partial dates ("June 23, 2022", "7 de septiembre de 2022",
// "2022. szeptember 7.", "07/11/2024", "Wednesday, September 7", "July"),
// seasons, years, decades ("the early 1990s", "1990-е годы"), centuries,
// ranges ("between 2014 and 2018"), since/until ("since December 2018",
// "by the end of 2026"), relative dates ("last year", "i fjol", "next
// Monday", "two years ago", "a month earlier", "the next day"), weekdays
// ("on Tuesday": the nearest one on or before the reference, or on or after
// it when a future cue or "by/until" precedes), durations ("24 hours",
// "a 14-month mission", "decades") and sets ("every 11 days", "weekly",
// "every summer", "every July").
// Clock times ("09:14", "4 p.m.", "à 18 heures") are consumed and dropped.
// Quantities are never dates: "3,000 people", "KESTREL-3", "740 kg",
// "€186 million", "Camp 3", "2000 people".
//
// # Language data: lang/data/<code>/time.json
//
// JSON, with lines starting with # as comments. All matched words are
// lower case and may be phrases; they are split into tokens like the text
// is (an elision keeps its apostrophe: "l'", "quest'"). Fields:
//
//	code            ISO 639-1 code; must match the directory.
//	months          12 objects {label, genitive, cases, forms, abbr}:
//	                label is the standalone name used by Format ("July",
//	                "июль"), genitive the form after a day number
//	                ("сентября"), cases further forms that layouts ask for
//	                by name ({"det": "l'été"}, {"ig": "nyárig"}; genitive
//	                is the case "gen"), forms every matched inflection
//	                ("сентябре", "szeptemberben"), abbr abbreviations,
//	                matched only next to a day or year number ("Aug.",
//	                "sept.").
//	weekdays        7 objects of the same shape, Monday first.
//	seasons         4 objects, spring, summer, autumn, winter; genitive is
//	                the form in labels ("sommaren 2022", "2022 nyara");
//	                in lists the forms that mean "in <season>" by
//	                themselves, needing no preposition (Russian "летом").
//	ambiguous       forms that are also ordinary words ("may", "fall",
//	                "été", "vår"); they need a number, a preposition or a
//	                last/next word beside them.
//	units           minute hour day week month year decade century, each
//	                {singular, plural, ago, every, for, labels}. ago, every
//	                and for list forms carrying that meaning themselves
//	                (Hungarian "éve", "naponta", "évig"); labels maps CLDR
//	                plural categories (one, few, many, other, and "vague"
//	                for a count-less plural) to the names Format uses.
//	numbers         number words and their values ("a": 1, "vingt": 20);
//	                indefinite lists those that are articles ("a", "un"),
//	                which need a preposition or "earlier/ago" to count.
//	vague           count-less quantities ("several", "des", "несколько").
//	ordinals        ordinal words ("first": 1, "elfte": 11).
//	suffixes        endings glued to a number: ordinal ("th", "er", "го",
//	                "én", "." for languages writing "7."), in ("ben"),
//	                since ("tól"), until ("ig").
//	relative        fixed phrases {text, unit|season|weekday, n,
//	                anaphoric}: "yesterday" (day, -1), "i fjol" (year, -1),
//	                "i somras" (summer, -1), "i måndags" (monday, -1);
//	                season with unit "year" is the season of that year
//	                ("tavaly nyáron"); anaphoric phrases count from the
//	                previous date ("the next day").
//	deictic         last/this/next words and their offset (-1, 0, 1); they
//	                may stand before or after a unit, weekday, month or
//	                season ("last year", "l'année dernière").
//	shift           ago and hence (from the reference date), earlier and
//	                later (from the previous date), each {before, after}:
//	                "il y a deux ans", "two years ago", "a month earlier".
//	preps           point, since, onward, until, between, from, and, to,
//	                within, for, every: words introducing an expression.
//	                onward words are since words that open a period to
//	                come ("ab Donnerstag", "à partir de lundi"): like
//	                "until", they lean to the future unless the clause is
//	                told in the past. Words other than point words stay in
//	                the matched text.
//	postpositions   since, until, within, for, between placed after the
//	                expression ("2013 óta", "24 órán belül", "között").
//	mods, modsAfter EARLY, MID, LATE, START, END phrases before (or after)
//	                a date ("the end of", "début", "elején").
//	articles        skipped before a date ("the", "l'").
//	connectors      allowed between the parts of a date ("of", "de", ",").
//	yearWords       {before, after} words framing a year ("im Jahr 2009",
//	                "2009 году").
//	dayWords        words before a day number ("no dia 7").
//	decade          {suffixes, before, after, needAfter}: "1990s",
//	                "années 1990", "1990-е годы"; needAfter when the suffix
//	                alone also makes adjectives ("1990-es évek").
//	clockPreps      prepositions that make "N hours" a clock time.
//	timeWords       words after a number that make it a time ("p.m.").
//	partsOfDay      words kept in a weekday's span ("Monday night").
//	future          cues within the twelve tokens before a partial date or
//	                weekday that make it lean to the future ("will"), and
//	                that mark a clause in the future (see Story and tense).
//	past            words that mark a clause in the past ("had", "était").
//	pastEndings,    verb endings of the past ("ed", "ait") and of the
//	futureEndings   future ("ra", "rá"), counted on words of four letters
//	                or more.
//	durationOf      words after a count-less plural unit that make it a
//	                duration ("decades of isolation").
//	approx          skipped before an amount ("more than", "at least").
//	sets            words with a period of their own ("weekly": "P1W").
//	reporting       reporting verbs ("said", "told", "déclaré",
//	                "közölte"): a date just after one, or just before
//	                one, dates the telling, not the event.
//	habitual        words of habit ("usually", "often", "now"): a month
//	                or season without a year in their clause recurs.
//	thisPart        {before, after} words that, before "this year" (or
//	                week, month, season), take the part of it before or
//	                after the reference ("earlier", "plus tard").
//	fixedDurations  phrases with a period ("a quarter of a century").
//	yearFirst       dates may be written year, month, day (Hungarian).
//	nounCapitals    the language capitalises every noun (German): a bare
//	                year before a word in lower case is not the modifier
//	                of a noun ("the 2013 floods"), so it is a date ("die
//	                Bundeswehr 2013 nach dem Hochwasser").
//	plural          plural rule for labels: one_other, fr, slavic, none.
//	ordinalStyle    how {ord} is written: en (21st), dot (21.), roman,
//	                sv (2:a, 11:e).
//	render          layouts for Format, keyed by precision (day,
//	                dayNoYear, day1 for the first of a month, month,
//	                monthNoYear, season, seasonNoYear, year, week, decade,
//	                century, weekday), by mod (early, mid, late, start,
//	                end), by kind (since, until, range, duration,
//	                durationVague, every, every1, everyWeekday, everyDate
//	                for "every July"); "key.precision" overrides "key"
//	                ("early.decade": "début des années {decade}"), and
//	                "every.unit" / "every1.unit" / "duration.unit" override
//	                the period layouts ("every1.week": "каждую неделю").
//	                "since.precision" and "until.precision" serve dates
//	                without a mod only.
//	                Placeholders: {d} {y} {month} {monthGen} {season}
//	                {seasonGen} {weekday} {decade} {dsfx} {ord} {roman}
//	                {start} {w} {x} (the inner label) {n} {ord} {unit}
//	                {units} {a} {b}; "decadeSuffix.N" gives {dsfx} by the
//	                tens digit.
//	                Cases: a placeholder may name a grammatical case. {x@gen}
//	                renders the inner label with the layouts "key@gen",
//	                found in the order "key.precision@case", "key@case",
//	                "key.precision", "key" (the case is grammar, the
//	                precision style); {month@gen}, {season@det} and
//	                {weekday@datpl} take the word's case form. So Russian
//	                "since": "с {x@gen}" with "year@gen": "{y} года" and
//	                "end@gen": "конца {x@gen}" gives "с конца 2026 года".
//	contractions    [from, to] pairs applied in order to every finished
//	                label where from starts a word: elisions first ("le
//	                été" -> "l'été"), then a preposition fused with an
//	                article ("à le " -> "au ", "di il " -> "del ", "bis
//	                dem " -> "bis zum "), so that layouts may be written as
//	                the grammar composes them.
//
// # Values
//
// Value follows TIMEX3: "2022-09-07", "2022-W36", "2022-07", "2022-SU",
// "2009", "199X" (decade), "19XX" (century), "2014/2018" (range); unknown
// parts are X ("XXXX-09-07", "XXXX-WXX-3"). Durations and sets hold their
// ISO period ("PT24H", "P6Y", "PXDE" for decades of unknown count).
// From and To bound the interval, narrowed by Mod (early = first third).
// Seasons are meteorological and northern: winter 2022 runs from December
// 2022 to February 2023.
package timex
