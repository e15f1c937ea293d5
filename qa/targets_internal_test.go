package qa

import (
	"reflect"
	"testing"
)

func TestMergeQueries(t *testing.T) {
	a := func(w float64, stems ...string) alt { return alt{stems: stems, weight: w} }
	reading := func(groups ...termGroup) *query {
		return &query{group: groups, focus: map[string]bool{}, mentioned: map[string]bool{}}
	}
	tests := []struct {
		name     string
		readings []*query
		want     []termGroup
	}{
		{
			name: "an alternative already there is kept once, the first reading's",
			readings: []*query{
				reading(termGroup{at: 0, n: 1, idf: 1, alts: []alt{a(1, "port"), a(0.6, "harbour")}}),
				reading(termGroup{at: 0, n: 1, idf: 2, alts: []alt{a(0.9, "port"), a(1, "hafen")}}),
			},
			want: []termGroup{{at: 0, n: 1, idf: 2, alts: []alt{a(1, "port"), a(0.6, "harbour"), a(1, "hafen")}}},
		},
		{
			name: "a phrase is one alternative: the same first stem is not the same alternative",
			readings: []*query{
				reading(termGroup{at: 0, n: 2, alts: []alt{a(1, "water", "author")}}),
				reading(termGroup{at: 0, n: 1, alts: []alt{a(1, "water"), a(1, "water", "author"), a(1, "water", "board")}}),
			},
			want: []termGroup{{at: 0, n: 2, alts: []alt{a(1, "water", "author"), a(1, "water"), a(1, "water", "board")}}},
		},
		{
			name: "a group within another reading's phrase joins it; one of words no reading had is added in place",
			readings: []*query{
				reading(termGroup{at: 0, n: 2, alts: []alt{a(1, "new", "york")}}, termGroup{at: 4, n: 1, alts: []alt{a(1, "open")}}),
				reading(termGroup{at: 1, n: 1, alts: []alt{a(1, "york")}}, termGroup{at: 2, n: 1, alts: []alt{a(1, "bridg")}}),
				reading(termGroup{at: 2, n: 1, alts: []alt{a(1, "bridg"), a(1, "brück")}}, termGroup{at: 4, n: 1, alts: []alt{a(1, "öffn"), a(1, "open")}}),
			},
			want: []termGroup{
				{at: 0, n: 2, alts: []alt{a(1, "new", "york"), a(1, "york")}},
				{at: 2, n: 1, alts: []alt{a(1, "bridg"), a(1, "brück")}},
				{at: 4, n: 1, alts: []alt{a(1, "open"), a(1, "öffn")}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mergeQueries(tt.readings).group
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("groups\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
