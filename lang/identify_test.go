package lang

import (
	"strings"
	"testing"
	"unsafe"
)

// The texts are invented news paragraphs.
func TestIdentifyText(t *testing.T) {
	reg := mustLoad(t)
	tests := []struct {
		name, text, want string
		supported        bool
	}{
		{"French", "Les salariés de l'usine ont reconduit la grève jeudi, et la direction a proposé une prime qui a été jugée insuffisante par les syndicats.", "fr", true},
		{"German", "Die Beschäftigten der Werft haben am Montag die Arbeit niedergelegt, und die Geschäftsführung bot eine Einmalzahlung an, die der Betriebsrat ablehnte.", "de", true},
		{"Russian", "Рабочие завода прекратили работу в понедельник, и руководство предложило разовую выплату, которую профсоюз отверг как недостаточную.", "ru", true},
		{"Norwegian", "De ansatte ved verftet la ned arbeidet på mandag, og ledelsen tilbød en engangsutbetaling som forbundet ikke var fornøyd med.", "nb", true},
		{"Swedish", "De anställda på varvet lade ner arbetet på måndagen, och ledningen erbjöd en engångsersättning som förbundet inte var nöjt med.", "sv", true},
		{"Portuguese", "Os trabalhadores da fábrica entraram em greve na segunda-feira e a direção propôs um bónus que os sindicatos consideraram insuficiente.", "pt", true},
		{"Dutch is none of them", "De werknemers van de scheepswerf hebben maandag het werk neergelegd nadat de directie een eenmalige uitkering had aangeboden.", "", false},
		{"no words", "1 850 — 2 300", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := reg.IdentifyText(tt.text)
			if id.Supported() != tt.supported || tt.supported && id.Code != tt.want {
				t.Errorf("IdentifyText(%q) = %s (share %.2f, supported %v), want %s (supported %v)",
					tt.text, id.Code, id.Share, id.Supported(), tt.want, tt.supported)
			}
		})
	}
}

func TestDeclaredLanguage(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"first line", "lang: fr\n\nTitre\n\nTexte.", "fr"},
		{"after the title", "Titre\nLang: DE\n\nText.", "de"},
		{"none", "Title\n\nText about lang: fr in the body.", ""},
		{"too deep", "Title\n\nFirst paragraph.\n\nlang: fr", ""},
		{"not a code", "lang: français\n\nTitre", ""},
	}
	for _, tt := range tests {
		if got, _ := DeclaredLanguage(tt.page); got != tt.want {
			t.Errorf("%s: DeclaredLanguage(%q) = %q, want %q", tt.name, tt.page, got, tt.want)
		}
	}
}

// The code DeclaredLanguage returns is a string of its own: a parsed
// article keeps it as its language, and a slice of the page would keep
// the page's first kilobytes alive with it.
func TestDeclaredLanguageOwnsCode(t *testing.T) {
	page := "lang: fr\n\n" + strings.Repeat("Un paragraphe de texte.\n\n", 100)
	code, _ := DeclaredLanguage(page)
	if code != "fr" {
		t.Fatalf("DeclaredLanguage = %q, want fr", code)
	}
	start := uintptr(unsafe.Pointer(unsafe.StringData(page)))
	if p := uintptr(unsafe.Pointer(unsafe.StringData(code))); p >= start && p < start+uintptr(len(page)) {
		t.Errorf("the code %q points into the page: it keeps all %d bytes alive", code, len(page))
	}
}
