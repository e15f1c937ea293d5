package qa_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// An invented page in Dutch, a language qabot does not read.
const dutchYard = `Staking bij de scheepswerf Noordhaven

De werknemers van de scheepswerf Noordhaven hebben maandag het werk neergelegd nadat de directie een eenmalige uitkering had aangeboden. Volgens de vakbond doen 1.850 van de 2.300 werknemers mee aan de staking.

De directie wil volgende week opnieuw met de vakbond praten, zei woordvoerder Pieter de Vries.
`

func TestNoticeArticleInAnUnsupportedLanguage(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := qa.Load(fstest.MapFS{"noordhaven.txt": {Data: []byte(dutchYard)}}, qa.Options{Languages: reg, Detector: lang.NewDetector(reg)})
	if err != nil {
		t.Fatal(err)
	}
	if a := e.Corpus().Articles[0]; a.OtherLang == "" {
		t.Fatalf("the Dutch page was read as %s (%s), not as a language qabot does not read", a.Lang, a.LangReason)
	}
	fr, _ := reg.Get("fr")
	a, err := e.Ask(context.Background(), qa.Question{Text: "combien de salariés font grève à Noordhaven ?", Lang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	want := fr.Message(qa.NoticeArticleUnsupported, map[string]string{"article": "Staking bij de scheepswerf Noordhaven"})
	if a.NoticeID != qa.NoticeArticleUnsupported || a.Notice != want {
		t.Errorf("Ask = notice %q %q, want %q in French", a.NoticeID, a.Notice, want)
	}

	// A conversation says it once.
	convs, err := qa.NewConversations(e, qa.ConversationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var notices []string
	for _, q := range []string{"how many workers are on strike at Noordhaven?", "who is Pieter de Vries?"} {
		a, err := convs.Ask(context.Background(), "u1", qa.Question{Text: q, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		notices = append(notices, a.NoticeID)
	}
	if notices[0] != qa.NoticeArticleUnsupported || notices[1] != "" {
		t.Errorf("notices of two turns = %q, want the notice on the first only", notices)
	}
}

func TestNoticeNoTranslation(t *testing.T) {
	e := mustMixedEngine(t)
	// Most of the question's words are none that any table renders.
	a, err := e.Ask(context.Background(), qa.Question{Text: "Mikor zubrolták a flekkentyűt a papeterie előtt?", Lang: "hu"})
	if err != nil {
		t.Fatal(err)
	}
	if a.NoticeID != qa.NoticeNoTranslation || !strings.Contains(a.Notice, "franciául") {
		t.Errorf("Ask = notice %q %q (unknown %.2f), want %s naming French in Hungarian", a.NoticeID, a.Notice, a.Evidence.Unknown, qa.NoticeNoTranslation)
	}
	// A question the tables render fully gives none.
	a, err = e.Ask(context.Background(), qa.Question{Text: "combien d'ouvriers ont cessé le travail ?"})
	if err != nil {
		t.Fatal(err)
	}
	if a.NoticeID != "" {
		t.Errorf("a French question about a French page gives notice %q", a.NoticeID)
	}
	// Over a French page alone, nothing of it matches that question, and
	// the notice still says why.
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	fr, err := qa.Load(fstest.MapFS{"papeterie.txt": {Data: []byte(frenchMill)}}, qa.Options{Languages: reg, Detector: lang.NewDetector(reg)})
	if err != nil {
		t.Fatal(err)
	}
	a, err = fr.Ask(context.Background(), qa.Question{Text: "Mikor zubrolták a flekkentyűt?", Lang: "hu"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered || len(a.Suggestions) > 0 || a.NoticeID != qa.NoticeNoTranslation || !strings.Contains(a.Notice, "franciául") {
		t.Errorf("Ask over the French page = answered %v, %d suggestions, notice %q %q (unknown %.2f); want nothing found and %s naming French in Hungarian",
			a.Answered, len(a.Suggestions), a.NoticeID, a.Notice, a.Evidence.Unknown, qa.NoticeNoTranslation)
	}
}

// A question that finds nothing in a corpus holding a page qabot does not
// read is told so, once a conversation: "the article doesn't say" alone
// would hide that the answer may be in the unread page. Where every page
// is read, a question that finds nothing gets no notice.
func TestNoticeDeclinedBesideAnUnsupportedArticle(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := qa.Load(fstest.MapFS{
		"noordhaven.txt": {Data: []byte(dutchYard)},
		"ferry.txt":      {Data: []byte(englishFerry)},
	}, qa.Options{Languages: reg, Detector: lang.NewDetector(reg)})
	if err != nil {
		t.Fatal(err)
	}
	en, _ := reg.Get("en")
	want := en.Message(qa.NoticeArticleUnsupported, map[string]string{"article": "Staking bij de scheepswerf Noordhaven"})
	const unread = "how tall is the lighthouse?"
	a, err := e.Ask(context.Background(), qa.Question{Text: unread, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered || a.Reason != qa.ReasonNotFound {
		t.Fatalf("Ask(%q) = answered %v, reason %q; want it not found", unread, a.Answered, a.Reason)
	}
	if a.NoticeID != qa.NoticeArticleUnsupported || a.Notice != want {
		t.Errorf("Ask(%q) = notice %q %q, want %q", unread, a.NoticeID, a.Notice, want)
	}

	convs, err := qa.NewConversations(e, qa.ConversationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var notices []string
	for _, q := range []string{unread, "who painted the chapel?"} {
		a, err := convs.Ask(context.Background(), "u1", qa.Question{Text: q, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		notices = append(notices, a.NoticeID)
	}
	if notices[0] != qa.NoticeArticleUnsupported || notices[1] != "" {
		t.Errorf("notices of two unanswered turns = %q, want the notice on the first only", notices)
	}

	a, err = mustMixedEngine(t).Ask(context.Background(), qa.Question{Text: unread, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered || a.NoticeID != "" {
		t.Errorf("Ask(%q) over pages qabot reads = answered %v, notice %q; want nothing found and no notice", unread, a.Answered, a.NoticeID)
	}
}
