package corpus_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/qabot/qabot/corpus"
)

// TestShortPagesAreRead: a page whose only text is short, a fragment or a
// list is an article, in every language, as encyclopaedia passages are; a
// page of furniture and labels alone is still refused. The pages are
// invented; their shapes are those of real passages that were refused.
func TestShortPagesAreRead(t *testing.T) {
	p := mustLanguagesParser(t)
	tests := []struct {
		name, page string
		want       string // a piece of the article's text
	}{
		{"en short sentence with a reference mark", "Marrow vines\n\nThe shoots of the vine are called canes.[1]\n", "called canes"},
		{"en fragment ending in a colon", "Border of Veldavia\n\nThe republic of Veldavia shares five border points with its neighbours:\n", "five border points"},
		{"en statement without its full stop", "Population of Veldavia\n\nThe population of Veldavia is 4 120 936 people by the estimate of December 2018\n", "4 120 936"},
		{"en table row", "Newspapers of Veldavia by circulation\n\nThe Morning Lamp    1,447,959 -7%\n", "Morning Lamp"},
		{"en story starting in lower case", "ZapCode\n\nzapCode is a code-like system designed to tell people from programs. zapCode was first written at a small college.[1]\n", "tell people from programs"},
		{"ru short list", "Клуб «Орион»\n\nГрим «Ориона» Звёздный мальчик – Пётр Ланин  Волк – Иван Серов  Лис –  Олег Дамов\n", "Звёздный мальчик"},
		{"ru fragment ending in a colon", "Кулачный спорт\n\nПервые записи о таких состязаниях сделал летописец в 1050 году:\n", "летописец"},
		{"ru category list", "Ночь на мосту\n\nКатегория:Городские события Категория:1600 год Категория:Ночи с именем\n", "Категория"},
		{"ru lower-case table", "Поезд ЭП5\n\nконструкционная скорость — 130 км/ч; длина вагона — 22 056 мм; ширина вагона — 3522 мм.\n", "130 км/ч"},
		{"fr fragment ending in a colon", "Stade de Morlaix\n\nLe club a établi plusieurs records dans la ligue, parmi lesquels :\n", "plusieurs records"},
		{"de short list", "Gürtel im Karate\n\nWeiß — Anfänger Gelb — Schüler Braun — Fortgeschrittene Schwarz — Meister\n", "Anfänger"},
		{"es short sentence", "Vid\n\nLos brotes de la vid se llaman sarmientos.\n", "sarmientos"},
		{"nb statement without its full stop", "Folketall i Fjellby\n\nFolketallet i Fjellby er 12 400 ifølge tellingen i 2020\n", "12 400"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := p.Parse("page", []byte(tt.page))
			if err != nil {
				t.Fatalf("Parse: %v; want an article", err)
			}
			if !strings.Contains(a.Text, tt.want) {
				t.Errorf("article text %q lacks %q", a.Text, tt.want)
			}
		})
	}

	refused := []struct{ name, page string }{
		{"labels only", "Home\n\nMenu\n\nSign in\n"},
		{"furniture only", "Share\n\nAdvertisement\n\nRead more\n\nSubscribe to our newsletter\n"},
		{"title only", "A title alone\n"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := p.Parse("page", []byte(tt.page)); !errors.Is(err, corpus.ErrNoText) {
				t.Errorf("Parse error %v, want %v", err, corpus.ErrNoText)
			}
		})
	}
}
