package lang_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/qabot/qabot/lang"
)

func TestErrorListError(t *testing.T) {
	errBad := errors.New("bad")
	var l lang.ErrorList
	if l.Err() != nil {
		t.Errorf("empty ErrorList.Err() = %v; want nil", l.Err())
	}
	l.Add("a.txt", 0, errBad)
	if got := l.Error(); got != "a.txt: bad" {
		t.Errorf("one problem: Error() = %q", got)
	}
	l.Add("data/fr/questions.tsv", 3, errBad)
	if got, want := l.Error(), "2 problems: a.txt: bad; data/fr/questions.tsv:3: bad"; got != want {
		t.Errorf("two problems: Error() = %q; want %q", got, want)
	}
	for i := range 12 {
		l.Add(fmt.Sprintf("f%d.txt", i), 0, errBad)
	}
	if got := l.Error(); !strings.HasPrefix(got, "14 problems: a.txt: bad;") || !strings.HasSuffix(got, "; and 4 more") {
		t.Errorf("fourteen problems: Error() = %q; want ten named and the rest counted", got)
	}
	if !errors.Is(l.Err(), errBad) {
		t.Error("errors.Is(ErrorList, errBad) = false; want true")
	}
}
