package timex_test

import (
	"flag"
	"fmt"
	"testing"
	"time"

	"github.com/qabot/qabot/corpus/timex"
)

var probeLang = flag.String("probe.lang", "", "")
var probeText = flag.String("probe.text", "", "")

func TestProbe(t *testing.T) {
	if *probeText == "" {
		t.Skip()
	}
	langs := mustLanguages(t)
	x := &timex.Extractor{Lang: langs[*probeLang]}
	ref := timex.Ref{Date: time.Date(2022, 9, 8, 0, 0, 0, 0, time.UTC), Precision: timex.Day}
	for _, e := range x.Extract(*probeText, ref) {
		fmt.Printf("%q %s %s %s %s %s | %s | %s\n", e.Text, e.Value, e.Precision, e.Kind, e.Mod, e.Duration, x.Lang.Format(e), e.Reason)
	}
}
