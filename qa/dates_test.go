package qa_test

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// TestDateLanguages: a date a German user types over a French page is read
// in German, then English, then French; replies in German write dates
// with German month names.
func TestDateLanguages(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	page := "Grève à la fonderie\n\nLes ouvriers de la fonderie ont reconduit jeudi la grève entamée lundi 30 octobre, a indiqué le syndicat dans un communiqué.\n"
	e, err := qa.Load(fstest.MapFS{"greve.txt": {Data: []byte(page)}}, qa.Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tl := range e.DateLanguages("de") {
		got = append(got, tl.Code)
	}
	if diff := cmp.Diff([]string{"de", "en", "fr"}, got); diff != "" {
		t.Errorf("DateLanguages(de) (-want +got):\n%s", diff)
	}
	if tl := e.TimeLanguage("de"); tl == nil || tl.Code != "de" {
		t.Errorf("TimeLanguage(de) = %v", tl)
	}
	if tl := e.TimeLanguage("xx"); tl != nil {
		t.Errorf("TimeLanguage(xx) = %v, want nil", tl)
	}
}
