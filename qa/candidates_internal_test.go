package qa

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"sort"
	"testing"

	"github.com/qabot/qabot/internal/gencorpus"
	"github.com/qabot/qabot/seeds"
)

// exhaustiveStage1 is the first stage as it was before candidates.go: it
// scores every sentence of the corpus for every question word, looks up
// its article's words in a map per sentence and word, and sorts every
// sentence with a positive score. candidates must give the same list.
func exhaustiveStage1(e *Engine, q *query) ([]ranked, []float64, []uint64) {
	ix := e.idx
	n := len(ix.docs)
	names := make([]map[string]bool, n)
	for d := range ix.docs {
		names[d] = map[string]bool{}
		doc := &ix.docs[d]
		for _, nm := range doc.sentence.Facts.Names {
			for _, st := range doc.an.stems(nm.Text) {
				names[d][st] = true
			}
		}
	}
	articleHas := func(g termGroup, art int) bool {
		for _, a := range g.alts {
			for _, st := range a.stems {
				if ix.articleStems[art][st] {
					return true
				}
			}
		}
		return false
	}
	score := make([]float64, n)
	cover := make([]float64, n)
	words := make([]uint64, n)
	relCover := make([]float64, n)
	groupScore := make([]float64, n)
	groupCover := make([]float64, n)
	matched := make([]bool, n)
	var touched []int32
	totalIDF, relIDF := 0.0, 0.0
	for gi, g := range q.group {
		totalIDF += g.idf
		isName := e.isNameGroup(g)
		if !isName {
			relIDF += g.idf
		}
		touched = touched[:0]
		ceiling := e.ownIDF(g)
		for _, a := range g.alts {
			per := a.weight / float64(len(a.stems))
			for _, st := range a.stems {
				tid, ok := ix.termID(st)
				if !ok {
					continue
				}
				damp := 1.0
				if ceiling > 0 && ix.idf[tid] > ceiling {
					damp = ceiling / ix.idf[tid]
				}
				for _, p := range ix.post[tid] {
					s := ix.bm25(tid, p) * per * damp
					if names[p.doc][st] {
						s *= 1.3
					}
					if groupScore[p.doc] == 0 && groupCover[p.doc] == 0 {
						touched = append(touched, p.doc)
					}
					groupScore[p.doc] = max(groupScore[p.doc], s)
					groupCover[p.doc] = max(groupCover[p.doc], per*min(1, float64(p.tf)))
					if gi < 64 && p.tf >= 1 {
						words[p.doc] |= 1 << gi
					}
				}
			}
		}
		for _, d := range touched {
			score[d] += groupScore[d]
			cover[d] += g.idf * groupCover[d]
			if !isName {
				relCover[d] += g.idf * groupCover[d]
			}
			matched[d] = true
		}
		for d := range score {
			if !matched[d] && articleHas(g, ix.docs[d].artIdx) {
				score[d] += weightArticle * g.idf
				cover[d] += weightArticle * g.idf
			}
		}
		for _, d := range touched {
			groupScore[d], groupCover[d], matched[d] = 0, 0, false
		}
	}
	var out []ranked
	for d := range score {
		if score[d] <= 0 {
			continue
		}
		r := ranked{doc: d, bm25: score[d]}
		if totalIDF > 0 {
			r.coverage = cover[d] / totalIDF
		}
		r.relation = 1
		if relIDF > 0 {
			r.relation = relCover[d] / relIDF
		}
		r.score = score[d] * (1 + 0.3*e.evidence(q, d)) * (coverageFloor + r.coverage)
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].doc < out[j].doc
	})
	return out, cover, words
}

