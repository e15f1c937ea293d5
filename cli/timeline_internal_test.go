package cli

import (
	"slices"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		text   string
		anchor int
		want   dateKey
	}{
		{"2009", 0, dateKey{2009, 0, 0}},
		{"the 1990s", 0, dateKey{1990, 0, 0}},
		{"September 7, 2022", 0, dateKey{2022, 9, 7}},
		{"Sept. 7, 2022", 0, dateKey{2022, 0, 0}}, // time.Parse knows "Sep", not "Sept": the year still places it
		{"Aug. 12, 2025", 0, dateKey{2025, 8, 12}},
		{"7 September 2022", 0, dateKey{2022, 9, 7}},
		{"7th September 2022", 0, dateKey{2022, 9, 7}},
		{"May 2019", 0, dateKey{2019, 5, 0}},
		{"July 15", 2022, dateKey{2022, 7, 15}},
		{"July 15", 0, dateKey{0, 7, 15}},
		{"2022-09-07", 0, dateKey{2022, 9, 7}},
		{"Wednesday", 2022, dateKey{}},
		{"", 0, dateKey{}},
	}
	for _, tt := range tests {
		if got := parseDate(tt.text, tt.anchor); got != tt.want {
			t.Errorf("parseDate(%q, %d) = %+v, want %+v", tt.text, tt.anchor, got, tt.want)
		}
	}
}

func TestDateOrder(t *testing.T) {
	// A bare year before its months; dates without a year last, in the
	// order they came.
	keys := []dateKey{{1979, 0, 0}, {2009, 0, 0}, {2022, 0, 0}, {2022, 7, 15}, {2022, 9, 0}, {2022, 9, 7}, {}, {0, 7, 15}}
	shuffled := []dateKey{keys[5], keys[6], keys[0], keys[3], keys[7], keys[1], keys[4], keys[2]}
	slices.SortStableFunc(shuffled, func(a, b dateKey) int {
		switch {
		case a.less(b):
			return -1
		case b.less(a):
			return 1
		}
		return 0
	})
	if !slices.Equal(shuffled, keys) {
		t.Errorf("sorted = %v, want %v", shuffled, keys)
	}
}
