package lang

import "testing"

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(Data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewDetector(b *testing.B) {
	r := mustLoad(b)
	b.ReportAllocs()
	for b.Loop() {
		NewDetector(r)
	}
}

func BenchmarkDetect(b *testing.B) {
	d := NewDetector(mustLoad(b))
	questions := []string{
		"When did Albania cut ties with Iran?",
		"pourquoi tirana a expulse les diplomates iraniens",
		"wie viele menschen leben in ashraf 3",
		"сколько пожарных погибло",
		"hány hektár égett le",
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d.Detect(questions[i%len(questions)])
		i++
	}
}

// BenchmarkDefaultDetector measures what a process pays for its detector
// at start: reading the tables embedded at build time.
func BenchmarkDefaultDetector(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DefaultDetector(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConcepts renders French words in English through the concept
// tables, as the engine does for a French question over an English
// article: the senses of a key, then the English words of each sense. One
// op is one key (every 50th one-word French key, fixed order).
func BenchmarkConcepts(b *testing.B) {
	r := mustLoad(b)
	fr, _ := r.Get("fr")
	en, _ := r.Get("en")
	from, to := fr.Concepts(), en.Concepts()
	var keys []string
	n := 0
	from.Keys(func(k string) bool {
		if n++; n%50 == 0 {
			keys = append(keys, k)
		}
		return true
	})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		for _, s := range from.Senses(keys[i%len(keys)]) {
			to.Words(s.Concept)
		}
		i++
	}
}
