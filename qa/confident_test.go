package qa_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

// The answers a new user got from the seed article that were confidently
// wrong (issue 9). Each must stay gone in every phrasing and language, and
// through general mechanisms: the engine knows nothing of this article.

var seedEngine = sync.OnceValues(func() (*qa.Engine, error) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		return nil, err
	}
	return qa.Load(seeds.FS, qa.Options{Languages: reg})
})

func askSeed(t *testing.T, lang, q string) qa.Answer {
	t.Helper()
	e, err := seedEngine()
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Ask(context.Background(), qa.Question{Text: q, Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// "Edi Rama accused Iran of being behind a cyberattack": the accuser is a
// source, not the one who carried it out.
func TestNotTheAccuser(t *testing.T) {
	for _, tc := range []struct{ lang, q string }{
		{"en", "who carried out the cyberattack?"},
		{"en", "Who was behind the cyber attack?"},
		{"en", "who is responsible for the attack on albania"},
		{"en", "who attacked albania's government systems?"},
		{"fr", "qui a mené la cyberattaque ?"},
		{"fr", "qui est derrière l'attaque informatique ?"},
		{"es", "¿quién llevó a cabo el ciberataque?"},
		{"es", "¿Quién está detrás del ataque?"},
		{"de", "Wer steckt hinter dem Cyberangriff?"},
		{"ru", "кто стоит за кибератакой?"},
		{"it", "chi ha compiuto l'attacco informatico?"},
		{"pt", "quem realizou o ataque cibernético?"},
	} {
		a := askSeed(t, tc.lang, tc.q)
		if a.Answered && strings.Contains(a.Text, "Rama") {
			t.Errorf("Ask(%q) = %q (from %q); want anyone but the accuser", tc.q, a.Text, a.Quote.Text)
		}
	}
}

// No sentence of the article says Iran admitted the attack: a yes needs a
// sentence that states it.
func TestYesNeedsEvidence(t *testing.T) {
	for _, tc := range []struct{ lang, q string }{
		{"en", "did Iran admit it?"},
		{"en", "Did Iran admit the attack?"},
		{"en", "did iran admit to the cyberattack?"},
		{"en", "has Iran admitted responsibility?"},
		{"en", "did Iran deny it?"},
		{"fr", "l'Iran a-t-il reconnu l'attaque ?"},
		{"fr", "est-ce que l'Iran a avoué ?"},
		{"es", "¿Irán admitió el ataque?"},
		{"de", "Hat der Iran den Angriff zugegeben?"},
		{"ru", "Иран признал это?"},
		{"ru", "Иран признал атаку?"},
		{"it", "l'Iran ha ammesso l'attacco?"},
	} {
		a := askSeed(t, tc.lang, tc.q)
		l, _ := mustLangs(t).Get(tc.lang)
		if a.Answered && a.Text == l.Message("yes", nil) {
			t.Errorf("Ask(%q) = %q (from %q); want no yes without a sentence that says so", tc.q, a.Text, a.Quote.Text)
		}
	}
}

// The article names no president of France; its only president is a
// former US Vice President.
func TestRestrictionMustFit(t *testing.T) {
	for _, tc := range []struct{ lang, q string }{
		{"en", "who is the president of France?"},
		{"en", "who is the French president"},
		{"en", "Who is France's president?"},
		{"fr", "qui est le président de la France ?"},
		{"fr", "qui est le président français ?"},
		{"es", "¿Quién es el presidente de Francia?"},
		{"de", "Wer ist der Präsident von Frankreich?"},
		{"ru", "кто президент Франции?"},
		{"it", "chi è il presidente della Francia?"},
		{"pt", "quem é o presidente da França?"},
		{"sv", "vem är Frankrikes president?"},
	} {
		a := askSeed(t, tc.lang, tc.q)
		if a.Answered && strings.Contains(a.Text, "Pence") {
			t.Errorf("Ask(%q) = %q (from %q); want no president of another country", tc.q, a.Text, a.Quote.Text)
		}
	}
}

var langsOnce = sync.OnceValues(func() (*lang.Registry, error) { return lang.Load(lang.Data) })

func mustLangs(t *testing.T) *lang.Registry {
	t.Helper()
	r, err := langsOnce()
	if err != nil {
		t.Fatal(err)
	}
	return r
}