// TestCandidatesMatchExhaustive checks candidate generation against the
// exhaustive first stage, to the bit, on the seed article with the tuning
// questions of every language, on the test articles with theirs, and on a
// generated corpus of 60 articles in four languages with its questions:
// the full list, what the second stage reads of every sentence, and the
// best k for several k (the lists Ask and the ranker read) with what the
// second stage reads of the sentences of their articles.
func TestCandidatesMatchExhaustive(t *testing.T) {
	opts := detectingOptions(t)
	type set struct {
		name      string
		articles  fs.FS
		questions []string
	}
	var sets []set
	sets = append(sets, set{"seed", seeds.FS, questionTexts(t, "../testdata/eval/seed/*.jsonl")})
	sets = append(sets, set{"articles", os.DirFS("../testdata/articles"), questionTexts(t, "../testdata/eval/articles/*.jsonl")})
	g := gencorpus.Generate(60, 7, 3)
	var gq []string
	for _, q := range g.Questions {
		gq = append(gq, q.Text)
	}
	sets = append(sets, set{"generated", g.FS(), gq})

	for _, s := range sets {
		t.Run(s.name, func(t *testing.T) {
			e, err := Load(s.articles, opts)
			if err != nil {
				t.Fatal(err)
			}
			asked := 0
			for _, text := range s.questions {
				_, qy, ok := e.prepare(Question{Text: text})
				if !ok || len(qy.group) == 0 {
					continue
				}
				asked++
				want, wantCover, wantWords := exhaustiveStage1(e, qy)
				got, seen, b := e.candidates(context.Background(), qy, 0)
				if !sameRanked(got, want) {
					t.Fatalf("%q: candidates gave %d sentences, the exhaustive stage %d, or another order or score", text, len(got), len(want))
				}
				for d := range wantCover {
					if seen.cover[d] != wantCover[d] || seen.words[d] != wantWords[d] {
						t.Fatalf("%q: sentence %d: cover %v words %b, want %v %b", text, d, seen.cover[d], seen.words[d], wantCover[d], wantWords[d])
					}
				}
				e.idx.cand.put(b)
				for _, k := range []int{1, 2, askDepth, 41} {
					got, seen, b := e.candidates(context.Background(), qy, k)
					if !sameRanked(got, want[:min(k, len(want))]) {
						t.Fatalf("%q: the best %d differ from the exhaustive stage's", text, k)
					}
					// The second stage reads the sentences of the
					// candidates' articles.
					for _, r := range got {
						art := e.idx.docs[r.doc].artIdx
						c := &e.idx.cand
						for d := c.artStart[art]; d < c.artStart[art+1]; d++ {
							if seen.cover[d] != wantCover[d] || seen.words[d] != wantWords[d] {
								t.Fatalf("%q: best %d: sentence %d: cover %v words %b, want %v %b", text, k, d, seen.cover[d], seen.words[d], wantCover[d], wantWords[d])
							}
						}
					}
					e.idx.cand.put(b)
				}
			}
			if asked < 20 {
				t.Fatalf("only %d questions asked", asked)
			}
			// The scratch is clean after every question.
			b := e.idx.cand.get(len(e.idx.docs))
			for d := range b.reached {
				if b.reached[d] || b.cover[d] != 0 || b.words[d] != 0 {
					t.Fatalf("scratch of sentence %d not reset", d)
				}
			}
			for a := range b.bound {
				if b.bound[a] != (articleBound{}) || b.artAcc[a] != 0 {
					t.Fatalf("scratch of article %d not reset", a)
				}
			}
		})
	}
}

func sameRanked(a, b []ranked) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.doc != y.doc || x.score != y.score || x.coverage != y.coverage || x.relation != y.relation || x.bm25 != y.bm25 {
			return false
		}
	}
	return true
}

// TestCandidatesStopWithContext checks that candidate generation gives up
// once its context ends.
func TestCandidatesStopWithContext(t *testing.T) {
	e := storeEngine(t)
	_, qy, ok := e.prepare(Question{Text: "when did the harbour of Port Ellin reopen?"})
	if !ok {
		t.Fatal("question not prepared")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if out, seen, b := e.candidates(ctx, qy, 0); out != nil || seen != nil || b != nil {
		t.Fatalf("candidates after cancel = %d sentences, want none", len(out))
	}
	if out, _, b := e.candidates(context.Background(), qy, 0); len(out) == 0 {
		t.Fatal("no candidates without cancel")
	} else {
		e.idx.cand.put(b)
	}
}

// TestBestOf checks the partial sort against a full one on lists with many
// ties, as an article of like sentences gives.
func TestBestOf(t *testing.T) {
	for _, tt := range []struct{ n, k, distinct int }{{10, 3, 2}, {100, 41, 3}, {100, 41, 100}, {42, 41, 1}, {5, 1, 5}} {
		rs := make([]ranked, tt.n)
		for i := range rs {
			// Scores repeat every distinct sentences; docs are unique.
			rs[i] = ranked{doc: (i * 37) % tt.n, score: float64((i * 7) % tt.distinct)}
		}
		want := slices.Clone(rs)
		slices.SortFunc(want, byFirstStage)
		got := bestOf(slices.Clone(rs), tt.k, &bestScratch{})
		if !sameRanked(got, want[:tt.k]) {
			t.Errorf("n=%d k=%d distinct=%d: got %v, want %v", tt.n, tt.k, tt.distinct, got, want[:tt.k])
		}
	}
}
