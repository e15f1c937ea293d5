package timex_test

import (
	"testing"
	"time"

	"github.com/qabot/qabot/corpus/timex"
)

func TestDocumentReference(t *testing.T) {
	langs := mustLanguages(t)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name      string
		order     timex.DateOrder
		fallback  timex.Ref
		anchors   []string
		sentences []string
		ref       timex.Ref
		values    []string // values of all expressions, in order
	}{
		{
			name:      "caption moved by a weekday date",
			anchors:   []string{"Edi Rama, June 23, 2022 in Brussels."},
			sentences: []string{"Albania cut ties on Wednesday, September 7.", "The attack came on July 15."},
			ref:       timex.Ref{Date: day(2022, 9, 7), Precision: timex.Day},
			values:    []string{"2022-09-07", "2022-07-15"},
		},
		{
			name:      "no anchors: the lead's full date",
			sentences: []string{"Edi Rama, June 23, 2022 in Brussels.", "Albania cut ties on Wednesday, September 7.", "The attack came on July 15."},
			ref:       timex.Ref{Date: day(2022, 9, 7), Precision: timex.Day},
			values:    []string{"2022-06-23", "2022-09-07", "2022-07-15"},
		},
		{
			name:      "numeric order judged from written dates",
			anchors:   []string{"Issued on: 07/11/2024", "on November 6, 2024."},
			sentences: []string{"Dockworkers voted on Thursday."},
			ref:       timex.Ref{Date: day(2024, 11, 7), Precision: timex.Day},
			values:    []string{"2024-11-07"},
		},
		{
			name:      "numeric order from an unambiguous date",
			anchors:   []string{"Posted 12/25/2024", "Updated 01/02/2025"},
			sentences: []string{"It happened on Monday."},
			ref:       timex.Ref{Date: day(2025, 1, 2), Precision: timex.Day},
			values:    []string{"2024-12-30"},
		},
		{
			name:      "forced month first",
			order:     timex.MonthFirst,
			anchors:   []string{"Posted 07/11/2024"},
			sentences: []string{"It happened yesterday."},
			ref:       timex.Ref{Date: day(2024, 7, 11), Precision: timex.Day},
			values:    []string{"2024-07-10"},
		},
		{
			name:      "only years: the latest one",
			sentences: []string{"It joined NATO in 2009.", "In July, it held a summit."},
			ref:       timex.Ref{Date: day(2009, 1, 1), Precision: timex.Year},
			values:    []string{"2009", "2009-07"},
		},
		{
			name:      "nothing: the fallback",
			fallback:  timex.Ref{Date: day(2030, 5, 5), Precision: timex.Day},
			sentences: []string{"Talks resumed last year."},
			ref:       timex.Ref{Date: day(2030, 5, 5), Precision: timex.Day},
			values:    []string{"2029"},
		},
		{
			name:      "nothing at all",
			sentences: []string{"Talks resumed last year."},
			values:    []string{""},
		},
		{
			name:      "narrative year from the date just before",
			anchors:   []string{"Published 10 January 2024"},
			sentences: []string{"The strike began on 3 March 2019.", "On March 5, the port closed."},
			ref:       timex.Ref{Date: day(2024, 1, 10), Precision: timex.Day},
			values:    []string{"2019-03-03", "2019-03-05"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &timex.Resolver{Lang: langs["en"], Order: tt.order, Fallback: tt.fallback}
			doc := r.Document(tt.anchors, tt.sentences)
			if !doc.Ref.Date.Equal(tt.ref.Date) || doc.Ref.Precision != tt.ref.Precision {
				t.Errorf("Document ref = %v (%s), want %v (%s); reason %q", doc.Ref.Date, doc.Ref.Precision, tt.ref.Date, tt.ref.Precision, doc.RefReason)
			}
			var values []string
			for _, s := range doc.Sentences {
				for _, e := range s {
					values = append(values, e.Value)
				}
			}
			if len(values) != len(tt.values) {
				t.Fatalf("Document values = %q, want %q", values, tt.values)
			}
			for i := range values {
				if values[i] != tt.values[i] {
					t.Errorf("Document value %d = %q, want %q (all: %q)", i, values[i], tt.values[i], values)
				}
			}
		})
	}
}
